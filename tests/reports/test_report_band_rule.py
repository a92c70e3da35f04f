"""The recommendation band and the weighted evidence follow the documented rules."""

import pytest

from reports.hiring_report.gather import recommendation_band, weighted_evidence


@pytest.mark.parametrize(
    ("posterior", "missed", "band"),
    [
        ({"top": None, "middle": None, "bottom": None}, 0, "insufficient"),
        (None, 0, "insufficient"),
        ({"top": 0.7, "middle": 0.2, "bottom": 0.1}, 0, "strong_fit"),
        ({"top": 0.7, "middle": 0.2, "bottom": 0.1}, 1, "poor_fit"),  # knock-out beats P(top)
        ({"top": 0.6, "middle": 0.3, "bottom": 0.1}, 0, "strong_fit"),  # boundary inclusive
        ({"top": 0.59, "middle": 0.3, "bottom": 0.11}, 0, "fit"),
        ({"top": 0.4, "middle": 0.1, "bottom": 0.5}, 0, "poor_fit"),  # P(bottom) >= 0.5 first
        ({"top": 0.1, "middle": 0.65, "bottom": 0.25}, 0, "fit"),  # top + middle = 0.75
        ({"top": 0.1, "middle": 0.6, "bottom": 0.3}, 0, "mixed"),
        ({"top": 0.3, "middle": 0.3, "bottom": 0.4}, 0, "mixed"),
    ],
)
def test_band_rule(posterior, missed, band):
    assert recommendation_band(posterior, missed)["key"] == band


def _dims():
    return [
        {"id": 1, "slug": "a", "name": "A", "kind": "competency", "weight": 3.0, "target": 4,
         "knock_out": 2},
        {"id": 2, "slug": "b", "name": "B", "kind": "trait", "weight": 1.0, "target": 3,
         "knock_out": None},
    ]


def _cand(interview_a, interview_b):
    return {"dimensions": [
        {"dimension": "a", "interview_mean": interview_a},
        {"dimension": "b", "interview_mean": interview_b},
    ]}


def test_psychometric_weight_is_its_share_of_the_total():
    levels = {"behavioural": {}, "psychometric": {2: 2.0}}
    result = weighted_evidence(_dims(), _cand(4.0, 5.0), levels, 0.25)
    # behavioural: (3 x 4 + 1 x 5) / 4 = 4.25; psychometric: only B = 2.0
    assert result["behavioural"] == pytest.approx(4.25)
    assert result["psychometric"] == pytest.approx(2.0)
    assert result["overall"] == pytest.approx(0.75 * 4.25 + 0.25 * 2.0)
    assert result["target"] == pytest.approx((3 * 4 + 1 * 3) / 4)
    b = result["rows"][1]
    assert b["level"] == pytest.approx(0.75 * 5.0 + 0.25 * 2.0)


def test_knock_out_missed_met_or_not_assessed():
    levels = {"behavioural": {1: [5.0]}, "psychometric": {}}
    missed = weighted_evidence(_dims(), _cand(1.5, None), levels, 0.33)["rows"][0]
    assert missed["knock_out_status"] == "missed"
    # roleplay says 5, but the knock-out follows the interview rating (calibration's rule)
    assert missed["behavioural"] == pytest.approx((5.0 + 1.5) / 2)
    met = weighted_evidence(_dims(), _cand(2.0, None), levels, 0.33)["rows"][0]
    assert met["knock_out_status"] == "met"
    unknown = weighted_evidence(_dims(), _cand(None, None), levels, 0.33)["rows"][0]
    assert unknown["knock_out_status"] == "not assessed"
    assert unknown["level"] == pytest.approx(5.0)
