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
from reports.stats.raters import agreement_summary, is_split, one_way_matrix

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


def _pingouin_table(x):
    complete = x[~np.isnan(x).any(axis=1)]
    n, k = complete.shape
    long = pd.DataFrame(
        {
            "target": np.repeat(np.arange(n), k),
            "rater": np.tile(np.arange(k), n),
            "score": complete.reshape(-1),
        }
    )
    return pg.intraclass_corr(long, targets="target", raters="rater", ratings="score")


def _pingouin_iccs(x):
    table = _pingouin_table(x)
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


# --- 95 % intervals of the ICCs -------------------------------------------------------------
PG_TYPES = dict(zip(ICC_NAMES, ["ICC(1,1)", "ICC(A,1)", "ICC(C,1)", "ICC(1,k)", "ICC(A,k)",
                                "ICC(C,k)"], strict=True))


@pytest.mark.filterwarnings("ignore:The inplace keyword")  # pingouin vs pandas 3
@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
@pytest.mark.parametrize("shape", [(20, 4), (8, 2), (35, 3)])
def test_intervals_match_pingouin_unrounded(seed, shape, monkeypatch):
    # pingouin 0.7 rounds CI95 to 2 decimals for display (options["round.column.CI95"] = 2,
    # see pingouin/config.py); with that option switched off its CI95 column is the unrounded
    # F-based interval of Shrout & Fleiss / McGraw & Wong, which is compared here at 1e-6.
    monkeypatch.setitem(pg.options, "round.column.CI95", None)
    x = _ratings(seed, n=shape[0], k=shape[1], nan_share=0.1)
    res = rater_agreement(x)
    table = _pingouin_table(x).set_index("Type")
    for name in ICC_NAMES:
        ref = table.loc[PG_TYPES[name], "CI95"]
        np.testing.assert_allclose(res.ci[name], ref, **TOL)
        low, high = res.ci[name]
        assert low <= getattr(res, name) <= high


@pytest.mark.filterwarnings("ignore:The inplace keyword")
def test_intervals_match_pingouin_documented_wine_example():
    # pingouin's own docstring example (8 wines x 4 judges): CI95 [0.43, 0.93] for the
    # single-rater forms and [0.75, 0.98] for the average forms, to 2 decimals.
    # (pg.read_dataset("icc") as a wine x judge table).
    scores = np.array(
        [[1, 2, 0, 1], [1, 3, 3, 2], [3, 8, 1, 4], [6, 4, 3, 3], [6, 5, 5, 6], [7, 5, 6, 2],
         [8, 7, 7, 9], [9, 9, 9, 8]], dtype=float
    )
    res = rater_agreement(scores)
    table = _pingouin_table(scores).set_index("Type")  # rounded as pingouin shows it
    for name in ICC_NAMES:
        np.testing.assert_allclose(res.ci[name], table.loc[PG_TYPES[name], "CI95"], atol=0.005)
        documented = [0.43, 0.93] if name in ("icc1", "icc2", "icc3") else [0.75, 0.98]
        np.testing.assert_allclose(res.ci[name], documented, atol=0.005)
    assert res.icc1 == pytest.approx(0.728, abs=5e-4)


@pytest.mark.filterwarnings("error")
def test_intervals_are_nan_when_iccs_are_undefined():
    for x in (np.full((5, 3), 2.0), np.array([[1.0, np.nan], [np.nan, 2.0]]), np.ones((4, 1))):
        res = rater_agreement(x)
        assert set(res.ci) == set(ICC_NAMES)
        assert all(math.isnan(v) for pair in res.ci.values() for v in pair)


# --- the summary across dimensions ----------------------------------------------------------


def test_simulation_zero_agreement_with_dimension_difficulty_reads_low():
    """No true agreement about candidates, five dimensions of different difficulty: pooling
    (candidate, dimension) pairs reads ICC(2,1) around .55, the summary stays below .2."""
    rng = np.random.default_rng(1979)
    difficulty = [1.5, 2.5, 3.0, 3.5, 4.5]
    summaries, pooled = [], []
    for _ in range(100):
        dims = [np.clip(np.round(d + rng.normal(scale=0.8, size=(30, 3))), 1, 5)
                for d in difficulty]
        summary = agreement_summary(dims)
        assert summary.form == "icc2" and not summary.split
        summaries.append(summary.value)
        pooled.append(rater_agreement(np.vstack(dims)).icc2)
    assert np.mean(pooled) > 0.4  # the pooled figure mistakes difficulty for agreement
    assert max(summaries) < 0.2


def test_summary_is_the_median_of_per_dimension_icc2():
    dims = [_ratings(seed, n=15, k=3) for seed in range(5)]
    summary = agreement_summary(dims)
    expected = [rater_agreement(d).icc2 for d in dims]
    np.testing.assert_allclose(summary.per_dimension, expected, **TOL)
    assert summary.value == pytest.approx(float(np.median(expected)))
    assert summary.n_targets == [15] * 5
    assert summary.per_dimension_ci[0] == rater_agreement(dims[0]).ci["icc2"]


def test_split_panel_uses_icc1_on_lined_up_ratings():
    # Interviewers 0-1 saw candidates 0-9, interviewers 2-3 candidates 10-19: no candidate was
    # rated by all four, so ICC(2,1) is undefined; ICC(1) still measures agreement.
    rng = np.random.default_rng(3)
    truth = rng.normal(size=(20, 1)) * 1.5
    x = np.round(3 + truth + rng.normal(scale=0.4, size=(20, 4)))
    x[:10, 2:] = np.nan
    x[10:, :2] = np.nan
    assert is_split(x) and not is_split(np.where(np.isnan(x), 0.0, x))
    assert np.isnan(rater_agreement(x).icc2)
    lined = one_way_matrix(x)
    assert lined.shape == (20, 2)
    np.testing.assert_array_equal(lined[:10], x[:10, :2])
    np.testing.assert_array_equal(lined[10:], x[10:, 2:])
    summary = agreement_summary([x, _ratings(0, n=20, k=4)])
    assert summary.split and summary.form == "icc1"
    assert summary.per_dimension[0] == pytest.approx(rater_agreement(lined).icc1)
    assert summary.per_dimension[0] > 0.7


def test_one_way_matrix_of_a_crossed_panel_keeps_icc1():
    x = _ratings(5, n=12, k=3)
    np.testing.assert_allclose(rater_agreement(one_way_matrix(x)).icc1, rater_agreement(x).icc1)


def test_unequal_counts_keep_every_target_with_two_ratings():
    x = np.array([[1, 2, 3], [2, np.nan, 3], [np.nan, 4, np.nan], [5, 4, 5.0]])
    lined = one_way_matrix(x)
    np.testing.assert_array_equal(lined, [[1, 2], [2, 3], [5, 4]])


@pytest.mark.filterwarnings("error")
def test_summary_of_nothing_is_nan():
    summary = agreement_summary([np.full((3, 2), np.nan), np.ones((4, 1))])
    assert math.isnan(summary.value) and summary.n_targets == [0, 0]
    assert math.isnan(agreement_summary([]).value)
