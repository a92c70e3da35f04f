"""The manager fills every interviewer's time on one page; one bad row saves nothing."""

import pytest

from interviews.models import Interview
from tests.interviews.conftest import book

pytestmark = pytest.mark.django_db


def url(application):
    return f"/interviews/openings/{application.opening.slug}/candidates/{application.pk}/times/"


def form_data(application, **changes):
    data = {}
    for n, interview in enumerate(Interview.objects.filter(application=application)
                                  .order_by("pk")):
        prefix = f"i{interview.pk}"
        data.update({f"{prefix}-date": "2031-03-04", f"{prefix}-start": f"{9 + n:02d}:00",
                     f"{prefix}-duration": "45", f"{prefix}-time_zone": "Europe/Stockholm",
                     f"{prefix}-location": "", f"{prefix}-video_link":
                     "https://meet.example.com/abc", f"{prefix}-reason": ""})
    data.update(changes)
    return data


def test_scheduling_from_the_plan_leads_to_the_page_with_one_proposed_slot_each(
        client, planned, application, manager):
    client.force_login(manager)
    response = client.post(
        f"/interviews/openings/{application.opening.slug}/candidates/{application.pk}/schedule/")
    assert response["Location"] == url(application)
    page = client.get(url(application)).content.decode()
    assert page.count("proposed slot below") == 3
    assert page.count('value="09:00"') == 1 and 'value="10:15"' in page  # back to back
    assert 'list="time-zones"' in page and '<option value="Europe/Stockholm">' in page


def test_saving_the_page_schedules_everyone_and_sends_invitations(client, scheduled, manager,
                                                                  mailed, mailoutbox):
    client.force_login(manager)
    with mailed():
        response = client.post(url(scheduled), form_data(scheduled))
    assert response.status_code == 302
    assert Interview.objects.filter(status=Interview.SCHEDULED).count() == 3
    assert {m.to[0] for m in mailoutbox} == {
        i.interviewer.email for i in Interview.objects.select_related("interviewer")}
    page = client.get(url(scheduled)).content.decode()
    assert "Tuesday 4 March 2031" not in page  # the form shows fields, the panel shows words
    candidate_page = client.get(scheduled.get_absolute_url()).content.decode()
    assert "Tuesday 4 March 2031, 09:00–09:45 (Europe/Stockholm)" in candidate_page


def test_one_bad_row_refuses_the_whole_page(client, scheduled, manager, mailed, mailoutbox):
    client.force_login(manager)
    last = Interview.objects.filter(application=scheduled).order_by("pk").last()
    data = form_data(scheduled, **{f"i{last.pk}-time_zone": "Mars/Olympus"})
    with mailed():
        response = client.post(url(scheduled), data)
    assert response.status_code == 400
    assert "Use a time zone name such as Europe/Stockholm." in response.content.decode()
    assert not Interview.objects.filter(status=Interview.SCHEDULED).exists()
    assert mailoutbox == []


def test_nowhere_is_refused_on_the_row_it_concerns(client, scheduled, manager):
    client.force_login(manager)
    first = Interview.objects.filter(application=scheduled).order_by("pk").first()
    data = form_data(scheduled, **{f"i{first.pk}-video_link": ""})
    response = client.post(url(scheduled), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Say where it happens" in page
    assert not Interview.objects.filter(status=Interview.SCHEDULED).exists()


def test_cancel_from_the_page_needs_a_reason_and_keeps_it(client, scheduled, manager,
                                                          mailed):
    from datetime import datetime

    with mailed():
        book(scheduled, manager, datetime(2031, 3, 4, 9, 0))
    client.force_login(manager)
    first = Interview.objects.filter(application=scheduled).order_by("pk").first()
    data = form_data(scheduled, **{f"i{first.pk}-cancel": "on"})
    assert client.post(url(scheduled), data).status_code == 400
    first.refresh_from_db()
    assert first.status == Interview.SCHEDULED
    data[f"i{first.pk}-reason"] = "Interviewer is ill."
    with mailed():
        assert client.post(url(scheduled), data).status_code == 302
    first.refresh_from_db()
    assert (first.status, first.cancel_reason) == (Interview.CANCELLED, "Interviewer is ill.")
    assert "Interviewer is ill." in client.get(url(scheduled)).content.decode()


def test_other_managers_cannot_open_the_page(client, scheduled, other_manager, interviewer):
    for person in (other_manager, interviewer):
        client.force_login(person)
        assert client.get(url(scheduled)).status_code == 403
