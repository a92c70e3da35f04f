"""Internal consistency of a multi-item scale (Cronbach's alpha, Feldt CI, item-total r)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

from ._util import as_matrix, finite_or_nan, quiet


@dataclass(frozen=True)
class Consistency:
    """Cronbach's alpha of a people x items matrix with its 95 % interval.

    ``item_difficulty`` is per item the mean score of the people who answered it as a
    proportion of the maximum score (the classical p-value of an item: near 1 almost everyone
    gets it right, near 0 almost nobody); NaN for an item nobody answered.
    """

    alpha: float
    ci_low: float
    ci_high: float
    n: int
    k: int
    item_total: list[float]
    warnings: list[str]
    item_difficulty: list[float]


def _item_rest(x: np.ndarray) -> list[float]:
    """Corrected item-total correlation: each item against the sum of the other items."""
    rest = x.sum(axis=1, keepdims=True) - x
    xc = x - x.mean(axis=0)
    rc = rest - rest.mean(axis=0)
    with quiet():
        r = np.sum(xc * rc, axis=0) / np.sqrt(np.sum(xc**2, axis=0) * np.sum(rc**2, axis=0))
    flat = (np.ptp(x, axis=0) == 0) | (np.ptp(rest, axis=0) == 0)
    r[flat] = np.nan
    return [finite_or_nan(v) for v in r]


def _difficulty(x: np.ndarray, max_score: float) -> list[float]:
    """Mean of each column over its non-missing values, divided by ``max_score``."""
    answered = ~np.isnan(x)
    with quiet():
        means = np.where(answered, x, 0.0).sum(axis=0) / answered.sum(axis=0)
    return [finite_or_nan(v / max_score) for v in means]


def internal_consistency(items: object, *, max_score: float = 1.0) -> Consistency:
    """Cronbach's (1951) alpha with Feldt's (1965) 95 % interval and corrected item-total r.

    alpha = k / (k - 1) (1 - sum var_i / var_total). Interval as pingouin.cronbach_alpha:
    low = 1 - (1 - alpha) F.ppf(0.975; n - 1, (n - 1)(k - 1)), high = 1 - (1 - alpha)
    F.ppf(0.025; same df) (Feldt, Woodruff & Salih 1987). Rows with a missing value are
    dropped first (listwise), and n counts the rows kept. Item difficulty is each item's
    mean over everyone who answered it (before the listwise drop) divided by ``max_score``.
    """
    try:
        max_score = float(max_score)
    except (TypeError, ValueError):
        raise ValueError(f"max_score must be a number, got {max_score!r}.") from None
    if not np.isfinite(max_score) or max_score <= 0:
        raise ValueError(f"max_score must be a positive number, got {max_score!r}.")
    x = as_matrix(items, None, "items")
    difficulty = _difficulty(x, max_score)
    notes: list[str] = []
    dropped = int(np.isnan(x).any(axis=1).sum())
    x = x[~np.isnan(x).any(axis=1)]
    if dropped:
        notes.append(f"{dropped} row{'s' if dropped != 1 else ''} with missing answers dropped.")
    n, k = x.shape
    nan = float("nan")
    if k < 2 or n < 2:
        notes.append("Alpha needs at least two items and two complete rows.")
        return Consistency(nan, nan, nan, n, k, [nan] * k, notes, difficulty)
    item_var = x.var(axis=0, ddof=1)
    item_var[np.ptp(x, axis=0) == 0] = 0.0
    total = x.sum(axis=1)
    total_var = 0.0 if np.ptp(total) == 0 else total.var(ddof=1)
    with quiet():
        alpha = finite_or_nan(k / (k - 1) * (1.0 - item_var.sum() / total_var))
    if np.isnan(alpha):
        notes.append("Alpha is undefined because the total score does not vary.")
    df1, df2 = n - 1, (n - 1) * (k - 1)
    ci_low = finite_or_nan(1.0 - (1.0 - alpha) * stats.f.ppf(0.975, df1, df2))
    ci_high = finite_or_nan(1.0 - (1.0 - alpha) * stats.f.ppf(0.025, df1, df2))
    item_total = _item_rest(x)
    if any(np.isnan(v) for v in item_total):
        notes.append("Some item-total correlations are undefined because a score does not vary.")
    return Consistency(alpha, ci_low, ci_high, n, k, item_total, notes, difficulty)
