"""A hire starts: the application that reached Hired becomes a producer, by a link.

The producer row carries what the producer listing and the performance import need (name,
email, start date); the candidate's interviews, tests and roleplays stay the candidate's
and are reached through ``Producer.hire``. Nothing is copied, so a later amendment to a
scorecard shows wherever the hire's evidence is read.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import Application, Producer


class StartForm(forms.Form):
    start_date = forms.DateField(
        label="First working day", widget=forms.DateInput(attrs={"type": "date"}),
        help_text="From this day the hire counts as a producer; review points (3, 6 and "
        "12 months) are counted from it.",
    )


@transaction.atomic
def start_hire(application: Application, *, start_date: date) -> Producer:
    """The producer this hire became on ``start_date`` (created once; the same one after).

    Refused (ValidationError) unless the application reached Hired, when the date is more
    than a year ahead, or when a producer with the candidate's email is not this hire.
    """
    if application.stage != Application.HIRED:
        raise ValidationError("Only a hired candidate can start; record the hire decision "
                              "first.")
    if start_date > timezone.localdate().replace(year=timezone.localdate().year + 1):
        raise ValidationError("The start date is more than a year ahead.")
    existing = Producer.objects.filter(hire=application).first()
    if existing is not None:
        return existing
    candidate = application.candidate
    if Producer.objects.filter(email__iexact=candidate.email).exists():
        raise ValidationError(f"A producer with the email {candidate.email} exists already; "
                              "an internal move is not a new hire.")
    opening = application.opening
    return Producer.objects.create(
        first_name=candidate.first_name, last_name=candidate.last_name, email=candidate.email,
        role_title=(opening.profile.role_name or opening.title)[:120],
        region=opening.location[:80], hire_date=start_date, hire=application,
    )


def hire_panel(request, application: Application):
    """The start form on a hired candidate's page, or who they became once started."""
    if application.stage != Application.HIRED:
        return None
    producer = Producer.objects.filter(hire=application).first()
    return "selection/includes/hire_panel.html", {
        "application": application, "producer": producer,
        "form": StartForm(initial={"start_date": timezone.localdate()}),
    }
