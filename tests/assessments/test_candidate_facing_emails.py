"""What a candidate (or referee) is told by email: who asks, what it is, how long it takes,
the deadline, and whom to write to for an adjustment; the test's last page says what next."""

import pytest
from django.core import mail
from django.utils import timezone

from assessments import delivery

from .conftest import options_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def branded(settings):
    settings.SELECTION_COMPANY_NAME = "Nordlicht AB"
    settings.SELECTION_ADJUSTMENTS_CONTACT = "talent@nordlicht.example"


def _parts(message):
    html, = [body for body, kind in message.alternatives if kind == "text/html"]
    return message.body, html


def test_sjt_invitation_names_company_time_limit_deadline_and_adjustments_contact(
        branded, invitation, sjt_test):
    delivery.send_invitation_email(invitation)
    message, = mail.outbox
    assert "Nordlicht AB" in message.subject
    expires = timezone.localtime(invitation.expires_at)
    for part in _parts(message):
        assert "Nordlicht AB" in part and "situational judgement test" in part
        assert f"{sjt_test.time_limit_minutes} minutes" in part
        assert expires.strftime("%H:%M") in part and str(expires.year) in part
        assert "talent@nordlicht.example" in part and "adjustment" in part
        assert "/assessments/t/" in part


def test_sjt_last_page_says_what_happens_next(branded, anon, link, sjt_test):
    anon.post(link + "start/")
    answers = {}
    scenarios = sjt_test.scenarios.order_by("sort_order")
    for scenario, ids in zip(scenarios, options_of(sjt_test), strict=False):
        answers.update({f"s{scenario.pk}-o{pk}": str(k)
                        for pk, k in zip(ids, [5, 4, 2, 1], strict=False)})
    done = anon.post(link + "answers/", {**answers, "action": "submit-confirmed"})
    page = done.content.decode()
    assert done.status_code == 200 and "What happens next" in page
    assert "Nordlicht AB" in page and "will contact you" in page
    assert "talent@nordlicht.example" in page
