"""Shared numerical helpers for :mod:`reports.stats` (numpy + scipy only)."""

from __future__ import annotations

import gc
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import numpy as np
from scipy import linalg

Z975 = 1.959963984540054  # scipy.stats.norm.ppf(0.975)
TIERS = ("top", "middle", "bottom")


@contextmanager
def quiet() -> Iterator[None]:
    """Silence numpy floating-point warnings and scipy/numpy RuntimeWarnings."""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        warnings.simplefilter("ignore", UserWarning)
        yield


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    Creating tens of thousands of dicts triggers repeated collections that find nothing;
    the previous state is restored afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def as_matrix(values: object, n_cols: int | None = None, name: str = "array") -> np.ndarray:
    """Return ``values`` as a float64 2-D array (rows x columns); 1-D means one row."""
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim == 1:
        arr = arr.reshape(0, n_cols or 0) if arr.size == 0 else arr.reshape(1, -1)
    elif arr.ndim == 0:
        arr = arr.reshape(1, 1)
    if arr.ndim != 2:
        raise ValueError(f"{name} must be two-dimensional (rows x columns).")
    if n_cols is not None and arr.shape[1] != n_cols:
        if arr.shape[0] == 0:
            return np.empty((0, n_cols))
        raise ValueError(f"{name} has {arr.shape[1]} columns but {n_cols} dimensions were named.")
    return arr


def as_labels(labels: object, n_rows: int, name: str = "tiers") -> np.ndarray:
    """Return ``labels`` as an object array of length ``n_rows``."""
    arr = np.asarray(list(labels) if not isinstance(labels, np.ndarray) else labels, dtype=object)
    arr = arr.reshape(-1)
    if arr.shape[0] != n_rows:
        raise ValueError(f"{name} has {arr.shape[0]} entries but scores have {n_rows} rows.")
    return arr


def finite_or_nan(value: float) -> float:
    """Map infinities (and anything non-finite) to NaN, returning a Python float."""
    value = float(value)
    return value if np.isfinite(value) else float("nan")


def clean(arr: np.ndarray) -> np.ndarray:
    """Copy of ``arr`` with +-inf replaced by NaN."""
    out = np.array(arr, dtype=np.float64)
    out[~np.isfinite(out)] = np.nan
    return out


def holm_adjust(pvalues: Sequence[float] | np.ndarray) -> np.ndarray:
    """Holm (1979) step-down adjusted p-values; NaN p-values are left out and stay NaN.

    Follows Holm, S. (1979), "A simple sequentially rejective multiple test procedure":
    p_adj(i) = max_{j <= i} min(1, (m - j + 1) p(j)) over the ascending p-values.
    """
    p = np.asarray(pvalues, dtype=np.float64).reshape(-1)
    out = np.full(p.shape, np.nan)
    ok = np.isfinite(p)
    m = int(ok.sum())
    if m == 0:
        return out
    order = np.argsort(p[ok], kind="stable")
    ranked = p[ok][order] * (m - np.arange(m))
    adjusted = np.minimum(np.maximum.accumulate(ranked), 1.0)
    unsorted = np.empty(m)
    unsorted[order] = adjusted
    out[ok] = unsorted
    return out


def ledoit_wolf_covariance(x: np.ndarray) -> np.ndarray:
    """Ledoit-Wolf shrunk covariance (Ledoit & Wolf 2004), as ``sklearn.covariance.ledoit_wolf``.

    Data are centred on their mean (assume_centered=False); the target is mu * I with
    mu = trace(S) / p and S the biased empirical covariance.
    """
    n, p = x.shape
    xc = x - x.mean(axis=0)
    emp = xc.T @ xc / n
    if p == 1:
        return emp
    trace_diag = np.einsum("ij,ij->j", xc, xc) / n
    mu = trace_diag.sum() / p
    delta_ = np.sum(emp**2)
    row_sq = np.einsum("ij,ij->i", xc, xc)
    beta_ = np.sum(row_sq**2)
    beta = (beta_ / n - delta_) / (p * n)
    delta = (delta_ - 2.0 * mu * trace_diag.sum() + p * mu**2) / p
    beta = min(beta, delta)
    shrinkage = 0.0 if beta == 0 else beta / delta
    shrunk = (1.0 - shrinkage) * emp
    shrunk.flat[:: p + 1] += shrinkage * mu
    return shrunk


def standardised_ledoit_wolf(x: np.ndarray) -> np.ndarray:
    """One class's covariance as scikit-learn's LDA builds it with ``shrinkage="auto"``.

    ``sklearn.discriminant_analysis._cov``: the columns are standardised (population SD; a
    column that is constant up to round-off, by ``StandardScaler``'s test, keeps scale 1),
    ``ledoit_wolf`` is applied to the standardised data and the result is scaled back, so
    C = D LW(Z) D with D the diagonal of column SDs.
    """
    n = x.shape[0]
    mean = x.mean(axis=0)
    xc = x - mean
    var = np.einsum("ij,ij->j", xc, xc) / n
    eps = np.finfo(np.float64).eps
    constant = var <= n * eps * var + (n * mean * eps) ** 2
    sd = np.sqrt(var)
    scale = np.where(constant | (sd < 10 * eps), 1.0, sd)
    shrunk = ledoit_wolf_covariance(xc / scale)
    return scale[:, None] * shrunk * scale[None, :]


def cholesky_or_none(cov: np.ndarray) -> np.ndarray | None:
    """Lower Cholesky factor of ``cov``, or None when it is not (numerically) positive definite."""
    if cov.size == 0 or not np.all(np.isfinite(cov)):
        return None
    scale = float(np.max(np.abs(np.diag(cov)))) if cov.size else 0.0
    if scale <= 0:
        return None
    try:
        factor = linalg.cholesky(cov, lower=True, check_finite=False)
    except linalg.LinAlgError:
        return None
    diag = np.diag(factor)
    if np.min(diag) <= np.sqrt(scale) * 1e-7:
        return None
    return factor


def mahalanobis_rows(x: np.ndarray, centre: np.ndarray, factor: np.ndarray) -> np.ndarray:
    """sqrt((x - c)' S^-1 (x - c)) for every row of ``x``, with ``factor`` = chol(S)."""
    if x.shape[0] == 0:
        return np.empty(0)
    z = linalg.solve_triangular(factor, (x - centre).T, lower=True, check_finite=False)
    return np.sqrt(np.einsum("ij,ij->j", z, z))
