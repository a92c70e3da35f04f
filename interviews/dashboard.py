"""Openings whose interview plan is not complete, for HR's dashboard.

A plan is complete when the opening has a kit and every requirement of the pinned role
profile has at least one kit question with an interviewer. Read in two queries for all
open openings (the openings with their pinned revisions, and every kit question).
"""

from collections import defaultdict

from django.urls import reverse

from selection.dashboard import DashboardPanel, Row, open_openings, pinned_dimension_ids

from .models import KitQuestion


def plan_gaps() -> list[tuple[object, bool, str]]:
    """(opening, has a kit, what is missing) for each open opening with an incomplete plan."""
    openings = open_openings()
    asked: dict[int, set[int]] = defaultdict(set)
    has_kit: set[int] = set()
    slots = KitQuestion.objects.filter(kit__opening__in=[o.pk for o in openings]).values_list(
        "kit__opening_id", "question__dimension_id", "interviewer_id")
    for opening_id, dimension_id, interviewer_id in slots:
        has_kit.add(opening_id)
        if interviewer_id is not None:
            asked[opening_id].add(dimension_id)
    gaps = []
    for opening in openings:
        required = set(pinned_dimension_ids(opening))
        if opening.pk not in has_kit:
            gaps.append((opening, False, "no interview kit yet"))
        elif missing := required - asked[opening.pk]:
            gaps.append((opening, True, f"{len(missing)} of {len(required)} requirements "
                                  "have no interviewer asking about them"))
    return gaps


class IncompletePlanPanel(DashboardPanel):
    name = "incomplete-plans"
    heading = "Openings without a complete interview plan"
    empty = "Every open opening has a complete interview plan."
    order = 120

    def rows(self) -> list[Row]:
        return [
            Row(opening.title,
                reverse("interviews:plan" if has_kit else "interviews:kit", args=[opening.slug]),
                gap, badge="plan incomplete" if has_kit else "no kit", tone="warn")
            for opening, has_kit, gap in plan_gaps()
        ]
