"""adverse_impact against scipy.stats.fisher_exact and a hand-computed four-fifths case."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from reports.stats import adverse_impact
from reports.stats.fairness import JUDGEMENTS

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
        values = (r.rate, r.impact_ratio, r.fisher_p, r.ci_low, r.ci_high, r.z, r.z_p)
        assert not any(math.isinf(v) for v in values)
        assert r.judgement in JUDGEMENTS and r.shortfall >= 0
        if not math.isnan(r.impact_ratio):
            assert 0.0 <= r.impact_ratio <= 1.0


# --- interval, Z, shortfall and judgement (issue: figures that neither cry wolf nor hide) ---


def _reference_judgement(ratio, p):
    if math.isnan(ratio) or math.isnan(p):
        return "insufficient data"
    if ratio < 0.8:
        return "adverse impact" if p < 0.05 else "below four-fifths, not significant"
    return "significant, above four-fifths" if p < 0.05 else "no indication"


@pytest.mark.parametrize("seed", range(6))
def test_interval_z_shortfall_match_statsmodels_and_formulas(seed):
    from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

    rng = np.random.default_rng(100 + seed)
    groups = [f"g{i}" for i in range(4)]
    applicants = {g: int(rng.integers(8, 90)) for g in groups}
    selected = {g: int(rng.integers(1, applicants[g])) for g in groups}
    res = adverse_impact(selected, applicants)
    rates = {g: selected[g] / applicants[g] for g in groups}
    ref = max(groups, key=rates.get)
    s2, n2 = selected[ref], applicants[ref]
    for r in res:
        g, s1, n1 = r.group, selected[r.group], applicants[r.group]
        if g == ref:
            assert r.judgement == "reference" and r.shortfall == 0
            assert all(math.isnan(v) for v in (r.ci_low, r.ci_high, r.z, r.z_p))
            continue
        # Morris & Lobsenz: the log-scale (delta method) interval of a ratio of proportions.
        low, high = confint_proportions_2indep(s1, n1, s2, n2, method="log", compare="ratio")
        np.testing.assert_allclose([r.ci_low, r.ci_high], [low, high], **TOL)
        p1, p2 = s1 / n1, s2 / n2
        half = 1.959964 * math.sqrt((1 - p1) / (n1 * p1) + (1 - p2) / (n2 * p2))
        np.testing.assert_allclose(
            [r.ci_low, r.ci_high],
            [math.exp(math.log(p1 / p2) - half), math.exp(math.log(p1 / p2) + half)],
            rtol=1e-6,
        )
        z, z_p = proportions_ztest([s1, s2], [n1, n2])  # pooled variance by default
        np.testing.assert_allclose([r.z, r.z_p], [z, z_p], **TOL)
        assert r.shortfall == max(0, math.ceil(round(0.8 * p2 * n1 - s1, 9)))
        assert r.judgement == _reference_judgement(r.impact_ratio, r.fisher_p)


def test_hand_computed_interval_z_and_shortfall():
    # A: 15 of 30 (0.5, reference); B: 6 of 30 (0.2): IR = 0.4.
    # var(ln IR) = 0.8 / 6 + 0.5 / 15 = 1/6; ln 0.4 -+ 1.959964 * 0.408248 = (-1.7165, -0.1163)
    # pooled P = 21/60 = 0.35; se = sqrt(0.35 * 0.65 * (2/30)) = 0.123153; z = -0.3 / se.
    # Shortfall: 0.8 * 0.5 * 30 = 12 exactly, minus 6 selected = 6 (not 7 from a rounding slip).
    res = {r.group: r for r in adverse_impact({"A": 15, "B": 6}, {"A": 30, "B": 30})}
    b = res["B"]
    assert b.impact_ratio == pytest.approx(0.4)
    assert b.ci_low == pytest.approx(math.exp(math.log(0.4) - 1.959964 * math.sqrt(1 / 6)))
    assert b.ci_high == pytest.approx(math.exp(math.log(0.4) + 1.959964 * math.sqrt(1 / 6)))
    assert b.ci_low == pytest.approx(0.1797, abs=1e-4)
    assert b.ci_high == pytest.approx(0.8904, abs=1e-4)
    assert b.z == pytest.approx(-0.3 / math.sqrt(0.35 * 0.65 * 2 / 30))
    assert b.z == pytest.approx(-2.4360, abs=1e-4)
    assert b.shortfall == 6
    assert b.fisher_p < 0.05 and b.judgement == "adverse impact"


@pytest.mark.parametrize(
    "selected,applicants,judgement",
    [
        # 8/30 vs 15/30: ratio 0.53 but Fisher p = 0.11 -> too few to tell
        ({"A": 15, "B": 8}, {"A": 30, "B": 30}, "below four-fifths, not significant"),
        # 450/1000 vs 500/1000: ratio 0.90, yet Fisher p = 0.03 -> significant above 0.8
        ({"A": 500, "B": 450}, {"A": 1000, "B": 1000}, "significant, above four-fifths"),
        ({"A": 15, "B": 14}, {"A": 30, "B": 30}, "no indication"),
        ({"A": 48, "B": 12}, {"A": 80, "B": 40}, "adverse impact"),
        ({"A": 0, "B": 0}, {"A": 10, "B": 10}, "insufficient data"),  # no reference rate
    ],
)
def test_judgement_strings(selected, applicants, judgement):
    res = adverse_impact(selected, applicants)
    assert res[0].judgement == "reference"
    assert res[1].judgement == judgement


def test_group_without_applicants_is_insufficient_data():
    res = {r.group: r for r in adverse_impact({"A": 5, "B": 0}, {"A": 10, "B": 0})}
    assert res["B"].judgement == "insufficient data"
    assert math.isnan(res["B"].z) and math.isnan(res["B"].ci_low) and res["B"].shortfall == 0


def test_zero_rate_has_no_interval_but_a_z_and_shortfall():
    res = {r.group: r for r in adverse_impact({"A": 10, "B": 0}, {"A": 20, "B": 20})}
    assert math.isnan(res["B"].ci_low) and math.isnan(res["B"].ci_high)
    assert res["B"].z < 0 and res["B"].shortfall == 8  # 0.8 * 0.5 * 20 = 8


def test_simulation_equal_true_rates_rarely_judged_adverse():
    """Two groups of 30 with the same true rate: the four-fifths rule alone fires in about
    half the samples; the judgement says "adverse impact" in at most 6 %."""
    rng = np.random.default_rng(20240615)
    samples, n = 2000, 30
    adverse = four_fifths = 0
    for true_rate in (0.2, 0.35, 0.5):
        for _ in range(samples // 4 if true_rate != 0.35 else samples // 2):
            a, b = (int(v) for v in rng.binomial(n, true_rate, size=2))
            res = adverse_impact({"A": a, "B": b}, {"A": n, "B": n})
            other = next(r for r in res if r.judgement != "reference")
            adverse += other.judgement == "adverse impact"
            four_fifths += other.below_four_fifths
    assert four_fifths / samples > 0.25  # the bare rule cries wolf ...
    assert adverse / samples <= 0.06  # ... the judgement does not
