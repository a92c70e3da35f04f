"""Figures in words (reports/calibration/wording.py): agreement, percentiles, SJT totals, and
the sentence for a requirement where the target and the top producers disagree."""

import pytest

from reports.calibration.wording import (
    agreement_words,
    evidence_words,
    frames_disagree,
    percentile_words,
    producer_evidence_words,
    sjt_total_words,
)


@pytest.mark.parametrize("value,words", [
    (0.95, "interviewers agree well"), (0.75, "interviewers agree well"),
    (0.7499, "interviewers agree moderately"), (0.50, "interviewers agree moderately"),
    (0.4999, "interviewers agree poorly"), (-0.2, "interviewers agree poorly"),
    (None, None), (float("nan"), None),
])
def test_icc_words_follow_koo_and_li(value, words):
    assert agreement_words(value) == words


@pytest.mark.parametrize("value,words", [
    (0.80, "interviewers agree well"), (0.79, "interviewers agree moderately"),
    (0.667, "interviewers agree moderately"), (0.66, "interviewers agree poorly"),
])
def test_alpha_words_follow_krippendorff(value, words):
    assert agreement_words(value, "alpha") == words


def test_a_pct_top_of_70_in_words():
    assert percentile_words(70.0, n=24) == "scores above 70 % of the top producers (n = 24)"
    assert percentile_words(None) is None


def test_an_sjt_total_on_its_scale_and_among_producers():
    assert sjt_total_words(0.58, "0 to 1", 34.6, 40) == (
        "0.58 on a scale from 0 (worst) to 1 (best, the experts' key); among the 40 producers "
        "who took this test it is above 35 % of them")
    assert "no producer has taken this test" in sjt_total_words(0.58, "0 to 1", None, 0)


KW = {"candidate_evidence": "interview", "producer_evidence": "roleplay"}


def test_meets_the_target_yet_below_most_top_producers():
    assert frames_disagree(level=4.2, target=4, percentile_top=12, **KW) == (
        "Meets the target of 4, yet below most top producers on this dimension "
        "(percentile 12): the target may be set low, or this evidence differs from the "
        "producers' (interview against roleplay).")


def test_below_the_target_yet_above_most_top_producers():
    text = frames_disagree(level=2.5, target=3.5, percentile_top=80, **KW)
    assert text.startswith("Below the target of 3.5, yet above most top producers on this "
                           "dimension (percentile 80): the target may be set high")


@pytest.mark.parametrize("level,target,pct", [
    (4, 4, 25),      # meets, percentile exactly 25: not "below most"
    (4, 4, 60),      # both frames agree it is fine
    (2, 4, 10),      # both frames agree it is short
    (2, 4, 74.6),    # below target, percentile under 75
    (None, 4, 10),   # no level
    (4, 4, None),    # no producer figure
    (4, 4, float("nan")),
])
def test_no_sentence_when_the_frames_agree_or_a_figure_is_missing(level, target, pct):
    assert frames_disagree(level=level, target=target, percentile_top=pct, **KW) is None


def test_what_each_side_rests_on():
    assert evidence_words(3, None) == "interview"
    assert evidence_words(None, 3) == "assessments"
    assert evidence_words(3, 3) == "interview and assessments"
    assert producer_evidence_words(["roleplay:cold-call", "sjt:objections",
                                    "roleplay:renewal"]) == "roleplay and judgment test"
    assert producer_evidence_words(["psychometric:x", "roleplay:a", "sjt:b"]) == (
        "psychometrics, roleplay and judgment test")
    assert producer_evidence_words([]) == "no instrument"


def test_each_requirement_of_a_payload_is_checked_for_disagreeing_frames():
    from reports.hiring_report.headline import Requirement, headline
    from reports.hiring_report.headlines import frame_disagreements

    dims = [{"slug": "discovery", "name": "Discovery", "instruments": ["roleplay:call"]},
            {"slug": "closing", "name": "Closing", "instruments": ["sjt:t"]}]
    cand = {"dimensions": [{"dimension": "discovery", "percentiles": {"top": 12.0}},
                           {"dimension": "closing", "percentiles": {"top": 50.0}}]}
    head = headline([Requirement("Discovery", 1, 4, interview=4.5),
                     Requirement("Closing", 1, 3, interview=3)],
                    submitted_scorecards=2, assessment_weight=0.33)
    found = frame_disagreements(head, dims, cand)
    assert [f["name"] for f in found] == ["Discovery"]
    assert found[0]["text"].endswith("(interview against roleplay).")


@pytest.mark.django_db
def test_calibration_groups_name_their_instruments_in_words():
    """The page's "Candidates with ..." headings name tests and inventories, not their keys."""
    from reports.calibration.presentation import _groups

    groups = _groups({"groups": [
        {"instruments": ["psychometric:Sales Potential Inventory", "sjt:ae-judgment"],
         "n_candidates": 4, "usable": False},
        {"instruments": ["sjt:ae-judgment"], "n_candidates": 1, "usable": False},
    ]})
    assert groups[0]["label"] == ("the psychometric inventory “Sales Potential Inventory” and "
                                  "the situational-judgment test “ae-judgment”")
    assert groups[1]["label"] == "the situational-judgment test “ae-judgment”"
    assert not any(":" in g["label"] for g in groups)
