"""What the report charts need of the producers, as summaries instead of every value.

The strip chart and the profile chart show where a candidate falls among each producer
cohort. They used to carry every producer's z-score on every dimension; at thousands of
producers that made the report page and every snapshot grow with the sales force. A
cohort is summarised by its count, mean, range, quartiles and a histogram on a fixed grid
per dimension, so a report is the same size for 50 producers as for 5,000.
"""

from __future__ import annotations

import math

import numpy as np

TIERS = ("top", "middle", "bottom")
BINS = 40  # histogram bins per dimension, on one grid for the three cohorts
FLOOR = 2.0  # the grid spans at least -2 .. +2 SD


def grid_bound(values: np.ndarray) -> float:
    """Half-width of a dimension's histogram grid: the largest |z|, at least ``FLOOR``,
    rounded up to half an SD (the strip chart's axis uses the same rule)."""
    finite = np.abs(values[np.isfinite(values)])
    bound = max(FLOOR, float(finite.max())) if finite.size else FLOOR
    return math.ceil(bound * 2) / 2


def quartiles(values: np.ndarray) -> list[float]:
    """First quartile, median and third quartile (linear interpolation between ranks)."""
    return [float(v) for v in np.quantile(values, [0.25, 0.5, 0.75])]


def cohort_summary(column: np.ndarray, tiers: np.ndarray) -> dict:
    """One dimension's producer z-scores summarised per tier.

    Returns ``{"lo", "hi", "bins", "tiers": {tier: {"n", "mean", "min", "max",
    "quartiles", "counts"}}}``; ``counts`` has ``bins`` entries on ``lo``..``hi``.
    ``mean`` is None for an empty cohort, and so are the other figures.
    """
    bound = grid_bound(column)
    edges = np.linspace(-bound, bound, BINS + 1)
    out = {"lo": -bound, "hi": bound, "bins": BINS, "tiers": {}}
    for tier in TIERS:
        scores = column[(tiers == tier) & np.isfinite(column)] if column.size else column
        if not scores.size:
            out["tiers"][tier] = {"n": 0, "mean": None, "min": None, "max": None,
                                  "quartiles": None, "counts": [0] * BINS}
            continue
        counts, _ = np.histogram(scores, bins=edges)
        out["tiers"][tier] = {
            "n": int(scores.size), "mean": float(scores.mean()),
            "min": float(scores.min()), "max": float(scores.max()),
            "quartiles": quartiles(scores), "counts": [int(c) for c in counts],
        }
    return out


def cohort_summaries(evidence) -> dict[str, dict]:
    """``cohort_summary`` for every dimension of the opening, keyed by slug."""
    tiers = np.array(evidence.tiers, dtype=object)
    producers = evidence.scores.producers
    out = {}
    for j, dim in enumerate(evidence.dimensions):
        column = producers[:, j] if evidence.producers else np.zeros(0)
        out[dim.slug] = cohort_summary(column, tiers)
    return out


def cohort_means(summaries: dict[str, dict]) -> dict[str, dict[str, float | None]]:
    """slug -> tier -> the cohort's mean z (None without producers)."""
    return {slug: {t: s["tiers"][t]["mean"] for t in TIERS} for slug, s in summaries.items()}
