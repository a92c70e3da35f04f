"""Scoring situational-judgment tests.

The scoring functions are pure: they take the experts' keys and the answers as plain
data and return numbers, so they can be checked against hand-computed cases.
``snapshot`` turns a pinned test revision into that plain data.

Answers are kept as ``{"<scenario id>": {"<option id>": rating}}`` for "rate each" and
``{"<scenario id>": {"most": option id, "least": option id}}`` for "most and least".
"""

from collections.abc import Mapping
from dataclasses import dataclass
from statistics import fmean

RATE_EACH, MOST_LEAST = "rate_each", "most_least"
WORST_DISTANCE = 4  # |1 - 5|: the largest possible distance from a key


@dataclass(frozen=True)
class OptionView:
    id: int
    text: str
    key: int


@dataclass(frozen=True)
class ScenarioView:
    id: int
    title: str
    situation: str
    question: str
    dimension_ids: tuple[int, ...]
    options: tuple[OptionView, ...]

    @property
    def keys(self) -> dict[int, int]:
        return {option.id: option.key for option in self.options}


@dataclass(frozen=True)
class TestSnapshot:
    """A test exactly as it was in one revision: what the person sees and how it scores."""

    title: str
    slug: str
    instructions: str
    time_limit_minutes: int
    scoring_method: str
    scenarios: tuple[ScenarioView, ...]


@dataclass(frozen=True)
class AttemptScore:
    scenario_scores: dict[int, float]
    dimension_scores: dict[int, float]
    total: float | None


def rate_each_score(ratings: Mapping[int, int], keys: Mapping[int, int]) -> float:
    """1 - mean(|rating - key|) / 4 over every option; an unrated option counts as distance 4."""
    distances = [
        abs(ratings[option] - key) if ratings.get(option) is not None else WORST_DISTANCE
        for option, key in keys.items()
    ]
    return 1.0 - fmean(distances) / WORST_DISTANCE


def most_least_score(most: int | None, least: int | None, keys: Mapping[int, int]) -> int:
    """+1 for a top-keyed 'most' pick and a bottom-keyed 'least' pick; -1 for each reversed.

    Top-keyed = key equal to the scenario's highest key; bottom-keyed = equal to the lowest.
    A missing pick scores 0. Range -2..+2.
    """
    top, bottom = max(keys.values()), min(keys.values())
    score = 0
    if most is not None:
        score += 1 if keys[most] == top else -1 if keys[most] == bottom else 0
    if least is not None:
        score += 1 if keys[least] == bottom else -1 if keys[least] == top else 0
    return score


def scenario_score(method: str, scenario: ScenarioView, answer: Mapping) -> float:
    """The score of one scenario given the person's answer to it (possibly empty)."""
    answer = answer or {}
    if method == RATE_EACH:
        ratings = {int(option): rating for option, rating in answer.items()}
        return rate_each_score(ratings, scenario.keys)
    if method == MOST_LEAST:
        return float(most_least_score(answer.get("most"), answer.get("least"), scenario.keys))
    raise ValueError(f"Unknown scoring method {method!r}.")


def score_attempt(
    *, method: str, scenarios: tuple[ScenarioView, ...] | list[ScenarioView], answers: Mapping
) -> AttemptScore:
    """Scores every scenario, then each dimension (mean of its scenarios) and the total.

    The total is the mean of the scenario scores, so it is on the same scale as a scenario.
    """
    per_scenario = {
        s.id: scenario_score(method, s, answers.get(str(s.id)) or answers.get(s.id) or {})
        for s in scenarios
    }
    by_dimension: dict[int, list[float]] = {}
    for s in scenarios:
        for dimension_id in s.dimension_ids:
            by_dimension.setdefault(dimension_id, []).append(per_scenario[s.id])
    dimension_scores = {d: fmean(values) for d, values in by_dimension.items()}
    total = fmean(per_scenario.values()) if per_scenario else None
    return AttemptScore(per_scenario, dimension_scores, total)


def snapshot(revision) -> TestSnapshot:
    """The test as it was in ``revision`` (a JudgmentTest revision), as plain data.

    Reads the revision's stored content directly (no queries): scenarios and their
    options are nested lists there, the scenario's dimensions a list of pks.
    """
    content = revision.content

    def ordered(items):
        return sorted(items or [], key=lambda item: (item.get("sort_order") or 0, item["pk"]))

    scenarios = tuple(
        ScenarioView(
            id=s["pk"], title=s["title"], situation=s["situation"], question=s["question"],
            dimension_ids=tuple(sorted(int(d) for d in s.get("dimensions") or [])),
            options=tuple(
                OptionView(o["pk"], o["text"], int(o["key"])) for o in ordered(s.get("options"))
            ),
        )
        for s in ordered(content.get("scenarios"))
    )
    return TestSnapshot(
        title=content["title"], slug=content["slug"], instructions=content["instructions"],
        time_limit_minutes=int(content["time_limit_minutes"]),
        scoring_method=content["scoring_method"], scenarios=scenarios,
    )
