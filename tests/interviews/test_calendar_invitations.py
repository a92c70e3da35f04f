"""Invitations carry an iCalendar file: REQUEST with a stable UID, SEQUENCE up on every
change, CANCEL on cancel, times in the interview's own time zone. Parsed back with
``icalendar``, the library that wrote them."""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest

from interviews import scheduling
from interviews.models import Interview, InterviewChange
from tests.interviews.conftest import book, card_of

pytestmark = pytest.mark.django_db
TOMORROW_9 = datetime(2031, 3, 4, 9, 0)  # a Tuesday; Stockholm is UTC+1 in March


def ics_of(message):
    (name, content, mimetype), = message.attachments
    assert mimetype.startswith("text/calendar")
    return icalendar.Calendar.from_ical(content), mimetype


def event_of(cal):
    events = list(cal.walk("VEVENT"))
    assert len(events) == 1
    return events[0]


def to(outbox, address):
    return [m for m in outbox if m.to == [address]]


def test_invitation_is_a_request_at_nine_stockholm_time(scheduled, manager, interviewer,
                                                        mailed, mailoutbox):
    with mailed():
        book(scheduled, manager, TOMORROW_9, only=interviewer)
    message, = to(mailoutbox, interviewer.email)
    cal, mimetype = ics_of(message)
    assert cal["METHOD"] == "REQUEST" and "method=REQUEST" in mimetype
    event = event_of(cal)
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute, str(start.tzinfo)) == (9, 0, "Europe/Stockholm")
    assert start.utcoffset().total_seconds() == 3600
    assert event.decoded("DTEND") - start == timedelta(hours=1)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    assert int(event["SEQUENCE"]) == 0
    assert str(event["LOCATION"]) == "Room 4, Stureplan 2"
    interview = Interview.objects.get(application=scheduled, interviewer=interviewer)
    assert interview.starts_at == datetime(2031, 3, 4, 8, 0, tzinfo=UTC)
    assert "Tuesday 4 March 2031, 09:00–10:00 (Europe/Stockholm)" in message.subject


def test_moving_keeps_the_uid_and_raises_the_sequence_then_cancel(scheduled, manager,
                                                                  interviewer, mailed,
                                                                  mailoutbox):
    with mailed():
        book(scheduled, manager, TOMORROW_9, only=interviewer)
    with mailed():
        book(scheduled, manager, datetime(2031, 3, 5, 14, 30), only=interviewer,
             reason="The candidate asked for the afternoon.")
    interview = Interview.objects.get(application=scheduled, interviewer=interviewer)
    with mailed():
        assert scheduling.cancel_interview(interview=interview, reason="Candidate withdrew.",
                                           by=manager)
    first, moved, cancelled = to(mailoutbox, interviewer.email)
    events = [event_of(ics_of(m)[0]) for m in (first, moved, cancelled)]
    assert len({str(e["UID"]) for e in events}) == 1
    assert [int(e["SEQUENCE"]) for e in events] == [0, 1, 2]
    assert events[1].decoded("DTSTART").strftime("%d %H:%M") == "05 14:30"
    assert ics_of(cancelled)[0]["METHOD"] == "CANCEL"
    assert str(events[2]["STATUS"]) == "CANCELLED"
    assert "moved" in moved.subject.lower() and "cancelled" in cancelled.subject.lower()
    history = list(interview.changes.order_by("changed_at", "pk"))
    assert [c.action for c in history] == [InterviewChange.SCHEDULED, InterviewChange.MOVED,
                                           InterviewChange.CANCELLED]
    assert history[1].reason == "The candidate asked for the afternoon."
    assert history[1].previous_starts_at.hour == 8  # 09:00 Stockholm, kept in UTC
    assert history[2].reason == "Candidate withdrew."


def test_saving_the_same_times_again_sends_nothing(scheduled, manager, mailed, mailoutbox):
    with mailed():
        book(scheduled, manager, TOMORROW_9)
    sent = len(mailoutbox)
    with mailed():
        counts = book(scheduled, manager, TOMORROW_9)
    assert counts == {"scheduled": 0, "moved": 0, "cancelled": 0}
    assert len(mailoutbox) == sent == 3
    assert set(Interview.objects.values_list("sequence", flat=True)) == {0}


def test_interviewer_email_has_both_parts_and_links_to_scorecard_and_questions(
        scheduled, manager, interviewer, mailed, mailoutbox, settings):
    with mailed():
        book(scheduled, manager, TOMORROW_9, only=interviewer)
    message, = to(mailoutbox, interviewer.email)
    card = card_of(interviewer, scheduled)
    html, = [body for body, kind in message.alternatives if kind == "text/html"]
    link = f"{settings.SELECTION_BASE_URL}/interviews/scorecards/{card.pk}/"
    for part in (message.body, html):
        assert link in part and f"{link}#questions" in part
        assert "Ada Lovelace" in part and "09:00" in part
    assert "<a href=" in html and "<a href=" not in message.body
    description = str(event_of(ics_of(message)[0])["DESCRIPTION"])
    assert link in description


def test_candidate_invitation_only_when_ticked_and_never_with_internal_links(
        scheduled, manager, mailed, mailoutbox, settings):
    settings.SELECTION_COMPANY_NAME = "Nordlicht AB"
    settings.SELECTION_ADJUSTMENTS_CONTACT = "talent@nordlicht.example"
    candidate = scheduled.candidate
    with mailed():
        book(scheduled, manager, TOMORROW_9)
    assert to(mailoutbox, candidate.email) == []
    with mailed():
        book(scheduled, manager, TOMORROW_9, invite_candidate=True)
    mails = to(mailoutbox, candidate.email)
    assert len(mails) == 3  # one per interview, each with its own event
    for message in mails:
        html, = [body for body, kind in message.alternatives if kind == "text/html"]
        event = event_of(ics_of(message)[0])
        for text in (message.body, html, str(event["DESCRIPTION"]), str(event["SUMMARY"])):
            assert "/interviews/" not in text and "scorecard" not in text.lower()
        for text in (message.body, html):
            assert "Nordlicht AB" in text and "talent@nordlicht.example" in text
            assert "60 minutes" in text and "adjustment" in text
            assert "Tuesday 4 March 2031, " in text and "(Europe/Stockholm)" in text  # when
    interview = Interview.objects.filter(application=scheduled).first()
    with mailed():
        scheduling.cancel_interview(interview=interview, reason="Panel changed.", by=manager)
    cancel = to(mailoutbox, candidate.email)[-1]
    assert ics_of(cancel)[0]["METHOD"] == "CANCEL"
    assert "Panel changed" not in cancel.body  # the internal reason stays internal


def test_a_bad_row_saves_nothing_and_mails_nobody(scheduled, manager, mailed, mailoutbox):
    interviews = scheduling.interviews_of(scheduled)
    slots = [scheduling.Slot(interview=i, starts_local=TOMORROW_9, duration_minutes=60,
                             time_zone="Europe/Stockholm", location="Room 1")
             for i in interviews]
    slots[-1].location = ""  # nowhere
    with mailed(), pytest.raises(scheduling.ValidationError) as refused:
        scheduling.save_schedule(application=scheduled, slots=slots, by=manager)
    assert str(interviews[-1].pk) in refused.value.error_dict
    assert not Interview.objects.filter(status=Interview.SCHEDULED).exists()
    assert mailoutbox == []


def test_cancelling_needs_a_reason(scheduled, manager):
    interview = Interview.objects.filter(application=scheduled).first()
    with pytest.raises(scheduling.ValidationError):
        scheduling.cancel_interview(interview=interview, reason="  ", by=manager)
    interview.refresh_from_db()
    assert interview.status == Interview.UNSCHEDULED


def test_a_time_the_clocks_skip_is_refused(scheduled, manager):
    # 30 March 2031, 02:30 does not exist in Stockholm (clocks go from 02:00 to 03:00)
    with pytest.raises(scheduling.ValidationError, match="does not exist"):
        book(scheduled, manager, datetime(2031, 3, 30, 2, 30))
