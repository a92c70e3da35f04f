"""Item analysis of an SJT: scenario statistics and Cronbach's alpha over completed attempts."""

from dataclasses import dataclass

import numpy as np

from .models import JudgmentTest, SJTAttempt


@dataclass(frozen=True)
class ScenarioStats:
    scenario_id: int
    title: str
    n: int
    mean: float | None
    item_total: float | None


@dataclass(frozen=True)
class ItemAnalysis:
    test: JudgmentTest
    attempts: int
    candidates: int
    producers: int
    scenarios: list[ScenarioStats]
    consistency: object | None   # reports.stats.Consistency, or None when not available
    note: str = ""


# The reliability statistics (Cronbach's alpha and item-total correlations) come from the
# calibration engine, which hands them over when it is installed (``provide_reliability``).
_reliability = None


def provide_reliability(function) -> None:
    """Registers ``internal_consistency(matrix)``; called by ``reports`` when it starts."""
    global _reliability
    _reliability = function


def _finite(value) -> float | None:
    return None if value is None or not np.isfinite(value) else float(value)


def item_analysis(test: JudgmentTest) -> ItemAnalysis:
    """Per scenario n, mean score and corrected item-total r; alpha with its 95 % CI."""
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
    consistency, note = None, ""
    if _reliability is None:
        note = "Reliability statistics are not installed."
    elif len(rows) >= 2 and len(ids) >= 2:
        consistency = _reliability(matrix)
    else:
        note = "Alpha needs at least two completed attempts and two scenarios."
    item_total = list(getattr(consistency, "item_total", [None] * len(ids)))
    stats = [
        ScenarioStats(
            scenario_id=pk, title=titles.get(pk, f"Scenario {pk} (no longer in the test)"),
            n=int(np.isfinite(matrix[:, j]).sum()),
            mean=_finite(np.nanmean(matrix[:, j])) if np.isfinite(matrix[:, j]).any() else None,
            item_total=_finite(item_total[j]),
        )
        for j, pk in enumerate(ids)
    ]
    candidates = sum(1 for _, candidate_id in rows if candidate_id)
    return ItemAnalysis(test, len(rows), candidates, len(rows) - candidates, stats,
                        consistency, note)
