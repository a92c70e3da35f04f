"""The candidate's voluntary self-identification step, reached from the test link: a
privacy notice, 'Prefer not to say', stored apart, never shown to anyone who scores."""

import re

import pytest

from assessments import delivery
from reports.models import SelfIdentification
from tests import factories

from .conftest import login

LABEL = "Quokka-group-5521"  # unmistakable, so any leak is found


@pytest.fixture(autouse=True)
def _groups(settings):
    settings.SELECTION_SELF_ID_GROUPS = [LABEL, "Another group"]


def _about(link):
    return link.rstrip("/") + "/about-you/"


def test_test_link_leads_to_the_step_before_the_start_and_after_submitting(anon, link,
                                                                           invitation):
    page = anon.get(link).content.decode()
    assert _about(link) in page and "Optional: about you" in page
    delivery.start_attempt(invitation)
    response = anon.post(link.rstrip("/") + "/answers/", {"action": "submit-confirmed"})
    assert response.status_code == 200 and _about(link) in response.content.decode()


def test_page_has_the_privacy_notice_and_prefer_not_to_say_chosen(anon, link):
    response = anon.get(_about(link))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Privacy notice" in html and "voluntary" in html
    assert "never see it" in html
    checked = re.findall(r'<input type="radio" name="group" value="([^"]*)"[^>]* checked', html)
    assert checked == [""]  # "Prefer not to say" is chosen until the candidate changes it
    assert "Prefer not to say" in html and LABEL in html


def test_an_answer_with_consent_is_stored_apart_and_counts(anon, link, invitation):
    response = anon.post(_about(link), {"group": LABEL, "consent": "on"})
    assert response.status_code == 302 and response["Location"].endswith("?saved=1")
    record = SelfIdentification.objects.get(candidate=invitation.candidate)
    assert record.usable_group == LABEL and record.consent_given_at is not None
    # the page never shows an earlier answer back to whoever holds the link
    html = anon.get(response["Location"]).content.decode()
    assert "your answer is saved" in html
    checked = re.findall(r'<input type="radio" name="group" value="([^"]*)"[^>]* checked', html)
    assert checked == [""]


@pytest.mark.parametrize(
    "data,message",
    [
        ({"group": LABEL}, "tick the box"),
        ({"group": "Invented group", "consent": "on"}, "Invented group is not one of"),
    ],
)
def test_refused_answers_save_nothing(anon, link, invitation, data, message):
    response = anon.post(_about(link), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SelfIdentification.objects.filter(candidate=invitation.candidate).exists()


def test_prefer_not_to_say_withdraws_an_earlier_answer(anon, link, invitation):
    anon.post(_about(link), {"group": LABEL, "consent": "on"})
    anon.post(_about(link), {"group": ""})
    record = SelfIdentification.objects.get(candidate=invitation.candidate)
    assert record.group_label == "" and record.consent_given_at is None
    assert record.usable_group is None


def test_nobody_who_scores_sees_the_answer(anon, link, invitation, application, manager,
                                           interviewer, client):
    anon.post(_about(link), {"group": LABEL, "consent": "on"})
    opening = application.opening
    pages = [application.get_absolute_url(), opening.get_absolute_url(),
             f"/reports/openings/{opening.slug}/calibration/"]
    for user in (manager, interviewer):
        login(client, user)
        for page in pages:
            response = client.get(page)
            assert LABEL not in response.content.decode(), (user, page)
    assert LABEL not in anon.get(link).content.decode().replace(_about(link), "")


def test_forged_links_and_producers_are_refused(anon, sjt_test, manager, link):
    assert anon.get(_about(link[:-3] + "xx/")).status_code == 403
    producer = factories.make_producer(1, "100")
    inv, _ = delivery.invite(test=sjt_test, by=manager, producer=producer)
    producer_link = delivery.link_path(inv)
    assert anon.get(_about(producer_link)).status_code == 404
    assert "Optional: about you" not in anon.get(producer_link).content.decode()
    assert not SelfIdentification.objects.exists()
