"""Pages of the hiring core: my work, openings and their pipelines, candidates, invites."""

from collections import OrderedDict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from . import access, pipeline_board, todo
from .forms import DecisionForm, InviteForm, StageForm
from .invitations import invite_user
from .models import Application
from .notifications import preferences, set_preferences
from .panels import panels_for
from .pipeline import (
    active_reasons,
    move_to_stage,
    needs_decision,
    outcome_effects,
    record_decision,
)

DECISION_PREFIX = "decision"


@login_required
def home(request):
    openings = (
        access.openings_for_user(request.user)
        .filter(status="open")
        .annotate(candidate_count=Count("applications", distinct=True))
    )
    return render(
        request,
        "selection/home.html",
        {"openings": openings, "panels": panels_for("home", request),
         "decisions": todo.decisions_waiting(list(openings)),
         "boards": pipeline_board.boards(request.user, todo.managed_openings(request.user)),
         "approvals": todo.approvals_waiting(request.user) if access.is_hr(request.user)
         else None},
    )


@login_required
def opening_list(request):
    openings = access.openings_for_user(request.user)
    return render(request, "selection/opening_list.html", {"openings": openings})


@login_required
def opening_detail(request, slug):
    opening = access.opening_for_user(request, slug)
    applications = opening.applications.select_related("candidate").order_by(
        "candidate__last_name", "candidate__first_name"
    )
    columns = OrderedDict((key, (label, [])) for key, label in Application.STAGES)
    for application in applications:
        columns[application.stage][1].append(application)
    team = opening.team.select_related("user").order_by("role", "user__last_name")
    return render(
        request,
        "selection/opening_detail.html",
        {
            "opening": opening,
            "columns": [(key, label, apps) for key, (label, apps) in columns.items()],
            "has_candidates": bool(applications),
            "team": team,
            "requirements": opening.requirements,
            "stage_choices": Application.STAGES,
            "panels": panels_for("opening", request, opening=opening),
        },
    )


def _render_application(request, application, *, stage_form=None, decision_form=None,
                        status=200):
    effects = outcome_effects(application)
    reasons = active_reasons()
    decision_form = decision_form or DecisionForm(prefix=DECISION_PREFIX, reasons=reasons)
    return render(
        request,
        "selection/application_detail.html",
        {
            "application": application,
            "opening": application.opening,
            "candidate": application.candidate,
            "history": application.stage_changes.select_related("changed_by"),
            "decisions": application.decisions.select_related("decided_by")
            .prefetch_related("reasons"),
            "stage_form": stage_form or StageForm(initial={"stage": application.stage},
                                                  reasons=reasons),
            "decision_stages": [label for key, label in Application.STAGES
                                if needs_decision(key)],
            "decision_form": decision_form,
            "outcome_choices": [(radio, effects[radio.data["value"]])
                                for radio in decision_form["outcome"]],
            "outcome_effects": effects,
            "summary_panels": panels_for("application_summary", request,
                                         application=application),
            "panels": panels_for("application", request, application=application),
        },
        status=status,
    )


@login_required
def application_detail(request, slug, pk):
    application = access.application_for_user(request, slug, pk)
    return _render_application(request, application)


@login_required
@require_POST
def move_stage(request, slug, pk):
    """A move in the pipeline; to Offer, Hired or Rejected only with the decision and why."""
    application = access.application_for_user(request, slug, pk)
    form = StageForm(request.POST)
    if form.is_valid():
        try:
            move_to_stage(application=application, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
    if not form.is_valid():
        messages.error(request, f"{application.candidate} was not moved: the form below "
                                "says what is missing.")
        return _render_application(request, application, stage_form=form, status=400)
    stage_label = dict(Application.STAGES)[form.cleaned_data["stage"]]
    messages.success(request, f"{application.candidate} moved to {stage_label}.")
    if request.POST.get("next_page") == "opening":
        return redirect(application.opening)
    return redirect(application)


@login_required
@require_POST
def decide(request, slug, pk):
    """The candidate page's decision form: the calibration session's form and service."""
    application = access.application_for_user(request, slug, pk)
    form = DecisionForm(request.POST, prefix=DECISION_PREFIX)
    if form.is_valid():
        try:
            record_decision(application=application, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
    if not form.is_valid():
        messages.error(request, f"No decision was recorded for {application.candidate}: the "
                                "form below says what is missing.")
        return _render_application(request, application, decision_form=form, status=400)
    application.refresh_from_db(fields=["stage"])
    messages.success(request, f"Decision recorded for {application.candidate}; the stage is "
                              f"now {application.get_stage_display()}.")
    return redirect(application)


@login_required
def invite(request):
    if not access.is_hr(request.user):
        raise PermissionDenied("Only HR invites people.")
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = invite_user(request=request, **form.cleaned_data)
        messages.success(request, f"Invitation sent to {user.email}.")
        return redirect("invite_user")
    return render(request, "selection/invite.html", {"form": form})


@login_required
def account_notifications(request):
    """The person's emails (optional ones can be turned off) and what other apps add
    (the calendar feed)."""
    if request.method == "POST":
        set_preferences(user=request.user, enabled=set(request.POST.getlist("kind")))
        messages.success(request, "Your email choices are saved.")
        return redirect("account_notifications")
    return render(request, "selection/account_notifications.html", {
        "kinds": preferences(request.user),
        "panels": panels_for("account", request),
    })
