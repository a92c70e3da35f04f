"""Interviewer agreement and leniency for an opening, from its interview rating tables."""

from __future__ import annotations

import numpy as np

from reports.calibration.evidence import OpeningEvidence, RatingTable
from reports.stats import rater_agreement

# Koo & Li (2016): ICC below 0.5 is poor reliability. Krippendorff (2004): alpha below
# 0.667 does not support even tentative conclusions.
LOW_ICC = 0.5
LOW_ALPHA = 0.667


def _agreement(table: RatingTable, names: dict[int, str]) -> dict:
    """ICCs, alpha and per-interviewer leniency for one ratings table."""
    rated = ~np.isnan(table.matrix)
    base = {
        "n_targets": int(rated.any(axis=1).sum()) if table.matrix.size else 0,
        "n_raters": len(table.rater_ids),
        "n_ratings": int(rated.sum()),
    }
    if len(table.rater_ids) == 0:
        return base | {"computed": False, "warnings": ["No submitted ratings yet."],
                       "leniency": []}
    result = rater_agreement(table.matrix)
    leniency = [
        {"interviewer_id": rater, "name": names.get(rater, f"Interviewer {rater}"),
         "leniency": value, "n_rated": int(rated[:, j].sum())}
        for j, (rater, value) in enumerate(zip(table.rater_ids, result.leniency, strict=True))
    ]
    return base | {
        "computed": True,
        "icc1": result.icc1, "icc2": result.icc2, "icc3": result.icc3,
        "icc1k": result.icc1k, "icc2k": result.icc2k, "icc3k": result.icc3k,
        "n_complete": result.n_complete,
        "krippendorff_alpha": result.krippendorff_alpha,
        "leniency": leniency,
        "warnings": list(result.warnings),
    }


def _low(agreement: dict) -> str | None:
    """A plain description of low agreement, or None when it is fine or unknown."""
    icc2, alpha = agreement.get("icc2"), agreement.get("krippendorff_alpha")
    if icc2 is not None and np.isfinite(icc2) and icc2 < LOW_ICC:
        return f"ICC(2,1) = {icc2:.2f}".replace("-0.00", "0.00")
    if (icc2 is None or not np.isfinite(icc2)) and alpha is not None and np.isfinite(alpha) \
            and alpha < LOW_ALPHA:
        return f"Krippendorff's alpha = {alpha:.2f}".replace("-0.00", "0.00")
    return None


def interviewer_agreement(evidence: OpeningEvidence) -> tuple[dict, list[str]]:
    """Agreement overall and per dimension, and plain-words warnings about it."""
    names = evidence.rater_names
    overall = _agreement(evidence.ratings.overall, names)
    by_dimension = []
    for dim in evidence.dimensions:
        table = evidence.ratings.by_dimension.get(dim.id)
        if table is None or not table.rater_ids:
            continue
        by_dimension.append({"dimension": dim.slug, "name": dim.name} | _agreement(table, names))
    warnings = []
    if overall["n_raters"] == 0:
        warnings.append("No interview scorecard has been submitted for this opening yet.")
    elif overall["n_raters"] < 2:
        warnings.append(
            "Only one interviewer has submitted ratings, so their agreement cannot be measured."
        )
    else:
        low = _low(overall)
        if low:
            warnings.append(
                f"Interviewers agree poorly overall ({low}); compare the ratings in the "
                "calibration meeting before relying on them."
            )
        for row in by_dimension:
            low = _low(row)
            if low:
                warnings.append(f"Interviewers agree poorly on {row['name']} ({low}).")
    return {"overall": overall, "by_dimension": by_dimension}, warnings
