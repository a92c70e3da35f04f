"""Inviting from the candidate page and the producer page: link shown, emailed, expiry."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from assessments.models import SJTInvitation
from tests import factories

from .conftest import login

pytestmark = pytest.mark.django_db


def test_manager_invites_candidate_from_candidate_page(client, manager, application, sjt_test,
                                                       settings):
    settings.SELECTION_CANDIDATE_LINK_DAYS = 3
    login(client, manager)
    page = client.get(application.get_absolute_url())
    assert b"Invite to SJT" in page.content
    response = client.post(f"/assessments/candidates/{application.pk}/sjt/",
                           {"test": sjt_test.pk})
    assert response.status_code in (302, 303)
    invitation = SJTInvitation.objects.get()
    assert invitation.candidate == application.candidate and invitation.invited_by == manager
    assert abs(invitation.expires_at - timezone.now() - timedelta(days=3)) < timedelta(minutes=1)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [application.candidate.email]
    link = re.search(r"https?://\S+/assessments/t/\S+/", mail.outbox[0].body)[0]
    assert link.startswith(settings.SELECTION_BASE_URL + "/assessments/t/")
    assert client.get(link.removeprefix(settings.SELECTION_BASE_URL)).status_code == 200
    page = client.get(application.get_absolute_url())
    assert b'readonly id="link-' in page.content and b"Not started" in page.content


def test_unpublished_test_cannot_be_used(client, hr, application, sjt_test):
    sjt_test.unpublish()
    login(client, hr)
    client.post(f"/assessments/candidates/{application.pk}/sjt/", {"test": sjt_test.pk})
    assert not SJTInvitation.objects.exists()


def test_hr_invites_producers_in_bulk(client, hr, sjt_test):
    producers = [factories.make_producer(n, "90") for n in range(3)]
    login(client, hr)
    response = client.post("/assessments/producers/", {
        "producer": [p.pk for p in producers[:2]], "test": sjt_test.pk, "action": "invite"})
    assert response.status_code == 302
    assert set(SJTInvitation.objects.values_list("producer_id", flat=True)) == {
        producers[0].pk, producers[1].pk}
    assert len(mail.outbox) == 2
    page = client.get("/assessments/producers/")
    assert page.content.count(b"invited</span>") == 2
