"""HR's dashboard in the Wagtail admin: panels that list the work waiting, one row a task.

Each app adds its own panels through Wagtail's ``construct_homepage_panels`` hook (in its
``wagtail_hooks.py``), built from ``DashboardPanel``: a heading, the rows, and the words
to show when nothing waits. Every row links to the page where the work is done. A panel's
rows are read in a fixed number of queries, however many openings there are.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from wagtail.admin.ui.components import Component

from competencies.models import RoleLibraryIndexPage, RoleProfilePage

from .access import is_hr
from .models import Application, Opening


@dataclass(frozen=True)
class Row:
    """One waiting item: what it is, where to act on it, and a short note."""

    label: str
    url: str
    note: str = ""
    badge: str = ""
    tone: str = ""  # "", "warn" or "bad"


class DashboardPanel(Component):
    """A dashboard panel listing rows; hidden for people who may not see it."""

    template_name = "selection/admin/dashboard_panel.html"
    name = ""
    heading = ""
    empty = "Nothing waiting."
    order = 100
    limit = 10

    def __init__(self, request):
        self.request = request

    def rows(self) -> list[Row]:
        raise NotImplementedError

    def get_context_data(self, parent_context=None) -> dict:
        rows = self.rows()
        return {
            "panel_id": f"selection-{self.name}", "heading": self.heading,
            "rows": rows[: self.limit], "more": max(0, len(rows) - self.limit),
            "empty": self.empty,
        }


def age(moment) -> str:
    """'3 days' for a moment in the past."""
    return timesince(moment, timezone.now(), depth=1) if moment else ""


def open_openings() -> list[Opening]:
    """Open openings with their pinned revision, newest first: one query."""
    return list(Opening.objects.filter(status=Opening.OPEN).select_related(
        "role_profile_revision").order_by("-opened_at"))


def pinned_dimension_ids(opening: Opening) -> list[int]:
    """The required dimensions of the pinned revision, read from its stored content."""
    content = opening.role_profile_revision.content if opening.role_profile_revision else {}
    return [int(r["dimension"]) for r in content.get("requirements", []) if r.get("dimension")]


class AwaitingDecisionPanel(DashboardPanel):
    """Candidates at the calibration stage of an open opening: a decision is due."""

    name = "awaiting-decision"
    heading = "Candidates waiting for a decision"
    empty = "No candidate is waiting for a decision."
    order = 140

    def rows(self) -> list[Row]:
        waiting = (
            Application.objects.filter(stage=Application.CALIBRATION,
                                       opening__status=Opening.OPEN)
            .select_related("candidate", "opening").order_by("stage_changed_at")
        )
        return [
            Row(f"{a.candidate.full_name}, {a.opening.title}",
                reverse("application_detail", args=[a.opening.slug, a.pk]),
                f"at calibration for {age(a.stage_changed_at)}")
            for a in waiting
        ]


class OpeningsOverviewPanel(DashboardPanel):
    """Each open opening with its active candidates, linking to its pipeline."""

    name = "open-openings"
    heading = "Open openings"
    empty = "No opening is open."
    order = 150

    def rows(self) -> list[Row]:
        active = Q(applications__stage__in=Application.ACTIVE_STAGES)
        openings = (Opening.objects.filter(status=Opening.OPEN)
                    .annotate(active=Count("applications", filter=active))
                    .order_by("-opened_at"))
        return [
            Row(o.title, reverse("opening_detail", args=[o.slug]),
                f"{o.active} active candidate{'s' if o.active != 1 else ''}, "
                f"open for {age(o.opened_at)}")
            for o in openings
        ]


def add_panels(request, panels: list, new: Iterable[type[DashboardPanel]]) -> None:
    """Adds the panels for HR (and superusers); nobody else sees Selection's work."""
    if is_hr(request.user):
        panels.extend(panel(request) for panel in new)


class CountSummaryItem(Component):
    """One figure in the dashboard's summary line, e.g. "2 open openings", with its link."""

    template_name = "selection/admin/summary_item.html"

    def __init__(self, request, *, count: int, singular: str, plural: str, url: str,
                 icon: str, order: int):
        self.request, self.order = request, order
        self.context = {"count": count, "label": singular if count == 1 else plural,
                        "url": url, "icon": icon}

    def is_shown(self) -> bool:
        return True

    def get_context_data(self, parent_context=None) -> dict:
        return self.context


def summary_items(request) -> list[CountSummaryItem]:
    """Role profiles, open openings and candidates in progress, in three queries."""
    profiles = RoleProfilePage.objects.filter(live=True).count()
    openings = Opening.objects.filter(status=Opening.OPEN).count()
    active = Application.objects.filter(stage__in=Application.ACTIVE_STAGES,
                                        opening__status=Opening.OPEN).count()
    library = RoleLibraryIndexPage.objects.only("pk").first()
    library_url = (reverse("wagtailadmin_explore", args=[library.pk]) if library
                   else reverse("wagtailadmin_explore_root"))
    return [
        CountSummaryItem(request, count=profiles, singular="published role profile",
                         plural="published role profiles", icon="doc-full",
                         url=library_url, order=10),
        CountSummaryItem(request, count=openings, singular="open opening",
                         plural="open openings", icon="group", url=reverse("opening_list"),
                         order=20),
        CountSummaryItem(request, count=active, singular="candidate in progress",
                         plural="candidates in progress", icon="user",
                         url=reverse("opening_list"), order=30),
    ]
