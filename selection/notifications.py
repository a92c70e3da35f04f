"""Emails to people: one function sends every notification, each kind says if it can be off.

Every notification has a plain-text and an HTML part rendered from two templates
(``<template>.txt`` and ``<template>.html``) and goes through Django's email API, so the
backend is a setting (console in development, SMTP or any django-anymail backend in
production). A person may turn off the optional kinds on their notifications page; the
required ones say why they stay on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from .branding import company_name
from .models import EmailOptOut

logger = logging.getLogger("selection.notifications")


@dataclass(frozen=True)
class Kind:
    label: str
    required_because: str = ""  # empty: the person may turn it off

    @property
    def optional(self) -> bool:
        return not self.required_because


KINDS: dict[str, Kind] = {
    "interview_assigned": Kind(
        "An interview is assigned to you (with its calendar invitation)",
        "The invitation is how the interview reaches your calendar."),
    "interview_changed": Kind(
        "An interview of yours is moved or cancelled",
        "Without it your calendar would keep the old time."),
    "scorecard_due": Kind("Reminder: a scorecard is due (a day after the interview)"),
    "scorecard_overdue": Kind(
        "Reminder: a scorecard is overdue",
        "The hiring team cannot decide fairly until every scorecard is in."),
    "candidate_in_calibration": Kind("A candidate of an opening you manage reached calibration"),
    "packet_ready": Kind("A calibration packet you asked for is ready"),
}


def register_kind(key: str, kind: Kind) -> None:
    """Lets another app add a notification kind (shown on the notifications page)."""
    KINDS.setdefault(key, kind)


def wants(user, kind: str) -> bool:
    """Whether ``user`` gets notifications of ``kind`` (required kinds always)."""
    if KINDS[kind].optional is False:
        return True
    return not EmailOptOut.objects.filter(user=user, kind=kind).exists()


def set_preferences(*, user, enabled: set[str]) -> None:
    """Turns the optional kinds in ``enabled`` on and every other optional kind off."""
    optional = {key for key, kind in KINDS.items() if kind.optional}
    with transaction.atomic():
        EmailOptOut.objects.filter(user=user).exclude(kind__in=optional - enabled).delete()
        for key in sorted(optional - enabled):
            try:
                with transaction.atomic():
                    EmailOptOut.objects.get_or_create(user=user, kind=key)
            except IntegrityError:  # saved twice at once: the row is there either way
                pass


def preferences(user) -> list[tuple[str, Kind, bool]]:
    """(key, kind, on) for every kind, in the page's order."""
    off = set(EmailOptOut.objects.filter(user=user).values_list("kind", flat=True))
    return [(key, kind, key not in off or not kind.optional) for key, kind in KINDS.items()]


def build_email(*, to: str, subject: str, template: str, context: dict,
                attachments=()) -> EmailMultiAlternatives:
    """The message with its text and HTML parts; ``attachments`` are (name, bytes, type)."""
    context = {"company": company_name(),
               "site_name": settings.WAGTAIL_SITE_NAME, **context}
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject=subject.strip(), body=text, to=[to])
    message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    return message


def notify(user, kind: str, *, subject: str, template: str, context: dict,
           attachments=()) -> bool:
    """Emails ``user`` unless they turned ``kind`` off; returns whether it was sent."""
    if kind not in KINDS:
        raise ValueError(f"Unknown notification kind {kind!r}")
    if not user.email or not wants(user, kind):
        return False
    message = build_email(to=user.email, subject=subject, template=template,
                          context={"recipient": user, **context}, attachments=attachments)
    message.send()
    return True


def email_address(address: str, *, subject: str, template: str, context: dict,
                  attachments=()) -> None:
    """Emails someone without an account (a candidate): no preferences apply."""
    build_email(to=address, subject=subject, template=template, context=context,
                attachments=attachments).send()
