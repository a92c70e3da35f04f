"""Scorecard reminders, sent by the worker's sweep once per interview and occasion.

"Due" goes ``SELECTION_SCORECARD_DUE_HOURS`` after an interview ended while its
scorecard is still a draft, "overdue" ``SELECTION_SCORECARD_OVERDUE_HOURS`` after. The
``ScorecardReminder`` row is the claim: it is inserted and the email sent in one
transaction, so a second worker sweeping at the same moment fails on the unique
constraint and sends nothing, and an email that fails to go rolls the claim back for the
next sweep. An interview found already past "overdue" gets only that one.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import notices
from .models import Interview, Scorecard, ScorecardReminder

logger = logging.getLogger("selection.reminders")


def thresholds() -> list[tuple[str, timedelta]]:
    """(occasion, time after the interview's end), the later occasion first."""
    return [
        (ScorecardReminder.OVERDUE, timedelta(hours=settings.SELECTION_SCORECARD_OVERDUE_HOURS)),
        (ScorecardReminder.DUE, timedelta(hours=settings.SELECTION_SCORECARD_DUE_HOURS)),
    ]


def waiting_for(occasion: str, after: timedelta, now) -> list[Interview]:
    """Scheduled interviews ended at least ``after`` ago, scorecard a draft, not reminded."""
    reminded = [occasion] if occasion == ScorecardReminder.OVERDUE else \
        [ScorecardReminder.DUE, ScorecardReminder.OVERDUE]
    rows = (
        Interview.objects.filter(
            status=Interview.SCHEDULED, starts_at__lte=now - after,
            scorecard__state=Scorecard.DRAFT,
        )
        .exclude(reminders__occasion__in=reminded)
        .select_related("interviewer", "scorecard", "application__candidate",
                        "application__opening")
        .order_by("starts_at", "pk")
    )
    return [i for i in rows if i.ends_at + after <= now]


def _claim_and_send(interview: Interview, occasion: str, now) -> bool:
    hours = int((now - interview.ends_at).total_seconds() // 3600)
    try:
        with transaction.atomic():
            claim = ScorecardReminder.objects.create(
                interview=interview, occasion=occasion, sent_at=now
            )
            delivered = notices.remind(interview, occasion, hours_since_end=hours)
            if not delivered:  # turned off: recorded, so it is not tried at every sweep
                claim.delivered = False
                claim.save(update_fields=["delivered"])
    except IntegrityError:  # another worker claimed it first
        return False
    return delivered


def send_scorecard_reminders(now=None) -> int:
    """One sweep: sends every reminder that has come due; returns how many emails went."""
    now = now or timezone.now()
    sent = 0
    for occasion, after in thresholds():
        for interview in waiting_for(occasion, after, now):
            try:
                sent += _claim_and_send(interview, occasion, now)
            except Exception:
                logger.warning("Scorecard reminder for interview %s failed; trying again at "
                               "the next sweep", interview.pk, exc_info=True)
    return sent
