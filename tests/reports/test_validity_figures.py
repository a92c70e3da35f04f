"""The figures of the validity-on-hires page, against scipy and hand computations (no DB)."""

import math

import numpy as np
import pytest
from scipy import stats

from reports.stats import Validity, applicant_sd_ratio, predictive_validity
from reports.validity.funnel import wilson
from reports.validity.hires import expectancy, weight_suggestions


def test_correlations_equal_scipy_to_1e_9():
    rng = np.random.default_rng(19)
    x = rng.normal(size=40)
    y = 0.3 * x + rng.normal(size=40)
    res = predictive_validity(x, y)
    pr, sr = stats.pearsonr(x, y), stats.spearmanr(x, y)
    ci = pr.confidence_interval(0.95)
    np.testing.assert_allclose(
        [res.pearson_r, res.pearson_p, res.pearson_ci_low, res.pearson_ci_high,
         res.spearman_rho, res.spearman_p],
        [pr.statistic, pr.pvalue, ci.low, ci.high, sr.statistic, sr.pvalue],
        rtol=1e-9, atol=1e-9,
    )
    assert res.n == 40


def test_hand_computed_small_case():
    # x = 1..5, y = 2, 1, 4, 3, 5: deviations x -2..2, y -1, -2, 1, 0, 2; sum xy = 8,
    # sum x^2 = sum y^2 = 10, so r = 0.8; the ranks are the values, so rho = 0.8 too.
    # Fisher interval: atanh(0.8) = 1.0986123, half = 1.959964 / sqrt(2) = 1.3859038,
    # tanh(-0.2872915) = -0.27962, tanh(2.4845161) = (e^4.969 - 1) / (e^4.969 + 1) = 0.98620.
    res = predictive_validity([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])
    assert res.pearson_r == pytest.approx(0.8, abs=1e-12)
    assert res.spearman_rho == pytest.approx(0.8, abs=1e-12)
    assert res.pearson_ci_low == pytest.approx(-0.27961, abs=1e-4)
    assert res.pearson_ci_high == pytest.approx(0.98620, abs=1e-4)
    assert res.n == 5


def test_thorndike_correction_against_hand_computed_value():
    # r = 0.8, u = 2: 0.8 * 2 / sqrt(1 + 0.64 * (4 - 1)) = 1.6 / sqrt(2.92) = 0.9363291776
    res = predictive_validity([1, 2, 3, 4, 5], [2, 1, 4, 3, 5], restricted_sd_ratio=2.0)
    assert res.corrected_r == pytest.approx(1.6 / math.sqrt(2.92), abs=1e-12)
    assert res.corrected_r == pytest.approx(0.9363291776, abs=1e-9)
    assert predictive_validity([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]).corrected_r is None


def test_applicant_sd_ratio_hand_computed():
    # applicants 1..5: variance 2.5; hires 4, 5: variance 0.5; u = sqrt(5) = 2.2360679775
    assert applicant_sd_ratio([1, 2, 3, 4, 5, np.nan], [4, 5]) == pytest.approx(math.sqrt(5))
    assert math.isnan(applicant_sd_ratio([1, 2, 3], [4, 4]))   # hires do not vary
    assert math.isnan(applicant_sd_ratio([1], [4, 5]))


def test_expectancy_counts():
    # Outcomes 10..120 in steps of 10 (12 hires): the 75th percentile is 92.5, so the
    # top quartile is 100, 110, 120.
    bands = {1: "strong_fit", 2: "strong_fit", 3: "strong_fit", 4: "strong_fit",
             5: "fit", 6: "fit", 7: "fit", 8: "fit", 9: "mixed", 10: "mixed",
             11: "poor_fit", 12: "insufficient"}
    outcomes = {app: 10.0 * (13 - app) for app in range(1, 13)}   # 1 -> 120, 12 -> 10
    result = expectancy(bands, outcomes)
    assert result["threshold"] == pytest.approx(92.5)
    rows = {r["band"]: (r["top"], r["n"]) for r in result["rows"]}
    assert rows == {"strong_fit": (3, 4), "fit": (0, 4), "mixed": (0, 2), "poor_fit": (0, 1),
                    "insufficient": (0, 1)}
    assert [r["band"] for r in result["rows"]][:2] == ["strong_fit", "fit"]


def _row(key, low, high):
    result = Validity(30, (low + high) / 2, low, high, 0.01, 0.0, 0.5, low, high, None, [])
    return {"key": key, "group": key, "result": result}


def test_weight_suggestion_only_when_an_interval_lies_wholly_apart():
    rows = [_row("level:a", 0.5, 0.8), _row("level:b", 0.0, 0.4), _row("level:c", -0.1, 0.45)]
    found = weight_suggestions(rows)
    assert [(s["row"]["key"], s["direction"]) for s in found] == [("level:a", "above")]
    overlapping = [_row("level:a", 0.3, 0.8), _row("level:b", 0.0, 0.4)]
    assert weight_suggestions(overlapping) == []
    below = [_row("level:a", -0.6, -0.2), _row("level:b", 0.0, 0.4), _row("overall", -1, 1)]
    assert [(s["row"]["key"], s["direction"]) for s in weight_suggestions(below)] == [
        ("level:a", "below"), ("level:b", "above")]


@pytest.mark.parametrize("k, n", [(0, 5), (5, 10), (7, 9), (40, 40)])
def test_wilson_interval_equals_scipy(k, n):
    ci = stats.binomtest(k, n).proportion_ci(method="wilson")
    assert wilson(k, n) == pytest.approx((ci.low, ci.high), abs=1e-9)
    assert wilson(0, 0) is None
