"""predictive_validity against scipy.stats.pearsonr / spearmanr and hand computations."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from reports.stats import predictive_validity

TOL = {"rtol": 1e-6, "atol": 1e-6}


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_matches_scipy(seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=60)
    y = 0.4 * x + rng.normal(size=60)
    x[rng.random(60) < 0.1] = np.nan
    y[rng.random(60) < 0.1] = np.nan
    res = predictive_validity(x, y, restricted_sd_ratio=1.4)
    keep = ~np.isnan(x) & ~np.isnan(y)
    xs, ys = x[keep], y[keep]
    pr, sr = stats.pearsonr(xs, ys), stats.spearmanr(xs, ys)
    n = int(keep.sum())
    assert res.n == n
    z = np.arctanh(pr.statistic)
    half = stats.norm.ppf(0.975) / math.sqrt(n - 3)
    np.testing.assert_allclose(
        [res.pearson_r, res.pearson_p, res.spearman_rho, res.spearman_p],
        [pr.statistic, pr.pvalue, sr.statistic, sr.pvalue],
        **TOL,
    )
    np.testing.assert_allclose(
        [res.pearson_ci_low, res.pearson_ci_high], [np.tanh(z - half), np.tanh(z + half)], **TOL
    )
    # scipy's own Fisher-z interval agrees
    ci = pr.confidence_interval(0.95)
    np.testing.assert_allclose([res.pearson_ci_low, res.pearson_ci_high], [ci.low, ci.high], **TOL)
    # Bonett & Wright (2000): Fisher z of rho with variance (1 + rho^2 / 2) / (n - 3).
    rho = sr.statistic
    half = 1.959964 * math.sqrt((1 + rho**2 / 2) / (n - 3))
    np.testing.assert_allclose(
        [res.spearman_ci_low, res.spearman_ci_high],
        [math.tanh(math.atanh(rho) - half), math.tanh(math.atanh(rho) + half)],
        rtol=1e-6,
    )
    assert res.spearman_ci_low < res.spearman_rho < res.spearman_ci_high
    r, u = pr.statistic, 1.4
    np.testing.assert_allclose(res.corrected_r, r * u / math.sqrt(1 + r**2 * (u**2 - 1)), **TOL)


def test_hand_computed_thorndike():
    # x = [1, 2, 3, 4, 5], y = [2, 1, 4, 3, 5]: deviations x -2..2, y -1, -2, 1, 0, 2
    # sum xy = 2 + 2 + 0 + 0 + 4 = 8, sum x^2 = 10, sum y^2 = 10 -> r = 0.8; rho = 0.8 too.
    # Case II with u = 2: 0.8 * 2 / sqrt(1 + 0.64 * 3) = 1.6 / sqrt(2.92) = 0.936329...
    res = predictive_validity([1, 2, 3, 4, 5], [2, 1, 4, 3, 5], restricted_sd_ratio=2.0)
    assert res.pearson_r == pytest.approx(0.8)
    assert res.spearman_rho == pytest.approx(0.8)
    assert res.corrected_r == pytest.approx(1.6 / math.sqrt(2.92), rel=1e-9)
    assert predictive_validity([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]).corrected_r is None


def test_hand_computed_spearman_interval():
    # x = [1, 2, 3, 4, 5], y = [2, 1, 4, 3, 5]: rho = 0.8, n = 5.
    # sqrt((1 + 0.64 / 2) / 2) = 0.812404; atanh 0.8 = 1.098612; half-width 1.592283
    # -> tanh(-0.493670) = -0.457124, tanh(2.690895) = 0.990843.
    res = predictive_validity([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])
    assert res.spearman_rho == pytest.approx(0.8)
    assert res.spearman_ci_low == pytest.approx(-0.457124, abs=1e-6)
    assert res.spearman_ci_high == pytest.approx(0.990843, abs=1e-6)
    # wider than the plain Fisher interval, which ignores the extra variance of ranks
    assert res.spearman_ci_low < res.pearson_ci_low


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize(
    "x,y",
    [
        ([], []),
        ([1.0], [2.0]),
        ([1.0, 2.0], [2.0, 3.0]),
        ([1.0, 2.0, 3.0, 4.0], [5.0, 5.0, 5.0, 5.0]),
        ([np.nan] * 5, [1.0] * 5),
        ([1.0, 2.0, 3.0], [2.0, 4.0, 7.0]),  # n = 3: no interval
    ],
)
def test_degenerate_inputs(x, y):
    res = predictive_validity(x, y, restricted_sd_ratio=1.5)
    assert res.warnings
    values = [
        res.pearson_r,
        res.pearson_ci_low,
        res.pearson_ci_high,
        res.pearson_p,
        res.spearman_rho,
        res.spearman_p,
        res.spearman_ci_low,
        res.spearman_ci_high,
        res.corrected_r,
    ]
    assert not any(math.isinf(v) for v in values)
    assert math.isnan(res.pearson_ci_low) and math.isnan(res.spearman_ci_low)


@settings(max_examples=50, deadline=None)
@given(
    pairs=st.lists(
        st.tuples(
            st.one_of(st.floats(-1e6, 1e6), st.just(float("nan"))),
            st.one_of(st.floats(-1e6, 1e6), st.just(float("nan"))),
        ),
        max_size=10,
    ),
    ratio=st.one_of(st.none(), st.floats(0.0, 5.0)),
)
def test_never_raises_or_returns_inf(pairs, ratio):
    x = [a for a, _ in pairs]
    y = [b for _, b in pairs]
    res = predictive_validity(x, y, restricted_sd_ratio=ratio)
    values = [
        res.pearson_r,
        res.pearson_ci_low,
        res.pearson_ci_high,
        res.pearson_p,
        res.spearman_rho,
        res.spearman_p,
        res.spearman_ci_low,
        res.spearman_ci_high,
    ]
    assert not any(math.isinf(v) for v in values)
    if res.corrected_r is not None:
        assert not math.isinf(res.corrected_r)
    if not math.isnan(res.pearson_r):
        assert -1.0 <= res.pearson_r <= 1.0
