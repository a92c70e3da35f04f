"""Does the producer profile predict the tier on producers it was not fitted on? (k-fold CV)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from ._util import TIERS, as_labels, as_matrix, quiet
from .cohorts import cohort_differences
from .fit import _lda_posteriors

EXPECTANCY_EDGES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


@dataclass(frozen=True)
class FitValidation:
    """Cross-validated quality of the tier probabilities ``candidate_fit`` would show.

    ``out_of_fold`` has one entry per input row: a dict tier -> held-out probability, or None
    for a row without a tier. ``expectancy`` has five bins of held-out P(top), each a dict with
    ``low, high, n, n_top``. ``reason`` explains in plain words why the model is not usable
    (None when it is).
    """

    n: int
    folds: int
    brier: float
    baseline_brier: float
    auc_top: float
    usable: bool
    reason: str | None
    expectancy: list[dict[str, float | int]]
    out_of_fold: list[dict[str, float] | None]
    warnings: list[str]


def fold_numbers(labels: np.ndarray, folds: int) -> np.ndarray:
    """Each producer's fold: its position among its own tier, in input order, modulo ``folds``.

    -1 for rows without a tier.
    """
    out = np.full(labels.shape[0], -1, dtype=int)
    for tier in TIERS:
        rows = np.flatnonzero(labels == tier)
        out[rows] = np.arange(rows.size) % folds
    return out


def discriminating_dimensions(diffs: list, dims: Sequence[str]) -> list[str]:
    """Dimensions with at least one discriminating comparison, in the given order."""
    found = {d.dimension for d in diffs if d.discriminating}
    return [d for d in dims if d in found]


def _brier(prob: np.ndarray, onehot: np.ndarray) -> float:
    """Mean over rows of sum_k (p_k - [tier = k])^2; NaN if any row is undefined or no rows."""
    if prob.shape[0] == 0 or np.isnan(prob).any():
        return float("nan")
    return float(np.mean(np.sum((prob - onehot) ** 2, axis=1)))


def _auc(p_top: np.ndarray, is_top: np.ndarray) -> float:
    """Mann-Whitney AUC of P(top), top against the rest; ties count one half."""
    keep = ~np.isnan(p_top)
    p_top, is_top = p_top[keep], is_top[keep]
    n_pos, n_neg = int(is_top.sum()), int((~is_top).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    ranks = stats.rankdata(p_top)  # average ranks: a tie counts one half
    return float((ranks[is_top].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def _expectancy(p_top: np.ndarray, is_top: np.ndarray) -> list[dict[str, float | int]]:
    """Five bins of held-out P(top): [0, .2), [.2, .4), [.4, .6), [.6, .8), [.8, 1]."""
    keep = ~np.isnan(p_top)
    inner = np.array(EXPECTANCY_EDGES[1:-1])
    bins = np.searchsorted(inner, p_top[keep], side="right")
    tops = is_top[keep]
    return [
        {
            "low": EXPECTANCY_EDGES[k],
            "high": EXPECTANCY_EDGES[k + 1],
            "n": int(np.sum(bins == k)),
            "n_top": int(np.sum((bins == k) & tops)),
        }
        for k in range(len(EXPECTANCY_EDGES) - 1)
    ]


def _fold_predictions(
    x: np.ndarray,
    labels: np.ndarray,
    train: np.ndarray,
    test: np.ndarray,
    dims: list[str],
    min_n: int,
    alpha: float,
) -> tuple[np.ndarray, np.ndarray, bool]:
    """(model probabilities, base-rate probabilities, whether a model was fitted) for ``test``."""
    counts = np.array([np.sum(labels[train] == t) for t in TIERS], dtype=np.float64)
    with quiet():
        props = counts / counts.sum() if counts.sum() else np.full(len(TIERS), np.nan)
    n_test = int(test.sum())
    base = np.tile(props, (n_test, 1))
    diffs = cohort_differences(x[train], labels[train], dims, min_n=min_n, alpha=alpha)
    use = discriminating_dimensions(diffs, dims)
    if not use:
        return base.copy(), base, False
    cols = np.array([dims.index(d) for d in use], dtype=int)
    sub = x[train][:, cols]
    complete = ~np.isnan(sub).any(axis=1)
    train_labels = labels[train]
    groups = {t: sub[complete & (train_labels == t)] for t in TIERS}
    held = x[test][:, cols]
    ok = ~np.isnan(held).any(axis=1)
    post = _lda_posteriors(groups, np.where(ok[:, None], held, 0.0), None, [])
    prob = np.column_stack([post[t] for t in TIERS])
    undefined = np.isnan(prob).all(axis=1) | ~ok
    prob = np.where(np.isnan(prob), 0.0, prob)  # a cohort the fit did not see gets 0
    prob[undefined] = props
    return prob, base, True


def _reason(
    counts: dict[str, int],
    min_n: int,
    any_discriminating: bool,
    brier: float,
    baseline: float,
    margin: float,
) -> str | None:
    """Why the model is not usable, in plain words; None when it is."""
    parts = []
    if min(counts.values()) < min_n:
        parts.append(
            f"There are {counts['top']} top, {counts['middle']} middle and {counts['bottom']} "
            f"bottom producers; each tier needs at least {min_n} before a profile can be trusted."
        )
    if not any_discriminating:
        parts.append(
            "No assessment dimension separates the top producers from the middle or bottom "
            "producers by more than chance."
        )
    if not np.isfinite(brier) or not np.isfinite(baseline):
        parts.append("The profile could not be tested on held-out producers.")
    elif not brier <= baseline - margin:
        parts.append(
            "On producers left out of the fit, the assessment profile does not predict the tier "
            f"better than the base rates (cross-validated Brier {brier:.2f} against "
            f"{baseline:.2f}; lower is better)."
        )
    return " ".join(parts) or None


def validate_fit(
    scores: object,
    tiers: Sequence[str] | np.ndarray,
    dimensions: Sequence[str],
    *,
    min_n: int = 10,
    alpha: float = 0.05,
    folds: int = 5,
    margin: float = 0.01,
) -> FitValidation:
    """Cross-validate the whole procedure: choosing dimensions, then fitting the posterior.

    Producers with a tier take part; a producer's fold is its position among the producers
    of its own tier, in input order, modulo ``folds``. For each fold, ``cohort_differences``
    on the other folds picks the discriminating dimensions; with none, the fold's producers
    are predicted by the training tier proportions, otherwise by the ``candidate_fit``
    posterior fitted on the training producers complete on those dimensions (a held-out
    producer missing one of them gets the training proportions). ``brier`` is the mean
    multiclass Brier score of these held-out predictions, ``baseline_brier`` that of the
    training proportions, ``auc_top`` the Mann-Whitney AUC of held-out P(top), top against the
    rest. ``usable`` needs at least ``min_n`` producers in every tier, a dimension
    discriminating on all producers, and ``brier <= baseline_brier - margin``.
    """
    if int(folds) != folds or folds < 2:
        raise ValueError("folds must be a whole number of at least 2.")
    folds = int(folds)
    dims = [str(d) for d in dimensions]
    x = as_matrix(scores, len(dims), "scores")
    labels = as_labels(tiers, x.shape[0])
    tiered = np.isin(labels, TIERS)
    fold = fold_numbers(labels, folds)
    prob = np.full((x.shape[0], len(TIERS)), np.nan)
    base = np.full_like(prob, np.nan)
    warnings: list[str] = []
    fitted = run = 0
    for f in range(folds):
        test = tiered & (fold == f)
        if not test.any():
            continue
        run += 1
        train = tiered & (fold != f)
        prob[test], base[test], did_fit = _fold_predictions(
            x, labels, train, test, dims, min_n, alpha
        )
        fitted += did_fit
    counts = {t: int(np.sum(labels == t)) for t in TIERS}
    onehot = np.column_stack([labels == t for t in TIERS]).astype(np.float64)
    brier = _brier(prob[tiered], onehot[tiered])
    baseline = _brier(base[tiered], onehot[tiered])
    is_top = labels[tiered] == "top"
    p_top = prob[tiered, 0]
    all_diffs = cohort_differences(x[tiered], labels[tiered], dims, min_n=min_n, alpha=alpha)
    any_discriminating = bool(discriminating_dimensions(all_diffs, dims))
    reason = _reason(counts, min_n, any_discriminating, brier, baseline, margin)
    for tier, count in counts.items():
        if 0 < count < folds:
            warnings.append(
                f"Only {count} {tier} producer{'s' if count != 1 else ''}: some of the "
                f"{folds} folds hold none of them."
            )
    if fitted < run:
        warnings.append(
            f"In {run - fitted} of {run} folds no dimension was discriminating on the other "
            "folds, so those producers were predicted by the base rates."
        )
    out_of_fold = [
        dict(zip(TIERS, row, strict=True)) if keep else None
        for row, keep in zip(prob.tolist(), tiered.tolist(), strict=True)
    ]
    return FitValidation(
        n=int(tiered.sum()),
        folds=folds,
        brier=brier,
        baseline_brier=baseline,
        auc_top=_auc(p_top, is_top),
        usable=reason is None,
        reason=reason,
        expectancy=_expectancy(p_top, is_top),
        out_of_fold=out_of_fold,
        warnings=warnings,
    )
