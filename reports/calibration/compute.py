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
from django.db.models import Q
from django.utils import timezone

from reports.calibration.evidence import (
    OpeningEvidence,
    evidence_for_opening,
    instrument_coverage,
    instrument_family,
)
from reports.calibration.interviewers import interviewer_agreement
from reports.calibration.summaries import cohort_summaries
from reports.calibration.validity import concurrent_validity
from reports.models import CalibrationRow, CalibrationSnapshot
from reports.stats import candidate_fit, cohort_differences, validate_fit

TIERS = ("top", "middle", "bottom")
KEEP_SNAPSHOTS = 3


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
# recomputed before a page shows them. 2: per-candidate instrument coverage. 3: producers-only
# standardisation (frozen reference), candidate groups by instrument set, cross-validated
# model quality; probabilities only where the model beats the base rates. 4: producer cohorts
# summarised per dimension (``cohort_summary``) so reports read them from the snapshot.
# 5: candidates stored as rows of their own (``CalibrationRow``), not in the payload.
PAYLOAD_FORMAT = 5
TOP_SHARE_NOTE = (
    "Distance counts in every direction: a profile beyond the top producers' (higher on every "
    "dimension) is also far from their centre."
)


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
    fit_basis = _fit_basis(discriminating)
    groups, candidates = _groups_and_candidates(evidence, tiers, min_n)
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
        "groups": groups,
        "top_share_note": TOP_SHARE_NOTE,
        "reference": _reference(evidence),
        "cohort_summary": cohort_summaries(evidence),
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


def _fit_basis(discriminating) -> dict:
    """Which dimensions the probabilities use (no fall-back to every dimension)."""
    if discriminating:
        return {"basis": "discriminating", "dimensions": discriminating,
                "explanation": "Probabilities use the dimensions that separate top producers "
                "from the others, and are shown only where, on producers left out of the fit, "
                "they predict the tier better than the base rates."}
    return {"basis": "none", "dimensions": [],
            "explanation": "No dimension separates top producers from the others by more than "
            "chance, so no probabilities are shown. The per-dimension comparisons are "
            "descriptive."}


def _reference(evidence) -> list[dict]:
    """The frozen producer reference every instrument score was standardised against."""
    slugs = {d.id: d.slug for d in evidence.dimensions}
    return [
        {"instrument": instrument, "dimension": slugs.get(dim, str(dim))} | ref
        for (instrument, dim), ref in sorted(
            evidence.scores.reference.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    ]


def _group_keys(evidence) -> list[frozenset]:
    """Per candidate: the (instrument, dimension id) pairs they have a score on."""
    pairs = evidence.scores.candidate_by_instrument
    return [
        frozenset(key for key, values in pairs.items() if np.isfinite(values[i]))
        for i in range(len(evidence.applications))
    ]


def _scores_from(evidence, key: frozenset) -> tuple[np.ndarray, np.ndarray]:
    """Producer and candidate dimension scores from exactly the instrument pairs in ``key``."""
    dim_ids = evidence.scores.dimension_ids
    shape_p = (len(evidence.producers), len(dim_ids))
    shape_c = (len(evidence.applications), len(dim_ids))
    sums = [np.zeros(shape_p), np.zeros(shape_c)]
    counts = [np.zeros(shape_p), np.zeros(shape_c)]
    sources = (evidence.scores.producer_by_instrument, evidence.scores.candidate_by_instrument)
    for instrument, dim in key:
        j = dim_ids.index(dim)
        for k, source in enumerate(sources):
            values = source.get((instrument, dim))
            if values is None:
                continue
            ok = np.isfinite(values)
            sums[k][ok, j] += values[ok]
            counts[k][ok, j] += 1
    with np.errstate(invalid="ignore", divide="ignore"):
        return sums[0] / counts[0], sums[1] / counts[1]


def _group_message(n: dict, validation, use_names: list[str], min_n: int) -> str:
    """What the page and the report say about one candidate group's model."""
    head = (f"With {n['top']} top, {n['middle']} middle and {n['bottom']} bottom producers, ")
    if validation.usable:
        return (head + f"the assessment profile on {_join(use_names)} predicts the tier better "
                f"than the base rates on producers left out of the fit (cross-validated Brier "
                f"{validation.brier:.2f} against {validation.baseline_brier:.2f}; lower is "
                f"better; AUC for top producers {validation.auc_top:.2f}).")
    brier_only = (
        min(n.values()) >= min_n and use_names
        and math.isfinite(validation.brier) and math.isfinite(validation.baseline_brier)
    )
    if brier_only:
        return (head + "the assessment profile does not predict the tier better than the base "
                f"rates (cross-validated Brier {validation.brier:.2f} against "
                f"{validation.baseline_brier:.2f}), so no probabilities are shown. The "
                "per-dimension comparisons below are descriptive.")
    return (head + f"no probabilities are shown: {validation.reason} The per-dimension "
            "comparisons below are descriptive.")


def _expectancy_row(validation, p_top) -> dict | None:
    """The held-out expectancy bin a candidate's P(top) falls into."""
    if p_top is None or not math.isfinite(p_top):
        return None
    for row in validation.expectancy:
        if row["low"] <= p_top < row["high"] or (row["high"] == 1.0 and p_top == 1.0):
            return dict(row)
    return None


def _groups_and_candidates(evidence, tiers, min_n: int) -> tuple[list[dict], list[dict]]:
    """Candidates grouped by instrument set, each group against producers on those instruments.

    For each group the producers' dimension scores are recomputed from exactly the group's
    instruments; ``validate_fit`` says whether a model on the dimensions discriminating
    there beats the base rates. Probabilities and the top share are kept only when it does.
    """
    dims = evidence.dimensions
    slugs = [d.slug for d in dims]
    keys = _group_keys(evidence)
    order: dict[frozenset, int] = {}
    for key in keys:
        if key and key not in order:
            order[key] = len(order)
    groups, fits, group_of = [], [None] * len(keys), [None] * len(keys)
    tiered = np.isin(tiers, TIERS)
    for key, g in order.items():
        members = [i for i, k in enumerate(keys) if k == key]
        producers, candidates = _scores_from(evidence, key)
        scored = tiered & ~np.isnan(producers).all(axis=1) if producers.size else tiered
        cols = [j for j in range(len(dims)) if np.isfinite(producers[scored, j]).any()]
        col_slugs = [slugs[j] for j in cols]
        x = producers[np.ix_(scored, cols)]
        n = {t: int(np.sum(tiers[scored] == t)) for t in TIERS}
        diffs = cohort_differences(x, tiers[scored], col_slugs, min_n=min_n)
        use = [d for d in col_slugs if any(r.discriminating for r in diffs if r.dimension == d)]
        validation = validate_fit(x, tiers[scored], col_slugs, min_n=min_n)
        group_fits = candidate_fit(candidates[np.ix_(members, cols)], x, tiers[scored],
                                   col_slugs, use=use) if cols else [None] * len(members)
        for i, fit in zip(members, group_fits, strict=True):
            fits[i], group_of[i] = fit, g
        names = {d.slug: d.name for d in dims}
        groups.append({
            "index": g,
            "instruments": sorted({instrument_family(ins) for ins, _ in key}),
            "n_candidates": len(members),
            "producers": n,
            "dimensions": [names[s] for s in col_slugs],
            "discriminating": use,
            "usable": validation.usable,
            "message": _group_message(n, validation, [names[s] for s in use], min_n),
            "validation": {
                "n": validation.n, "folds": validation.folds, "brier": validation.brier,
                "baseline_brier": validation.baseline_brier, "auc_top": validation.auc_top,
                "usable": validation.usable, "reason": validation.reason,
                "expectancy": validation.expectancy, "warnings": validation.warnings,
            },
            "_validation": validation,
        })
    out = _candidate_rows(evidence, fits, group_of, groups)
    for group in groups:
        del group["_validation"]
    return groups, out


def _candidate_rows(evidence, fits, group_of, groups) -> list[dict]:
    """Every application's fit against the cohorts of its instrument group."""
    dims = evidence.dimensions
    producer_rows = np.flatnonzero(np.isin(np.array(evidence.tiers, dtype=object), TIERS))
    fit_dim_ids = [d.id for d in dims]
    out = []
    for i, app in enumerate(evidence.applications):
        fit, g = fits[i], group_of[i]
        group = groups[g] if g is not None else None
        usable = bool(group and group["usable"] and fit)
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
        posterior = fit.posterior if usable else dict.fromkeys(TIERS)
        out.append({
            "application_id": app.application_id, "candidate_id": app.candidate_id,
            "name": app.name, "stage": app.stage, "stage_label": app.stage_label,
            "group": g,
            "model_usable": usable,
            "posterior": posterior,
            "expectancy": (_expectancy_row(group["_validation"], posterior["top"])
                           if usable else None),
            "mahalanobis": fit.mahalanobis if fit else dict.fromkeys(TIERS),
            "closer_than_top_share": fit.closer_than_top_share if usable else None,
            "n_dimensions_scored": int(np.isfinite(evidence.scores.candidates[i]).sum()),
            "instruments": instruments,
            "missing_instruments": missing_instruments,
            "knock_outs": [d.name for d, row in zip(dims, per_dim, strict=True)
                           if row["below_knock_out"]],
            "dimensions": per_dim,
            "warnings": [w for w in (fit.warnings if fit else [])
                         if not w.startswith("No dimensions were selected")],
        })
    return out


# --- stored snapshots ------------------------------------------------------------------


ROW_BATCH = 500


def index_entry(cand: dict) -> dict:
    """What the calibration page filters and sorts every candidate by (see ``CalibrationRow``)."""
    return {"application_id": cand["application_id"], "candidate_id": cand["candidate_id"],
            "name": cand["name"], "stage": cand["stage"], "stage_label": cand["stage_label"],
            "model_usable": bool(cand.get("model_usable")),
            "posterior": {"top": (cand.get("posterior") or {}).get("top")},
            "closer_than_top_share": cand.get("closer_than_top_share")}


@transaction.atomic
def store_snapshot(opening, payload: dict | None = None) -> CalibrationSnapshot:
    """Stores the calibration (``payload``, else computed now): the opening-wide part as the
    snapshot, each candidate as a ``CalibrationRow``. Only the last ``KEEP_SNAPSHOTS`` of the
    opening stay, and none stored by older code (another ``PAYLOAD_FORMAT``); their rows go
    with them.

    The returned snapshot carries the whole payload in memory as ``snapshot.calibration``
    (candidates included), so whoever stored it need not read the rows back.
    """
    payload = calibrate_opening(opening) if payload is None else payload
    candidates = payload.get("candidates", [])
    snapshot = CalibrationSnapshot.objects.create(
        opening=opening, computed_at=datetime.fromisoformat(payload["computed_at"]),
        payload={k: v for k, v in payload.items() if k != "candidates"},
    )
    CalibrationRow.objects.bulk_create(
        [CalibrationRow(snapshot=snapshot, position=i, data=cand,
                        application_id=cand["application_id"], name=cand["name"][:300],
                        stage=cand["stage"], stage_label=str(cand["stage_label"])[:80],
                        model_usable=bool(cand.get("model_usable")),
                        p_top=(cand.get("posterior") or {}).get("top"),
                        closer_than_top_share=cand.get("closer_than_top_share"))
         for i, cand in enumerate(candidates)],
        batch_size=ROW_BATCH,
    )
    stale = CalibrationSnapshot.objects.filter(opening=opening).values_list("pk", flat=True)
    CalibrationSnapshot.objects.filter(pk__in=list(stale[KEEP_SNAPSHOTS:])).delete()
    # snapshots stored by older code are never read again (and kept every candidate inside)
    CalibrationSnapshot.objects.filter(opening=opening).filter(
        Q(payload__format__isnull=True) | ~Q(payload__format=PAYLOAD_FORMAT)).delete()
    snapshot.calibration = payload | {"snapshot_id": snapshot.pk}
    return snapshot


def latest_snapshot(opening) -> CalibrationSnapshot | None:
    """The most recent stored calibration of the opening, if any."""
    return CalibrationSnapshot.objects.filter(opening=opening).first()
