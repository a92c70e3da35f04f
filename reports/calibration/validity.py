"""Concurrent validity: how producers' dimension scores go with their performance figure.

This correlates the current producers' scores with their own latest performance:
concurrent validity, labelled as such. Predictive validity on hires (their outcomes at
review points) is ``reports/validity/hires.py``, on the role profile's validity page. The
Thorndike range-restriction correction (reports.stats.predictive_validity's
``restricted_sd_ratio``) is not applied: it is for hires selected on the score, and on
incumbents it over-corrects.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from reports.calibration.evidence import OpeningEvidence
from reports.stats import predictive_validity


def _row(dimension, instrument: str | None, predictor: np.ndarray, outcome: np.ndarray) -> dict:
    result = predictive_validity(predictor, outcome)
    return {
        "dimension": dimension.slug,
        "name": dimension.name,
        "instrument": instrument,
        "n": result.n,
        "pearson_r": result.pearson_r,
        "pearson_ci_low": result.pearson_ci_low,
        "pearson_ci_high": result.pearson_ci_high,
        "pearson_p": result.pearson_p,
        "spearman_rho": result.spearman_rho,
        "spearman_p": result.spearman_p,
        "spearman_ci_low": result.spearman_ci_low,
        "spearman_ci_high": result.spearman_ci_high,
        "warnings": list(result.warnings),
    }


def concurrent_validity(evidence: OpeningEvidence) -> dict:
    """Pearson and Spearman correlations of each dimension (combined and per instrument)."""
    outcome = np.array(
        [np.nan if p.performance is None else p.performance for p in evidence.producers]
    )
    metrics = Counter(p.metric for p in evidence.producers if p.metric)
    rows = []
    for j, dim in enumerate(evidence.dimensions):
        instruments = evidence.scores.instruments.get(dim.id, [])
        if not instruments:
            continue
        rows.append(_row(dim, None, evidence.scores.producers[:, j], outcome))
        if len(instruments) > 1:
            for name in instruments:
                scores = evidence.scores.producer_by_instrument[(name, dim.id)]
                rows.append(_row(dim, name, scores, outcome))
    return {
        "kind": "concurrent",
        "outcome": metrics.most_common(1)[0][0] if metrics else "Performance",
        "n_producers_with_outcome": int(np.isfinite(outcome).sum()),
        "rows": rows,
    }
