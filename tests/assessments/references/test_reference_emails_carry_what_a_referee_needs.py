"""Reference emails name the company, what is asked, how long it takes, the deadline and
whom to write to for an adjustment."""

import datetime

import pytest
from django.core import mail

from assessments.references import nomination

pytestmark = pytest.mark.django_db


@pytest.fixture
def branded(settings):
    settings.SELECTION_COMPANY_NAME = "Nordlicht AB"
    settings.SELECTION_ADJUSTMENTS_CONTACT = "talent@nordlicht.example"


def _parts(message):
    html, = [body for body, kind in message.alternatives if kind == "text/html"]
    return message.body, html


def test_reference_emails_name_company_time_deadline_and_adjustments_contact(
        branded, reference_request, finalist):
    nomination.send_candidate_email(reference_request)
    referee = reference_request.referees.create(
        name="Max <b>Mustermann</b>", email="max@acme.example", relationship="manager",
        company="Acme", worked_from=datetime.date(2020, 1, 1))
    nomination.send_referee_email(referee, reminder=True)
    for message in mail.outbox:
        text, html = _parts(message)
        for part in (text, html):
            assert "Nordlicht AB" in part and "talent@nordlicht.example" in part
            assert "ten minutes" in part and "expires on" in part
            assert finalist.opening.title in part
        assert "<b>Mustermann" not in html
    assert len(mail.outbox) == 2
