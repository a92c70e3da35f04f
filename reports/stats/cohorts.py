"""Which dimensions separate top producers from the rest (Welch t, Hedges' g, Holm)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from ._util import Z975, as_labels, as_matrix, clean, holm_adjust, quiet

COMPARISONS = (("top_vs_middle", "top", "middle"), ("top_vs_bottom", "top", "bottom"))


@dataclass(frozen=True)
class DimensionDifference:
    """One dimension compared between two producer cohorts (a = top, b = middle or bottom)."""

    dimension: str
    comparison: str
    n_a: int
    n_b: int
    mean_a: float
    mean_b: float
    t: float
    df: float
    p: float
    p_holm: float
    hedges_g: float
    g_ci_low: float
    g_ci_high: float
    discriminating: bool
    warning: str | None


def _moments(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-column count, mean and unbiased variance, NaNs dropped."""
    n = np.sum(~np.isnan(x), axis=0)
    with quiet():
        mean = np.nanmean(x, axis=0) if x.shape[0] else np.full(x.shape[1], np.nan)
        var = np.nanvar(x, axis=0, ddof=1) if x.shape[0] else np.full(x.shape[1], np.nan)
        if x.shape[0]:
            var[np.nanmax(x, axis=0) == np.nanmin(x, axis=0)] = 0.0  # exact zero, no round-off
    return n, mean, var


def _welch_and_hedges(a: np.ndarray, b: np.ndarray) -> dict[str, np.ndarray]:
    """Vectorised Welch (1947) t-test and Hedges (1981) g for every column."""
    n_a, m_a, v_a = _moments(a)
    n_b, m_b, v_b = _moments(b)
    with quiet():
        se2_a, se2_b = v_a / n_a, v_b / n_b
        t = (m_a - m_b) / np.sqrt(se2_a + se2_b)
        df = (se2_a + se2_b) ** 2 / (se2_a**2 / (n_a - 1) + se2_b**2 / (n_b - 1))
        p = 2.0 * stats.t.sf(np.abs(t), df)
        n = n_a + n_b
        sd_pooled = np.sqrt(((n_a - 1) * v_a + (n_b - 1) * v_b) / (n - 2))
        g = (1.0 - 3.0 / (4.0 * n - 9.0)) * (m_a - m_b) / sd_pooled
        se_g = np.sqrt(n / (n_a * n_b) + g**2 / (2.0 * n))
    too_small = (n_a < 2) | (n_b < 2)
    flat = ~too_small & (v_a + v_b <= 0)
    for arr in (t, df, p, g, se_g):
        arr[too_small | flat] = np.nan
    out = {"n_a": n_a, "n_b": n_b, "mean_a": m_a, "mean_b": m_b, "t": t, "df": df, "p": p, "g": g}
    out = {key: clean(val) if key[:2] != "n_" else val for key, val in out.items()}
    out["ci_low"] = clean(g - Z975 * se_g)
    out["ci_high"] = clean(g + Z975 * se_g)
    out["flat"] = flat
    return out


def _warning(label_a: str, label_b: str, n_a: int, n_b: int, flat: bool, min_n: int) -> str | None:
    """Plain-English caveat for one dimension and comparison, or None."""
    parts = []
    for label, n in ((label_a, n_a), (label_b, n_b)):
        if n < min_n:
            parts.append(
                f"Only {n} {label} producer{'s' if n != 1 else ''} scored on this dimension "
                f"(at least {min_n} needed for a reliable comparison)."
            )
    if n_a < 2 or n_b < 2:
        parts.append("A cohort has fewer than two scores, so no test was possible.")
    elif flat:
        parts.append("Every producer in both cohorts scored the same, so there is no variance.")
    return " ".join(parts) or None


def cohort_differences(
    scores: object,
    tiers: Sequence[str] | np.ndarray,
    dimensions: Sequence[str],
    *,
    min_n: int = 10,
    alpha: float = 0.05,
) -> list[DimensionDifference]:
    """Compare the top cohort with the middle and bottom cohorts on every dimension.

    Welch's unequal-variance t-test (Welch 1947; as scipy.stats.ttest_ind(equal_var=False)),
    Hedges' g with pooled SD and small-sample correction J = 1 - 3 / (4 N - 9) and its normal
    approximation CI (Hedges & Olkin 1985, eq. 5.15). Holm's (1979) adjustment runs over one
    family: all 2m p-values of both comparisons together (NaN p-values stay out of it and keep
    a NaN ``p_holm``), so the chance of calling any dimension discriminating when none is stays
    at ``alpha``. ``discriminating`` = ``p_holm < alpha`` and both cohorts have at least
    ``min_n`` scores. Results are ordered dimension by dimension, each with "top_vs_middle"
    then "top_vs_bottom". Missing values (NaN) are dropped per dimension.
    """
    dims = [str(d) for d in dimensions]
    x = as_matrix(scores, len(dims), "scores")
    labels = as_labels(tiers, x.shape[0])
    per_comparison = []
    for name, tier_a, tier_b in COMPARISONS:
        res = _welch_and_hedges(x[labels == tier_a], x[labels == tier_b])
        per_comparison.append((name, tier_a, tier_b, res))
    family = holm_adjust(np.concatenate([res["p"] for *_, res in per_comparison]))
    for k, (*_, res) in enumerate(per_comparison):
        res["p_holm"] = family[k * len(dims) : (k + 1) * len(dims)]
    results = []
    for j, dim in enumerate(dims):
        for name, tier_a, tier_b, res in per_comparison:
            n_a, n_b = int(res["n_a"][j]), int(res["n_b"][j])
            p_holm = float(res["p_holm"][j])
            results.append(
                DimensionDifference(
                    dimension=dim,
                    comparison=name,
                    n_a=n_a,
                    n_b=n_b,
                    mean_a=float(res["mean_a"][j]),
                    mean_b=float(res["mean_b"][j]),
                    t=float(res["t"][j]),
                    df=float(res["df"][j]),
                    p=float(res["p"][j]),
                    p_holm=p_holm,
                    hedges_g=float(res["g"][j]),
                    g_ci_low=float(res["ci_low"][j]),
                    g_ci_high=float(res["ci_high"][j]),
                    discriminating=bool(p_holm < alpha and min(n_a, n_b) >= min_n),
                    warning=_warning(tier_a, tier_b, n_a, n_b, bool(res["flat"][j]), min_n),
                )
            )
    return results
