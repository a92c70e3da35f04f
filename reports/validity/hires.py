"""Predictive validity on hires: does what we saw before the hire go with how they did?

For a role profile, every application that reached Hired and whose start was recorded
(``Producer.hire``) is a hire; their outcome is the performance figure imported for a
review point (3, 6 or 12 months). The predictors are what the hiring report showed:
each instrument's score per dimension (z against the producers), each requirement's
mean interview rating (the structured interview is an instrument too) and evidence level
(1-5), the weighted level overall, the band, and the interviewers' mean recommendation.
Figures come from ``reports.stats.predictive_validity``; below ``MIN_HIRES`` hires with an
outcome the page says so instead of showing them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from reports.calibration.evidence import evidence_for_opening
from reports.hiring_report.gather import instrument_names
from reports.hiring_report.headline import BANDS, ORDER
from reports.stats import applicant_sd_ratio, predictive_validity
from reports.validity.levels import BAND_SCORES, opening_levels

MIN_HIRES = 10
REVIEW_POINTS = (3, 6, 12)


@dataclass
class Predictor:
    key: str
    group: str
    label: str
    pool: dict[int, float] = field(default_factory=dict)  # application id -> value


def _predictors(openings) -> tuple[dict[str, Predictor], dict[int, str], list]:
    """Every predictor's value per application, the band per application, the dimensions."""
    found: dict[str, Predictor] = {}
    bands: dict[int, str] = {}
    dimensions = {}

    def put(key, group, label, app_id, value):
        if value is not None and np.isfinite(value):
            found.setdefault(key, Predictor(key, group, label)).pool[app_id] = float(value)

    for opening in openings:
        evidence = evidence_for_opening(opening)
        weight = float(opening.profile.psychometric_weight)
        levels = {lv.application_id: lv for lv in opening_levels(evidence, weight)}
        ids = [a.application_id for a in evidence.applications]
        names = instrument_names(sorted({i for i, _ in evidence.scores.candidate_by_instrument}))
        for j, dim in enumerate(evidence.dimensions):
            dimensions.setdefault(dim.slug, dim)
            for app_id in ids:
                row = levels[app_id].head.rows[j]
                put(f"level:{dim.slug}", dim.name, "Evidence level (1-5)", app_id, row.level)
                put(f"interview:{dim.slug}", dim.name, "Interviews' mean rating (1-5)",
                    app_id, row.interview)
        for (instrument, dim_id), values in evidence.scores.candidate_by_instrument.items():
            dim = next(d for d in evidence.dimensions if d.id == dim_id)
            name = names.get(instrument, instrument).removeprefix("the ")
            for app_id, value in zip(ids, values, strict=True):
                put(f"instrument:{instrument}:{dim.slug}", dim.name,
                    f"{name[:1].upper()}{name[1:]} (z)", app_id, value)
        for app_id, lv in levels.items():
            bands[app_id] = lv.head.key
            put("overall", "Overall", "Weighted evidence level (1-5)", app_id, lv.head.level)
            put("band", "Overall", "Band (poor fit 1 to strong fit 4)", app_id,
                BAND_SCORES.get(lv.head.key))
            put("recommendation", "Overall",
                "Interviewers' mean recommendation (strong no 1 to strong yes 4)", app_id,
                lv.recommendation)
    return found, bands, list(dimensions.values())


def hires_with_outcomes(openings, review_months: int) -> tuple[dict[int, float], dict, str]:
    """Application id -> outcome at the review point; hires per review point; the metric."""
    from assessments.models import PerformanceRecord
    from selection.models import Producer

    hires = dict(Producer.objects.filter(hire__opening__in=openings)
                 .values_list("pk", "hire_id"))
    records = PerformanceRecord.objects.filter(producer_id__in=hires,
                                               review_months__isnull=False)
    outcomes, counts = {}, Counter()
    for producer_id, months, figure in records.values_list("producer_id", "review_months",
                                                           "figure"):
        counts[months] += 1
        if months == review_months:
            outcomes[hires[producer_id]] = float(figure)
    metric = Counter(Producer.objects.filter(pk__in=hires)
                     .values_list("performance_metric", flat=True)).most_common(1)
    return outcomes, {"started": len(hires), **{m: counts[m] for m in REVIEW_POINTS}}, \
        (metric[0][0] if metric else "Performance")


def _row(predictor: Predictor, outcomes: dict[int, float], ratio: float | None) -> dict:
    ids = [a for a in outcomes if a in predictor.pool]
    x = np.array([predictor.pool[a] for a in ids])
    y = np.array([outcomes[a] for a in ids])
    result = predictive_validity(x, y, restricted_sd_ratio=ratio)
    return {
        "key": predictor.key, "group": predictor.group, "label": predictor.label,
        "result": result, "entered_ratio": ratio,
        "pool_n": len(predictor.pool),
        "offered_ratio": applicant_sd_ratio(list(predictor.pool.values()), x),
    }


def expectancy(bands: dict[int, str], outcomes: dict[int, float]) -> dict:
    """Per band: hires with an outcome and how many reached the hires' top quartile.

    The top quartile is an outcome at or above the 75th percentile of all hires' outcomes
    at that review point (numpy's linear interpolation).
    """
    if not outcomes:
        return {"threshold": None, "rows": []}
    threshold = float(np.percentile(list(outcomes.values()), 75))
    per_band = defaultdict(lambda: [0, 0])
    for app_id, value in outcomes.items():
        band = bands.get(app_id, "insufficient")
        per_band[band][0] += 1
        per_band[band][1] += value >= threshold
    rows = [{"band": key, "label": BANDS[key], "n": per_band[key][0], "top": per_band[key][1],
             "share": per_band[key][1] / per_band[key][0]}
            for key in [*reversed(ORDER), "insufficient"] if per_band[key][0]]
    return {"threshold": threshold, "rows": rows}


def weight_suggestions(rows: list[dict]) -> list[dict]:
    """Requirements whose Pearson interval lies wholly above or below every other's.

    Only the evidence-level rows of requirements take part, and only those with an interval.
    """
    levels = [r for r in rows if r["key"].startswith("level:")
              and np.isfinite(r["result"].pearson_ci_low)]
    out = []
    for row in levels:
        others = [r for r in levels if r is not row]
        if not others:
            continue
        low, high = row["result"].pearson_ci_low, row["result"].pearson_ci_high
        if low > max(r["result"].pearson_ci_high for r in others):
            out.append({"row": row, "direction": "above"})
        elif high < min(r["result"].pearson_ci_low for r in others):
            out.append({"row": row, "direction": "below"})
    return out


def profile_validity(openings, *, review_months: int = 12,
                     ratios: dict[str, float] | None = None) -> dict:
    """Everything the validity page shows for the openings of one role profile."""
    ratios = ratios or {}
    outcomes, counts, metric = hires_with_outcomes(openings, review_months)
    predictors, bands, dimensions = _predictors(openings)
    order = ["overall", "band", "recommendation"]
    for dim in dimensions:
        order += [f"level:{dim.slug}", f"interview:{dim.slug}"]
        order += sorted(k for k in predictors if k.startswith("instrument:")
                        and k.endswith(f":{dim.slug}"))
    rows = [_row(predictors[k], outcomes, ratios.get(k)) for k in order if k in predictors]
    rows = [r for r in rows if r["result"].n]  # figures no hire has (e.g. a new roleplay)
    enough = len(outcomes) >= MIN_HIRES
    return {
        "review_months": review_months, "counts": counts,
        "review_options": [(m, counts[m]) for m in REVIEW_POINTS], "metric": metric,
        "n_hires": len(outcomes), "enough": enough, "min_hires": MIN_HIRES,
        "rows": rows if enough else [],
        "expectancy": expectancy(bands, outcomes) if enough else {"rows": []},
        "suggestions": weight_suggestions(rows) if enough else [],
        "applicants": sum(len(p.pool) for k, p in predictors.items() if k == "overall"),
    }
