"""Giving interviews a time and a place: propose, schedule, move, cancel (history kept).

One function per change, each in one transaction: ``save_schedule`` checks every row of
the scheduling page before it saves any (nothing half saved) and ``cancel_interview``
needs a reason. Invitations leave only after the transaction commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from selection.models import Application

from . import notices
from .models import Interview, InterviewChange

MIN_MINUTES, MAX_MINUTES = 15, 480
FIRST_SLOT, GAP = time(9, 0), timedelta(minutes=15)


def interviews_of(application: Application) -> list[Interview]:
    """The candidate's interviews with interviewer and scorecard, in a stable order."""
    return list(
        Interview.objects.filter(application=application)
        .select_related("interviewer", "scorecard", "application__candidate",
                        "application__opening")
        .order_by("interviewer__last_name", "interviewer__first_name", "pk")
    )


def next_working_day(today: date) -> date:
    day = today + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def propose_slots(interviews: list[Interview], *, now=None) -> dict[int, datetime]:
    """One proposed local start per unscheduled interview: back to back from 09:00 on the
    next working day, in the interview's time zone, a quarter of an hour between them."""
    now = now or timezone.now()
    proposals, cursor = {}, None
    for interview in interviews:
        if interview.is_scheduled:
            continue
        if cursor is None:
            day = next_working_day(now.astimezone(interview.zone).date())
            cursor = datetime.combine(day, FIRST_SLOT)
        proposals[interview.pk] = cursor
        cursor = cursor + timedelta(minutes=interview.duration_minutes) + GAP
    return proposals


@dataclass
class Slot:
    """What the scheduling page asks for one interview (local start, naive)."""

    interview: Interview
    starts_local: datetime | None
    duration_minutes: int
    time_zone: str
    location: str = ""
    video_link: str = ""
    cancel: bool = False
    reason: str = ""


def check_time_zone(name: str) -> ZoneInfo:
    if name not in available_timezones():
        raise ValidationError(f"'{name[:64]}' is not a time zone name; use one like "
                              "Europe/Stockholm or America/New_York.")
    return ZoneInfo(name)


def _checked_start(slot: Slot) -> datetime:
    if slot.starts_local is None:
        raise ValidationError("Give a date and a start time, or leave both empty to keep the "
                              "interview unscheduled.")
    zone = check_time_zone(slot.time_zone)
    aware = slot.starts_local.replace(tzinfo=zone)
    if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != slot.starts_local:
        raise ValidationError(f"{slot.starts_local:%H:%M} does not exist on that day in "
                              f"{slot.time_zone} (the clocks change); pick another time.")
    if not MIN_MINUTES <= slot.duration_minutes <= MAX_MINUTES:
        raise ValidationError(f"An interview lasts {MIN_MINUTES} to {MAX_MINUTES} minutes.")
    if not (slot.location.strip() or slot.video_link.strip()):
        raise ValidationError("Say where it happens: a location, a video link, or both.")
    return aware.astimezone(UTC)


def _place(location: str, video_link: str) -> str:
    return " · ".join(part for part in (location, video_link) if part)


def _record(interview, action, by, *, previous_start=None, previous_place="", reason=""):
    InterviewChange.objects.create(
        interview=interview, action=action, sequence=interview.sequence,
        starts_at=interview.starts_at, duration_minutes=interview.duration_minutes,
        time_zone=interview.time_zone, place=interview.place,
        previous_starts_at=previous_start, previous_place=previous_place,
        reason=reason, changed_by=by,
    )


def _schedule(interview: Interview, slot: Slot, starts_at: datetime, by,
              invite_candidate: bool) -> str | None:
    """Applies one slot; returns "scheduled", "moved" or None (nothing changed)."""
    new = {"starts_at": starts_at, "duration_minutes": slot.duration_minutes,
           "time_zone": slot.time_zone, "location": slot.location.strip(),
           "video_link": slot.video_link.strip()}
    was_scheduled = interview.status == Interview.SCHEDULED
    if was_scheduled and all(getattr(interview, k) == v for k, v in new.items()):
        if invite_candidate and not interview.candidate_invited:
            interview.candidate_invited = True
            interview.save(update_fields=["candidate_invited"])
            notices.after_commit(notices.invite_candidate, interview)
        return None
    previous_start, previous_place = interview.starts_at, interview.place
    action = InterviewChange.MOVED if was_scheduled else InterviewChange.SCHEDULED
    if was_scheduled or interview.changes.exists():
        interview.sequence += 1  # a calendar already holds an earlier version
    for key, value in new.items():
        setattr(interview, key, value)
    interview.status, interview.cancel_reason = Interview.SCHEDULED, ""
    newly_invited = invite_candidate and not interview.candidate_invited
    interview.candidate_invited = interview.candidate_invited or invite_candidate
    interview.save()
    _record(interview, action, by, previous_start=previous_start if was_scheduled else None,
            previous_place=previous_place if was_scheduled else "", reason=slot.reason.strip())
    notices.after_commit(notices.invite_interviewer, interview, action)
    if interview.candidate_invited:
        notices.after_commit(notices.invite_candidate, interview,
                             None if newly_invited else action)
    return action


@transaction.atomic
def save_schedule(*, application: Application, slots: list[Slot], by,
                  invite_candidate: bool = False) -> dict[str, int]:
    """Schedules, moves or cancels the candidate's interviews from the scheduling page.

    Every slot is checked first; one bad row refuses the whole page with a
    ``ValidationError`` per interview (``{interview pk: message}``). Slots without a start
    leave an unscheduled interview as it is. Returns how many were scheduled, moved,
    cancelled.
    """
    mine = {i.pk for i in Interview.objects.filter(application=application)}
    errors, starts = {}, {}
    for slot in slots:
        if slot.interview.pk not in mine:
            raise ValidationError("An interview on the page is not this candidate's.")
        try:
            if slot.cancel:
                _check_cancel(slot.interview, slot.reason)
            elif slot.starts_local is not None or slot.interview.is_scheduled:
                starts[slot.interview.pk] = _checked_start(slot)
        except ValidationError as exc:
            errors[str(slot.interview.pk)] = exc.messages
    if errors:
        raise ValidationError(errors)
    counts = {"scheduled": 0, "moved": 0, "cancelled": 0}
    for slot in slots:
        interview = _locked(slot.interview.pk)
        if slot.cancel:
            if _cancel(interview, slot.reason, by):
                counts["cancelled"] += 1
        elif slot.interview.pk in starts:
            action = _schedule(interview, slot, starts[slot.interview.pk], by, invite_candidate)
            if action:
                counts[action] += 1
    return counts


def _check_cancel(interview: Interview, reason: str) -> None:
    if interview.status == Interview.CANCELLED:
        return
    if not (reason or "").strip():
        raise ValidationError("Say why the interview is cancelled; the reason is kept.")


def _cancel(interview: Interview, reason: str, by) -> bool:
    if interview.status == Interview.CANCELLED:
        return False
    was_scheduled = interview.is_scheduled
    previous_start, previous_place = interview.starts_at, interview.place
    if was_scheduled:
        interview.sequence += 1
    interview.status, interview.cancel_reason = Interview.CANCELLED, reason.strip()
    interview.save(update_fields=["status", "cancel_reason", "sequence"])
    _record(interview, InterviewChange.CANCELLED, by, previous_start=previous_start,
            previous_place=previous_place, reason=reason.strip())
    if was_scheduled:
        notices.after_commit(notices.cancel_interviewer, interview)
        if interview.candidate_invited:
            notices.after_commit(notices.cancel_candidate, interview)
    return True


@transaction.atomic
def cancel_interview(*, interview: Interview, reason: str, by) -> bool:
    """Cancels one interview with its reason; returns False when it already was."""
    _check_cancel(interview, reason)
    return _cancel(_locked(interview.pk), reason, by)


def _locked(pk: int) -> Interview:
    """The interview, row-locked, with what its emails need."""
    return (Interview.objects.select_for_update(of=("self",))
            .select_related("interviewer", "scorecard", "application__candidate",
                            "application__opening").get(pk=pk))
