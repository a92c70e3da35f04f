"""The table under the band shows the same blended levels the headline rule uses."""

import pytest

from reports.hiring_report.gather import weighted_evidence
from reports.hiring_report.headline import Requirement, headline


def _dims():
    return [
        {"id": 1, "slug": "a", "name": "A", "kind": "competency", "weight": 3.0, "target": 4,
         "knock_out": 2},
        {"id": 2, "slug": "b", "name": "B", "kind": "trait", "weight": 1.0, "target": 3,
         "knock_out": None},
    ]


def _head(interview_a, interview_b, assessment_b, w):
    reqs = [Requirement("A", 3.0, 4, interview=interview_a, knock_out=2),
            Requirement("B", 1.0, 3, trainable=False, interview=interview_b,
                        assessment=assessment_b)]
    return headline(reqs, submitted_scorecards=1, assessment_weight=w)


def test_assessment_weight_is_its_share_of_each_requirement():
    result = weighted_evidence(_head(4.0, 5.0, 2.0, 0.25), _dims(), 0.25)
    b = result["rows"][1]
    assert b["level"] == pytest.approx(0.75 * 5.0 + 0.25 * 2.0)
    # A has no assessment: the interview alone.
    assert result["rows"][0]["level"] == pytest.approx(4.0)
    assert result["overall"] == pytest.approx((3 * 4.0 + 1 * 4.25) / 4)
    assert result["target"] == pytest.approx((3 * 4 + 1 * 3) / 4)
    assert (result["interview_percent"], result["assessment_percent"]) == (75, 25)


def test_knock_out_missed_met_or_not_assessed():
    missed = weighted_evidence(_head(1.5, None, None, 0.33), _dims(), 0.33)["rows"][0]
    assert missed["knock_out_status"] == "missed"
    met = weighted_evidence(_head(2.0, None, None, 0.33), _dims(), 0.33)["rows"][0]
    assert met["knock_out_status"] == "met"
    unseen = weighted_evidence(_head(None, 3.0, None, 0.33), _dims(), 0.33)["rows"][0]
    assert unseen["knock_out_status"] == "not assessed"


def test_shortfalls_are_named_in_the_table():
    rows = weighted_evidence(_head(3.0, 1.0, 1.0, 0.33), _dims(), 0.33)["rows"]
    assert rows[0]["shortfall"] == "development need"   # 3 against 4, trainable
    assert rows[1]["shortfall"] == "risk"                # 1 against 3, a trait
