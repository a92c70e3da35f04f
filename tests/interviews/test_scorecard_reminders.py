"""Scorecard reminders come from the worker's sweep, once per interview and occasion."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings as django_settings
from django.db import connections
from django.utils import timezone

from interviews.models import Interview, Scorecard, ScorecardReminder
from interviews.reminders import send_scorecard_reminders
from selection.notifications import set_preferences
from tests import factories
from tests.interviews.conftest import book, card_of, complete

pytestmark = pytest.mark.django_db
START = datetime(2031, 3, 4, 9, 0)  # Stockholm; the three interviews end 09:00, 10:00, 11:00 UTC


def at(hours_after_start: float):
    """UTC time, hours after the first interview started (08:00 UTC)."""
    return datetime(2031, 3, 4, 8, 0, tzinfo=UTC) + timedelta(hours=hours_after_start)


@pytest.fixture
def booked(scheduled, manager, mailed, mailoutbox):
    with mailed():
        book(scheduled, manager, START)
    mailoutbox.clear()
    return scheduled


def reminders(outbox):
    return sorted((m.to[0], m.subject.split(":")[0]) for m in outbox)


def test_due_a_day_after_the_interview_ended_and_only_once(booked, interviewer, mailoutbox):
    first = Interview.objects.get(application=booked, interviewer=interviewer)
    assert send_scorecard_reminders(now=at(24.9)) == 0  # ended 23.9 h ago
    assert send_scorecard_reminders(now=at(25)) == 1
    assert send_scorecard_reminders(now=at(25.5)) == 0  # the second sweep sends nothing
    message, = mailoutbox
    assert message.to == [interviewer.email] and message.subject.startswith("Scorecard due")
    assert f"/interviews/scorecards/{first.scorecard.pk}/" in message.body
    assert any(kind == "text/html" for _, kind in message.alternatives)
    assert ScorecardReminder.objects.get().interview == first


def test_overdue_after_two_days_and_no_late_due_after_it(booked, mailoutbox):
    assert send_scorecard_reminders(now=at(27)) == 3  # all three due
    assert send_scorecard_reminders(now=at(49)) == 1  # the first is now overdue
    assert send_scorecard_reminders(now=at(100)) == 2
    assert send_scorecard_reminders(now=at(200)) == 0
    assert ScorecardReminder.objects.count() == 6
    late = Interview.objects.create(
        application=booked, interviewer=factories.make_user("late@example.com", "Interviewer"),
        status=Interview.SCHEDULED, starts_at=at(0), location="Room")
    Scorecard.objects.create(interview=late)
    mailoutbox.clear()
    assert send_scorecard_reminders(now=at(300)) == 1  # found late: only "overdue"
    assert mailoutbox[0].subject.startswith("Scorecard overdue")
    assert list(late.reminders.values_list("occasion", flat=True)) == ["overdue"]


def test_submitted_and_cancelled_interviews_get_no_reminder(booked, interviewer, interviewer2,
                                                            manager, mailed, mailoutbox):
    from interviews import scheduling

    complete(card_of(interviewer, booked), interviewer)
    with mailed():
        scheduling.cancel_interview(
            interview=Interview.objects.get(application=booked, interviewer=interviewer2),
            reason="Not needed.", by=manager)
    mailoutbox.clear()
    assert send_scorecard_reminders(now=at(60)) == 1
    assert mailoutbox[0].to == ["interviewer3@example.com"]


def test_a_reminder_turned_off_is_recorded_but_not_sent_overdue_always_goes(
        booked, interviewer, mailoutbox):
    set_preferences(user=interviewer, enabled=set())
    assert send_scorecard_reminders(now=at(27)) == 2  # three due, one turned off
    assert interviewer.email not in {m.to[0] for m in mailoutbox}
    mine = ScorecardReminder.objects.get(interview__interviewer=interviewer)
    assert mine.delivered is False
    assert send_scorecard_reminders(now=at(28)) == 0  # not tried again at every sweep
    mailoutbox.clear()
    send_scorecard_reminders(now=at(49.5))
    assert [m.to[0] for m in mailoutbox] == [interviewer.email]  # overdue cannot be off


def test_a_reminder_claimed_by_another_worker_is_not_sent_again(booked, interviewer,
                                                                mailoutbox):
    first = Interview.objects.get(application=booked, interviewer=interviewer)
    ScorecardReminder.objects.create(interview=first, occasion="due")  # the other worker
    assert send_scorecard_reminders(now=at(25)) == 0
    assert mailoutbox == []


def test_the_workers_sweep_sends_them(booked, mailoutbox, monkeypatch):
    from reports.management.commands import worker

    monkeypatch.setattr(timezone, "now", lambda: at(30))
    worker.sweep("test-worker")
    worker.sweep("test-worker-2")
    assert len(mailoutbox) == 3


@pytest.mark.skipif("postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
                    reason="two connections at once need PostgreSQL (CI runs the suite on it)")
@pytest.mark.django_db(transaction=True)
def test_two_workers_sweeping_at_once_send_each_reminder_once(
        wagtail_root, scheduled, manager, mailoutbox, django_capture_on_commit_callbacks):
    book(scheduled, manager, START)
    mailoutbox.clear()
    barrier, sent, errors = threading.Barrier(2), [], []

    def sweep():
        try:
            barrier.wait()
            sent.append(send_scorecard_reminders(now=at(30)))
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert sum(sent) == 3 and len(mailoutbox) == 3
    assert ScorecardReminder.objects.count() == 3
