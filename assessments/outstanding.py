"""What a hiring manager is still waiting for from candidates and referees, per opening:
tests invited but not completed, referees who have not answered. Two queries in all."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from selection.models import HiringTeamMember, Opening

from .models import Referee, SJTInvitation


@dataclass
class Outstanding:
    opening: Opening
    tests: list = field(default_factory=list)       # SJTInvitation, each with .state
    references: list = field(default_factory=list)  # Referee (status: named/sent/overdue)


def managed_openings(user) -> list[Opening]:
    return list(Opening.objects.filter(status="open", team__user=user,
                                       team__role=HiringTeamMember.HIRING_MANAGER)
                .distinct().order_by("title"))


def outstanding(openings: list[Opening], now=None) -> list[Outstanding]:
    """Per opening: candidates' tests not completed (started or not; an expired link is
    marked so) and referees not answered (declined ones are done)."""
    now = now or timezone.now()
    by_id = {o.pk: Outstanding(o) for o in openings}
    invitations = (
        SJTInvitation.objects.filter(application__opening__in=openings,
                                     candidate__isnull=False)
        .exclude(attempt__completion__in=["submitted", "timed_out"])
    )
    for invitation in invitations.select_related("candidate", "test", "application",
                                                 "attempt").order_by("created_at", "pk"):
        started = getattr(invitation, "attempt", None) is not None
        invitation.state = ("started" if started else
                            "link expired" if invitation.expires_at <= now else "not started")
        by_id[invitation.application.opening_id].tests.append(invitation)
    referees = (Referee.objects.filter(request__application__opening__in=openings,
                                       submitted_at__isnull=True, declined_at__isnull=True)
                .select_related("request__application__candidate").order_by("sent_at", "pk"))
    for referee in referees:
        by_id[referee.request.application.opening_id].references.append(referee)
    return [by_id[o.pk] for o in openings]
