"""Pages for the people who manage an opening: kit, plan, scheduling, calibration session."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from selection.access import opening_for_user
from selection.forms import DecisionForm
from selection.pipeline import active_reasons, outcome_effects, record_decision

from . import access, planning
from .calibration import calibration_rows
from .pipeline_export import pipeline_download


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@login_required
def pipeline_export(request, slug):
    """The opening's pipeline as a CSV download, for the people who manage the opening."""
    return pipeline_download(opening_for_user(request, slug), request.user)


@login_required
def kit(request, slug):
    opening, kit = access.kit_for_manager(request, slug)
    slots = planning.kit_questions(kit) if kit else []
    options = planning.swap_options(slots)
    for slot in slots:
        slot.swap_options = options[slot.pk]
    counts = {}
    for slot in slots:
        counts[slot.question.dimension_id] = counts.get(slot.question.dimension_id, 0) + 1
    requirements = [
        {"requirement": r, "count": counts.get(r.dimension_id, 0),
         "wanted": planning.questions_wanted(r.weight)}
        for r in opening.requirements
    ]
    return render(request, "interviews/kit.html", {
        "opening": opening, "kit": kit, "slots": slots,
        "requirements": requirements,
    })


@login_required
@require_POST
def kit_build(request, slug):
    opening, _ = access.kit_for_manager(request, slug)
    planning.build_kit(opening=opening, by=request.user)
    messages.success(request, "Interview kit built from the role profile.")
    return redirect("interviews:kit", slug=opening.slug)


@login_required
@require_POST
def kit_swap(request, slug):
    opening, kit = access.kit_for_manager(request, slug)
    if kit is None:
        messages.error(request, "Build the kit first.")
        return redirect("interviews:kit", slug=opening.slug)
    try:
        planning.swap_question(
            kit=kit, kit_question_id=_int(request.POST.get("kit_question")),
            question_id=_int(request.POST.get("question")), by=request.user,
        )
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, "Question swapped.")
    return redirect("interviews:kit", slug=opening.slug)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@login_required
def plan(request, slug):
    """GET: who asks which question and the coverage check. POST: save an adjusted plan."""
    opening, kit = access.kit_for_manager(request, slug)
    if kit is None:
        messages.error(request, "Build the interview kit first; the plan splits it.")
        return redirect("interviews:kit", slug=opening.slug)
    slots = planning.kit_questions(kit)
    interviewers = planning.interviewers_of(opening)
    status = 200
    if request.method == "POST":
        assignments = {
            slot.pk: (_int(request.POST.get(f"slot-{slot.pk}")) or None) for slot in slots
        }
        try:
            planning.save_plan(kit=kit, assignments=assignments, by=request.user)
        except ValidationError as exc:
            messages.error(request, f"Plan not saved. {_errors(exc)}")
            people = {u.pk: u for u in interviewers}
            for slot in slots:
                slot.interviewer = people.get(assignments[slot.pk])
            status = 400
        else:
            messages.success(request, "Interview plan saved.")
            return redirect("interviews:plan", slug=opening.slug)
    return render(request, "interviews/plan.html", {
        "opening": opening, "kit": kit, "slots": slots, "interviewers": interviewers,
        "coverage": planning.plan_coverage(kit, slots),
    }, status=status)


@login_required
@require_POST
def plan_auto(request, slug):
    opening, kit = access.kit_for_manager(request, slug)
    if kit is None:
        kit = planning.build_kit(opening=opening, by=request.user)
    try:
        planning.apply_auto_split(kit=kit, by=request.user)
    except ValidationError as exc:
        messages.error(request, f"The automatic split leaves gaps. {_errors(exc)}")
    else:
        messages.success(request, "Questions split among the interviewers.")
    return redirect("interviews:plan", slug=opening.slug)


@login_required
@require_POST
def schedule(request, slug, pk):
    application = access.application_for_manager(request, slug, pk)
    try:
        created = planning.schedule_interviews(application=application, by=request.user)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        if created:
            messages.success(request, f"{created} interview(s) created from the plan, one "
                                      "per interviewer: give each a time and a place.")
        else:
            messages.info(request, "Every planned interviewer already has this interview.")
        return redirect("interviews:schedule_times", slug=slug, pk=pk)
    return redirect(application.get_absolute_url())


@login_required
def calibration_session(request, slug):
    """The meeting's page: every interviewed candidate's evidence and the decision taken."""
    opening = access.opening_for_manager(request, slug)
    forms, status = {}, 200
    if request.method == "POST":
        app_id = _int(request.POST.get("application"))
        application = opening.applications.filter(pk=app_id).first()
        if application is None:
            messages.error(request, "That candidate is not in this opening.")
            return redirect("interviews:calibration_session", slug=opening.slug)
        form = DecisionForm(request.POST, prefix=f"app{app_id}")
        if form.is_valid():
            try:
                record_decision(application=application, by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                messages.error(request, _errors(exc))
            else:
                messages.success(request, f"Decision recorded for {application.candidate}.")
                url = reverse("interviews:calibration_session", args=[opening.slug])
                return redirect(f"{url}#candidate-{app_id}")
        else:
            problems = " ".join(m for errors in form.errors.values() for m in errors)
            messages.error(request, f"No decision was recorded for {application.candidate}: "
                                    f"{problems}")
        forms[app_id], status = form, 400
    rows = calibration_rows(request.user, opening)
    reasons = active_reasons()
    for row in rows:
        pk = row.application.pk
        row.form = forms.get(pk) or DecisionForm(prefix=f"app{pk}", reasons=reasons)
        effects = outcome_effects(row.application)
        row.outcome_choices = [(radio, effects[radio.data["value"]])
                               for radio in row.form["outcome"]]
    return render(request, "interviews/calibration_session.html",
                  {"opening": opening, "rows": rows}, status=status)
