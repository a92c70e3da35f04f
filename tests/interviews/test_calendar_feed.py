"""Each person's read-only calendar feed: the secret token is the key, reset kills it."""

from datetime import datetime

import icalendar
import pytest

from interviews import feeds, scheduling
from interviews.models import Interview
from tests.interviews.conftest import book

pytestmark = pytest.mark.django_db


def feed_url(user):
    return f"/interviews/calendar/{feeds.feed_for(user).token}.ics"


def test_the_feed_lists_only_its_owners_interviews_in_their_time_zone(
        client, scheduled, manager, interviewer, interviewer2, mailed):
    with mailed():
        book(scheduled, manager, datetime(2031, 3, 4, 9, 0), zone="America/New_York")
    response = client.get(feed_url(interviewer))  # no login: calendar apps cannot log in
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.content)
    events = list(cal.walk("VEVENT"))
    mine = Interview.objects.get(application=scheduled, interviewer=interviewer)
    assert [str(e["UID"]) for e in events] == [f"interview-{mine.pk}@127.0.0.1"]
    start = events[0].decoded("DTSTART")
    assert (start.hour, str(start.tzinfo)) == (9 + [i.pk for i in scheduling.interviews_of(
        scheduled)].index(mine.pk), "America/New_York")
    assert "METHOD" not in cal  # a subscription, not an invitation
    other = client.get(feed_url(interviewer2)).content.decode()
    assert f"interview-{mine.pk}@" not in other


def test_a_wrong_token_finds_nothing(client, scheduled):
    assert client.get("/interviews/calendar/not-a-token.ics").status_code == 404


def test_reset_gives_a_new_address_and_the_old_one_stops_working(client, interviewer):
    old = feed_url(interviewer)
    assert client.get(old).status_code == 200
    client.force_login(interviewer)
    page = client.get("/people/me/notifications/").content.decode()
    assert old in page
    response = client.post("/interviews/calendar/reset/")
    assert response["Location"] == "/people/me/notifications/"
    new = feed_url(interviewer)
    assert new != old
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_cancelled_interviews_stay_in_the_feed_as_cancelled(client, scheduled, manager,
                                                            interviewer, mailed):
    with mailed():
        book(scheduled, manager, datetime(2031, 3, 4, 9, 0), only=interviewer)
        interview = Interview.objects.get(application=scheduled, interviewer=interviewer)
        scheduling.cancel_interview(interview=interview, reason="Moved to next week.",
                                    by=manager)
    cal = icalendar.Calendar.from_ical(client.get(feed_url(interviewer)).content)
    event, = cal.walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED" and int(event["SEQUENCE"]) == 1
