"""Interviewer agreement and leniency for an opening, from its interview rating tables."""

from __future__ import annotations

import numpy as np

from reports.calibration.evidence import OpeningEvidence, RatingTable
from reports.stats import rater_agreement
from reports.stats.raters import agreement_summary

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
        "ci": {form: list(bounds) for form, bounds in result.ci.items()},
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


FORM_LABELS = {"icc2": "ICC(2,1)", "icc1": "ICC(1)"}
SUMMARY_REASONS = {
    "icc2": "Every interviewer rated every candidate they saw in each dimension, so the "
    "two-way ICC(2,1) applies: it counts an interviewer who rates everyone higher as "
    "disagreement.",
    "icc1": "The panel was split: not every interviewer rated every candidate, and ICC(2,1) "
    "assumes they did (it would use only the candidates everyone rated). The one-way ICC(1) "
    "does not need the same interviewers for every candidate, so it is used instead.",
}
POOLING_NOTE = (
    "The summary is the median of the per-dimension figures. Pooling every candidate-and-"
    "dimension pair into one ICC would count one dimension being rated harder than another as "
    "agreement about candidates, so it is not used."
)


def _summary(tables: list[tuple[dict, np.ndarray]]) -> dict:
    """Median per-dimension ICC(2,1), or ICC(1) for a split panel; fills each row's figure."""
    result = agreement_summary([matrix for _, matrix in tables])
    for (row, _), value, bounds, n in zip(
        tables, result.per_dimension, result.per_dimension_ci, result.n_targets, strict=True
    ):
        row["summary_value"], row["summary_ci"], row["summary_n"] = value, list(bounds), n
    return {
        "value": result.value,
        "form": result.form,
        "label": FORM_LABELS[result.form],
        "split": result.split,
        "reason": SUMMARY_REASONS[result.form],
        "pooling_note": POOLING_NOTE,
        "n_dimensions": sum(1 for v in result.per_dimension if np.isfinite(v)),
    }


def _low_summary(summary: dict, alpha: float | None) -> str | None:
    """The low-agreement description for the summary, or alpha when it is undefined."""
    value = summary.get("value")
    if value is not None and np.isfinite(value):
        if value < LOW_ICC:
            text = f"median per-dimension {summary['label']} = {value:.2f}"
            return text.replace("-0.00", "0.00")
        return None
    if alpha is not None and np.isfinite(alpha) and alpha < LOW_ALPHA:
        return f"Krippendorff's alpha = {alpha:.2f}".replace("-0.00", "0.00")
    return None


def _low_dimension(row: dict, label: str) -> str | None:
    value = row.get("summary_value")
    if value is not None and np.isfinite(value) and value < LOW_ICC:
        return f"{label} = {value:.2f}".replace("-0.00", "0.00")
    if value is None or not np.isfinite(value):
        return _low({"krippendorff_alpha": row.get("krippendorff_alpha")})
    return None


def interviewer_agreement(evidence: OpeningEvidence) -> tuple[dict, list[str]]:
    """Agreement overall and per dimension, the summary across dimensions, and warnings.

    The summary (and the "agree poorly" warning) is the median per-dimension ICC(2,1), or
    ICC(1) when the panel was split; Krippendorff's alpha over all ratings stays beside it.
    """
    names = evidence.rater_names
    overall = _agreement(evidence.ratings.overall, names)
    # The pooled ICCs are not shown (see POOLING_NOTE), so neither are notes about them.
    overall["warnings"] = [w for w in overall["warnings"] if "ICC" not in w]
    by_dimension = []
    tables = []
    for dim in evidence.dimensions:
        table = evidence.ratings.by_dimension.get(dim.id)
        if table is None or not table.rater_ids:
            continue
        row = {"dimension": dim.slug, "name": dim.name} | _agreement(table, names)
        by_dimension.append(row)
        tables.append((row, table.matrix))
    summary = _summary(tables)
    warnings = []
    if overall["n_raters"] == 0:
        warnings.append("No interview scorecard has been submitted for this opening yet.")
    elif overall["n_raters"] < 2:
        warnings.append(
            "Only one interviewer has submitted ratings, so their agreement cannot be measured."
        )
    else:
        low = _low_summary(summary, overall.get("krippendorff_alpha"))
        if low:
            warnings.append(
                f"Interviewers agree poorly overall ({low}); compare the ratings in the "
                "calibration meeting before relying on them."
            )
        for row in by_dimension:
            low = _low_dimension(row, summary["label"])
            if low:
                warnings.append(f"Interviewers agree poorly on {row['name']} ({low}).")
    return {"overall": overall, "by_dimension": by_dimension, "summary": summary}, warnings
