"""rater_agreement against pingouin.intraclass_corr and krippendorff.alpha (ordinal)."""

import math

import krippendorff
import numpy as np
import pandas as pd
import pingouin as pg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.stats import rater_agreement

TOL = {"rtol": 1e-6, "atol": 1e-6}
ICC_NAMES = ["icc1", "icc2", "icc3", "icc1k", "icc2k", "icc3k"]


def _ratings(seed, n=20, k=4, nan_share=0.0, levels=5):
    rng = np.random.default_rng(seed)
    truth = rng.normal(size=(n, 1))
    bias = rng.normal(scale=0.4, size=(1, k))
    raw = truth + bias + rng.normal(scale=0.7, size=(n, k))
    x = np.clip(np.round(raw + (levels + 1) / 2), 1, levels)
    x[rng.random(x.shape) < nan_share] = np.nan
    return x


def _pingouin_iccs(x):
    complete = x[~np.isnan(x).any(axis=1)]
    n, k = complete.shape
    long = pd.DataFrame(
        {
            "target": np.repeat(np.arange(n), k),
            "rater": np.tile(np.arange(k), n),
            "score": complete.reshape(-1),
        }
    )
    table = pg.intraclass_corr(long, targets="target", raters="rater", ratings="score")
    return dict(zip(table["Type"], table["ICC"], strict=True))


@pytest.mark.filterwarnings("ignore:The inplace keyword")  # pingouin vs pandas 3
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("nan_share", [0.0, 0.15])
def test_matches_pingouin_and_krippendorff(seed, nan_share):
    x = _ratings(seed, nan_share=nan_share)
    res = rater_agreement(x)
    ref = _pingouin_iccs(x)
    order = ["ICC(1,1)", "ICC(A,1)", "ICC(C,1)", "ICC(1,k)", "ICC(A,k)", "ICC(C,k)"]
    np.testing.assert_allclose([getattr(res, f) for f in ICC_NAMES], [ref[o] for o in order], **TOL)
    assert res.n_complete == int((~np.isnan(x).any(axis=1)).sum())
    alpha = krippendorff.alpha(reliability_data=x.T, level_of_measurement="ordinal")
    np.testing.assert_allclose(res.krippendorff_alpha, alpha, **TOL)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_krippendorff_on_continuous_values(seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(15, 3)).round(1)
    x[rng.random(x.shape) < 0.2] = np.nan
    ref = krippendorff.alpha(reliability_data=x.T, level_of_measurement="ordinal")
    np.testing.assert_allclose(rater_agreement(x).krippendorff_alpha, ref, **TOL)


@pytest.mark.parametrize("seed", [0, 1])
def test_leniency_matches_a_direct_loop(seed):
    x = _ratings(seed, n=12, k=3, nan_share=0.3)
    res = rater_agreement(x)
    for r in range(x.shape[1]):
        diffs = []
        for t in range(x.shape[0]):
            others = np.delete(x[t], r)
            others = others[~np.isnan(others)]
            if not np.isnan(x[t, r]) and others.size:
                diffs.append(x[t, r] - others.mean())
        expected = np.mean(diffs) if diffs else np.nan
        np.testing.assert_allclose(res.leniency[r], expected, **TOL)


def test_hand_computed_three_targets_two_raters():
    # targets x raters: [[1, 2], [3, 3], [5, 4]]; grand mean 3, n = 3, k = 2.
    # Target means 1.5, 3, 4.5 -> SS_rows = 2 * (2.25 + 0 + 2.25) = 9, MSB = 9 / 2 = 4.5.
    # Rater means 3, 3 -> SS_cols = 0, MSJ = 0. SS_total = 4+1+0+0+4+1 = 10 -> SS_err = 1,
    # MSE = 1 / 2 = 0.5; MSW = (0 + 1) / 3 = 1/3.
    # ICC1 = (4.5 - 1/3) / (4.5 + 1/3) = 25/29; ICC3 = (4.5 - .5) / (4.5 + .5) = 0.8;
    # ICC2 = (4.5 - .5) / (4.5 + .5 + 2 * (0 - .5) / 3) = 4 / (5 - 1/3) = 6/7.
    # ICC1k = (4.5 - 1/3) / 4.5 = 25/27; ICC3k = 4 / 4.5 = 8/9; ICC2k = 4 / (4.5 - .5/3) = 12/13.
    # Leniency: rater 1 deviations -1, 0, +1 -> 0; rater 2 -> 0.
    res = rater_agreement(np.array([[1.0, 2.0], [3.0, 3.0], [5.0, 4.0]]))
    expected = [25 / 29, 6 / 7, 0.8, 25 / 27, 12 / 13, 8 / 9]
    np.testing.assert_allclose([getattr(res, f) for f in ICC_NAMES], expected, **TOL)
    np.testing.assert_allclose(res.leniency, [0.0, 0.0], atol=1e-12)
    assert res.n_complete == 3 and res.warnings == []


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize(
    "ratings",
    [
        np.empty((0, 0)),
        np.empty((0, 3)),
        np.array([[3.0, 4.0]]),  # one target
        np.array([[3.0], [4.0], [2.0]]),  # one rater
        np.full((5, 3), 4.0),  # everyone agrees on one value
        np.full((4, 3), np.nan),
        np.array([[1.0, np.nan], [np.nan, 2.0]]),  # no shared target
    ],
)
def test_degenerate_inputs(ratings):
    res = rater_agreement(ratings)
    assert res.warnings
    values = [getattr(res, f) for f in ICC_NAMES] + [res.krippendorff_alpha, *res.leniency]
    assert not any(math.isinf(v) for v in values)
    assert math.isnan(res.icc1)
    if ratings.shape[0] != 1:  # one target rated 3 and 4: alpha = 1 - D_o / D_e = 1 - 1 = 0
        assert math.isnan(res.krippendorff_alpha)


@settings(max_examples=50, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), k=st.integers(2, 5), data=st.data())
def test_permuting_raters_leaves_iccs_unchanged(seed, k, data):
    x = _ratings(seed, n=8, k=k, nan_share=0.1)
    perm = data.draw(st.permutations(range(k)))
    a, b = rater_agreement(x), rater_agreement(x[:, perm])
    first = [getattr(a, f) for f in ICC_NAMES] + [a.krippendorff_alpha]
    second = [getattr(b, f) for f in ICC_NAMES] + [b.krippendorff_alpha]
    np.testing.assert_allclose(first, second, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(np.array(a.leniency)[perm], b.leniency, rtol=1e-9, atol=1e-9)


@settings(max_examples=50, deadline=None)
@given(
    rows=st.lists(
        st.lists(
            st.one_of(st.integers(1, 5).map(float), st.just(float("nan"))), min_size=3, max_size=3
        ),
        min_size=0,
        max_size=6,
    )
)
def test_never_raises_or_returns_inf(rows):
    x = np.array(rows, dtype=float).reshape(-1, 3)
    res = rater_agreement(x)
    values = [getattr(res, f) for f in ICC_NAMES] + [res.krippendorff_alpha, *res.leniency]
    assert not any(math.isinf(v) for v in values)
    assert len(res.leniency) == 3
