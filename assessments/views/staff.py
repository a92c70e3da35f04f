"""Staff pages for SJTs: inviting candidates and producers, the list of invitations, and
the item analysis."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from selection.models import Producer
from selection.producers import search_producers

from .. import access, delivery, invitation_list, roleplay, sjt
from ..analysis import item_analysis
from ..models import JudgmentTest, RoleplayExercise, RoleplayScorecard

PRODUCERS_PER_PAGE = 50
INVITATIONS_PER_PAGE = 50

SUBMITTED, DRAFT = RoleplayScorecard.SUBMITTED, RoleplayScorecard.DRAFT
STATUS = "roleplay_scorecards__status"


def send_invitation(request, **person) -> str | None:
    """Invites the person to the posted test and emails the link; returns an error or None."""
    test = JudgmentTest.objects.filter(pk=_int(request.POST.get("test")), live=True).first()
    if test is None:
        return "Choose a published test."
    try:
        invitation, created = delivery.invite(test=test, by=request.user, **person)
    except ValidationError as exc:
        return " ".join(exc.messages)
    delivery.send_invitation_email(invitation)
    return None


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@login_required
@require_POST
def invite_candidate(request, pk: int):
    application = access.application_for_manager(request, pk)
    error = send_invitation(request, candidate=application.candidate, application=application)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, f"Invitation emailed to {application.candidate.email}. "
                         "The link is also shown under Assessments below.")
    return redirect(application.get_absolute_url() + "#assessments")


@login_required
def producer_list(request):
    """HR: producers with their SJT and roleplay status; invite or assign in bulk."""
    access.require_hr(request)
    if request.method == "POST":
        _producer_action(request)
        return redirect("assessments:producer_list", )
    query, tier = request.GET.get("q", "").strip()[:100], request.GET.get("tier", "")
    matching = search_producers(Producer.objects.all(), query=query, tier=tier)
    page = Paginator(matching.order_by("last_name", "first_name", "pk"), PRODUCERS_PER_PAGE
                     ).get_page(request.GET.get("page"))
    producers = Producer.objects.filter(pk__in=[p.pk for p in page]).prefetch_related(
        "sjt_invitations__attempt", "sjt_invitations__test"
    ).annotate(
        roleplays_done=Count("roleplay_scorecards", filter=Q(**{STATUS: SUBMITTED})),
        roleplays_open=Count("roleplay_scorecards", filter=Q(**{STATUS: DRAFT})),
    ).order_by("last_name", "first_name", "pk")
    rows = [{"producer": p, "invitations": [
        {"invitation": i, "status": i.status, "answered": _answered(i),
         "link": delivery.link_url(i)
         if i.status in ("open", "started") else ""}
        for i in p.sjt_invitations.all()]} for p in producers]
    return render(request, "assessments/producer_list.html", {
        "rows": rows, "page": page, "query": query, "tier": tier,
        "tiers": [*Producer.TIERS, ("none", "No tier yet")],
        "filters": urlencode({k: v for k, v in (("q", query), ("tier", tier)) if v}),
        "tests": JudgmentTest.objects.filter(live=True),
        "exercises": RoleplayExercise.objects.filter(live=True),
        "assessors": roleplay.staff_assessors(),
    })


def _answered(invitation) -> dict:
    """How much of a completed test the producer answered: an incomplete test is left out of
    the producers' figures, as a candidate's is left out of the band."""
    attempt = getattr(invitation, "attempt", None)
    if attempt is None or attempt.completed_at is None:
        return {"note": "", "complete": True}
    threshold = settings.SELECTION_SJT_MIN_COMPLETE
    complete = sjt.is_complete(attempt.items_answered, attempt.items_total, threshold)
    return {"complete": complete, "note": sjt.answered_note(
        attempt.items_answered, attempt.items_total, complete, threshold,
        left_out="left out of the producer comparison")}


def _producer_action(request) -> None:
    ids = [i for i in map(_int, request.POST.getlist("producer")) if i]
    producers = list(Producer.objects.filter(pk__in=ids))
    if not producers:
        messages.error(request, "Tick at least one producer.")
        return
    action = request.POST.get("action")
    problems, done = [], 0
    for producer in producers:
        if action == "invite":
            error = send_invitation(request, producer=producer)
        elif action == "assign":
            error = _assign_producer(request, producer)
        else:
            error = "Unknown action."
        if error:
            problems.append(f"{producer}: {error}")
        else:
            done += 1
    verb = "invited to the test" if action == "invite" else "given an assessor"
    if done:
        messages.success(request, f"{done} producer{'s' if done != 1 else ''} {verb}.")
    for problem in problems[:20]:
        messages.error(request, problem)


def _assign_producer(request, producer) -> str | None:
    exercise = RoleplayExercise.objects.filter(pk=_int(request.POST.get("exercise")),
                                               live=True).first()
    assessor = next((u for u in roleplay.staff_assessors()
                     if u.pk == _int(request.POST.get("assessor"))), None)
    if exercise is None or assessor is None:
        return "Choose a published exercise and an assessor."
    try:
        roleplay.assign_assessor(exercise=exercise, assessor=assessor, by=request.user,
                                 producer=producer)
    except ValidationError as exc:
        return " ".join(exc.messages)
    return None


@login_required
def invitation_list_page(request):
    """HR: every SJT invitation across openings, newest first; search, filters, pages."""
    access.require_hr(request)
    query = request.GET.get("q", "").strip()[:100]
    status, opening = request.GET.get("status", ""), request.GET.get("opening", "")[:100]
    openings = invitation_list.opening_choices()
    if status not in dict(invitation_list.STATUSES):
        status = ""
    if opening not in dict(openings):
        opening = ""
    matching = invitation_list.search_invitations(
        invitation_list.listed_invitations(), query=query, status=status, opening=opening)
    page = Paginator(matching, INVITATIONS_PER_PAGE).get_page(request.GET.get("page"))
    filters = (("q", query), ("status", status), ("opening", opening))
    return render(request, "assessments/invitation_list.html", {
        "rows": invitation_list.rows(page), "page": page,
        "query": query, "status": status, "opening": opening,
        "statuses": invitation_list.STATUSES, "openings": openings,
        "filtered": bool(query or status or opening),
        "filters": urlencode({k: v for k, v in filters if v}),
    })


@login_required
def test_list(request):
    access.require_hr(request)
    tests = JudgmentTest.objects.annotate(
        completed=Count("invitations__attempt",
                        filter=Q(invitations__attempt__completed_at__isnull=False)),
        invited=Count("invitations"),
    )
    return render(request, "assessments/test_list.html", {"tests": tests})


@login_required
def test_analysis(request, pk: int):
    test = access.test_for_hr(request, pk)
    return render(request, "assessments/test_analysis.html", {"analysis": item_analysis(test)})
