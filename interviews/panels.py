"""Sections this app adds to hiring-core pages (selection/panels.py slots)."""

from selection.models import HiringTeamMember

from . import planning, selectors
from .models import InterviewKit


def home_panel(request):
    """'My interviews' on the home page, for anyone with interviews or on a team as one."""
    user = request.user
    if not user.is_authenticated:
        return None
    interviews = selectors.my_interviews(user)
    if not interviews and not HiringTeamMember.objects.filter(
        user=user, role=HiringTeamMember.INTERVIEWER
    ).exists():
        return None
    return "interviews/panels/home.html", {"interviews": interviews[:10],
                                          "more": len(interviews) > 10}


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
