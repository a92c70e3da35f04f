"""The headline band follows the interview-led rule in reports/hiring_report/headline.py."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reports.hiring_report.headline import Requirement, headline, sentence, step

W = 0.33  # the role profile's default assessment weight

levels = st.floats(min_value=1, max_value=5, allow_nan=False)


def profile(interviews, assessments, *, targets=None, trainable=None, knock_outs=None,
            weights=None):
    n = len(interviews)
    return [
        Requirement(
            name=f"R{i}", weight=(weights or [1.0] * n)[i], target=(targets or [3] * n)[i],
            trainable=(trainable or [True] * n)[i], interview=interviews[i],
            assessment=assessments[i], knock_out=(knock_outs or [None] * n)[i],
        )
        for i in range(n)
    ]


def band(reqs, scorecards=1, w=W):
    return headline(reqs, submitted_scorecards=scorecards, assessment_weight=w).key


def test_hand_computed_case():
    # Levels: R0 = .67*4 + .33*5 = 4.33, R1 = 3 (interview only), R2 = 2 (assessment only).
    # Weights 2, 1, 1: level = (2*4.33 + 3 + 2) / 4 = 3.415; target 3; gap +0.415 -> Fit.
    reqs = [
        Requirement("Prospecting", 2, 3, interview=4, assessment=5),
        Requirement("Closing", 1, 3, interview=3),
        Requirement("Resilience", 1, 3, trainable=False, assessment=2),
    ]
    head = headline(reqs, submitted_scorecards=2, assessment_weight=W)
    assert head.key == "fit"
    assert abs(head.level - (2 * (0.67 * 4 + 0.33 * 5) + 3 + 2) / 4) < 1e-9
    assert abs(head.gap - (head.level - 3)) < 1e-9
    # Resilience is a trait one point below target with no interview: a risk.
    assert head.risks == ["Resilience"] and head.development_needs == []
    assert head.met == 2 and head.assessed == 3


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.floats(1, 3), levels, st.booleans(), st.booleans()),
                min_size=1, max_size=8))
def test_interviews_two_points_apart_always_change_the_band(rows):
    """Property 1: same assessments, interview ratings 2 points apart on every requirement."""
    low = [r[0] for r in rows]
    high = [r[0] + 2 for r in rows]
    assessments = [r[1] if r[2] else None for r in rows]
    trainable = [r[3] for r in rows]
    a = band(profile(low, assessments, trainable=trainable))
    b = band(profile(high, assessments, trainable=trainable))
    assert a != b
    assert step(a, b) >= 1


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(levels, st.floats(1, 3), st.booleans(), st.floats(0.1, 3)),
                min_size=1, max_size=8),
       st.sampled_from([2, 3, 4]))
def test_assessments_two_points_apart_move_the_band_at_most_one_step(rows, target):
    """Property 2: same interviews, assessment levels 2 points apart on every requirement."""
    interviews = [r[0] for r in rows]
    low = [r[1] for r in rows]
    high = [r[1] + 2 for r in rows]
    kwargs = dict(targets=[target] * len(rows), trainable=[r[2] for r in rows],
                  weights=[r[3] for r in rows])
    a = band(profile(interviews, low, **kwargs))
    b = band(profile(interviews, high, **kwargs))
    assert step(a, b) <= 1


def test_no_band_without_a_submitted_scorecard():
    reqs = profile([None, None], [5, 5])
    head = headline(reqs, submitted_scorecards=0, assessment_weight=W)
    assert head.key == "insufficient"
    assert "scorecard" in head.reason
    # The same evidence with a submitted card would have been a strong fit.
    assert band(reqs, scorecards=1) == "strong_fit"


def test_no_band_below_sixty_percent_of_the_weight_and_it_says_what_is_missing():
    reqs = profile([4, None, None], [None, None, None], weights=[1.1, 1, 0.9])
    head = headline(reqs, submitted_scorecards=1, assessment_weight=W)
    assert head.key == "insufficient"
    assert head.coverage == 1.1 / 3
    assert "R1 and R2" in head.reason and "37%" in head.reason
    # At 60 % exactly the band is given.
    reqs = profile([4, 4, None], [None, None, None], weights=[0.3, 0.3, 0.4])
    assert band(reqs) == "strong_fit"


def test_a_missed_knock_out_is_poor_fit_whatever_the_rest():
    reqs = profile([5, 1.5], [5, 5], knock_outs=[None, 2])
    head = headline(reqs, submitted_scorecards=3, assessment_weight=W)
    assert head.key == "poor_fit" and head.knock_outs_missed == ["R1"]


def test_trainable_shortfall_is_a_development_need_and_a_trait_shortfall_a_risk():
    # Both requirements 2 points below target on one of four requirements; gap is high.
    trainable = headline(profile([5, 5, 5, 1], [None] * 4, trainable=[True] * 4),
                         submitted_scorecards=1, assessment_weight=W)
    trait = headline(profile([5, 5, 5, 1], [None] * 4, trainable=[True, True, True, False]),
                     submitted_scorecards=1, assessment_weight=W)
    assert trainable.gap == trait.gap == 1.0
    assert trainable.key == "strong_fit" and trainable.development_needs == ["R3"]
    assert trait.key == "fit" and trait.risks == ["R3"]
    assert "risk on R3" in trait.reason


def test_a_trait_the_interviews_saw_at_target_is_not_a_risk():
    head = headline(profile([3], [1], trainable=[False]), submitted_scorecards=1,
                    assessment_weight=0.9)
    assert head.rows[0].level < 2.5 and head.risks == []


def test_the_band_takes_no_producer_comparison():
    """Property 4 (first half): the rule has no input for the producer posterior."""
    import inspect

    assert set(inspect.signature(headline).parameters) == {
        "requirements", "submitted_scorecards", "assessment_weight"}


def test_the_sentence_names_the_shortfalls_and_the_interviewers():
    reqs = [Requirement("Prospecting", 1, 3, interview=4),
            Requirement("Negotiating", 1, 3, interview=2.5),
            Requirement("Closing", 1, 3, interview=3.5)]
    head = headline(reqs, submitted_scorecards=3, assessment_weight=W)
    text = sentence(head, recommendations=[("Yes", 3), ("No", 0)],
                    producer_comparison="the producer comparison is not usable for this opening")
    assert text == ("Fit: meets 2 of 3 requirements at or above target; below target on "
                    "Negotiating (2.5 against 3); interviewers recommend: 3 yes (of 3); "
                    "the producer comparison is not usable for this opening.")


def test_the_sentence_says_a_trait_for_one_risk_and_traits_for_several():
    one = headline(profile([5, 5, 5, 1], [None] * 4, trainable=[True, True, True, False]),
                   submitted_scorecards=1, assessment_weight=W)
    two = headline(profile([5, 5, 1, 1], [None] * 4, trainable=[True, True, False, False]),
                   submitted_scorecards=1, assessment_weight=W)
    assert "risk on R3 (a trait)" in sentence(one)
    assert two.risks == ["R2", "R3"]
    assert "risk on R2 and R3 (traits)" in sentence(two)
    assert "(a trait)" not in sentence(two)
