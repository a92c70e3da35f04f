"""Reference reminders and retention, run by the worker's sweep (and ``manage.py
send_reference_reminders`` where a cron job is preferred).

A referee whose first email failed (still "named") is emailed again. A referee who has
not answered gets a reminder ``SELECTION_REFERENCE_REMINDER_DAYS``
after their link was sent, and a second one as long after the first (two at most, never
after the link expired). A candidate who has not named referees gets one reminder. Answers
are erased ``SELECTION_REFERENCE_RETENTION_DAYS`` after they were given (the privacy
notice tells referees so); the ratings summary goes with them.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import Referee, ReferenceRequest
from .nomination import send_candidate_email, send_first_email, send_referee_email

MAX_REMINDERS = 2
# A referee named this long ago whose first email has not gone out is emailed again.
UNSENT_AFTER = timedelta(minutes=10)
logger = logging.getLogger("selection.references")


def send_due_reminders(now=None) -> int:
    """Sends every reminder that is due; returns how many went out."""
    now = now or timezone.now()
    every = timedelta(days=settings.SELECTION_REFERENCE_REMINDER_DAYS)
    sent = 0
    for referee in Referee.objects.filter(
        sent_at__isnull=True, submitted_at__isnull=True, declined_at__isnull=True,
        expires_at__gt=now, request__named_at__lte=now - UNSENT_AFTER,
    ).select_related("request__application__candidate", "request__application__opening"):
        sent += send_first_email(referee)
    due = Referee.objects.filter(
        submitted_at__isnull=True, declined_at__isnull=True, sent_at__isnull=False,
        expires_at__gt=now, reminders_sent__lt=MAX_REMINDERS,
    ).filter(Q(reminded_at__isnull=True, sent_at__lte=now - every)
             | Q(reminded_at__lte=now - every))
    for referee in due.select_related("request__application__candidate",
                                      "request__application__opening"):
        with transaction.atomic():
            updated = Referee.objects.filter(
                pk=referee.pk, reminders_sent=referee.reminders_sent
            ).update(reminders_sent=referee.reminders_sent + 1, reminded_at=now)
            if updated:  # another worker did not get there first
                send_referee_email(referee, reminder=True)
                sent += 1
    for request in ReferenceRequest.objects.filter(
        named_at__isnull=True, reminded_at__isnull=True, expires_at__gt=now,
        requested_at__lte=now - every,
    ).select_related("application__candidate", "application__opening"):
        if ReferenceRequest.objects.filter(pk=request.pk, reminded_at__isnull=True).update(
                reminded_at=now):
            send_candidate_email(request)
            sent += 1
    return sent


def erase_old_answers(now=None) -> int:
    """Erases answers (and decline reasons) past the retention period; returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SELECTION_REFERENCE_RETENTION_DAYS)
    return Referee.objects.filter(
        Q(submitted_at__lte=cutoff) | Q(declined_at__lte=cutoff)
    ).exclude(answers={}, decline_reason="").update(answers={}, decline_reason="")


def sweep() -> None:
    """What the worker runs at every sweep; a failure is logged and tried again next time."""
    try:
        send_due_reminders()
        erase_old_answers()
    except Exception:
        logger.warning("Reference reminders failed; trying again later", exc_info=True)
