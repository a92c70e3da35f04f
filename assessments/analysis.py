"""Item analysis of an SJT: scenario statistics and Cronbach's alpha over completed attempts."""

from dataclasses import dataclass

import numpy as np

from .models import JudgmentTest, SJTAttempt
from .sjt import MOST_LEAST, WORST_DISTANCE

# Classical item analysis flags items with a difficulty (proportion of the maximum) above
# .90 or below .10 (e.g. Crocker & Algina 1986): they separate few people.
EASY, HARD = 0.90, 0.10

# How a scenario's score becomes a share of its scale: (score - lowest) / (highest - lowest).
SCALES = {
    "rate_each": (0.0, 1.0),                  # 1 - mean distance from the key / 4
    MOST_LEAST: (-2.0, 2.0),                  # +1 / -1 for each of the two picks
}
SCALE_NOTES = {
    "rate_each": "Mean score is on the scenario's 0 to 1 scale: 1 minus the average distance "
    f"from the experts' key divided by {WORST_DISTANCE}, so it already is a proportion of the "
    "maximum; difficulty is the same number.",
    MOST_LEAST: "Mean score is on the scenario's -2 to +2 scale (+1 or -1 for each of the two "
    "picks); difficulty puts it on 0 to 1 as (mean + 2) / 4, the proportion of the maximum.",
}


@dataclass(frozen=True)
class ScenarioStats:
    scenario_id: int
    title: str
    n: int
    mean: float | None
    item_total: float | None
    difficulty: float | None = None   # mean as a share of the scale, 0 (nobody) to 1 (everyone)

    @property
    def difficulty_flag(self) -> str:
        """Plain words for a scenario that almost everyone gets right, or wrong."""
        if self.difficulty is None:
            return ""
        if self.difficulty >= EASY:
            return "almost everyone gets this right: it hardly tells people apart"
        if self.difficulty <= HARD:
            return "almost everyone gets this wrong: check the key"
        return ""


@dataclass(frozen=True)
class ItemAnalysis:
    test: JudgmentTest
    attempts: int
    candidates: int
    producers: int
    scenarios: list[ScenarioStats]
    consistency: object | None   # reports.stats.Consistency, or None when not available
    note: str = ""
    scale_note: str = ""


# The reliability statistics (Cronbach's alpha and item-total correlations) come from the
# calibration engine, which hands them over when it is installed (``provide_reliability``).
_reliability = None


def provide_reliability(function) -> None:
    """Registers ``internal_consistency(matrix, *, max_score)``; ``reports`` calls it."""
    global _reliability
    _reliability = function


def _finite(value) -> float | None:
    return None if value is None or not np.isfinite(value) else float(value)


def item_analysis(test: JudgmentTest) -> ItemAnalysis:
    """Per scenario n, mean score, difficulty and corrected item-total r; alpha with its CI.

    Difficulty is the scenario's mean over those who answered it as a share of its scale
    (see SCALES), from reports.stats.internal_consistency.
    """
    rows = list(
        SJTAttempt.objects.filter(invitation__test=test, completed_at__isnull=False)
        .values_list("scenario_scores", "invitation__candidate_id")
    )
    titles = {s.pk: s.title for s in test.scenarios.all()}
    position = {pk: n for n, pk in enumerate(titles)}
    ids = sorted({int(k) for scores, _ in rows for k in (scores or {})},
                 key=lambda pk: (position.get(pk, len(position)), pk))
    matrix = np.array(
        [[(scores or {}).get(str(pk), np.nan) for pk in ids] for scores, _ in rows], dtype=float
    ).reshape(len(rows), len(ids))
    low, high = SCALES.get(test.scoring_method, (0.0, 1.0))
    shifted = matrix - low  # alpha and item-total r do not change with a shift
    difficulty: list[float | None] = [None] * len(ids)
    consistency, note = None, ""
    if _reliability is None:
        note = "Reliability statistics are not installed."
    else:
        consistency = _reliability(shifted, max_score=high - low) if len(ids) else None
        if consistency is not None:
            difficulty = [_finite(v) for v in consistency.item_difficulty]
        if len(rows) < 2 or len(ids) < 2:
            consistency = None
            note = "Alpha needs at least two completed attempts and two scenarios."
    item_total = list(getattr(consistency, "item_total", [None] * len(ids)))
    stats = [
        ScenarioStats(
            scenario_id=pk, title=titles.get(pk, f"Scenario {pk} (no longer in the test)"),
            n=int(np.isfinite(matrix[:, j]).sum()),
            mean=_finite(np.nanmean(matrix[:, j])) if np.isfinite(matrix[:, j]).any() else None,
            item_total=_finite(item_total[j]),
            difficulty=difficulty[j],
        )
        for j, pk in enumerate(ids)
    ]
    candidates = sum(1 for _, candidate_id in rows if candidate_id)
    return ItemAnalysis(test, len(rows), candidates, len(rows) - candidates, stats,
                        consistency, note, SCALE_NOTES.get(test.scoring_method, ""))
