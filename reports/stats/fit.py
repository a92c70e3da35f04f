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
    standardised_ledoit_wolf,
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
) -> np.ndarray:
    """Mahalanobis distance of candidates to a cohort with its Ledoit-Wolf covariance."""
    nan = np.full(cands.shape[0], np.nan)
    if producers.shape[0] < 2:
        notes.append(f"Too few complete {tier} producer profiles for a distance (need 2).")
        return nan
    with quiet():
        factor = cholesky_or_none(ledoit_wolf_covariance(producers))
    if factor is None:
        notes.append(f"The {tier} cohort's scores do not vary enough for a distance.")
        return nan
    return mahalanobis_rows(cands, producers.mean(axis=0), factor)


def leave_one_out_distances(x: np.ndarray) -> np.ndarray | None:
    """Each row's Mahalanobis distance to the centre and Ledoit-Wolf covariance of the others.

    Exact (the shrinkage is re-estimated without the row), in O(n p^2 + p^3): with u_i the
    row's deviation from the full mean m, M the full scatter matrix and a = 1 / (n - 1),

    - the others' mean is m - a u_i and their scatter M - (n / (n - 1)) u_i u_i' (a rank-one
      downdate), so trace and squared Frobenius norm follow from r_i = |u_i|^2 and
      q_i = u_i' M u_i;
    - the Ledoit-Wolf beta term sum_{j != i} |x_j - m_i|^4 expands, with x_j - m_i =
      u_j + a u_i, into sums over all rows (sum r_j^2, M, U' r) minus row i's own term;
    - the shrunk covariance (1 - s_i) M_i / (n - 1) + s_i mu_i I is inverted on u_i through
      the eigenvectors of M and the Sherman-Morrison formula.

    Returns None when n < 3; entries are NaN where a leave-one-out covariance is singular.
    """
    n, p = x.shape
    if n < 3:
        return None
    n1 = n - 1.0
    a, c = 1.0 / n1, n / n1
    u = x - x.mean(axis=0)
    scatter = u.T @ u
    um = u @ scatter
    r = np.einsum("ij,ij->i", u, u)
    q = np.einsum("ij,ij->i", um, u)
    total = float(r.sum())
    tr_emp = (total - c * r) / n1  # trace of the others' biased covariance
    mu = tr_emp / p
    with quiet():
        if p == 1:
            shrink = np.zeros(n)
        else:
            delta_ = (np.sum(scatter**2) - 2.0 * c * q + c**2 * r**2) / n1**2
            beta_ = (
                np.sum(r**2)
                + 4.0 * a**2 * q
                + n * a**4 * r**2
                + 4.0 * a * (u @ (u.T @ r))
                + 2.0 * a**2 * r * total
                - r**2 * (1.0 + a) ** 4
            )
            beta = (beta_ / n1 - delta_) / (p * n1)
            delta = (delta_ - 2.0 * mu * tr_emp + p * mu**2) / p
            beta = np.minimum(beta, delta)
            shrink = np.where(beta == 0, 0.0, beta / delta)
        alpha = (1.0 - shrink) / n1  # Sigma_i = alpha (M - c u u') + gamma I
        gamma = shrink * mu
        lam, vecs = linalg.eigh(scatter, check_finite=False)
        lam = np.maximum(lam, 0.0)
        denom = alpha[:, None] * lam[None, :] + gamma[:, None]
        y = u @ vecs
        scale = np.max(denom, axis=1)
        ok = np.all(denom > scale[:, None] * 1e-12, axis=1) & (scale > 0)
        quad_a = np.einsum("ij,ij->i", y, y / np.where(denom > 0, denom, np.inf))
        rest = 1.0 - alpha * c * quad_a
        ok &= rest > 1e-10
        dist = c * np.sqrt(quad_a / rest)
    dist[~ok | ~np.isfinite(dist)] = np.nan
    return dist


def _lda_posteriors(
    groups: dict[str, np.ndarray],
    cands: np.ndarray,
    priors: Mapping[str, float] | None,
    notes: list[str],
) -> dict[str, np.ndarray]:
    """Posterior cohort probabilities from shrinkage linear discriminant analysis.

    As scikit-learn's ``LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto",
    priors=priors)``: each cohort's covariance is Ledoit-Wolf shrunk on standardised columns
    and scaled back, the shared covariance is their average with the priors as weights,
    score_k = x' S^-1 mu_k - mu_k' S^-1 mu_k / 2 + log prior_k, softmax over cohorts. Without
    priors, the cohorts' shares of the producers given are the priors. Cohorts without a
    producer are not modelled (NaN).
    """
    out = {tier: np.full(cands.shape[0], np.nan) for tier in TIERS}
    present = [t for t in TIERS if groups[t].shape[0] > 0]
    n_total = sum(groups[t].shape[0] for t in present)
    if len(present) < 2 or n_total - len(present) < 1:
        notes.append("Probabilities need at least two cohorts with complete profiles.")
        return out
    if priors is None:
        raw = np.array([groups[t].shape[0] for t in present], dtype=np.float64)
    else:
        raw = np.array([float(priors.get(t, 0.0)) for t in present])
        if np.any(raw < 0) or not np.all(np.isfinite(raw)) or raw.sum() <= 0:
            raise ValueError("priors must be non-negative numbers with a positive total.")
    weights_k = raw / raw.sum()
    means = np.stack([groups[t].mean(axis=0) for t in present])
    with quiet():
        shared = sum(
            w * standardised_ledoit_wolf(groups[t]) for w, t in zip(weights_k, present, strict=True)
        )
        factor = cholesky_or_none(shared)
    if factor is not None:
        coef = linalg.cho_solve((factor, True), means.T, check_finite=False)  # S^-1 mu_k
    elif np.all(np.isfinite(shared)) and np.any(shared != 0):
        coef = linalg.lstsq(shared, means.T, check_finite=False)[0]  # as scikit-learn does
    else:
        notes.append("The cohorts' scores do not vary enough for probabilities.")
        return out
    with quiet():
        log_prior = np.log(weights_k)
        scores = cands @ coef - 0.5 * np.einsum("kj,jk->k", means, coef) + log_prior
        post = np.exp(scores - logsumexp(scores, axis=1, keepdims=True))
    for k, tier in enumerate(present):
        out[tier] = post[:, k]
    return out


def _top_share(top: np.ndarray, cand_dist: np.ndarray, notes: list[str]) -> np.ndarray:
    """Share of top producers whose leave-one-out distance exceeds each candidate's distance."""
    share = np.full(cand_dist.shape[0], np.nan)
    own = leave_one_out_distances(top) if top.shape[0] else None
    if own is None:
        notes.append("The top-producer comparison needs at least 3 complete top profiles.")
        return share
    if np.isnan(own).any():
        notes.append("The top producers are too few or vary too little for the top comparison.")
        return share
    ordered = np.sort(own)
    share = (ordered.size - np.searchsorted(ordered, cand_dist, side="right")) / ordered.size
    share[np.isnan(cand_dist)] = np.nan
    return share


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
    dist = {tier: _cohort_distances(groups[tier], cand_sub, tier, notes) for tier in TIERS}
    share = _top_share(groups["top"], dist["top"], notes)
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
    as scikit-learn's ``LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto",
    priors=priors)`` fitted on the producers complete on ``use`` (``priors=None``: the tiers'
    shares of those producers). ``closer_than_top_share`` is the share of those top producers
    whose leave-one-out distance (to the centre and covariance of the other top producers)
    exceeds the candidate's distance to the top cohort. Vectorised over candidates.
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
