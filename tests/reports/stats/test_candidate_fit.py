"""candidate_fit against scipy percentileofscore, sklearn ledoit_wolf and sklearn LDA.

LDA match: sklearn's LinearDiscriminantAnalysis builds its shared covariance as
sum_k prior_k * C_k, with C_k from a per-class covariance estimator (default: the biased
empirical covariance), so with the default estimator it does NOT equal the pooled
within-cohort covariance sum_k (n_k - 1) S_k / (N - K) used here (it weights the classes by
their priors and divides by n_k). Passing a covariance_estimator that returns
scatter_k / ((N - K) prior_k) makes sklearn's covariance exactly the pooled one, and then
solver="lsqr" (and "eigen") predict_proba equal our posteriors.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from scipy.spatial import distance
from sklearn.covariance import ledoit_wolf
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis

from reports.stats import candidate_fit

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


class _PooledShare:
    """sklearn covariance estimator making LDA's sum_k prior_k C_k the pooled covariance."""

    def __init__(self, n_total, n_classes, prior_by_size):
        self.n_total, self.n_classes, self.prior_by_size = n_total, n_classes, prior_by_size

    def get_params(self, deep=True):
        return {}

    def fit(self, x):
        xc = x - x.mean(axis=0)
        if x.shape[0] not in self.prior_by_size:  # solver="eigen" also fits the total scatter,
            self.covariance_ = xc.T @ xc / x.shape[0]  # which only enters through S_b and
            return self  # leaves coef_ = S_w^-1 mu_k unchanged with all eigenvectors kept.
        prior = self.prior_by_size[x.shape[0]]
        self.covariance_ = xc.T @ xc / ((self.n_total - self.n_classes) * prior)
        return self


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


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_mahalanobis_and_top_share_match_sklearn_ledoit_wolf(seed):
    x, tiers, cands, dims = _data(seed, p=5)
    fits = candidate_fit(cands, x, tiers, dims)
    for tier in TIERS:
        cohort = x[tiers == tier]
        cov, _ = ledoit_wolf(cohort, assume_centered=False)
        vi = np.linalg.inv(cov)
        mu = cohort.mean(axis=0)
        ref = [distance.mahalanobis(c, mu, vi) for c in cands]
        np.testing.assert_allclose([f.mahalanobis[tier] for f in fits], ref, **TOL)
        if tier == "top":
            own = np.array([distance.mahalanobis(r, mu, vi) for r in cohort])
            share = [np.mean(own > d) for d in ref]
            np.testing.assert_allclose([f.closer_than_top_share for f in fits], share, **TOL)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("solver", ["lsqr", "eigen"])
@pytest.mark.parametrize("priors", [None, {"top": 0.2, "middle": 0.5, "bottom": 0.3}])
def test_posteriors_match_sklearn_lda_with_pooled_covariance(seed, solver, priors):
    x, tiers, cands, dims = _data(seed, n=(21, 47, 30), p=4)
    fits = candidate_fit(cands, x, tiers, dims, use=["d0", "d2", "d3"], priors=priors)
    cols = [0, 2, 3]
    classes = sorted(TIERS)  # sklearn orders classes: bottom, middle, top
    prior_vec = np.array([1 / 3] * 3 if priors is None else [priors[c] for c in classes])
    sizes = {int((tiers == c).sum()): pr for c, pr in zip(classes, prior_vec, strict=True)}
    lda = LinearDiscriminantAnalysis(
        solver=solver,
        priors=prior_vec,
        covariance_estimator=_PooledShare(len(tiers), 3, sizes),
    )
    lda.fit(x[:, cols], tiers.astype(str))
    ref = lda.predict_proba(cands[:, cols])
    for k, cls in enumerate(lda.classes_):
        np.testing.assert_allclose([f.posterior[cls] for f in fits], ref[:, k], **TOL)


def test_default_sklearn_lda_differs_from_pooled_formula():
    # Documents the convention: sklearn's default within-class covariance is not the pooled one.
    x, tiers, cands, dims = _data(3, n=(10, 60, 30), p=3)
    fits = candidate_fit(cands, x, tiers, dims)
    lda = LinearDiscriminantAnalysis(solver="lsqr", priors=[1 / 3] * 3).fit(x, tiers.astype(str))
    ref = lda.predict_proba(cands)
    ours = np.array([[f.posterior[c] for c in lda.classes_] for f in fits])
    assert not np.allclose(ours, ref, atol=1e-6)


def test_hand_computed_one_dimension():
    # One dimension; top = [2, 4] (mean 3), middle = [0, 2] (mean 1), bottom = [-2, 0] (mean -1).
    # Percentile of x = 3 in top: (count < 3 = 1 + count <= 3 = 1) / 2 / 2 * 100 = 50.
    # Ledoit-Wolf with p = 1 is the biased variance: ((2-3)^2 + (4-3)^2) / 2 = 1, so the
    # distance of 3 to top is 0 and to middle |3 - 1| / 1 = 2.
    # Pooled variance: (2 + 2 + 2) / (6 - 3) = 2. LDA scores (equal priors cancel):
    # top 3*3/2 - 9/4 = 2.25, middle 3*1/2 - 1/4 = 1.25, bottom -3/2 - 1/4 = -1.75.
    x = np.array([[2.0], [4.0], [0.0], [2.0], [-2.0], [0.0]])
    tiers = ["top", "top", "middle", "middle", "bottom", "bottom"]
    (fit,) = candidate_fit(np.array([[3.0]]), x, tiers, ["d"])
    assert fit.percentiles["top"]["d"] == pytest.approx(50.0)
    assert fit.percentiles["middle"]["d"] == pytest.approx(100.0)
    assert fit.mahalanobis["top"] == pytest.approx(0.0)
    assert fit.mahalanobis["middle"] == pytest.approx(2.0)
    e = np.exp([2.25, 1.25, -1.75])
    expected = e / e.sum()
    got = [fit.posterior[t] for t in ("top", "middle", "bottom")]
    np.testing.assert_allclose(got, expected, **TOL)
    assert fit.closer_than_top_share == pytest.approx(1.0)  # both top producers are at distance 1


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
