"""cohort_differences against scipy's Welch test, a direct Hedges' g and a hand-computed Holm."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from reports.stats import cohort_differences
from reports.stats._util import holm_adjust

TOL = {"rtol": 1e-6, "atol": 1e-6}
DIMS = ["prospecting", "discovery", "closing", "resilience", "listening"]


def _data(seed, n=(14, 30, 16), p=5, nan_share=0.1):
    rng = np.random.default_rng(seed)
    shift = np.array([0.6, 0.0, -0.4])
    blocks = [rng.normal(loc=shift[i], size=(n[i], p)) for i in range(3)]
    x = np.vstack(blocks)
    x[rng.random(x.shape) < nan_share] = np.nan
    tiers = np.array(["top"] * n[0] + ["middle"] * n[1] + ["bottom"] * n[2])
    perm = rng.permutation(x.shape[0])
    return x[perm], tiers[perm]


def _hedges(a, b):
    na, nb = len(a), len(b)
    sp = math.sqrt(((na - 1) * np.var(a, ddof=1) + (nb - 1) * np.var(b, ddof=1)) / (na + nb - 2))
    g = (1 - 3 / (4 * (na + nb) - 9)) * (np.mean(a) - np.mean(b)) / sp
    se = math.sqrt((na + nb) / (na * nb) + g**2 / (2 * (na + nb)))
    return g, g - 1.959964 * se, g + 1.959964 * se


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_matches_scipy_welch_and_direct_hedges(seed):
    x, tiers = _data(seed)
    results = cohort_differences(x, tiers, DIMS, min_n=5)
    assert len(results) == 2 * len(DIMS)
    by_key = {(r.dimension, r.comparison): r for r in results}
    keys, ps = [], []
    for comparison, other in (("top_vs_middle", "middle"), ("top_vs_bottom", "bottom")):
        for j, dim in enumerate(DIMS):
            a = x[tiers == "top", j]
            b = x[tiers == other, j]
            a, b = a[~np.isnan(a)], b[~np.isnan(b)]
            ref = stats.ttest_ind(a, b, equal_var=False)
            res = by_key[(dim, comparison)]
            assert (res.n_a, res.n_b) == (len(a), len(b))
            g, lo, hi = _hedges(a, b)
            np.testing.assert_allclose(
                [res.mean_a, res.mean_b, res.t, res.df, res.p, res.hedges_g],
                [a.mean(), b.mean(), ref.statistic, ref.df, ref.pvalue, g],
                **TOL,
            )
            np.testing.assert_allclose([res.g_ci_low, res.g_ci_high], [lo, hi], **TOL)
            keys.append((dim, comparison))
            ps.append(ref.pvalue)
    # one Holm family over all 2m p-values of both comparisons together
    holm = holm_adjust(ps)
    got = [by_key[k].p_holm for k in keys]
    np.testing.assert_allclose(got, holm, **TOL)
    for key, ph in zip(keys, got, strict=True):
        assert by_key[key].discriminating == (ph < 0.05)


def _holm_by_hand(ps):
    """Holm's step-down procedure written out directly from the 1979 paper."""
    finite = [(p, i) for i, p in enumerate(ps) if not math.isnan(p)]
    finite.sort()
    m = len(finite)
    out = [float("nan")] * len(ps)
    running = 0.0
    for rank, (p, i) in enumerate(finite):
        running = max(running, min(1.0, (m - rank) * p))
        out[i] = running
    return out


def test_one_holm_family_over_both_comparisons():
    # Two dimensions, four p-values in one family. Top differs from bottom on "a" only.
    rng = np.random.default_rng(11)
    top = rng.normal(size=(15, 2)) + [1.2, 0.0]
    middle = rng.normal(size=(30, 2)) + [0.9, 0.0]
    bottom = rng.normal(size=(15, 2))
    x = np.vstack([top, middle, bottom])
    x[20, 1] = np.nan
    tiers = ["top"] * 15 + ["middle"] * 30 + ["bottom"] * 15
    res = cohort_differences(x, tiers, ["a", "b"], min_n=10)
    ps = [r.p for r in res]  # a/tm, a/tb, b/tm, b/tb
    expected = _holm_by_hand(ps)
    np.testing.assert_allclose([r.p_holm for r in res], expected, **TOL)
    # the smallest p is multiplied by 4 (the whole family), not by 2 (one comparison)
    smallest = int(np.argmin(ps))
    assert res[smallest].p_holm == pytest.approx(min(1.0, 4 * ps[smallest]))


def test_nan_p_values_stay_out_of_the_family():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(40, 3))
    x[:10, 0] += 2.0
    x[:, 2] = 1.0  # constant: NaN p in both comparisons
    tiers = ["top"] * 10 + ["middle"] * 20 + ["bottom"] * 10
    res = cohort_differences(x, tiers, ["a", "b", "c"], min_n=5)
    finite = [r.p for r in res if not math.isnan(r.p)]
    assert len(finite) == 4
    for r in res:
        if math.isnan(r.p):
            assert math.isnan(r.p_holm)
    smallest = min(res, key=lambda r: r.p if not math.isnan(r.p) else 2)
    assert smallest.p_holm == pytest.approx(4 * smallest.p)


def test_alpha_sets_the_threshold():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(60, 1))
    x[:15] += 0.8
    tiers = ["top"] * 15 + ["middle"] * 30 + ["bottom"] * 15
    res = cohort_differences(x, tiers, ["a"], min_n=10, alpha=1.0)
    assert all(r.discriminating for r in res)
    res = cohort_differences(x, tiers, ["a"], min_n=10, alpha=0.0)
    assert not any(r.discriminating for r in res)


def test_holm_hand_computed():
    # p = [0.01, 0.04, 0.03, NaN, 0.005]: NaN left out, so m = 4.
    # Sorted: 0.005*4 = 0.020, 0.01*3 = 0.030, 0.03*2 = 0.060, 0.04*1 = 0.040 -> running max
    # gives 0.020, 0.030, 0.060, 0.060 (monotone step-down).
    got = holm_adjust([0.01, 0.04, 0.03, np.nan, 0.005])
    np.testing.assert_allclose(got, [0.03, 0.06, 0.06, np.nan, 0.02], **TOL)
    np.testing.assert_allclose(holm_adjust([0.5, 0.9]), [1.0, 1.0])
    assert holm_adjust([]).size == 0


def test_hand_computed_small_case():
    # top = [4, 5, 6] (mean 5, var 1); middle = [1, 2, 3] (mean 2, var 1)
    # Welch: se = sqrt(1/3 + 1/3) = 0.816497, t = 3 / 0.816497 = 3.674235, df = 4
    # pooled sd = 1, J = 1 - 3 / (4*6 - 9) = 0.8, g = 0.8 * 3 = 2.4
    x = np.array([[4.0], [5.0], [6.0], [1.0], [2.0], [3.0]])
    tiers = ["top"] * 3 + ["middle"] * 3
    res = cohort_differences(x, tiers, ["d"], min_n=3)
    tm = res[0]
    assert tm.comparison == "top_vs_middle"
    np.testing.assert_allclose([tm.t, tm.df, tm.hedges_g], [3.674235, 4.0, 2.4], rtol=1e-6)
    assert tm.p_holm == tm.p  # a family of one
    tb = res[1]
    assert tb.n_b == 0 and math.isnan(tb.t) and "bottom" in tb.warning
    assert not tb.discriminating


def test_small_cohort_warns_and_is_not_discriminating():
    x, tiers = _data(5, n=(6, 40, 40), nan_share=0.0)
    x[tiers == "top"] += 5.0
    res = cohort_differences(x, tiers, DIMS, min_n=10)
    for r in res:
        assert r.p_holm < 0.05
        assert not r.discriminating
        assert "top" in r.warning


def test_constant_dimension_gives_nan_and_warning():
    x, tiers = _data(7, nan_share=0.0)
    x[:, 2] = 3.0
    res = [r for r in cohort_differences(x, tiers, DIMS) if r.dimension == "closing"]
    for r in res:
        assert math.isnan(r.t) and math.isnan(r.p) and math.isnan(r.hedges_g)
        assert math.isnan(r.p_holm) and r.warning and "variance" in r.warning


@pytest.mark.parametrize(
    "scores,tiers",
    [
        (np.empty((0, 2)), []),
        (np.full((4, 2), np.nan), ["top", "top", "middle", "bottom"]),
        (np.array([[1.0, 2.0]]), ["top"]),
        (np.ones((6, 2)), ["top", "top", "middle", "middle", "bottom", "bottom"]),
    ],
)
def test_degenerate_inputs(scores, tiers):
    res = cohort_differences(scores, tiers, ["a", "b"])
    assert len(res) == 4
    for r in res:
        assert r.warning
        assert not r.discriminating
        for v in (r.t, r.df, r.p, r.p_holm, r.hedges_g, r.g_ci_low, r.g_ci_high):
            assert math.isnan(v)


@settings(max_examples=50, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    shift=st.floats(-1e3, 1e3, allow_nan=False),
)
def test_adding_a_constant_leaves_g_unchanged(seed, shift):
    x, tiers = _data(seed, n=(8, 12, 9), p=3, nan_share=0.05)
    base = cohort_differences(x, tiers, DIMS[:3])
    moved = cohort_differences(x + shift, tiers, DIMS[:3])
    for a, b in zip(base, moved, strict=True):
        np.testing.assert_allclose(
            [a.hedges_g, a.t, a.g_ci_low], [b.hedges_g, b.t, b.g_ci_low], rtol=1e-6, atol=1e-6
        )


@settings(max_examples=50, deadline=None)
@given(
    values=st.lists(
        st.one_of(st.floats(-5, 5, allow_nan=False), st.just(float("nan"))),
        min_size=0,
        max_size=12,
    ),
    data=st.data(),
)
def test_never_raises_or_returns_inf(values, data):
    tiers = data.draw(
        st.lists(
            st.sampled_from(["top", "middle", "bottom", "other"]),
            min_size=len(values),
            max_size=len(values),
        )
    )
    res = cohort_differences(np.array(values, dtype=float).reshape(-1, 1), tiers, ["d"])
    for r in res:
        for v in (r.mean_a, r.t, r.df, r.p, r.p_holm, r.hedges_g, r.g_ci_low, r.g_ci_high):
            assert not math.isinf(v)
