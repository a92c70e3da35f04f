"""candidate_fit against scipy percentileofscore, sklearn ledoit_wolf and sklearn LDA.

The posterior is defined as scikit-learn's LinearDiscriminantAnalysis(solver="lsqr",
shrinkage="auto", priors=priors) fitted on the producers complete on ``use``; the top share
against a brute-force leave-one-out with sklearn's ledoit_wolf.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from scipy.spatial import distance
from sklearn.covariance import ledoit_wolf
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis, _cov

from reports.stats import candidate_fit
from reports.stats._util import standardised_ledoit_wolf
from reports.stats.fit import leave_one_out_distances

TOL = {"rtol": 1e-6, "atol": 1e-6}
TIERS = ("top", "middle", "bottom")


def _data(seed, n=(25, 50, 25), p=4, m=30, nan_share=0.0, discrete=False):
    rng = np.random.default_rng(seed)
    means = [0.5, 0.0, -0.5]
    x = np.vstack([rng.normal(means[i], 1.0, size=(n[i], p)) for i in range(3)])
    tiers = np.repeat(np.array(TIERS, dtype=object), n)
    cands = rng.normal(0.0, 1.3, size=(m, p))
    if discrete:
        x, cands = np.round(x * 2), np.round(cands * 2)
        cands[0] = x[0]  # guarantee exact ties with producers
    if nan_share:
        x[rng.random(x.shape) < nan_share] = np.nan
        cands[rng.random(cands.shape) < nan_share] = np.nan
    return x, tiers, cands, [f"d{j}" for j in range(p)]


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("discrete", [False, True])
def test_percentiles_match_scipy(seed, discrete):
    x, tiers, cands, dims = _data(seed, nan_share=0.1, discrete=discrete)
    fits = candidate_fit(cands, x, tiers, dims)
    for i, fit in enumerate(fits):
        for tier in TIERS:
            for j, dim in enumerate(dims):
                col = x[tiers == tier, j]
                col = col[~np.isnan(col)]
                if np.isnan(cands[i, j]):
                    assert math.isnan(fit.percentiles[tier][dim])
                    continue
                ref = stats.percentileofscore(col, cands[i, j], kind="mean")
                np.testing.assert_allclose(fit.percentiles[tier][dim], ref, **TOL)


def _brute_force_loo(cohort):
    """Each row's distance to the mean and sklearn Ledoit-Wolf covariance of the others."""
    out = []
    for i in range(cohort.shape[0]):
        others = np.delete(cohort, i, axis=0)
        cov, _ = ledoit_wolf(others, assume_centered=False)
        out.append(distance.mahalanobis(cohort[i], others.mean(axis=0), np.linalg.inv(cov)))
    return np.array(out)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("n_top", [4, 6, 25])
def test_mahalanobis_and_top_share_match_sklearn_ledoit_wolf(seed, n_top):
    x, tiers, cands, dims = _data(seed, n=(n_top, 50, 25), p=5)
    fits = candidate_fit(cands, x, tiers, dims)
    for tier in TIERS:
        cohort = x[tiers == tier]
        cov, _ = ledoit_wolf(cohort, assume_centered=False)
        vi = np.linalg.inv(cov)
        mu = cohort.mean(axis=0)
        ref = [distance.mahalanobis(c, mu, vi) for c in cands]
        np.testing.assert_allclose([f.mahalanobis[tier] for f in fits], ref, **TOL)
        if tier == "top":
            own = _brute_force_loo(cohort)
            share = [np.mean(own > d) for d in ref]
            np.testing.assert_allclose([f.closer_than_top_share for f in fits], share, **TOL)


@pytest.mark.parametrize(("n", "p"), [(3, 1), (4, 3), (8, 20), (40, 6), (120, 50)])
def test_leave_one_out_distances_match_brute_force(n, p):
    rng = np.random.default_rng(n * 100 + p)
    mixing = rng.normal(size=(p, p)) + np.eye(p)
    cohort = rng.normal(size=(n, p)) @ mixing + 3.0
    np.testing.assert_allclose(leave_one_out_distances(cohort), _brute_force_loo(cohort), **TOL)


def test_leave_one_out_is_not_the_in_sample_distance():
    # A regression guard: the old share used in-sample distances, which are always smaller.
    rng = np.random.default_rng(9)
    cohort = rng.normal(size=(12, 4))
    cov, _ = ledoit_wolf(cohort)
    vi = np.linalg.inv(cov)
    in_sample = np.array([distance.mahalanobis(r, cohort.mean(axis=0), vi) for r in cohort])
    assert np.all(leave_one_out_distances(cohort) > in_sample)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("n_top", [5, 12, 30])
def test_candidate_equal_to_a_top_producer_is_never_closer_than_nobody(seed, n_top):
    x, tiers, _, dims = _data(seed, n=(n_top, 40, 20), p=6)
    top = x[tiers == "top"]
    for fit in candidate_fit(top, x, tiers, dims):
        assert fit.closer_than_top_share > 0


def test_candidates_like_the_top_producers_sit_near_the_middle_of_them():
    # Candidates drawn from the top producers' own distribution: about half of the top
    # producers are further from their centre (the in-sample version gave 10-16 %).
    rng = np.random.default_rng(21)
    shares = []
    for _ in range(30):
        top = rng.normal(size=(10, 5))
        rest = rng.normal(-0.5, 1.0, size=(30, 5))
        x = np.vstack([top, rest])
        tiers = ["top"] * 10 + ["middle"] * 20 + ["bottom"] * 10
        cands = rng.normal(size=(40, 5))
        shares += [f.closer_than_top_share for f in candidate_fit(cands, x, tiers, list("abcde"))]
    assert 0.4 < np.mean(shares) < 0.6


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("priors", [None, {"top": 0.2, "middle": 0.5, "bottom": 0.3}])
def test_posteriors_match_sklearn_shrinkage_lda(seed, priors):
    x, tiers, cands, dims = _data(seed, n=(21, 47, 30), p=4, nan_share=0.02)
    x[:, 3] = 2.0 * x[:, 0] + 0.01 * x[:, 3]  # nearly duplicated: unshrunk LDA would break
    cands[:, 3] = 2.0 * cands[:, 0]
    fits = candidate_fit(cands, x, tiers, dims, use=["d0", "d2", "d3"], priors=priors)
    cols = [0, 2, 3]
    complete = ~np.isnan(x[:, cols]).any(axis=1)
    classes = sorted(TIERS)  # sklearn orders classes: bottom, middle, top
    lda = LinearDiscriminantAnalysis(
        solver="lsqr",
        shrinkage="auto",
        priors=None if priors is None else [priors[c] for c in classes],
    )
    lda.fit(x[complete][:, cols], tiers[complete].astype(str))
    ok = ~np.isnan(cands[:, cols]).any(axis=1)
    ref = lda.predict_proba(np.where(np.isnan(cands[:, cols]), 0.0, cands[:, cols]))
    for k, cls in enumerate(lda.classes_):
        got = np.array([f.posterior[cls] for f in fits])
        np.testing.assert_allclose(got[ok], ref[ok, k], **TOL)
        assert np.isnan(got[~ok]).all()


def test_posteriors_match_sklearn_with_a_constant_column_and_two_cohorts():
    x, tiers, cands, dims = _data(5, n=(15, 25, 0), p=3)
    x[tiers == "top", 1] = 1.5  # constant within one cohort: sklearn keeps its scale at 1
    fits = candidate_fit(cands, x, tiers, dims)
    lda = LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto")
    ref = lda.fit(x, tiers.astype(str)).predict_proba(cands)
    for k, cls in enumerate(lda.classes_):
        np.testing.assert_allclose([f.posterior[cls] for f in fits], ref[:, k], **TOL)


def test_standardised_ledoit_wolf_matches_sklearn_cov():
    rng = np.random.default_rng(4)
    for n, p in ((2, 3), (9, 1), (30, 8)):
        x = rng.normal(size=(n, p)) * rng.uniform(0.1, 10, size=p)
        np.testing.assert_allclose(standardised_ledoit_wolf(x), _cov(x, "auto"), **TOL)


def test_hand_computed_one_dimension():
    # One dimension; top = [2, 3, 4] (mean 3), middle = [0, 1, 2] (mean 1), bottom = [-2, -1, 0]
    # (mean -1). Percentile of x = 3 in top: (count < 3 = 1 + count <= 3 = 2) / 2 / 3 * 100 = 50.
    # Ledoit-Wolf with p = 1 is the biased variance 2/3, so the distance of 3 to top is 0 and
    # to middle |3 - 1| / sqrt(2/3). LDA: each cohort's variance 2/3, priors 1/3 each, shared
    # variance 2/3; scores (x mu_k - mu_k^2 / 2) * 3/2: top 6.75, middle 3.75, bottom -5.25.
    # Leave-one-out top distances: without 2 -> others [3, 4], mean 3.5, variance 1/4, so
    # |2 - 3.5| / 0.5 = 3; without 3 -> 0; without 4 -> 3. The candidate's distance is 0, so
    # 2 of the 3 top producers are further out.
    x = np.array([[2.0], [3.0], [4.0], [0.0], [1.0], [2.0], [-2.0], [-1.0], [0.0]])
    tiers = ["top"] * 3 + ["middle"] * 3 + ["bottom"] * 3
    (fit,) = candidate_fit(np.array([[3.0]]), x, tiers, ["d"])
    assert fit.percentiles["top"]["d"] == pytest.approx(50.0)
    assert fit.percentiles["middle"]["d"] == pytest.approx(100.0)
    assert fit.mahalanobis["top"] == pytest.approx(0.0)
    assert fit.mahalanobis["middle"] == pytest.approx(2.0 / math.sqrt(2.0 / 3.0))
    e = np.exp([6.75, 3.75, -5.25])
    expected = e / e.sum()
    got = [fit.posterior[t] for t in ("top", "middle", "bottom")]
    np.testing.assert_allclose(got, expected, **TOL)
    assert fit.closer_than_top_share == pytest.approx(2.0 / 3.0)
    np.testing.assert_allclose(leave_one_out_distances(x[:3]), [3.0, 0.0, 3.0], **TOL)


def test_two_top_producers_give_no_top_share():
    x = np.array([[2.0], [4.0], [0.0], [2.0], [-2.0], [0.0]])
    tiers = ["top", "top", "middle", "middle", "bottom", "bottom"]
    (fit,) = candidate_fit(np.array([[3.0]]), x, tiers, ["d"])
    assert math.isnan(fit.closer_than_top_share)
    assert any("at least 3 complete top" in w for w in fit.warnings)


def test_missing_values_are_left_out_with_warnings():
    x, tiers, cands, dims = _data(4, nan_share=0.0)
    x[0, 1] = np.nan
    cands[0, 2] = np.nan
    fits = candidate_fit(cands, x, tiers, dims)
    assert any("left out" in w for w in fits[1].warnings)
    assert math.isnan(fits[0].mahalanobis["top"]) and math.isnan(fits[0].posterior["top"])
    assert math.isnan(fits[0].percentiles["top"]["d2"])
    assert not math.isnan(fits[0].percentiles["top"]["d1"])
    assert any("d2" in w for w in fits[0].warnings)
    # use= a subset without the missing dimension: candidate 0 is complete on it
    fits = candidate_fit(cands, x, tiers, dims, use=["d0", "d1"])
    assert not math.isnan(fits[0].posterior["top"])


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize(
    "scores,tiers",
    [
        (np.empty((0, 2)), []),
        (np.full((4, 2), np.nan), ["top", "top", "middle", "bottom"]),
        (np.array([[1.0, 2.0]]), ["top"]),
        (np.ones((6, 2)), ["top", "top", "middle", "middle", "bottom", "bottom"]),
        (np.array([[1.0, 2.0], [1.0, 3.0]]), ["top", "top"]),
    ],
)
def test_degenerate_inputs(scores, tiers):
    fits = candidate_fit(np.array([[1.0, 2.0], [np.nan, 1.0]]), scores, tiers, ["a", "b"])
    assert len(fits) == 2
    for fit in fits:
        assert fit.warnings
        values = [fit.closer_than_top_share, *fit.mahalanobis.values(), *fit.posterior.values()]
        values += [v for d in fit.percentiles.values() for v in d.values()]
        assert not any(math.isinf(v) for v in values)
        assert all(math.isnan(v) for v in fit.posterior.values())
    assert candidate_fit(np.empty((0, 2)), scores, tiers, ["a", "b"]) == []


@settings(max_examples=50, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), p=st.integers(1, 6), nan_share=st.sampled_from([0, 0.1]))
def test_posteriors_sum_to_one(seed, p, nan_share):
    x, tiers, cands, dims = _data(seed, n=(6, 9, 7), p=p, m=8, nan_share=nan_share)
    cands[0] *= 1e3  # far away: log-sum-exp must stay stable
    for fit in candidate_fit(cands, x, tiers, dims):
        post = np.array(list(fit.posterior.values()))
        if np.isnan(post).any():  # a cohort without complete profiles is not modelled
            assert fit.warnings
        if not np.isnan(post).all():
            assert np.nansum(post) == pytest.approx(1.0, abs=1e-9)
            assert np.all((post[~np.isnan(post)] >= 0) & (post[~np.isnan(post)] <= 1))


@settings(max_examples=50, deadline=None)
@given(
    rows=st.lists(
        st.lists(
            st.one_of(st.sampled_from([0.0, 1.0, 2.0]), st.just(float("nan"))),
            min_size=2,
            max_size=2,
        ),
        max_size=8,
    ),
    data=st.data(),
)
@pytest.mark.filterwarnings("error")
def test_small_or_degenerate_inputs_never_raise_or_return_inf(rows, data):
    scores = np.array(rows, dtype=float).reshape(-1, 2)
    tiers = data.draw(st.lists(st.sampled_from(TIERS), min_size=len(rows), max_size=len(rows)))
    cands = np.array([[1.0, 2.0], [np.nan, 0.0], [5.0, -5.0]])
    for fit in candidate_fit(cands, scores, tiers, ["a", "b"]):
        values = [fit.closer_than_top_share, *fit.mahalanobis.values(), *fit.posterior.values()]
        values += [v for d in fit.percentiles.values() for v in d.values()]
        assert not any(math.isinf(v) for v in values)
        post = np.array(list(fit.posterior.values()))
        # a cohort without complete profiles gets NaN; the modelled cohorts sum to 1
        assert np.isnan(post).all() or np.nansum(post) == pytest.approx(1.0)


def test_absent_cohort_gets_nan_posterior_and_a_warning():
    x, tiers, cands, dims = _data(11, n=(20, 30, 0), p=3)
    for fit in candidate_fit(cands, x, tiers, dims):
        assert math.isnan(fit.posterior["bottom"]) and math.isnan(fit.mahalanobis["bottom"])
        assert fit.posterior["top"] + fit.posterior["middle"] == pytest.approx(1.0)
        assert any("no bottom producers" in w for w in fit.warnings)
