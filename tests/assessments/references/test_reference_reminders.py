"""Reminders go out after the configured days (two at most, never to someone finished), the
candidate gets one, and answers are erased after the retention period."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from assessments.models import Referee, ReferenceRequest
from assessments.references import answering
from assessments.references.reminders import erase_old_answers, send_due_reminders
from tests.assessments.references.conftest import answers_for


def test_a_silent_referee_is_reminded_twice_at_most(referees, settings):
    settings.SELECTION_REFERENCE_REMINDER_DAYS = 3
    answering.save_answers(referee=referees[1], data=answers_for(referees[1]), submit=True)
    now = timezone.now()
    assert send_due_reminders(now + timedelta(days=2)) == 0
    assert send_due_reminders(now + timedelta(days=3, minutes=1)) == 1
    assert [m.to for m in mail.outbox] == [[referees[0].email]]
    assert mail.outbox[0].subject.startswith("A reminder")
    assert send_due_reminders(now + timedelta(days=4)) == 0  # three days after the first
    assert send_due_reminders(now + timedelta(days=6, minutes=2)) == 1
    assert send_due_reminders(now + timedelta(days=12)) == 0  # two is enough
    assert Referee.objects.get(pk=referees[0].pk).reminders_sent == 2


def test_no_reminder_after_the_link_expired(referees, settings):
    settings.SELECTION_REFERENCE_REMINDER_DAYS = 3
    Referee.objects.update(expires_at=timezone.now() + timedelta(days=2))
    assert send_due_reminders(timezone.now() + timedelta(days=4)) == 0


def test_a_candidate_who_has_not_named_anyone_is_reminded_once(reference_request, settings):
    settings.SELECTION_REFERENCE_REMINDER_DAYS = 3
    later = timezone.now() + timedelta(days=3, minutes=1)
    assert send_due_reminders(later) == 1
    assert send_due_reminders(later + timedelta(days=3)) == 0
    assert mail.outbox[0].to == [reference_request.application.candidate.email]
    assert ReferenceRequest.objects.get().reminded_at is not None


def test_an_overdue_referee_shows_as_overdue(referees, settings):
    settings.SELECTION_REFERENCE_DUE_DAYS = 7
    Referee.objects.filter(pk=referees[0].pk).update(sent_at=timezone.now() - timedelta(days=8))
    assert [r.status for r in Referee.objects.order_by("pk")] == ["overdue", "sent"]


def test_answers_are_erased_after_the_retention_period(referees, settings):
    settings.SELECTION_REFERENCE_RETENTION_DAYS = 30
    answering.save_answers(referee=referees[0], data=answers_for(referees[0]), submit=True)
    answering.decline(referee=referees[1], reason="Policy")
    assert erase_old_answers(timezone.now() + timedelta(days=29)) == 0
    assert erase_old_answers(timezone.now() + timedelta(days=31)) == 2
    first, second = Referee.objects.order_by("pk")
    assert first.answers == {} and second.decline_reason == ""
    assert first.status == "answered"


def test_the_worker_sweep_sends_the_reminders_that_are_due(referees, settings):
    from reports.management.commands.worker import sweep

    settings.SELECTION_REFERENCE_REMINDER_DAYS = 3
    Referee.objects.update(sent_at=timezone.now() - timedelta(days=4))
    sweep("test-worker")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in referees)


def test_a_referee_whose_first_email_failed_stays_named_until_the_sweep_sends_it(
        django_capture_on_commit_callbacks, reference_request, settings):
    from assessments.references import nomination
    from tests.assessments.references.conftest import TWO_MANAGERS

    settings.EMAIL_BACKEND = "tests.assessments.references.failing_mail.Backend"
    with django_capture_on_commit_callbacks(execute=True):
        nomination.name_referees(request=reference_request, data=TWO_MANAGERS)
    assert [r.status for r in Referee.objects.order_by("pk")] == ["named", "named"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_due_reminders(timezone.now() + timedelta(minutes=5)) == 0
    assert send_due_reminders(timezone.now() + timedelta(minutes=11)) == 2
    assert [r.status for r in Referee.objects.order_by("pk")] == ["sent", "sent"]
    assert "A reminder" not in mail.outbox[0].subject
