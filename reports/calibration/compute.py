"""Calibration of an opening: candidates against the top, middle and bottom producers.

``calibrate_opening`` returns a JSON-ready dict (NaN becomes None) that the page, the
``calibrate`` command and the stored snapshots all share.
"""

from __future__ import annotations

import math
from dataclasses import asdict
from datetime import datetime

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from reports.calibration.evidence import OpeningEvidence, evidence_for_opening, instrument_coverage
from reports.calibration.interviewers import interviewer_agreement
from reports.calibration.validity import concurrent_validity
from reports.models import CalibrationSnapshot
from reports.stats import candidate_fit, cohort_differences

TIERS = ("top", "middle", "bottom")
KEEP_SNAPSHOTS = 10


def jsonable(value):
    """``value`` with NaN / infinity as None and numpy scalars and tuples made plain."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    return value


# Bump when the payload gains or changes fields: stored snapshots of an older format are
# recomputed before a page shows them. 2: per-candidate instrument coverage.
PAYLOAD_FORMAT = 2


def calibrate_opening(
    opening, *, min_n: int | None = None, evidence: OpeningEvidence | None = None
) -> dict:
    """The full calibration of an opening as a JSON-serialisable dict.

    ``evidence`` defaults to ``evidence_for_opening(opening)``; ``min_n`` to the
    SELECTION_MIN_COHORT setting (the smallest cohort that gives a verdict).
    """
    min_n = settings.SELECTION_MIN_COHORT if min_n is None else min_n
    if evidence is None:
        evidence = evidence_for_opening(opening)
    return build_calibration(opening, evidence, min_n=min_n)


def build_calibration(opening, evidence: OpeningEvidence, *, min_n: int) -> dict:
    """Assembles the calibration from loaded evidence (no further queries)."""
    warnings = list(evidence.warnings)
    producers = evidence.scores.producers
    tiers = np.array(evidence.tiers, dtype=object)
    scored = ~np.isnan(producers).all(axis=1) if producers.size else np.zeros(0, bool)
    with_evidence = [
        j for j, d in enumerate(evidence.dimensions)
        if producers.shape[0] and np.isfinite(producers[scored, j]).any()
    ]
    missing = [d.name for j, d in enumerate(evidence.dimensions) if j not in with_evidence]
    if missing:
        warnings.append(
            "No producer has a test, roleplay or psychometric score on "
            f"{_join(missing)}, so {'it' if len(missing) == 1 else 'they'} cannot be "
            "compared with the producers."
        )
    cohorts = _cohorts(evidence, tiers, scored, min_n, warnings)
    differences, discriminating = _differences(evidence, tiers, scored, with_evidence, min_n)
    fit_basis = _fit_basis(evidence, with_evidence, discriminating)
    candidates = _candidates(evidence, tiers, scored, with_evidence, fit_basis)
    agreement, agreement_warnings = interviewer_agreement(evidence)
    warnings.extend(agreement_warnings)
    return jsonable({
        "format": PAYLOAD_FORMAT,
        "opening": {"id": opening.pk, "slug": opening.slug, "title": opening.title},
        "computed_at": timezone.now(),
        "min_cohort": min_n,
        "dimensions": _dimensions(evidence, scored),
        "cohorts": cohorts,
        "differences": differences,
        "discriminating": discriminating,
        "fit_basis": fit_basis,
        "candidates": candidates,
        "interviewers": agreement,
        "validity": concurrent_validity(evidence),
        "warnings": warnings,
    })


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _dimensions(evidence: OpeningEvidence, scored: np.ndarray) -> list[dict]:
    out = []
    for j, d in enumerate(evidence.dimensions):
        out.append({
            "id": d.id, "slug": d.slug, "name": d.name, "kind": d.kind, "weight": d.weight,
            "target": d.target, "knock_out": d.knock_out, "trainable": d.trainable,
            "instruments": evidence.scores.instruments.get(d.id, []),
            "n_producers": int(np.isfinite(evidence.scores.producers[:, j]).sum()),
            "n_candidates": int(np.isfinite(evidence.scores.candidates[:, j]).sum()),
        })
    return out


def _cohorts(evidence, tiers, scored, min_n: int, warnings: list[str]) -> dict:
    out = {}
    for tier in TIERS:
        n_tier = int((tiers == tier).sum())
        n_scored = int(((tiers == tier) & scored).sum())
        out[tier] = {"producers": n_tier, "with_scores": n_scored}
        if n_scored < min_n:
            warnings.append(
                f"Only {n_scored} {tier} producer{'s have' if n_scored != 1 else ' has'} "
                f"scores (at least {min_n} are needed for firm conclusions): treat the "
                f"comparisons with the {tier} cohort as indications."
            )
    candidates = evidence.scores.candidates
    out["candidates"] = {
        "applications": len(evidence.applications),
        "with_scores": int((~np.isnan(candidates).all(axis=1)).sum()) if candidates.size else 0,
    }
    return out


def _differences(evidence, tiers, scored, with_evidence, min_n) -> tuple[list[dict], list[str]]:
    """Cohort differences on the dimensions with producer evidence, and which discriminate."""
    if not with_evidence:
        return [], []
    dims = [evidence.dimensions[j] for j in with_evidence]
    x = evidence.scores.producers[np.ix_(scored, with_evidence)]
    results = cohort_differences(x, tiers[scored], [d.slug for d in dims], min_n=min_n)
    names = {d.slug: d.name for d in dims}
    rows = [{"name": names[r.dimension]} | asdict(r) for r in results]
    discriminating = [d.slug for d in dims
                      if any(r.discriminating for r in results if r.dimension == d.slug)]
    return rows, discriminating


def _fit_basis(evidence, with_evidence, discriminating) -> dict:
    """Which dimensions the distances and probabilities use, and why."""
    if len(discriminating) >= 2:
        return {"basis": "discriminating", "dimensions": discriminating,
                "explanation": "Distances and probabilities use the dimensions that separate "
                "top producers from the others."}
    slugs = [evidence.dimensions[j].slug for j in with_evidence]
    if not slugs:
        return {"basis": "none", "dimensions": [],
                "explanation": "No dimension has producer scores, so no distances or "
                "probabilities can be computed."}
    return {"basis": "all_with_evidence", "dimensions": slugs,
            "explanation": "Fewer than two dimensions separate top producers from the others, "
            "so distances and probabilities use every dimension with producer scores."}


def _candidates(evidence, tiers, scored, with_evidence, fit_basis) -> list[dict]:
    """Every application's fit against the cohorts, per dimension and overall."""
    dims = evidence.dimensions
    fits = [None] * len(evidence.applications)
    if with_evidence and evidence.applications:
        slugs = [dims[j].slug for j in with_evidence]
        fits = candidate_fit(
            evidence.scores.candidates[:, with_evidence],
            evidence.scores.producers[np.ix_(scored, with_evidence)],
            tiers[scored], slugs, use=fit_basis["dimensions"],
        )
    fit_dims = set(fit_basis["dimensions"])
    fit_dim_ids = [d.id for d in dims if d.slug in fit_dims]
    producer_rows = np.flatnonzero(scored)
    out = []
    for i, app in enumerate(evidence.applications):
        fit = fits[i]
        instruments, missing_instruments = instrument_coverage(
            evidence.scores, i, producer_rows, fit_dim_ids)
        interview = evidence.ratings.candidate_means.get(app.application_id, {})
        per_dim = []
        for j, d in enumerate(dims):
            rating = interview.get(d.id)
            per_dim.append({
                "dimension": d.slug,
                "z": evidence.scores.candidates[i, j],
                "percentiles": {t: (fit.percentiles[t].get(d.slug) if fit else None)
                                for t in TIERS},
                "interview_mean": rating,
                "below_knock_out": bool(d.knock_out is not None and rating is not None
                                        and rating < d.knock_out),
            })
        out.append({
            "application_id": app.application_id, "candidate_id": app.candidate_id,
            "name": app.name, "stage": app.stage, "stage_label": app.stage_label,
            "posterior": fit.posterior if fit else dict.fromkeys(TIERS),
            "mahalanobis": fit.mahalanobis if fit else dict.fromkeys(TIERS),
            "closer_than_top_share": fit.closer_than_top_share if fit else None,
            "n_dimensions_scored": int(np.isfinite(evidence.scores.candidates[i]).sum()),
            "instruments": instruments,
            "missing_instruments": missing_instruments,
            "knock_outs": [d.name for d, row in zip(dims, per_dim, strict=True)
                           if row["below_knock_out"]],
            "dimensions": per_dim,
            "warnings": list(fit.warnings) if fit else [],
        })
    return out


# --- stored snapshots ------------------------------------------------------------------


@transaction.atomic
def store_snapshot(opening) -> CalibrationSnapshot:
    """Computes the calibration now and stores it; older snapshots beyond the last 10 go."""
    payload = calibrate_opening(opening)
    snapshot = CalibrationSnapshot.objects.create(
        opening=opening, computed_at=datetime.fromisoformat(payload["computed_at"]),
        payload=payload,
    )
    stale = CalibrationSnapshot.objects.filter(opening=opening).values_list("pk", flat=True)
    CalibrationSnapshot.objects.filter(pk__in=list(stale[KEEP_SNAPSHOTS:])).delete()
    return snapshot


def latest_snapshot(opening) -> CalibrationSnapshot | None:
    """The most recent stored calibration of the opening, if any."""
    return CalibrationSnapshot.objects.filter(opening=opening).first()


def latest_or_compute(opening) -> CalibrationSnapshot:
    """The latest snapshot; a new one first when none exists or the latest was stored by an
    older version of this code (its payload lacks figures the pages now show)."""
    snapshot = latest_snapshot(opening)
    if snapshot is None or snapshot.payload.get("format") != PAYLOAD_FORMAT:
        snapshot = store_snapshot(opening)
    return snapshot
