"""Sections this app adds to hiring-core pages (selection/panels.py slots)."""

from django.urls import reverse

from selection.access import is_hr
from selection.links import absolute_url
from selection.models import HiringTeamMember, Opening

from . import feeds, planning, selectors, todo
from .models import InterviewKit


def home_panel(request):
    """The interviewer's day: upcoming interviews, scorecards to write (most late first),
    interviews without a time yet, and the done ones folded away."""
    user = request.user
    if not user.is_authenticated:
        return None
    day = todo.interviewer_day(user)
    if not (day.upcoming or day.to_write or day.unscheduled or day.done) and not \
            HiringTeamMember.objects.filter(user=user, role=HiringTeamMember.INTERVIEWER).exists():
        return None
    return "interviews/panels/home.html", {"day": day}


def manager_home_panel(request):
    """Per opening the user manages: scorecards outstanding and this week's interviews."""
    if not request.user.is_authenticated:
        return None
    openings = todo.managed_openings(request.user)
    if not openings:
        return None
    return "interviews/panels/manager_home.html", {"weeks": todo.manager_week(openings)}


def hr_home_panel(request):
    """For HR: open openings whose interview plan is missing or incomplete."""
    if not is_hr(request.user):
        return None
    openings = list(Opening.objects.filter(status=Opening.OPEN)
                    .select_related("role_profile_revision").order_by("title"))
    return "interviews/panels/hr_home.html", {"missing": todo.openings_without_plan(openings)}


def account_panel(request):
    """The user's private calendar address on the emails-and-calendar page."""
    feed = feeds.feed_for(request.user)
    url = absolute_url(reverse("interviews:calendar_feed", args=[feed.token]))
    return "interviews/panels/calendar.html", {"url": url}


def application_panel(request, application):
    """Interviews of a candidate: status, scheduling, and the submitted scorecards.

    The candidate page has checked that the user manages the opening. Blind scoring
    still applies when the user interviews this candidate and has not submitted.
    """
    visible = selectors.may_see_scorecards(request.user, application)
    cards = selectors.final_scorecards(application) if visible else []
    opening = application.opening
    return "interviews/panels/application.html", {
        "application": application,
        "interviews": selectors.interview_status(application),
        "has_kit": InterviewKit.objects.filter(opening=opening).exists(),
        "visible": visible,
        "scorecards": cards,
        "spreads": selectors.dimension_spreads(cards, opening.requirements) if cards else [],
        "recommendations": selectors.recommendation_counts(cards),
    }


def opening_panel(request, opening):
    """Links to the kit, the plan and the calibration session, with the plan's health."""
    kit = InterviewKit.objects.filter(opening=opening).first()
    rows = planning.plan_coverage(kit) if kit else []
    return "interviews/panels/opening.html", {
        "opening": opening,
        "kit": kit,
        "uncovered": [r for r in rows if r.status == "uncovered"],
        "single": [r for r in rows if r.status == "single"],
    }
