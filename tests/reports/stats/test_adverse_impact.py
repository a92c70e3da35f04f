"""adverse_impact against scipy.stats.fisher_exact and a hand-computed four-fifths case."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from reports.stats import adverse_impact

TOL = {"rtol": 1e-6, "atol": 1e-6}


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_matches_scipy_fisher(seed):
    rng = np.random.default_rng(seed)
    groups = [f"g{i}" for i in range(4)]
    applicants = {g: int(rng.integers(5, 80)) for g in groups}
    selected = {g: int(rng.integers(0, applicants[g] + 1)) for g in groups}
    res = adverse_impact(selected, applicants)
    assert [r.group for r in res] == groups
    rates = {g: selected[g] / applicants[g] for g in groups}
    ref = max(groups, key=rates.get)
    for r in res:
        g = r.group
        np.testing.assert_allclose(r.rate, rates[g], **TOL)
        np.testing.assert_allclose(r.impact_ratio, rates[g] / rates[ref], **TOL)
        assert r.below_four_fifths == (rates[g] / rates[ref] < 0.8)
        assert r.small_sample == (min(applicants[g], applicants[ref]) < 30)
        if g == ref:
            assert math.isnan(r.fisher_p)
        else:
            table = [
                [selected[g], applicants[g] - selected[g]],
                [selected[ref], applicants[ref] - selected[ref]],
            ]
            np.testing.assert_allclose(r.fisher_p, stats.fisher_exact(table).pvalue, **TOL)


def test_hand_computed_two_groups():
    # A: 48 of 80 selected (rate 0.60); B: 12 of 40 (rate 0.30) -> ratio 0.30 / 0.60 = 0.5 < 0.8
    res = {r.group: r for r in adverse_impact({"A": 48, "B": 12}, {"A": 80, "B": 40})}
    assert res["A"].impact_ratio == 1.0 and not res["A"].below_four_fifths
    assert res["B"].rate == pytest.approx(0.3)
    assert res["B"].impact_ratio == pytest.approx(0.5)
    assert res["B"].below_four_fifths and not res["B"].small_sample
    assert res["B"].fisher_p < 0.01


def test_hand_computed_2x2_fisher():
    # A: 3 of 3, B: 0 of 3. Table [[0, 3], [3, 0]]; with margins 3/3 the probability of the
    # observed table is 1 / C(6, 3) = 1/20, and the equally extreme [[3, 0], [0, 3]] doubles it.
    res = {r.group: r for r in adverse_impact({"A": 3, "B": 0}, {"A": 3, "B": 3})}
    assert res["B"].fisher_p == pytest.approx(0.1)
    assert res["B"].small_sample and res["B"].impact_ratio == 0.0


@pytest.mark.parametrize(
    "selected,applicants",
    [
        ({"A": 5}, {"A": 4}),
        ({"A": -1}, {"A": 4}),
        ({"A": 1}, {"A": -4}),
        ({"A": 1.5}, {"A": 4}),
        ({"A": "x"}, {"A": 4}),
        ({"B": 1}, {"A": 4}),
    ],
)
def test_invalid_counts_raise(selected, applicants):
    with pytest.raises(ValueError):
        adverse_impact(selected, applicants)


@pytest.mark.filterwarnings("error")
def test_degenerate_counts_give_nan():
    assert adverse_impact({}, {}) == []
    res = {r.group: r for r in adverse_impact({"A": 0, "B": 0}, {"A": 0, "B": 10})}
    assert math.isnan(res["A"].rate) and math.isnan(res["A"].impact_ratio)
    assert math.isnan(res["B"].impact_ratio)  # nobody selected anywhere: no reference rate
    assert not res["A"].below_four_fifths
    res = adverse_impact({"A": 0}, {"A": 0})
    assert math.isnan(res[0].rate) and math.isnan(res[0].fisher_p)


@settings(max_examples=50, deadline=None)
@given(
    pairs=st.lists(
        st.integers(0, 60).flatmap(lambda a: st.tuples(st.integers(0, a), st.just(a))),
        max_size=5,
    )
)
def test_never_raises_or_returns_inf(pairs):
    selected = {f"g{i}": s for i, (s, _) in enumerate(pairs)}
    applicants = {f"g{i}": a for i, (_, a) in enumerate(pairs)}
    for r in adverse_impact(selected, applicants):
        assert not any(math.isinf(v) for v in (r.rate, r.impact_ratio, r.fisher_p))
        if not math.isnan(r.impact_ratio):
            assert 0.0 <= r.impact_ratio <= 1.0
