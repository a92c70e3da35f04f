"""validate_fit against a reference built from scipy, scikit-learn and loops written out.

The reference does every step the slow, obvious way: scipy's Welch test per dimension,
Holm by hand over the whole family, scikit-learn's LinearDiscriminantAnalysis(solver="lsqr",
shrinkage="auto") per fold, sklearn's roc_auc_score, and explicit loops for the Brier score
and the expectancy table.
"""

import math

import numpy as np
import pytest
from scipy import stats
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.metrics import roc_auc_score

from reports.stats import FitValidation, validate_fit
from reports.stats.validation import _expectancy, fold_numbers

TIERS = ("top", "middle", "bottom")
TOL = {"rtol": 1e-6, "atol": 1e-6}


def _holm(ps):
    finite = sorted((p, i) for i, p in enumerate(ps) if not math.isnan(p))
    out, running = [float("nan")] * len(ps), 0.0
    for rank, (p, i) in enumerate(finite):
        running = max(running, min(1.0, (len(finite) - rank) * p))
        out[i] = running
    return out


def _discriminating(x, labels, dims, min_n, alpha):
    ps, keys, ns = [], [], []
    for other in ("middle", "bottom"):
        for j in range(len(dims)):
            a = x[labels == "top", j]
            b = x[labels == other, j]
            a, b = a[~np.isnan(a)], b[~np.isnan(b)]
            p = float("nan")
            if len(a) >= 2 and len(b) >= 2 and np.var(a) + np.var(b) > 0:
                p = stats.ttest_ind(a, b, equal_var=False).pvalue
            ps.append(p)
            keys.append(j)
            ns.append(min(len(a), len(b)))
    adjusted = _holm(ps)
    chosen = {j for j, ph, n in zip(keys, adjusted, ns, strict=True) if ph < alpha and n >= min_n}
    return sorted(chosen)


def _reference(x, tiers, dims, min_n=10, alpha=0.05, folds=5):
    labels = np.array(tiers, dtype=object)
    rows = [i for i, t in enumerate(tiers) if t in TIERS]
    fold = {}
    for tier in TIERS:
        members = [i for i in range(len(tiers)) if tiers[i] == tier]
        for pos, i in enumerate(members):
            fold[i] = pos % folds
    prob, base = {}, {}
    for f in range(folds):
        test = [i for i in rows if fold[i] == f]
        train = [i for i in rows if fold[i] != f]
        if not test:
            continue
        props = np.array([sum(labels[i] == t for i in train) / len(train) for t in TIERS])
        cols = _discriminating(x[train], labels[train], dims, min_n, alpha)
        lda = None
        if cols:
            complete = [i for i in train if not np.isnan(x[i, cols]).any()]
            lda = LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto")
            lda.fit(x[complete][:, cols], labels[complete].astype(str))
        for i in test:
            base[i] = props
            if lda is None or np.isnan(x[i, cols]).any():
                prob[i] = props
                continue
            proba = lda.predict_proba(x[i, cols].reshape(1, -1))[0]
            by_class = dict(zip(lda.classes_, proba, strict=True))
            prob[i] = np.array([by_class.get(t, 0.0) for t in TIERS])
    onehot = {i: np.array([tiers[i] == t for t in TIERS], dtype=float) for i in rows}
    brier = np.mean([np.sum((prob[i] - onehot[i]) ** 2) for i in rows])
    baseline = np.mean([np.sum((base[i] - onehot[i]) ** 2) for i in rows])
    y_top = [tiers[i] == "top" for i in rows]
    auc = roc_auc_score(y_top, [prob[i][0] for i in rows])
    expectancy = []
    for low, high in ((0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0)):
        inside = [
            i for i in rows if low <= prob[i][0] < high or (high == 1.0 and prob[i][0] == 1.0)
        ]
        expectancy.append((low, high, len(inside), sum(tiers[i] == "top" for i in inside)))
    return prob, brier, baseline, auc, expectancy


def _data(seed, n=(24, 45, 26), p=6, k=2, d=0.9, nan_share=0.03, untiered=4):
    rng = np.random.default_rng(seed)
    tiers = [t for t, m in zip(TIERS, n, strict=True) for _ in range(m)] + [None] * untiered
    x = rng.normal(size=(len(tiers), p))
    x[: n[0], :k] += d
    x[rng.random(x.shape) < nan_share] = np.nan
    order = rng.permutation(len(tiers))
    return x[order], [tiers[i] for i in order], [f"d{j}" for j in range(p)]


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_matches_the_reference(seed):
    x, tiers, dims = _data(seed)
    got = validate_fit(x, tiers, dims)
    prob, brier, baseline, auc, expectancy = _reference(x, tiers, dims)
    assert abs(brier - baseline) > 1e-3  # the folds did fit a model, not only base rates
    assert isinstance(got, FitValidation)
    assert got.n == sum(t is not None for t in tiers) and got.folds == 5
    np.testing.assert_allclose(
        [got.brier, got.baseline_brier, got.auc_top], [brier, baseline, auc], **TOL
    )
    for i, t in enumerate(tiers):
        if t is None:
            assert got.out_of_fold[i] is None
        else:
            np.testing.assert_allclose([got.out_of_fold[i][k] for k in TIERS], prob[i], **TOL)
    assert [(e["low"], e["high"], e["n"], e["n_top"]) for e in got.expectancy] == expectancy
    assert got.usable == (brier <= baseline - 0.01)


def test_folds_are_positions_within_each_tier():
    labels = np.array(["top", "middle", None, "top", "middle", "top", "bottom"], dtype=object)
    assert fold_numbers(labels, 2).tolist() == [0, 0, -1, 1, 1, 0, 0]


def test_expectancy_bin_edges():
    p = np.array([0.0, 0.19999, 0.2, 0.4, 0.6, 0.79999, 0.8, 1.0, np.nan])
    top = np.array([True, False, True, False, True, True, False, True, True])
    table = _expectancy(p, top)
    assert [(e["n"], e["n_top"]) for e in table] == [(2, 1), (1, 1), (1, 0), (2, 2), (2, 1)]
    assert [(e["low"], e["high"]) for e in table][-1] == (0.8, 1.0)


def test_permuting_producers_within_tier_and_fold_changes_nothing():
    x, tiers, dims = _data(7, untiered=0)
    labels = np.array(tiers, dtype=object)
    folds = fold_numbers(labels, 5)
    rng = np.random.default_rng(1)
    order = np.arange(len(tiers))
    for tier in TIERS:  # shuffle the members of each (tier, fold) among their own positions
        for f in range(5):
            slots = np.flatnonzero((labels == tier) & (folds == f))
            order[slots] = rng.permutation(slots)
    # moving a member to another slot of the same tier and fold keeps its fold
    assert (fold_numbers(labels[order], 5) == folds).all()
    a = validate_fit(x, tiers, dims)
    b = validate_fit(x[order], [tiers[i] for i in order], dims)
    np.testing.assert_allclose(
        [a.brier, a.baseline_brier, a.auc_top], [b.brier, b.baseline_brier, b.auc_top], **TOL
    )
    assert a.expectancy == b.expectancy and a.usable == b.usable
    for new, old in enumerate(order):
        np.testing.assert_allclose(
            list(b.out_of_fold[new].values()), list(a.out_of_fold[old].values()), **TOL
        )


def test_interleaving_the_tiers_differently_changes_nothing():
    # Only the order within a tier sets the folds, so sorting rows by tier (stable) changes
    # nothing; a within-tier reversal does change the folds, and then the figures may differ.
    x, tiers, dims = _data(8, untiered=0)
    order = sorted(range(len(tiers)), key=lambda i: TIERS.index(tiers[i]))
    a = validate_fit(x, tiers, dims)
    b = validate_fit(x[order], [tiers[i] for i in order], dims)
    assert (a.brier, a.baseline_brier, a.auc_top) == pytest.approx(
        (b.brier, b.baseline_brier, b.auc_top), abs=1e-12
    )
    assert a.expectancy == b.expectancy


def test_too_few_producers_is_not_usable_and_says_so():
    x, tiers, dims = _data(3, n=(8, 30, 12), d=2.0, untiered=0)
    res = validate_fit(x, tiers, dims)
    assert not res.usable
    assert "8 top, 30 middle and 12 bottom producers" in res.reason
    assert "at least 10" in res.reason


def test_pure_noise_says_no_dimension_separates():
    x, tiers, dims = _data(4, n=(30, 60, 30), d=0.0, nan_share=0.0, untiered=0)
    res = validate_fit(x, tiers, dims)
    assert not res.usable
    assert "No assessment dimension separates" in res.reason
    # with no dimension in any fold the model is the base rates, to the last digit
    assert res.brier == pytest.approx(res.baseline_brier)


def test_strong_profile_is_usable_with_no_reason():
    x, tiers, dims = _data(5, n=(40, 80, 40), d=1.5, untiered=0)
    res = validate_fit(x, tiers, dims)
    assert res.usable and res.reason is None
    assert res.brier < res.baseline_brier - 0.01 and res.auc_top > 0.8
    assert sum(e["n"] for e in res.expectancy) == 160


def test_margin_can_make_a_model_unusable():
    x, tiers, dims = _data(5, n=(40, 80, 40), d=1.5, untiered=0)
    res = validate_fit(x, tiers, dims, margin=1.0)
    assert not res.usable and "Brier" in res.reason and "against" in res.reason


def test_bad_folds_are_refused():
    x, tiers, dims = _data(1)
    with pytest.raises(ValueError, match="folds"):
        validate_fit(x, tiers, dims, folds=1)


def test_simulation_noise_is_rarely_usable_and_a_real_difference_usually_is():
    rng = np.random.default_rng(2024)
    dims20 = [f"d{j}" for j in range(20)]
    usable = 0
    for _ in range(50):
        tiers = ["top"] * 10 + ["middle"] * 20 + ["bottom"] * 10
        usable += validate_fit(rng.normal(size=(40, 20)), tiers, dims20).usable
    assert usable <= 5  # at most 10 % of 50 samples

    dims10 = [f"d{j}" for j in range(10)]
    good = 0
    for _ in range(10):
        tiers = ["top"] * 100 + ["middle"] * 200 + ["bottom"] * 100
        x = rng.normal(size=(400, 10))
        x[:100, :3] += 1.0  # three dimensions on which the top producers differ by d = 1
        res = validate_fit(x, tiers, dims10)
        good += res.usable and res.auc_top > 0.75
    assert good >= 9  # at least 90 %
