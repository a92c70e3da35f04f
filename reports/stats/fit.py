"""How a candidate's profile sits against each producer cohort (percentiles, distance, LDA)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import linalg
from scipy.special import logsumexp

from ._util import (
    TIERS,
    as_labels,
    as_matrix,
    cholesky_or_none,
    gc_paused,
    ledoit_wolf_covariance,
    mahalanobis_rows,
    quiet,
    scatter_matrix,
)


@dataclass(frozen=True)
class CandidateFit:
    """One candidate against the producer cohorts; NaN where a figure cannot be computed."""

    percentiles: dict[str, dict[str, float]]
    mahalanobis: dict[str, float]
    posterior: dict[str, float]
    closer_than_top_share: float
    warnings: list[str]


def _sorted_keys(cands: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Candidate values sorted per dimension (rows = dimensions) and the sorting order."""
    by_dim = np.ascontiguousarray(cands.T)
    order = np.argsort(by_dim, axis=1)
    return np.take_along_axis(by_dim, order, axis=1), order


def _percentiles(cohort: np.ndarray, keys: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """percentileofscore(kind="mean") of every candidate value within its cohort column.

    (count(< x) + count(<= x)) / 2 / n * 100 via searchsorted on the sorted column. The keys
    are pre-sorted per dimension, which lets searchsorted reuse its previous position; the
    loop is over dimensions only (each column has its own number of non-missing values).
    """
    values, order = keys
    out = np.full(values.shape, np.nan)
    ordered = np.sort(cohort.T, axis=1)  # NaN sorts last
    counts = np.sum(~np.isnan(ordered), axis=1)
    for j in np.flatnonzero(counts):
        col = ordered[j, : counts[j]]
        below = np.searchsorted(col, values[j], side="left")
        upto = np.searchsorted(col, values[j], side="right")
        out[j, order[j]] = (below + upto) * (50.0 / counts[j])
    return out.T  # candidates x dimensions; missing candidate values are masked by the caller


def _cohort_distances(
    producers: np.ndarray, cands: np.ndarray, tier: str, notes: list[str]
) -> tuple[np.ndarray, np.ndarray | None]:
    """Mahalanobis distance of candidates to a cohort with its Ledoit-Wolf covariance.

    Returns (candidate distances, the cohort's own distances or None when undefined); the
    own distances are only computed for the top cohort, the only one that needs them.
    """
    nan = np.full(cands.shape[0], np.nan)
    if producers.shape[0] < 2:
        notes.append(f"Too few complete {tier} producer profiles for a distance (need 2).")
        return nan, None
    with quiet():
        factor = cholesky_or_none(ledoit_wolf_covariance(producers))
    if factor is None:
        notes.append(f"The {tier} cohort's scores do not vary enough for a distance.")
        return nan, None
    centre = producers.mean(axis=0)
    own = mahalanobis_rows(producers, centre, factor) if tier == "top" else None
    return mahalanobis_rows(cands, centre, factor), own


def _lda_posteriors(
    groups: dict[str, np.ndarray],
    cands: np.ndarray,
    priors: Mapping[str, float] | None,
    notes: list[str],
) -> dict[str, np.ndarray]:
    """Posterior cohort probabilities from linear discriminant analysis (Fisher 1936).

    Pooled within-cohort covariance S = sum_k (n_k - 1) S_k / (N - K);
    score_k = x' S^-1 mu_k - mu_k' S^-1 mu_k / 2 + log prior_k; softmax over cohorts.
    """
    out = {tier: np.full(cands.shape[0], np.nan) for tier in TIERS}
    present = [t for t in TIERS if groups[t].shape[0] > 0]
    n_total = sum(groups[t].shape[0] for t in present)
    if len(present) < 2 or n_total - len(present) < 1:
        notes.append("Probabilities need at least two cohorts with complete profiles.")
        return out
    means = np.stack([groups[t].mean(axis=0) for t in present])
    scatter = sum(scatter_matrix(groups[t]) for t in present)
    with quiet():
        factor = cholesky_or_none(scatter / (n_total - len(present)))
    if factor is None:
        notes.append("The cohorts' scores do not vary enough for probabilities.")
        return out
    weights = linalg.cho_solve((factor, True), means.T, check_finite=False)  # S^-1 mu_k
    raw = np.array([1.0 if priors is None else float(priors.get(t, 0.0)) for t in present])
    if priors is not None and (np.any(raw < 0) or not np.all(np.isfinite(raw)) or raw.sum() <= 0):
        raise ValueError("priors must be non-negative numbers with a positive total.")
    with quiet():
        log_prior = np.log(raw / raw.sum())
        scores = cands @ weights - 0.5 * np.einsum("kj,jk->k", means, weights) + log_prior
        post = np.exp(scores - logsumexp(scores, axis=1, keepdims=True))
    for k, tier in enumerate(present):
        out[tier] = post[:, k]
    return out


def _multivariate(
    x: np.ndarray,
    labels: np.ndarray,
    cands: np.ndarray,
    cols: np.ndarray,
    priors: Mapping[str, float] | None,
    notes: list[str],
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """Distances, posteriors and top-share for candidates complete on ``cols``."""
    sub = x[:, cols]
    complete = ~np.isnan(sub).any(axis=1)
    dropped = int((~complete & np.isin(labels, TIERS)).sum())
    if dropped:
        notes.append(
            f"{dropped} producer{'s were' if dropped != 1 else ' was'} left out of the distance "
            "and probability figures because of missing scores."
        )
    groups = {t: sub[complete & (labels == t)] for t in TIERS}
    cand_sub = cands[:, cols]
    cand_ok = ~np.isnan(cand_sub).any(axis=1)
    cand_sub = np.where(cand_ok[:, None], cand_sub, 0.0)
    dist, own_top = {}, None
    for tier in TIERS:
        dist[tier], own = _cohort_distances(groups[tier], cand_sub, tier, notes)
        if tier == "top":
            own_top = own
    share = np.full(cands.shape[0], np.nan)
    if own_top is not None:
        ordered = np.sort(own_top)
        share = (ordered.size - np.searchsorted(ordered, dist["top"], side="right")) / ordered.size
    post = _lda_posteriors(groups, cand_sub, priors, notes)
    for arr in (*dist.values(), *post.values(), share):
        arr[~cand_ok] = np.nan
    return dist, post, share, cand_ok


def _coverage_notes(x: np.ndarray, labels: np.ndarray, dims: list[str]) -> list[str]:
    """Sentences for cohorts that are absent or have no score at all on some dimensions."""
    notes = []
    for tier in TIERS:
        members = labels == tier
        if not members.any():
            notes.append(f"There are no {tier} producers to compare with.")
            continue
        empty = [
            d for d, ok in zip(dims, (~np.isnan(x[members])).any(axis=0), strict=True) if not ok
        ]
        if empty:
            notes.append(f"No {tier} producer has a score on: {', '.join(empty)}.")
    return notes


def candidate_fit(
    candidates: object,
    scores: object,
    tiers: Sequence[str] | np.ndarray,
    dimensions: Sequence[str],
    *,
    use: Sequence[str] | None = None,
    priors: Mapping[str, float] | None = None,
) -> list[CandidateFit]:
    """Place each candidate against the top, middle and bottom producer cohorts.

    Percentiles as scipy.stats.percentileofscore(kind="mean"); Mahalanobis (1936) distance
    with the Ledoit & Wolf (2004) shrunk covariance of each cohort; posterior probabilities
    from linear discriminant analysis with the pooled within-cohort covariance (Fisher 1936;
    Hastie, Tibshirani & Friedman 2009, sec. 4.3). Vectorised over candidates.
    """
    dims = [str(d) for d in dimensions]
    x = as_matrix(scores, len(dims), "scores")
    cands = as_matrix(candidates, len(dims), "candidates")
    labels = as_labels(tiers, x.shape[0])
    used = dims if use is None else [str(u) for u in use]
    unknown = sorted(set(used) - set(dims))
    if unknown:
        raise ValueError(f"use names dimensions that were not given: {', '.join(unknown)}")
    cols = np.array([dims.index(u) for u in used], dtype=int)
    notes: list[str] = []
    keys = _sorted_keys(cands)
    pct = {t: _percentiles(x[labels == t], keys) for t in TIERS}
    cand_missing = np.isnan(cands)
    for arr in pct.values():
        arr[cand_missing] = np.nan
    notes.extend(_coverage_notes(x, labels, dims))
    if cols.size:
        dist, post, share, cand_ok = _multivariate(x, labels, cands, cols, priors, notes)
    else:
        notes.append("No dimensions were selected for the distance and probability figures.")
        nan = np.full(cands.shape[0], np.nan)
        dist = post = {t: nan for t in TIERS}
        share, cand_ok = nan, np.ones(cands.shape[0], dtype=bool)
    with gc_paused():
        return _assemble(dims, pct, dist, post, share, cand_ok, cand_missing, notes)


def _assemble(
    dims: list[str],
    pct: dict[str, np.ndarray],
    dist: dict[str, np.ndarray],
    post: dict[str, np.ndarray],
    share: np.ndarray,
    cand_ok: np.ndarray,
    cand_missing: np.ndarray,
    notes: list[str],
) -> list[CandidateFit]:
    """Turn the per-candidate arrays into CandidateFit records (plain Python floats)."""
    pct_dicts = {t: [dict(zip(dims, row, strict=True)) for row in pct[t].tolist()] for t in TIERS}
    dist_rows = np.column_stack([dist[t] for t in TIERS]).tolist()
    post_rows = np.column_stack([post[t] for t in TIERS]).tolist()
    own_notes = [list(notes) for _ in range(cand_ok.shape[0])]
    for i in np.flatnonzero(cand_missing.any(axis=1)):
        missing = ", ".join(d for d, m in zip(dims, cand_missing[i], strict=True) if m)
        own_notes[i].append(f"No score for: {missing}.")
    for i in np.flatnonzero(~cand_ok):
        own_notes[i].append("Distances and probabilities need a score on every selected dimension.")
    top, middle, bottom = (pct_dicts[t] for t in TIERS)
    return [
        CandidateFit(
            percentiles={"top": p_top, "middle": p_mid, "bottom": p_bot},
            mahalanobis=dict(zip(TIERS, d_row, strict=True)),
            posterior=dict(zip(TIERS, p_row, strict=True)),
            closer_than_top_share=sh,
            warnings=w,
        )
        for p_top, p_mid, p_bot, d_row, p_row, sh, w in zip(
            top, middle, bottom, dist_rows, post_rows, share.tolist(), own_notes, strict=True
        )
    ]
