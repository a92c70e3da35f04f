"""Role-profile approvals on HR's dashboard: what waits for me, and what I wait for."""

from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from competencies.models import PeerApprovalTask, RoleProfilePage

from .dashboard import DashboardPanel, Row, age


def _profiles(object_ids) -> dict[str, RoleProfilePage]:
    pages = RoleProfilePage.objects.filter(pk__in=[int(i) for i in object_ids])
    return {str(page.pk): page for page in pages}


def _who(user) -> str:
    if user is None:
        return "someone"
    return user.get_full_name() or user.email


def awaiting_my_approval(user) -> list[TaskState]:
    """Task states of role-profile approvals this user may approve (never their own)."""
    states = []
    for task in PeerApprovalTask.objects.filter(active=True):
        states += list(task.get_task_states_user_can_moderate(user).select_related(
            "workflow_state", "workflow_state__requested_by"))
    return sorted(states, key=lambda s: s.started_at)


class AwaitingMyApprovalPanel(DashboardPanel):
    name = "awaiting-my-approval"
    heading = "Role-profile changes waiting for your approval"
    empty = "No change is waiting for your approval."
    order = 100

    def rows(self) -> list[Row]:
        states = awaiting_my_approval(self.request.user)
        profiles = _profiles(s.workflow_state.object_id for s in states)
        return [
            Row(profiles[s.workflow_state.object_id].title,
                reverse("wagtailadmin_pages:edit", args=[s.workflow_state.object_id]),
                f"submitted for approval by {_who(s.workflow_state.requested_by)}, "
                f"{age(s.started_at)} ago")
            for s in states if s.workflow_state.object_id in profiles
        ]


class MySubmissionsPanel(DashboardPanel):
    name = "my-submissions"
    heading = "Your role-profile changes waiting for others"
    empty = "None of your changes is waiting."
    order = 110

    def rows(self) -> list[Row]:
        states = list(
            WorkflowState.objects.active().filter(requested_by=self.request.user)
            .select_related("current_task_state").order_by("created_at"))
        profiles = _profiles(s.object_id for s in states)
        rows = []
        for state in states:
            if state.object_id not in profiles:
                continue
            changes = state.status == WorkflowState.STATUS_NEEDS_CHANGES
            rows.append(Row(
                profiles[state.object_id].title,
                reverse("wagtailadmin_pages:edit", args=[state.object_id]),
                f"submitted {age(state.created_at)} ago",
                badge="changes requested" if changes else "waiting for approval",
                tone="warn" if changes else "",
            ))
        return rows
