"""The hiring core's share of each person's home page: decisions and approvals waiting."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState

from .models import Application, HiringTeamMember, Opening


@dataclass
class Waiting:
    application: Application
    days_in_stage: int


def decisions_waiting(openings: list[Opening], now=None) -> list[Waiting]:
    """Candidates at the calibration stage of these openings: the meeting's decision is
    what they wait for. Longest waiting first; one query."""
    now = now or timezone.now()
    rows = (
        Application.objects.filter(opening__in=openings, stage=Application.CALIBRATION)
        .select_related("candidate", "opening").order_by("stage_changed_at", "pk")
    )
    return [Waiting(a, (now - a.stage_changed_at).days) for a in rows]


@dataclass
class Approval:
    title: str
    kind: str
    requested_by: str
    waiting_days: int
    url: str


def approvals_waiting(user, now=None) -> list[Approval]:
    """Workflow tasks (role-profile changes) this user may approve now, oldest first."""
    now = now or timezone.now()
    states = (
        TaskState.objects.reviewable_by(user)
        .select_related("workflow_state__requested_by", "revision", "task")
        .order_by("started_at")
    )
    approvals = []
    for state in states:
        workflow = state.workflow_state
        requester = workflow.requested_by
        content = state.revision.object_str if state.revision else str(workflow.content_object)
        kind = _kind(state)
        approvals.append(Approval(
            title=content, kind=kind,
            requested_by=(requester.get_full_name() or requester.email) if requester else "",
            waiting_days=(now - state.started_at).days,
            url=_edit_url(workflow),
        ))
    return approvals


def _kind(state) -> str:
    """What is being changed, in words ("role profile")."""
    model = state.revision.content_type.model_class() if state.revision else None
    name = str(model._meta.verbose_name) if model else "item"
    return name.removesuffix(" page")


def _edit_url(workflow) -> str:
    if workflow.base_content_type.model == "page":
        return reverse("wagtailadmin_pages:edit", args=[workflow.object_id])
    return reverse("wagtailadmin_home")


def managed_openings(user) -> list[Opening]:
    """The open openings ``user`` is a hiring manager of, by title."""
    return list(Opening.objects.filter(status="open", team__user=user,
                                       team__role=HiringTeamMember.HIRING_MANAGER)
                .distinct().order_by("title"))
