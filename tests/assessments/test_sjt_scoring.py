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
    # ratings 4, 5, 2, (missing: left out): distances 1, 0, 1 -> mean 2/3 -> 1 - (2/3)/4
    assert sjt.rate_each_score({1: 4, 2: 5, 3: 2}, keys) == pytest.approx(5 / 6)
    assert sjt.rate_each_score({}, keys) is None


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
        "2": {"20": 4, "21": 5, "22": 2},                   # 5/6 (see above)
    }
    result = sjt.score_attempt(method="rate_each", scenarios=[a, b], answers=answers)
    assert result.scenario_scores == {1: 1.0, 2: pytest.approx(5 / 6)}
    assert result.dimension_scores[100] == pytest.approx((1.0 + 5 / 6) / 2)
    assert result.dimension_scores[200] == pytest.approx(5 / 6)
    assert result.total == pytest.approx(11 / 12)
    assert (result.answered, result.items) == (7, 8)


def test_score_attempt_most_least_and_unanswered():
    a = scenario(1, [5, 4, 2, 1], [100])
    b = scenario(2, [3, 5, 1, 3], [200])
    answers = {"1": {"most": 10, "least": 13}}              # +2; scenario 2 unanswered
    result = sjt.score_attempt(method="most_least", scenarios=[a, b], answers=answers)
    assert result.scenario_scores == {1: 2.0}               # left out, not scored 0
    assert result.dimension_scores == {100: 2.0}
    assert result.total == 2.0
    assert (result.answered, result.items) == (2, 4)


def test_most_least_one_pick_stays_on_the_scale():
    a = scenario(1, [5, 4, 2, 1], [100])
    # only a top-keyed "most" pick: +1 over one pick, doubled to +2 on the -2..+2 scale
    result = sjt.score_attempt(method="most_least", scenarios=[a], answers={"1": {"most": 10}})
    assert result.scenario_scores == {1: 2.0}
    assert (result.answered, result.items) == (1, 2)


def test_ten_of_sixty_five_answered_scores_what_was_answered():
    """13 scenarios x 5 options; only 10 options rated, all exactly on the key."""
    scenarios = [scenario(n, [5, 4, 3, 2, 1], [100 + n % 2]) for n in range(1, 14)]
    answers = {"1": {str(10 + m): 5 - m for m in range(5)},
               "2": {str(20 + m): 5 - m for m in range(4)},
               "3": {"30": 4}}                              # distance 1 -> 0.75
    result = sjt.score_attempt(method="rate_each", scenarios=scenarios, answers=answers)
    assert (result.answered, result.items) == (10, 65)
    assert result.scenario_scores == {1: 1.0, 2: 1.0, 3: 0.75}
    assert result.total == pytest.approx(2.75 / 3)          # not (1 + 1 + 0.75) / 13
    assert result.dimension_scores == {101: pytest.approx(0.875), 100: 1.0}
    assert not sjt.is_complete(10, 65, 0.8)
    assert sjt.is_complete(52, 65, 0.8)
