"""Scoring situational-judgment tests.

The scoring functions are pure: they take the experts' keys and the answers as plain
data and return numbers, so they can be checked against hand-computed cases.
``snapshot`` turns a pinned test revision into that plain data.

Answers are kept as ``{"<scenario id>": {"<option id>": rating}}`` for "rate each" and
``{"<scenario id>": {"most": option id, "least": option id}}`` for "most and least".

An unanswered item (an unrated option, a pick not made) is missing, not wrong: scores are
means over what was answered, and a scenario with nothing answered has no score at all.
How much was answered is counted in items: each option of a "rate each" scenario, and the
two picks of a "most and least" scenario.
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
    answered: int = 0
    items: int = 0


def rate_each_score(ratings: Mapping[int, int], keys: Mapping[int, int]) -> float | None:
    """1 - mean(|rating - key|) / 4 over the rated options; None when none is rated."""
    distances = [abs(ratings[option] - key) for option, key in keys.items()
                 if ratings.get(option) is not None]
    return 1.0 - fmean(distances) / WORST_DISTANCE if distances else None


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


def items_in(method: str, scenario: ScenarioView) -> int:
    """How many answers a scenario asks for: one per option, or the two picks."""
    return len(scenario.options) if method == RATE_EACH else 2


def answered_in(method: str, scenario: ScenarioView, answer: Mapping | None) -> int:
    """How many of the scenario's items the answer fills in."""
    answer = answer or {}
    if method == RATE_EACH:
        return sum(1 for option in scenario.options
                   if answer.get(str(option.id), answer.get(option.id)) is not None)
    return sum(1 for pick in ("most", "least") if answer.get(pick) is not None)


def scenario_score(method: str, scenario: ScenarioView, answer: Mapping) -> float | None:
    """The score of one scenario given the person's answer to it; None when unanswered.

    Most and least with only one pick made: that pick's +1/0/-1, doubled so the score
    stays on the -2..+2 scale (the missing pick is not counted as 0).
    """
    answer = answer or {}
    if method == RATE_EACH:
        ratings = {int(option): rating for option, rating in answer.items()}
        return rate_each_score(ratings, scenario.keys)
    if method == MOST_LEAST:
        picks = answered_in(method, scenario, answer)
        if not picks:
            return None
        score = most_least_score(answer.get("most"), answer.get("least"), scenario.keys)
        return float(score) * 2 / picks
    raise ValueError(f"Unknown scoring method {method!r}.")


def score_attempt(
    *, method: str, scenarios: tuple[ScenarioView, ...] | list[ScenarioView], answers: Mapping
) -> AttemptScore:
    """Scores the answered scenarios, then each dimension (mean of its scored scenarios)
    and the total (mean of the scored scenarios, so on the same scale as a scenario).

    Unanswered scenarios are left out, not counted as zero; a dimension with no answered
    scenario has no score, and nothing answered at all gives total None.
    """
    def answer_to(s):
        return answers.get(str(s.id)) or answers.get(s.id) or {}

    per_scenario = {s.id: scenario_score(method, s, answer_to(s)) for s in scenarios}
    per_scenario = {pk: v for pk, v in per_scenario.items() if v is not None}
    by_dimension: dict[int, list[float]] = {}
    for s in scenarios:
        if s.id in per_scenario:
            for dimension_id in s.dimension_ids:
                by_dimension.setdefault(dimension_id, []).append(per_scenario[s.id])
    dimension_scores = {d: fmean(values) for d, values in by_dimension.items()}
    total = fmean(per_scenario.values()) if per_scenario else None
    return AttemptScore(
        per_scenario, dimension_scores, total,
        answered=sum(answered_in(method, s, answer_to(s)) for s in scenarios),
        items=sum(items_in(method, s) for s in scenarios),
    )


def progress(test: TestSnapshot, answers: Mapping) -> dict:
    """How many items of ``test`` the answers fill in: answered, items, unanswered."""
    method = test.scoring_method
    answered = sum(answered_in(method, s, answers.get(str(s.id))) for s in test.scenarios)
    items = sum(items_in(method, s) for s in test.scenarios)
    return {"answered": answered, "items": items, "unanswered": items - answered}


def is_complete(answered: int | None, items: int | None, threshold: float) -> bool:
    """Whether enough of a test was answered for it to count as evidence.

    Attempts scored before answers were counted (no counts) are taken as complete.
    """
    if answered is None or not items:
        return True
    return answered / items >= threshold


def answered_note(answered: int | None, items: int | None, complete: bool,
                  threshold: float, *, left_out: str = "not used in the band") -> str:
    """'answered 60 of 65', or why an incomplete test is left out (of the band for a
    candidate; ``left_out`` says what it is left out of for a producer)."""
    if answered is None or items is None:
        return ""
    if complete:
        return f"answered {answered} of {items}"
    return (f"incomplete: answered {answered} of {items}, below the "
            f"{round(threshold * 100)} % needed; {left_out}")


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


SCALES = {"rate_each": (0, 1), "most_least": (-2, 2)}


def total_in_words(total: float, method: str, producer_totals: list[float]) -> str:
    """An SJT total on its scale and where it falls among the producers who took the test:
    "0.58 on a scale from 0 (worst) to 1 (best, the experts' key); among the 12 producers
    who took this test it is above 40 % of them", as the hiring report says it. The
    percentile is scipy's ``percentileofscore`` with ``kind="mean"`` (ties count half), as in
    the calibration."""
    from scipy.stats import percentileofscore

    low, high = SCALES.get(method, (0, 1))
    text = (f"{total:.2f} on a scale from {'−' if low < 0 else ''}{abs(low)} (worst) to "
            f"{'+' if low < 0 else ''}{high} (best, the experts' key)")
    n = len(producer_totals)
    if not n:
        return (text + "; no producer has taken this test yet, so there is nothing to compare "
                "it with")
    share = round(float(percentileofscore(producer_totals, total, kind="mean")))
    return text + (f"; among the {n} producer{'s' if n != 1 else ''} who took this test it is "
                   f"above {share} % of them")


def producer_totals(test_ids) -> dict[int, list[float]]:
    """The producers' complete attempts' totals per test id, hires with a tier counted with
    their candidate attempt where they have none as a producer (two queries; see
    ``assessments.evidence.producer_sjt_totals``)."""
    from .evidence import producer_sjt_totals

    return producer_sjt_totals(test_ids)
