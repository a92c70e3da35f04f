"""Criterion validity of an assessment score against a later outcome."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

from ._util import Z975, finite_or_nan, quiet


@dataclass(frozen=True)
class Validity:
    """Correlation of predictor with outcome, with its interval and range-restriction fix."""

    n: int
    pearson_r: float
    pearson_ci_low: float
    pearson_ci_high: float
    pearson_p: float
    spearman_rho: float
    spearman_p: float
    spearman_ci_low: float
    spearman_ci_high: float
    corrected_r: float | None
    warnings: list[str]


def _thorndike_ii(r: float, ratio: float | None, notes: list[str]) -> float | None:
    """Thorndike (1949) case II correction for direct range restriction.

    Meant for the validity loop on hires, who were selected on the predictor (direct range
    restriction). Not for concurrent figures on incumbents: they were not selected on this
    score, so the correction over-corrects there, and the pages do not offer it.
    """
    if ratio is None:
        return None
    u = float(ratio)
    if not np.isfinite(u) or u <= 0:
        notes.append("The SD ratio for range restriction must be a positive number.")
        return float("nan")
    with quiet():
        return finite_or_nan(r * u / np.sqrt(1.0 + r**2 * (u**2 - 1.0)))


def predictive_validity(
    predictor: object, outcome: object, *, restricted_sd_ratio: float | None = None
) -> Validity:
    """Pearson and Spearman correlation of predictor with outcome (pairs with a NaN dropped).

    Pearson r with scipy.stats.pearsonr's p and a Fisher (1921) z 95 % interval
    tanh(atanh(r) +- 1.959964 / sqrt(n - 3)); Spearman's rho via scipy.stats.spearmanr with
    the Bonett & Wright (2000) interval tanh(atanh(rho) +- 1.959964 sqrt((1 + rho^2 / 2) /
    (n - 3))); Thorndike (1949) case II correction r u / sqrt(1 + r^2 (u^2 - 1)) with
    u = applicant SD / hired SD when ``restricted_sd_ratio`` is given (Sackett & Yang 2000).
    """
    x = np.asarray(predictor, dtype=np.float64).reshape(-1)
    y = np.asarray(outcome, dtype=np.float64).reshape(-1)
    if x.shape != y.shape:
        raise ValueError(f"predictor has {x.size} values but outcome has {y.size}.")
    keep = np.isfinite(x) & np.isfinite(y)
    x, y = x[keep], y[keep]
    n = int(x.size)
    notes: list[str] = []
    nan = float("nan")
    r = p = rho = p_rho = low = high = rho_low = rho_high = nan
    if n < 3:
        notes.append(f"Only {n} complete pair{'s' if n != 1 else ''}; at least 3 are needed.")
    elif np.ptp(x) == 0 or np.ptp(y) == 0:
        notes.append("A correlation is undefined because the predictor or outcome is constant.")
    else:
        with quiet():
            pr = stats.pearsonr(x, y)
            sr = stats.spearmanr(x, y)
            r, p = finite_or_nan(pr.statistic), finite_or_nan(pr.pvalue)
            rho, p_rho = finite_or_nan(sr.statistic), finite_or_nan(sr.pvalue)
            if n > 3 and not np.isnan(r):
                z, half = np.arctanh(np.clip(r, -1.0, 1.0)), Z975 / np.sqrt(n - 3)
                low, high = float(np.tanh(z - half)), float(np.tanh(z + half))
            if n > 3 and not np.isnan(rho):
                z = np.arctanh(np.clip(rho, -1.0, 1.0))
                half = Z975 * np.sqrt((1.0 + rho**2 / 2.0) / (n - 3))
                rho_low, rho_high = float(np.tanh(z - half)), float(np.tanh(z + half))
            if n <= 3 or np.isnan(r):
                notes.append("The confidence interval needs at least 4 pairs.")
    if 3 <= n < 30:
        notes.append(f"Only {n} pairs: treat the correlation as a rough indication.")
    corrected = _thorndike_ii(r, restricted_sd_ratio, notes)
    return Validity(n, r, low, high, p, rho, p_rho, rho_low, rho_high, corrected, notes)


def applicant_sd_ratio(applicants: object, selected: object) -> float:
    """u = SD(applicant pool) / SD(selected), both with ddof = 1, NaN values dropped.

    The ratio Thorndike's case II correction takes (``restricted_sd_ratio``); NaN when
    either group has fewer than 2 values or the selected group does not vary.
    """
    pool = np.asarray(applicants, dtype=np.float64).reshape(-1)
    chosen = np.asarray(selected, dtype=np.float64).reshape(-1)
    pool, chosen = pool[np.isfinite(pool)], chosen[np.isfinite(chosen)]
    if pool.size < 2 or chosen.size < 2:
        return float("nan")
    sd_chosen = float(np.std(chosen, ddof=1))
    if sd_chosen == 0:
        return float("nan")
    return float(np.std(pool, ddof=1)) / sd_chosen
