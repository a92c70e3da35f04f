"""Sections this app adds to hiring-core pages (see selection/panels.py)."""

from django.conf import settings

from competencies.models import Dimension
from selection.panels import Due

from . import delivery, roleplay, sjt
from .models import JudgmentTest, RoleplayExercise, RoleplayScorecard, SJTInvitation


def application_panel(request, *, application):
    """Candidate page (the page has checked that the user manages the opening)."""
    candidate = application.candidate
    invitations = list(
        SJTInvitation.objects.filter(candidate=candidate)
        .select_related("test", "attempt", "invited_by")
    )
    dimension_ids = {
        int(d) for i in invitations if getattr(i, "attempt", None)
        for d in (i.attempt.dimension_scores or {})
    }
    names = dict(Dimension.objects.filter(pk__in=dimension_ids).values_list("pk", "name"))
    completed = {i.test_id for i in invitations
                 if getattr(i, "attempt", None) and i.attempt.total_score is not None}
    cohorts = sjt.producer_totals(completed) if completed else {}
    sjt_rows = []
    for invitation in invitations:
        attempt = getattr(invitation, "attempt", None)
        scores = [(names.get(int(d), d), v) for d, v in
                  ((attempt.dimension_scores or {}).items() if attempt else [])]
        sjt_rows.append({
            "invitation": invitation, "status": invitation.status, "attempt": attempt,
            "dimension_scores": sorted(scores, key=lambda pair: str(pair[0])),
            "answered": _answered(attempt),
            "total_words": sjt.total_in_words(attempt.total_score, invitation.test.scoring_method,
                                              cohorts.get(invitation.test_id, []))
            if attempt and attempt.total_score is not None else "",
            "link": delivery.link_url(invitation)
            if invitation.status in ("open", "started") else "",
        })
    return "assessments/panel_application.html", {
        "application": application,
        "sjt_rows": sjt_rows,
        "roleplays": _roleplay_groups(request.user, application),
        "tests": JudgmentTest.objects.filter(live=True),
        "exercises": RoleplayExercise.objects.filter(live=True),
        "assessors": roleplay.team_assessors(application.opening),
    }


def _answered(attempt) -> dict:
    """The answered count of a completed attempt, and whether it is enough to count."""
    if attempt is None or attempt.completed_at is None:
        return {"note": "", "complete": True}
    threshold = settings.SELECTION_SJT_MIN_COMPLETE
    complete = sjt.is_complete(attempt.items_answered, attempt.items_total, threshold)
    return {"complete": complete, "note": sjt.answered_note(
        attempt.items_answered, attempt.items_total, complete, threshold)}


def _roleplay_groups(user, application) -> list[dict]:
    cards = list(
        RoleplayScorecard.objects.filter(application=application)
        .select_related("exercise", "assessor").prefetch_related("ratings__dimension")
        .order_by("exercise__title", "assessor__last_name", "pk")
    )
    groups: dict[int, dict] = {}
    for card in cards:
        group = groups.setdefault(card.exercise_id, {"exercise": card.exercise, "cards": []})
        group["cards"].append(card)
    for group in groups.values():
        own = [c for c in group["cards"] if c.assessor_id == user.pk]
        group["blind"] = bool(own) and not own[0].is_submitted
        group["summary"] = [] if group["blind"] else roleplay.summary(group["cards"])
    return list(groups.values())


def roleplays_to_score(user) -> list[Due]:
    """For the top bar: the user's roleplay scorecards not yet submitted."""
    return [Due(RoleplayScorecard.objects.filter(
        assessor=user, status=RoleplayScorecard.DRAFT).count(),
        "roleplay to score", "roleplays to score")]


def home_panel(request):
    """My work: roleplays still to score; submitted ones only counted (a collapsed list)."""
    if not request.user.is_authenticated:
        return None
    mine = RoleplayScorecard.objects.filter(assessor=request.user)
    to_do = list(
        mine.filter(status=RoleplayScorecard.DRAFT)
        .select_related("exercise", "candidate", "producer").order_by("created_at", "pk")
    )
    done = list(
        mine.filter(status=RoleplayScorecard.SUBMITTED)
        .select_related("exercise", "candidate", "producer").order_by("-submitted_at")[:20]
    )
    if not to_do and not done:
        return None
    done_count = len(done) if len(done) < 20 else mine.filter(
        status=RoleplayScorecard.SUBMITTED).count()
    return "assessments/panel_home.html", {"cards": to_do, "done": done,
                                           "done_count": done_count}


def hr_imports_panel(request):
    """For HR: imports not refreshed within ``SELECTION_IMPORT_STALE_DAYS`` days."""
    from selection.access import is_hr

    from .stale_imports import stale_imports

    if not is_hr(request.user):
        return None
    return "assessments/panel_stale_imports.html", {
        "stale": stale_imports(), "days": settings.SELECTION_IMPORT_STALE_DAYS}


def manager_outstanding_panel(request):
    """For a hiring manager: per opening, tests and references still outstanding."""
    from .outstanding import managed_openings, outstanding

    if not request.user.is_authenticated:
        return None
    openings = managed_openings(request.user)
    if not openings:
        return None
    return "assessments/panel_outstanding.html", {"rows": outstanding(openings)}
