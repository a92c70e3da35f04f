"""The emails interviews send: invitations, updates, cancellations, scorecard reminders.

Each goes through ``selection.notifications`` (text and HTML parts, the person's
preferences) with an iCalendar attachment where a calendar should change. Emails about
a change are queued with ``after_commit`` so a refused or rolled-back change mails nobody.
"""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.db import transaction

from selection.branding import company_name
from selection.notifications import email_address, notify

from . import calendar
from .models import Interview

ICS_REQUEST = "text/calendar; method=REQUEST"
ICS_CANCEL = "text/calendar; method=CANCEL"


def after_commit(function, *args) -> None:
    transaction.on_commit(partial(function, *args))


def _context(interview: Interview, **extra) -> dict:
    return {
        "interview": interview,
        "candidate": interview.application.candidate,
        "opening": interview.application.opening,
        "when": interview.when_display,
        "adjustments_contact": settings.SELECTION_ADJUSTMENTS_CONTACT,
        **extra,
    }


def invite_interviewer(interview: Interview, action: str) -> bool:
    """The interviewer's invitation (action "scheduled") or update ("moved")."""
    first = action == "scheduled"
    name = interview.application.candidate.full_name
    subject = (f"Interview with {name}: {interview.when_display}" if first
               else f"Interview moved: {name}, now {interview.when_display}")
    return notify(
        interview.interviewer, "interview_assigned" if first else "interview_changed",
        subject=subject, template="interviews/email/interviewer_invitation",
        context=_context(interview, first=first, links=calendar.interviewer_links(interview)),
        attachments=[("invite.ics", calendar.invitation(interview).decode(), ICS_REQUEST)],
    )


def cancel_interviewer(interview: Interview) -> bool:
    name = interview.application.candidate.full_name
    return notify(
        interview.interviewer, "interview_changed",
        subject=f"Interview cancelled: {name}",
        template="interviews/email/interviewer_cancellation", context=_context(interview),
        attachments=[("cancel.ics", calendar.cancellation(interview).decode(), ICS_CANCEL)],
    )


def invite_candidate(interview: Interview, action: str | None = None) -> None:
    """The candidate's invitation (or update when ``action`` is "moved"): no internal links."""
    candidate = interview.application.candidate
    if not candidate.email:
        return
    moved = action == "moved"
    company = company_name()
    email_address(
        candidate.email,
        subject=(f"Your interview with {company} has moved" if moved
                 else f"Your interview with {company}: {interview.when_display}"),
        template="interviews/email/candidate_invitation",
        context=_context(interview, moved=moved),
        attachments=[("invite.ics", calendar.invitation(interview, for_candidate=True).decode(),
                      ICS_REQUEST)],
    )


def cancel_candidate(interview: Interview) -> None:
    candidate = interview.application.candidate
    if not candidate.email:
        return
    email_address(
        candidate.email,
        subject=f"Your interview with {company_name()} is cancelled",
        template="interviews/email/candidate_cancellation", context=_context(interview),
        attachments=[("cancel.ics",
                      calendar.cancellation(interview, for_candidate=True).decode(),
                      ICS_CANCEL)],
    )


def remind(interview: Interview, occasion: str, *, hours_since_end: int) -> bool:
    """The scorecard reminder for ``occasion`` ("due" or "overdue"); whether it was sent."""
    name = interview.application.candidate.full_name
    subject = (f"Scorecard due: {name}" if occasion == "due"
               else f"Scorecard overdue: {name}")
    return notify(
        interview.interviewer, f"scorecard_{occasion}", subject=subject,
        template="interviews/email/scorecard_reminder",
        context=_context(interview, occasion=occasion, hours=hours_since_end,
                         links=calendar.interviewer_links(interview)),
    )
