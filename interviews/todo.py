"""What is due, by when: the lists on each person's home page.

Every list is a fixed number of queries whatever the number of interviews or openings
(tests/interviews/test_home_lists.py counts them with 1 and with 20).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.timesince import timesince

from selection.dashboard import pinned_dimension_ids
from selection.models import HiringTeamMember, Opening
from selection.panels import Due

from .models import Interview, InterviewKit, KitQuestion, Scorecard, ScorecardReminder

WEEK = timedelta(days=7)


def lateness(interview: Interview, now) -> str:
    """"overdue", "due" or "open" (ended, within the grace period) for an ended interview."""
    since = now - interview.ends_at
    if since >= timedelta(hours=settings.SELECTION_SCORECARD_OVERDUE_HOURS):
        return "overdue"
    if since >= timedelta(hours=settings.SELECTION_SCORECARD_DUE_HOURS):
        return "due"
    return "open"


@dataclass
class InterviewerDay:
    upcoming: list = field(default_factory=list)  # scheduled, not yet ended, soonest first
    to_write: list = field(default_factory=list)  # ended, scorecard a draft, most late first
    unscheduled: list = field(default_factory=list)  # no time yet, scorecard a draft
    done: list = field(default_factory=list)  # submitted or amended, newest first

    @property
    def due_count(self) -> int:
        return sum(1 for i in self.to_write if i.lateness in ("due", "overdue"))


def interviewer_day(user, now=None) -> InterviewerDay:
    """The interviewer's interviews sorted into the home page's lists (one query)."""
    now = now or timezone.now()
    rows = (
        Interview.objects.filter(interviewer=user).exclude(status=Interview.CANCELLED)
        .select_related("application__candidate", "application__opening", "scorecard")
        .annotate(
            question_count=Count("scorecard__answers"),
            rated_count=Count("scorecard__answers",
                              filter=Q(scorecard__answers__rating__isnull=False)),
        )
        .order_by("starts_at", "pk")
    )
    day = InterviewerDay()
    for interview in rows:
        final = interview.scorecard.is_final
        if final:
            day.done.append(interview)
        elif interview.is_scheduled and interview.ends_at <= now:
            interview.lateness = lateness(interview, now)
            day.to_write.append(interview)
        elif not interview.is_scheduled:
            day.unscheduled.append(interview)
        if interview.is_scheduled and interview.ends_at > now:
            day.upcoming.append(interview)
    day.done.sort(key=lambda i: i.scorecard.submitted_at or i.created_at, reverse=True)
    return day


def due_count(user, now=None) -> list[Due]:
    """For the top bar: interviews in the next seven days, and scorecards of started
    interviews still to write (one query)."""
    now = now or timezone.now()
    counts = Interview.objects.filter(interviewer=user, status=Interview.SCHEDULED).aggregate(
        week=Count("pk", filter=Q(starts_at__gte=now, starts_at__lt=now + WEEK)),
        to_write=Count("pk", filter=Q(starts_at__lt=now, scorecard__state=Scorecard.DRAFT)),
    )
    return [Due(counts["week"], "interview this week", "interviews this week"),
            Due(counts["to_write"], "scorecard to write", "scorecards to write")]


@dataclass
class OpeningWeek:
    """One opening on a hiring manager's home page."""

    opening: Opening
    outstanding: list = field(default_factory=list)  # ended interviews without a scorecard
    this_week: list = field(default_factory=list)  # scheduled in the next seven days
    unscheduled: int = 0


def managed_openings(user) -> list[Opening]:
    return list(
        Opening.objects.filter(status="open", team__user=user,
                               team__role=HiringTeamMember.HIRING_MANAGER)
        .distinct().order_by("title")
    )


def manager_week(openings: list[Opening], now=None) -> list[OpeningWeek]:
    """Per opening: scorecards outstanding (whose, how late, when reminded) and the week's
    interviews. Two queries for any number of openings."""
    now = now or timezone.now()
    weeks = {o.pk: OpeningWeek(opening=o) for o in openings}
    rows = (
        Interview.objects.filter(application__opening__in=list(weeks))
        .exclude(status=Interview.CANCELLED)
        .filter(Q(scorecard__state=Scorecard.DRAFT) | Q(starts_at__gte=now,
                                                        starts_at__lt=now + WEEK))
        .select_related("interviewer", "application__candidate", "scorecard")
        .prefetch_related(Prefetch("reminders", queryset=ScorecardReminder.objects.order_by(
            "-sent_at"), to_attr="sent_reminders"))
        .order_by("starts_at", "pk")
    )
    for interview in rows:
        week = weeks[interview.application.opening_id]
        if not interview.is_scheduled:
            week.unscheduled += 1
            continue
        if interview.ends_at <= now and not interview.scorecard.is_final:
            interview.lateness = lateness(interview, now)
            interview.hours_late = int((now - interview.ends_at).total_seconds() // 3600)
            interview.last_reminder = (interview.sent_reminders[0]
                                       if interview.sent_reminders else None)
            if interview.last_reminder:
                sent = interview.last_reminder.sent_at
                interview.reminded_ago = ("just now" if now - sent < timedelta(minutes=1)
                                          else f"{timesince(sent, now)} ago")
            week.outstanding.append(interview)
        if now <= interview.starts_at < now + WEEK:
            week.this_week.append(interview)
    for week in weeks.values():
        week.outstanding.sort(key=lambda i: i.ends_at)
    return [weeks[o.pk] for o in openings]


def openings_without_plan(openings: list[Opening]) -> list[tuple[Opening, str]]:
    """Open openings whose interview plan is missing or leaves a requirement uncovered,
    with what is missing. Three queries for any number of openings."""
    kits = {k.opening_id: k for k in InterviewKit.objects.filter(opening__in=openings)}
    asked = defaultdict(set)
    for opening_id, dimension_id in KitQuestion.objects.filter(
        kit__opening__in=openings, interviewer__isnull=False
    ).values_list("kit__opening_id", "question__dimension_id"):
        asked[opening_id].add(dimension_id)
    missing = []
    for opening in openings:
        if opening.pk not in kits:
            missing.append((opening, "no interview kit yet"))
            continue
        # From the pinned revision's stored content: rebuilding each revision's page
        # would cost about ten queries per opening.
        required = set(pinned_dimension_ids(opening))
        gaps = required - asked[opening.pk]
        if gaps:
            missing.append((opening, f"{len(gaps)} requirement(s) nobody asks about"))
    return missing
