"""internal_consistency against pingouin.cronbach_alpha and scipy's F quantiles (Feldt)."""

import math

import numpy as np
import pandas as pd
import pingouin as pg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from reports.stats import internal_consistency

TOL = {"rtol": 1e-6, "atol": 1e-6}


def _items(seed, n=40, k=5, nan_share=0.0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 1)) + rng.normal(scale=0.9, size=(n, k))
    x[rng.random(x.shape) < nan_share] = np.nan
    return x


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("nan_share", [0.0, 0.05])
def test_matches_pingouin_and_feldt(seed, nan_share):
    x = _items(seed, nan_share=nan_share)
    res = internal_consistency(x)
    complete = x[~np.isnan(x).any(axis=1)]
    n, k = complete.shape
    assert (res.n, res.k) == (n, k)
    alpha, ci = pg.cronbach_alpha(pd.DataFrame(complete))
    np.testing.assert_allclose(res.alpha, alpha, **TOL)
    # pingouin rounds its interval to 3 decimals, so compare to it at 5e-4 ...
    np.testing.assert_allclose([res.ci_low, res.ci_high], ci, atol=5e-4 + 1e-12)
    # ... and to the unrounded Feldt formula (pingouin's convention) at 1e-6:
    # low = 1 - (1 - a) F.ppf(0.975), high = 1 - (1 - a) F.ppf(0.025), df = n-1, (n-1)(k-1).
    df1, df2 = n - 1, (n - 1) * (k - 1)
    low = 1 - (1 - alpha) * stats.f.ppf(0.975, df1, df2)
    high = 1 - (1 - alpha) * stats.f.ppf(0.025, df1, df2)
    np.testing.assert_allclose([res.ci_low, res.ci_high], [low, high], **TOL)
    assert res.ci_low < res.alpha < res.ci_high
    for j in range(k):
        rest = np.delete(complete, j, axis=1).sum(axis=1)
        ref = stats.pearsonr(complete[:, j], rest).statistic
        np.testing.assert_allclose(res.item_total[j], ref, **TOL)


def test_hand_computed_three_items():
    # people x items: [[1, 2, 3], [2, 3, 3], [3, 4, 5], [4, 4, 5]]
    # item variances (ddof 1): 5/3, 11/12, 4/3 -> sum 47/12
    # totals 6, 8, 12, 13 (mean 9.75): var = (14.0625 + 3.0625 + 5.0625 + 10.5625) / 3 = 131/12
    # alpha = 3/2 * (1 - 47/131) = 3/2 * 84/131 = 126/131
    x = np.array([[1, 2, 3], [2, 3, 3], [3, 4, 5], [4, 4, 5]], dtype=float)
    res = internal_consistency(x)
    assert res.alpha == pytest.approx(126 / 131, rel=1e-9)
    assert (res.n, res.k) == (4, 3) and res.warnings == []


def test_missing_rows_are_dropped_with_a_warning():
    x = _items(9)
    x[3, 1] = np.nan
    res = internal_consistency(x)
    assert res.n == x.shape[0] - 1
    assert any("dropped" in w for w in res.warnings)


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize(
    "items",
    [
        np.empty((0, 0)),
        np.empty((0, 3)),
        np.array([[1.0, 2.0, 3.0]]),  # one person
        np.array([[1.0], [2.0], [3.0]]),  # one item
        np.full((5, 3), 2.0),  # constant
        np.full((4, 3), np.nan),
    ],
)
def test_degenerate_inputs(items):
    res = internal_consistency(items)
    assert res.warnings
    assert math.isnan(res.alpha) and math.isnan(res.ci_low) and math.isnan(res.ci_high)
    assert not any(math.isinf(v) for v in res.item_total)
    assert len(res.item_difficulty) == np.asarray(items).shape[1]
    assert not any(math.isinf(v) for v in res.item_difficulty)


@settings(max_examples=50, deadline=None)
@given(
    rows=st.lists(
        st.lists(
            st.one_of(st.integers(0, 4).map(float), st.just(float("nan"))), min_size=3, max_size=3
        ),
        max_size=8,
    )
)
def test_never_raises_or_returns_inf(rows):
    res = internal_consistency(np.array(rows, dtype=float).reshape(-1, 3))
    values = [res.alpha, res.ci_low, res.ci_high, *res.item_total, *res.item_difficulty]
    assert not any(math.isinf(v) for v in values)
    assert len(res.item_total) == 3


# --- item difficulty ------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_item_difficulty_is_the_mean_of_those_who_answered_over_the_maximum(seed):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 5, size=(30, 6)).astype(float)
    x[rng.random(x.shape) < 0.15] = np.nan
    res = internal_consistency(x, max_score=4)
    expected = pd.DataFrame(x).mean(axis=0, skipna=True) / 4  # pandas skips NaN per column
    np.testing.assert_allclose(res.item_difficulty, expected.to_numpy(), **TOL)
    assert res.n < 30  # alpha used complete rows, difficulty did not


def test_hand_computed_item_difficulty():
    # item 1: 1, 1, 0, 1 -> 0.75; item 2: 0, nan, 0, 1 -> 1/3; item 3: nobody -> nan
    x = np.array([[1, 0, np.nan], [1, np.nan, np.nan], [0, 0, np.nan], [1, 1, np.nan]])
    res = internal_consistency(x)
    assert res.item_difficulty[0] == pytest.approx(0.75)
    assert res.item_difficulty[1] == pytest.approx(1 / 3)
    assert math.isnan(res.item_difficulty[2])
    # with a 0-4 scale the same means are a quarter of the maximum
    res4 = internal_consistency(np.array([[4, 2], [2, 0], [3, 1]]), max_score=4)
    assert res4.item_difficulty == pytest.approx([0.75, 0.25])


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf"), "x", None])
def test_bad_max_score_is_refused(bad):
    with pytest.raises(ValueError, match="max_score"):
        internal_consistency(np.ones((3, 2)), max_score=bad)
