"""A hire that starts becomes a producer by a link; the candidate's evidence stays theirs."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from assessments.models import PsychometricScale, PsychometricScore
from selection.hires import start_hire
from selection.models import Producer
from tests import factories


@pytest.fixture
def hired(opening):
    return factories.make_application(opening, "Hana", "Ito", stage="hired")


def test_hire_becomes_producer_linked_and_evidence_remains_the_candidates(hired, library):
    scale = PsychometricScale.objects.create(instrument="Inventory", scale="Drive",
                                             dimension=library["resilience"])
    PsychometricScore.objects.create(scale=scale, candidate=hired.candidate, score_type="t",
                                     score=60, z_score=1.0)
    producer = start_hire(hired, start_date=date(2026, 1, 5))
    assert producer.hire_id == hired.pk
    assert hired.producer == producer  # the reverse link
    assert (producer.email, producer.hire_date) == (hired.candidate.email, date(2026, 1, 5))
    # Nothing was copied: the score is still the candidate's, the producer has none.
    assert PsychometricScore.objects.get().candidate_id == hired.candidate_id
    assert not PsychometricScore.objects.filter(producer=producer).exists()
    # Recording the start again gives the same producer.
    assert start_hire(hired, start_date=date(2026, 2, 1)).pk == producer.pk
    assert Producer.objects.count() == 1


def test_only_a_hired_candidate_can_start(application):
    with pytest.raises(ValidationError, match="Only a hired candidate"):
        start_hire(application, start_date=date(2026, 1, 5))
    assert not Producer.objects.exists()


def test_a_producer_with_the_same_email_is_not_replaced(hired):
    Producer.objects.create(first_name="H", last_name="I", email=hired.candidate.email.upper())
    with pytest.raises(ValidationError, match="exists already"):
        start_hire(hired, start_date=date(2026, 1, 5))
    assert Producer.objects.count() == 1


def test_manager_records_the_start_on_the_candidate_page(client, manager, hired):
    client.force_login(manager)
    page = client.get(hired.get_absolute_url())
    assert b"Record the start" in page.content
    response = client.post(f"/openings/{hired.opening.slug}/candidates/{hired.pk}/start/",
                           {"start_date": "2026-01-05"})
    assert response.status_code == 302
    assert Producer.objects.get().hire_id == hired.pk
    assert b"now a producer" in client.get(hired.get_absolute_url()).content


def test_interviewer_cannot_record_a_start(client, interviewer, hired):
    client.force_login(interviewer)
    response = client.post(f"/openings/{hired.opening.slug}/candidates/{hired.pk}/start/",
                           {"start_date": "2026-01-05"})
    assert response.status_code == 403
    assert not Producer.objects.exists()
