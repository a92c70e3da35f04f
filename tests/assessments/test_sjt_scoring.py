"""The two SJT scoring methods and the roll-up, against hand-computed cases."""

import pytest

from assessments import sjt
from assessments.sjt import OptionView, ScenarioView


def scenario(pk, keys, dims):
    return ScenarioView(pk, "t", "s", "q", tuple(dims),
                        tuple(OptionView(pk * 10 + n, "o", k) for n, k in enumerate(keys)))


def test_rate_each_exact_and_worst():
    keys = {1: 5, 2: 4, 3: 2, 4: 1}
    assert sjt.rate_each_score({1: 5, 2: 4, 3: 2, 4: 1}, keys) == 1.0
    # distances 4, 3, 3, 4 -> mean 3.5 -> 1 - 3.5/4 = 0.125
    assert sjt.rate_each_score({1: 1, 2: 1, 3: 5, 4: 5}, keys) == pytest.approx(0.125)


def test_rate_each_hand_case_with_missing_rating():
    keys = {1: 3, 2: 5, 3: 1, 4: 3}
    # ratings 4, 5, 2, (missing -> 4): distances 1, 0, 1, 4 -> mean 1.5 -> 1 - 1.5/4 = 0.625
    assert sjt.rate_each_score({1: 4, 2: 5, 3: 2}, keys) == pytest.approx(0.625)


@pytest.mark.parametrize(("most", "least", "expected"), [
    (1, 4, 2),      # top-keyed most, bottom-keyed least
    (2, 4, 1),      # most is keyed 4 (neither end): 0; least bottom: +1
    (4, 1, -2),     # both on the wrong end
    (1, 1, 0),      # least pick is top-keyed: +1 - 1
    (3, 2, 0),      # both in the middle
    (None, 4, 1),   # a missing pick scores 0
    (5, 6, 2),      # ties: option 5 shares the top key, option 6 the bottom key
])
def test_most_least(most, least, expected):
    keys = {1: 5, 2: 4, 3: 3, 4: 1, 5: 5, 6: 1}
    assert sjt.most_least_score(most, least, keys) == expected


def test_score_attempt_rolls_up_per_dimension_and_total():
    a = scenario(1, [5, 4, 2, 1], [100])
    b = scenario(2, [3, 5, 1, 3], [100, 200])
    answers = {
        "1": {"10": 5, "11": 4, "12": 2, "13": 1},          # 1.0
        "2": {"20": 4, "21": 5, "22": 2},                   # 0.625 (see above)
    }
    result = sjt.score_attempt(method="rate_each", scenarios=[a, b], answers=answers)
    assert result.scenario_scores == {1: 1.0, 2: pytest.approx(0.625)}
    assert result.dimension_scores[100] == pytest.approx((1.0 + 0.625) / 2)
    assert result.dimension_scores[200] == pytest.approx(0.625)
    assert result.total == pytest.approx(0.8125)


def test_score_attempt_most_least_and_unanswered():
    a = scenario(1, [5, 4, 2, 1], [100])
    b = scenario(2, [3, 5, 1, 3], [200])
    answers = {"1": {"most": 10, "least": 13}}              # +2; scenario 2 unanswered: 0
    result = sjt.score_attempt(method="most_least", scenarios=[a, b], answers=answers)
    assert result.scenario_scores == {1: 2.0, 2: 0.0}
    assert result.dimension_scores == {100: 2.0, 200: 0.0}
    assert result.total == 1.0
