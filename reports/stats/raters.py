"""Agreement between interview raters: ICCs, Krippendorff's ordinal alpha and leniency."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

from ._util import as_matrix, finite_or_nan, quiet

ICC_FORMS = ("icc1", "icc2", "icc3", "icc1k", "icc2k", "icc3k")


@dataclass(frozen=True)
class RaterAgreement:
    """Agreement figures for a targets x raters matrix; NaN where undefined.

    ``ci`` maps each ICC form (``"icc1"`` ... ``"icc3k"``) to its 95 % interval (low, high).
    """

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
    ci: dict[str, tuple[float, float]]


def _nan_intervals() -> dict[str, tuple[float, float]]:
    return {form: (float("nan"), float("nan")) for form in ICC_FORMS}


def _intervals(
    n: int, k: int, msb: float, msw: float, msj: float, mse: float, icc2: float
) -> dict[str, tuple[float, float]]:
    """95 % intervals of the six ICCs, F-based, as pingouin.intraclass_corr's ``CI95``.

    ICC(1) and ICC(3): Shrout & Fleiss (1979) with F = MSB / MSW on (n - 1, n (k - 1)) and
    F = MSB / MSE on (n - 1, (n - 1)(k - 1)) degrees of freedom; ICC(2) = ICC(A,1): McGraw &
    Wong (1996) with Satterthwaite's approximate df v; the k-rater forms follow from the
    single-rater bounds by Spearman-Brown (ICC(A,k)) or as 1 - 1 / F bound (ICC(1,k),
    ICC(C,k)).
    """
    f_crit = stats.f.ppf
    q = 0.975
    with quiet():
        df1, df1kd, df2kd = n - 1, n * (k - 1), (n - 1) * (k - 1)
        f1 = msb / msw
        f1l = f1 / f_crit(q, df1, df1kd)
        f1u = f1 * f_crit(q, df1kd, df1)
        f3 = msb / mse
        f3l = f3 / f_crit(q, df1, df2kd)
        f3u = f3 * f_crit(q, df2kd, df1)
        fj = msj / mse
        vn = df2kd * (k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2) ** 2
        vd = df1 * k**2 * icc2**2 * fj**2 + (n * (1 + (k - 1) * icc2) - k * icc2) ** 2
        v = vn / vd
        f2u = f_crit(q, n - 1, v)
        f2l = f_crit(q, v, n - 1)
        l2 = n * (msb - f2u * mse) / (f2u * (k * msj + (k * n - k - n) * mse) + n * msb)
        u2 = n * (f2l * msb - mse) / (k * msj + (k * n - k - n) * mse + n * f2l * msb)
        bounds = {
            "icc1": ((f1l - 1) / (f1l + (k - 1)), (f1u - 1) / (f1u + (k - 1))),
            "icc2": (l2, u2),
            "icc3": ((f3l - 1) / (f3l + (k - 1)), (f3u - 1) / (f3u + (k - 1))),
            "icc1k": (1 - 1 / f1l, 1 - 1 / f1u),
            "icc2k": (l2 * k / (1 + l2 * (k - 1)), u2 * k / (1 + u2 * (k - 1))),
            "icc3k": (1 - 1 / f3l, 1 - 1 / f3u),
        }
    return {form: (finite_or_nan(lo), finite_or_nan(hi)) for form, (lo, hi) in bounds.items()}


def _iccs(x: np.ndarray) -> tuple[dict[str, float], dict[str, tuple[float, float]]]:
    """Six ICC forms from the one- and two-way ANOVA mean squares (Shrout & Fleiss 1979).

    icc2 / icc2k are McGraw & Wong's (1996) ICC(A,1) / ICC(A,k) (absolute agreement), icc3 /
    icc3k their ICC(C,1) / ICC(C,k) (consistency); ``x`` is complete, n >= 2 and k >= 2.
    Returns the ICCs and their 95 % intervals.
    """
    n, k = x.shape
    if np.ptp(x) == 0:  # every rating identical: all mean squares are zero
        return dict.fromkeys(ICC_FORMS, float("nan")), _nan_intervals()
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
    iccs = {key: finite_or_nan(val) for key, val in values.items()}
    return iccs, _intervals(n, k, msb, msw, msj, mse, values["icc2"])


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
    rater (as pingouin.intraclass_corr), with their F-based 95 % intervals in ``ci`` (as its
    ``CI95``, before pingouin rounds them for display); Krippendorff's (2011) ordinal alpha
    uses every rating (as krippendorff.alpha(level_of_measurement="ordinal")); leniency is
    each rater's mean deviation from the other raters on shared targets.
    """
    x = as_matrix(ratings, None, "ratings")
    n_raters = x.shape[1]
    notes: list[str] = []
    complete = x[~np.isnan(x).any(axis=1)] if n_raters else np.empty((0, 0))
    nan_iccs = dict.fromkeys(ICC_FORMS, float("nan"))
    intervals = _nan_intervals()
    if n_raters < 2:
        notes.append("Agreement needs at least two raters.")
        iccs = nan_iccs
    elif complete.shape[0] < 2:
        notes.append("ICCs need at least two targets rated by every rater.")
        iccs = nan_iccs
    else:
        iccs, intervals = _iccs(complete)
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
        ci=intervals,
    )


@dataclass(frozen=True)
class AgreementSummary:
    """One agreement figure across dimensions: the median of the per-dimension ICCs.

    ``form`` is ``"icc2"`` (ICC(2,1), every interviewer rated every candidate they shared a
    dimension with) or ``"icc1"`` (ICC(1), the panel was split); ``per_dimension`` holds each
    dimension's value of that form (NaN where undefined), ``split`` whether any dimension's
    panel was split.
    """

    value: float
    form: str
    split: bool
    per_dimension: list[float]
    per_dimension_ci: list[tuple[float, float]]
    n_targets: list[int]


def is_split(ratings: object) -> bool:
    """True when some target was rated by some raters but not by all of them."""
    x = as_matrix(ratings, None, "ratings")
    present = ~np.isnan(x)
    rated = present.any(axis=1)
    return bool((rated & ~present.all(axis=1)).any())


def one_way_matrix(ratings: object) -> np.ndarray:
    """A targets x k matrix for the one-way ICC(1) of a split panel.

    ICC(1) does not model who rated, only how far ratings of the same target spread, so
    each target's ratings can be lined up left to right whoever gave them. Every target with
    two or more ratings is kept; k is the smallest number of ratings among them, and a target
    with more keeps its first k (in rater order). Fewer than two such targets: an empty
    matrix.
    """
    x = as_matrix(ratings, None, "ratings")
    counts = (~np.isnan(x)).sum(axis=1)
    keep = counts >= 2
    if keep.sum() < 2:
        return np.empty((0, 2))
    k = int(counts[keep].min())
    rows = [row[~np.isnan(row)][:k] for row in x[keep]]
    return np.array(rows, dtype=np.float64)


def agreement_summary(dimension_ratings: list[object]) -> AgreementSummary:
    """Median per-dimension ICC of a list of targets x raters matrices (one per dimension).

    Pooling every (candidate, dimension) pair into one ICC counts differences between
    dimensions (one is rated harder than another) as agreement about candidates; the
    per-dimension ICC does not. ICC(2,1) assumes every rater rated every target, so when any
    dimension's panel was split the summary uses ICC(1) of :func:`one_way_matrix` instead,
    for every dimension. Dimensions where the ICC is undefined are left out of the median.
    """
    matrices = [as_matrix(m, None, "ratings") for m in dimension_ratings]
    split = any(is_split(m) for m in matrices)
    form = "icc1" if split else "icc2"
    values, intervals, sizes = [], [], []
    for m in matrices:
        used = one_way_matrix(m) if split else m
        if used.shape[0] == 0 or used.shape[1] < 2:
            values.append(float("nan"))
            intervals.append((float("nan"), float("nan")))
            sizes.append(0)
            continue
        result = rater_agreement(used)
        values.append(getattr(result, form))
        intervals.append(result.ci[form])
        sizes.append(result.n_complete)
    finite = [v for v in values if np.isfinite(v)]
    value = float(np.median(finite)) if finite else float("nan")
    return AgreementSummary(value, form, split, values, intervals, sizes)
