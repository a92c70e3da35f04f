"""Agreement between interview raters: ICCs, Krippendorff's ordinal alpha and leniency."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._util import as_matrix, finite_or_nan, quiet


@dataclass(frozen=True)
class RaterAgreement:
    """Agreement figures for a targets x raters matrix; NaN where undefined."""

    icc1: float
    icc2: float
    icc3: float
    icc1k: float
    icc2k: float
    icc3k: float
    n_complete: int
    krippendorff_alpha: float
    leniency: list[float]
    warnings: list[str]


def _iccs(x: np.ndarray) -> dict[str, float]:
    """Six ICC forms from the one- and two-way ANOVA mean squares (Shrout & Fleiss 1979).

    icc2 / icc2k are McGraw & Wong's (1996) ICC(A,1) / ICC(A,k) (absolute agreement), icc3 /
    icc3k their ICC(C,1) / ICC(C,k) (consistency); ``x`` is complete, n >= 2 and k >= 2.
    """
    n, k = x.shape
    if np.ptp(x) == 0:  # every rating identical: all mean squares are zero
        return dict.fromkeys(("icc1", "icc2", "icc3", "icc1k", "icc2k", "icc3k"), float("nan"))
    grand = x.mean()
    ss_rows = k * np.sum((x.mean(axis=1) - grand) ** 2)
    ss_cols = n * np.sum((x.mean(axis=0) - grand) ** 2)
    ss_err = max(np.sum((x - grand) ** 2) - ss_rows - ss_cols, 0.0)
    msb = ss_rows / (n - 1)
    msj = ss_cols / (k - 1)
    mse = ss_err / ((n - 1) * (k - 1))
    msw = (ss_cols + ss_err) / (n * (k - 1))
    with quiet():
        values = {
            "icc1": (msb - msw) / (msb + (k - 1) * msw),
            "icc2": (msb - mse) / (msb + (k - 1) * mse + k * (msj - mse) / n),
            "icc3": (msb - mse) / (msb + (k - 1) * mse),
            "icc1k": (msb - msw) / msb,
            "icc2k": (msb - mse) / (msb + (msj - mse) / n),
            "icc3k": (msb - mse) / msb,
        }
    return {key: finite_or_nan(val) for key, val in values.items()}


def _krippendorff_ordinal(x: np.ndarray) -> float:
    """Krippendorff's alpha for ordinal data over all pairable ratings (Krippendorff 2011).

    Coincidences o_ck = sum_u (pairs of values c, k in unit u) / (m_u - 1); ordinal distance
    d_ck = (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2, i.e. the squared difference of mid-ranks;
    alpha = 1 - sum o d / sum e d with expected e_ck = (n_c n_k - [c = k] n_c) / (n - 1).
    """
    present = ~np.isnan(x)
    m = present.sum(axis=1)
    pairable = m >= 2
    if not pairable.any():
        return float("nan")
    sub, mask = x[pairable], present[pairable]
    domain, codes = np.unique(sub[mask], return_inverse=True)
    if domain.size < 2:
        return float("nan")
    unit = np.repeat(np.arange(sub.shape[0]), mask.sum(axis=1))
    counts = np.zeros((sub.shape[0], domain.size))
    np.add.at(counts, (unit, codes), 1.0)
    weight = 1.0 / (m[pairable] - 1.0)
    observed = (counts * weight[:, None]).T @ counts
    observed[np.diag_indices_from(observed)] -= (counts * weight[:, None]).sum(axis=0)
    n_v = observed.sum(axis=0)
    expected = (np.outer(n_v, n_v) - np.diag(n_v)) / (n_v.sum() - 1.0)
    mid_rank = np.cumsum(n_v) - n_v / 2.0
    distance = (mid_rank[:, None] - mid_rank[None, :]) ** 2
    with quiet():
        value = 1.0 - np.sum(observed * distance) / np.sum(expected * distance)
    return finite_or_nan(value)


def _leniency(x: np.ndarray) -> list[float]:
    """Mean of (own rating - mean of the other raters' ratings of the same target) per rater."""
    present = ~np.isnan(x)
    count = present.sum(axis=1, keepdims=True)
    total = np.nansum(x, axis=1, keepdims=True)
    with quiet():
        others = (total - np.where(present, x, 0.0)) / (count - 1)
        diff = np.where(present & (count >= 2), x - others, np.nan)
        usable = ~np.isnan(diff)
        sums = np.where(usable, diff, 0.0).sum(axis=0)
        means = sums / usable.sum(axis=0)
    return [finite_or_nan(v) for v in means]


def rater_agreement(ratings: object) -> RaterAgreement:
    """Inter-rater agreement for a targets x raters matrix (NaN = not rated).

    ICCs follow Shrout & Fleiss (1979) / McGraw & Wong (1996) on the targets rated by every
    rater (as pingouin.intraclass_corr); Krippendorff's (2011) ordinal alpha uses every rating
    (as krippendorff.alpha(level_of_measurement="ordinal")); leniency is each rater's mean
    deviation from the other raters on shared targets.
    """
    x = as_matrix(ratings, None, "ratings")
    n_raters = x.shape[1]
    notes: list[str] = []
    complete = x[~np.isnan(x).any(axis=1)] if n_raters else np.empty((0, 0))
    nan_iccs = dict.fromkeys(("icc1", "icc2", "icc3", "icc1k", "icc2k", "icc3k"), float("nan"))
    if n_raters < 2:
        notes.append("Agreement needs at least two raters.")
        iccs = nan_iccs
    elif complete.shape[0] < 2:
        notes.append("ICCs need at least two targets rated by every rater.")
        iccs = nan_iccs
    else:
        iccs = _iccs(complete)
        if any(np.isnan(v) for v in iccs.values()):
            notes.append("Some ICCs are undefined because the ratings do not vary.")
    alpha = _krippendorff_ordinal(x) if n_raters else float("nan")
    if np.isnan(alpha) and n_raters >= 2:
        notes.append(
            "Krippendorff's alpha is undefined: it needs targets rated by two or more raters "
            "and at least two different ratings."
        )
    leniency = _leniency(x) if n_raters else []
    if any(np.isnan(v) for v in leniency) and n_raters >= 2:
        notes.append("Leniency is missing for raters who share no target with another rater.")
    return RaterAgreement(
        **iccs,
        n_complete=int(complete.shape[0]),
        krippendorff_alpha=alpha,
        leniency=leniency,
        warnings=notes,
    )
