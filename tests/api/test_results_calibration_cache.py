"""Results read under the API's blind rule compute the opening's calibration once per
evidence: a second read with nothing changed reuses it; a submitted scorecard or a new
assessment score changes the evidence, and the next read computes it again and shows it.

The fixture is the reports' ``cohort_opening`` with the hiring manager's draft on Ada, so
the API withholds Ada's cards (the usual state of a live opening: someone still to submit).
"""

import pytest

from reports.calibration import compute
from tests.interviews.conftest import complete


@pytest.fixture
def computed(monkeypatch):
    """Every calibration computed, counted (the real function runs)."""
    calls = []
    real = compute.calibrate_opening

    def counting(opening, **kwargs):
        calls.append(opening.pk)
        return real(opening, **kwargs)

    monkeypatch.setattr(compute, "calibrate_opening", counting)
    return calls


def _interview_levels(body) -> list:
    return [row["interview"] for row in body["requirements"]]


def _another_card_on(application, user, cohort_opening):
    """A new interview of ``application`` by ``user`` with a draft asking the same questions."""
    from interviews.models import Answer, Interview, Question, Scorecard

    card = Scorecard.objects.create(
        interview=Interview.objects.create(application=application, interviewer=user))
    for order, dim in enumerate(cohort_opening.test_dims):
        question = Question.objects.filter(dimension=dim).first()
        if question is not None:
            Answer.objects.create(scorecard=card, question=question, sort_order=order)
    return card


@pytest.fixture
def ada_pending(cohort_opening, manager):
    return _another_card_on(cohort_opening.applications_by_name["Ada"], manager, cohort_opening)


def test_a_second_read_with_nothing_changed_does_not_compute_again(
        ats, ada_pending, cohort_opening, computed):
    bo = cohort_opening.applications_by_name["Bo"]
    first = ats.get(f"/applications/{bo.pk}/results").json()
    second = ats.get(f"/applications/{bo.pk}/results").json()
    assert computed == [cohort_opening.pk]
    assert second == first
    ada = cohort_opening.applications_by_name["Ada"]
    assert ats.get(f"/applications/{ada.pk}/results").json()["withheld"]
    pdf = ats.get(f"/applications/{ada.pk}/report.pdf")
    assert pdf.status_code == 200
    assert computed == [cohort_opening.pk]  # the other candidate and the PDF: same payload


def test_another_interviewers_submitted_card_is_in_the_next_read(
        ats, ada_pending, cohort_opening, computed, manager):
    bo = cohort_opening.applications_by_name["Bo"]
    before = ats.get(f"/applications/{bo.pk}/results").json()
    card = _another_card_on(bo, manager, cohort_opening)
    ats.get(f"/applications/{bo.pk}/results")  # a draft on Bo: now Bo's cards are withheld
    complete(card, manager, rating=5)
    after = ats.get(f"/applications/{bo.pk}/results").json()
    assert len(computed) == 3
    assert after["interviews"]["scorecards_submitted"] == 3
    assert after["withheld"] == [] and before["withheld"] == []
    assert _interview_levels(after)[0] > _interview_levels(before)[0]  # discovery: 2.5 -> 3.3
    assert after["computed_at"] >= before["computed_at"]


def test_when_the_pending_interviewer_submits_their_card_reaches_the_api(
        ats, ada_pending, cohort_opening, computed, manager):
    ada = cohort_opening.applications_by_name["Ada"]
    withheld = ats.get(f"/applications/{ada.pk}/results").json()
    assert withheld["interviews"]["withheld"] is True
    assert all(level is None for level in _interview_levels(withheld))
    complete(ada_pending, manager, rating=2)
    shown = ats.get(f"/applications/{ada.pk}/results").json()
    assert shown["withheld"] == [] and shown["interviews"]["scorecards_submitted"] == 3
    assert _interview_levels(shown)[0] == pytest.approx((5 + 4 + 2) / 3)


def test_a_new_assessment_score_is_in_the_next_read(ats, ada_pending, cohort_opening, computed):
    from assessments.models import PsychometricScale, PsychometricScore

    cy = cohort_opening.applications_by_name["Cy"]
    before = ats.get(f"/applications/{cy.pk}/results").json()
    ats.get(f"/applications/{cy.pk}/results")
    assert len(computed) == 1
    scale = PsychometricScale.objects.get(scale=cohort_opening.test_dims[0].name)
    PsychometricScore.objects.filter(scale=scale, candidate=cy.candidate).update(
        score=75, z_score=2.5)
    after = ats.get(f"/applications/{cy.pk}/results").json()
    assert len(computed) == 2
    assert after["requirements"][0]["assessment"] > before["requirements"][0]["assessment"]
