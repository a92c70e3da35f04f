"""The signed link: forged, expired, one attempt, answers validated, nothing changed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments import delivery
from assessments.models import SJTAttempt

from .conftest import options_of

pytestmark = pytest.mark.django_db


def start(anon, link):
    response = anon.post(link + "start/")
    assert response.status_code == 302
    return SJTAttempt.objects.get()


def test_instructions_then_start_then_resume(anon, link, sjt_test):
    page = anon.get(link)
    assert page.status_code == 200
    assert b"Start the test" in page.content and b"Read and rate." in page.content
    attempt = start(anon, link)
    page = anon.get(link)
    assert b"<legend>Scenario 1 of 2: Scenario 1</legend>" in page.content
    assert b'<label for="id_s' in page.content
    first = options_of(sjt_test)[0][0]
    anon.post(link + "answers/", {f"s{sjt_test.scenarios.first().pk}-o{first}": "4"})
    # A reload or a new browser resumes with the saved answer; starting again is harmless.
    anon.post(link + "start/")
    assert SJTAttempt.objects.count() == 1
    page = anon.get(link)
    assert b'<option value="4" selected>' in page.content
    attempt.refresh_from_db()
    assert attempt.started_at == SJTAttempt.objects.get().started_at


@pytest.mark.parametrize("mangle", [
    lambda t: t[:-3] + ("abc" if not t.endswith("abc") else "xyz"),
    lambda t: "eyJpIjoxLCJuIjoieCJ9:1abcde:forged",
    lambda t: "nonsense",
])
def test_forged_link_is_refused(anon, invitation, mangle):
    token = delivery.token_for(invitation)
    response = anon.get(f"/assessments/t/{mangle(token)}/")
    assert response.status_code == 403
    assert b"This link is not valid" in response.content
    assert anon.post(f"/assessments/t/{mangle(token)}/start/").status_code == 403
    assert not SJTAttempt.objects.exists()


def test_link_with_right_id_but_wrong_nonce_is_refused(anon, invitation):
    from django.core import signing

    token = signing.dumps({"i": invitation.pk, "n": "guess"}, salt=delivery.SALT)
    assert anon.get(f"/assessments/t/{token}/").status_code == 403


def test_expired_link_is_refused(anon, invitation, link):
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    response = anon.get(link)
    assert response.status_code == 410
    assert b"This link has expired" in response.content
    assert anon.post(link + "start/").status_code == 410
    assert not SJTAttempt.objects.exists()


def test_started_attempt_continues_after_link_expiry(anon, invitation, link):
    start(anon, link)
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    assert anon.get(link).status_code == 200


def test_submit_once_then_everything_is_refused(anon, link, sjt_test):
    attempt = start(anon, link)
    s1 = sjt_test.scenarios.order_by("sort_order").first()
    o = options_of(sjt_test)[0]
    answers = {f"s{s1.pk}-o{pk}": str(k) for pk, k in zip(o, [5, 4, 2, 1], strict=True)}
    # scenario 2 is left unanswered, so the submit is confirmed
    done = anon.post(link + "answers/", {**answers, "action": "submit-confirmed"})
    assert done.status_code == 200 and b"Thank you" in done.content
    attempt.refresh_from_db()
    assert attempt.completion == "submitted"
    assert attempt.scenario_scores[str(s1.pk)] == 1.0
    # second submit, a save, a restart and a reload: all refused, nothing changed
    again = anon.post(link + "answers/", {f"s{s1.pk}-o{o[0]}": "1", "action": "submit"})
    assert again.status_code == 410 and b"This test is complete" in again.content
    assert anon.post(link + "answers/", {f"s{s1.pk}-o{o[0]}": "1"},
                     HTTP_X_AUTOSAVE="1").status_code == 410
    assert anon.post(link + "start/").status_code == 410
    assert anon.get(link).status_code == 410
    before = attempt.answers
    attempt.refresh_from_db()
    assert attempt.answers == before and attempt.completion == "submitted"


def test_person_cannot_be_invited_twice_after_an_attempt(invitation, sjt_test, manager, anon,
                                                         link):
    again, created = delivery.invite(test=sjt_test, by=manager, candidate=invitation.candidate)
    assert again == invitation and not created   # an open invitation is reused
    start(anon, link)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        delivery.invite(test=sjt_test, by=manager, candidate=invitation.candidate)


@pytest.mark.parametrize("field_value", [
    ("other_scenario_option", "3"),
    ("rating", "6"),
    ("rating", "0"),
    ("rating", "x"),
    ("unknown_scenario", "3"),
])
def test_invalid_answers_are_refused_and_nothing_changes(anon, link, sjt_test, field_value):
    attempt = start(anon, link)
    s1, s2 = list(sjt_test.scenarios.order_by("sort_order"))
    o1, o2 = options_of(sjt_test)
    anon.post(link + "answers/", {f"s{s1.pk}-o{o1[0]}": "5"})
    kind, value = field_value
    bad = {
        "other_scenario_option": {f"s{s1.pk}-o{o2[0]}": value},
        "rating": {f"s{s1.pk}-o{o1[1]}": value},
        "unknown_scenario": {f"s999999-o{o1[1]}": value},
    }[kind]
    response = anon.post(link + "answers/", {f"s{s1.pk}-o{o1[0]}": "2", **bad})
    assert response.status_code == 400
    assert b"Nothing was changed" in response.content
    json_response = anon.post(link + "answers/", bad, HTTP_X_AUTOSAVE="1")
    assert json_response.status_code == 400 and json_response.json()["ok"] is False
    attempt.refresh_from_db()
    assert attempt.answers == {str(s1.pk): {str(o1[0]): 5}}


def test_most_least_validation(anon, most_least_test, application, manager):
    invitation, _ = delivery.invite(test=most_least_test, by=manager,
                                    candidate=application.candidate)
    link = delivery.link_path(invitation)
    attempt = start(anon, link)
    s1, s2 = list(most_least_test.scenarios.order_by("sort_order"))
    o1, o2 = options_of(most_least_test)
    assert anon.post(link + "answers/", {f"s{s1.pk}-most": str(o2[0])}).status_code == 400
    assert anon.post(link + "answers/", {f"s{s1.pk}-most": str(o1[0]),
                                         f"s{s1.pk}-least": str(o1[0])}).status_code == 400
    assert anon.post(link + "answers/", {f"s{s1.pk}-o{o1[0]}": "3"}).status_code == 400
    ok = anon.post(link + "answers/", {f"s{s1.pk}-most": str(o1[0]),
                                       f"s{s1.pk}-least": str(o1[3]),
                                       "action": "submit-confirmed"})
    assert ok.status_code == 200
    attempt.refresh_from_db()
    assert attempt.scenario_scores == {str(s1.pk): 2.0}         # scenario 2 unanswered: left out
    assert attempt.total_score == 2.0
    assert (attempt.items_answered, attempt.items_total) == (2, 4)


def test_autosave_answers_json(anon, link, sjt_test):
    start(anon, link)
    s1 = sjt_test.scenarios.order_by("sort_order").first()
    o1 = options_of(sjt_test)[0]
    response = anon.post(link + "answers/", {f"s{s1.pk}-o{o1[2]}": "2"}, HTTP_X_AUTOSAVE="1")
    body = response.json()
    assert response.status_code == 200 and body["ok"] is True
    assert 0 < body["seconds_left"] <= 30 * 60
    assert SJTAttempt.objects.get().answers == {str(s1.pk): {str(o1[2]): 2}}


def test_test_is_pinned_to_the_revision_it_was_sent_with(anon, link, sjt_test):
    """Editing and republishing the test does not change an invitation already sent."""
    sjt_test.title = "Renamed"
    sjt_test.save_revision().publish()
    start(anon, link)
    page = anon.get(link)
    assert b"Test judgment" in page.content and b"Renamed" not in page.content
