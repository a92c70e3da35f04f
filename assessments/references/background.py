"""Background checks, tracked, not performed: who checked what, when, with which result.

The app records that a report exists and where it is kept; it never stores the report.
An adverse result cannot reject the candidate until the pre-adverse-action step is done:
the notice recorded with its date and ``SELECTION_ADVERSE_WAIT_DAYS`` passed since
(``rejection_guard``, which the pipeline asks before every move to Rejected).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from selection.models import Application

from ..models import BackgroundCheck
from ..models.references import CHECK_KINDS

TEXT_LIMITS = {"provider": 120, "provider_reference": 120, "report_location": 240}


def _date(text: str, label: str) -> datetime.date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{label}: write the date as 2026-03-15.") from None
    if day > timezone.localdate():
        raise ValidationError(f"{label} is in the future.")
    return day


def checks_for(application: Application, required: list[str]) -> list[BackgroundCheck]:
    """One row per check the opening requires (unsaved when nothing is recorded yet), then
    any recorded check the opening no longer lists."""
    recorded = {c.kind: c for c in BackgroundCheck.objects.filter(application=application)
                .select_related("recorded_by", "notice_recorded_by")}
    rows = [recorded.pop(k, None) or BackgroundCheck(application=application, kind=k)
            for k in required]
    return rows + list(recorded.values())


@transaction.atomic
def record_check(*, application: Application, data, by) -> BackgroundCheck:
    """Creates or updates one check from the posted fields; nothing saved on any error."""
    kind = data.get("kind", "")
    if kind not in dict(CHECK_KINDS):
        raise ValidationError("Choose which check this is.")
    status = data.get("status", "")
    if status not in dict(BackgroundCheck.STATUSES):
        raise ValidationError("Choose the check's status.")
    values = {}
    for name, limit in TEXT_LIMITS.items():
        values[name] = (data.get(name) or "").strip()
        if len(values[name]) > limit:
            raise ValidationError(f"Keep the {name.replace('_', ' ')} under {limit} characters.")
    consent_on = _date(data.get("consent_on"), "Consent date")
    status_on = _date(data.get("status_on"), "Status date")
    if status != BackgroundCheck.NOT_STARTED and consent_on is None:
        raise ValidationError("Record the date the candidate consented before the check starts.")
    check, _ = BackgroundCheck.objects.select_for_update().get_or_create(
        application=application, kind=kind)
    check.status = status
    check.consent_on, check.status_on = consent_on, status_on or timezone.localdate()
    for name, value in values.items():
        setattr(check, name, value)
    check.recorded_by, check.recorded_at = by, timezone.now()
    check.save()
    return check


@transaction.atomic
def record_notice(*, check: BackgroundCheck, sent_on: str, by) -> BackgroundCheck:
    """Records the pre-adverse-action notice of an adverse check."""
    if check.status != BackgroundCheck.ADVERSE:
        raise ValidationError("A pre-adverse-action notice follows an adverse result only.")
    day = _date(sent_on, "Notice date")
    if day is None:
        raise ValidationError("Give the date the notice was sent.")
    check.notice_sent_on, check.notice_recorded_by = day, by
    check.save(update_fields=["notice_sent_on", "notice_recorded_by"])
    return check


def rejection_guard(application: Application, stage: str) -> None:
    """ValidationError when an adverse check stops a move to Rejected for now."""
    if stage != Application.REJECTED:
        return
    today = timezone.localdate()
    for check in BackgroundCheck.objects.filter(application=application,
                                                status=BackgroundCheck.ADVERSE):
        name = check.get_kind_display().lower()
        if check.notice_sent_on is None:
            raise ValidationError(
                f"The {name} check is adverse: record the pre-adverse-action notice (sent to "
                f"the candidate with a copy of the report) before rejecting, then wait "
                f"{settings.SELECTION_ADVERSE_WAIT_DAYS} days for their answer.")
        if today < check.waiting_ends_on:
            raise ValidationError(
                f"The pre-adverse-action notice for the {name} check went out on "
                f"{check.notice_sent_on:%d %b %Y}; the candidate may answer until "
                f"{check.waiting_ends_on:%d %b %Y}. Reject after that date.")
