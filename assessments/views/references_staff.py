"""Staff pages for references and background checks: the opening's form, requests, checks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from selection.access import is_hr

from .. import access
from ..models import BackgroundCheck, ReferenceQuestion
from ..models.references import CHECK_KINDS
from ..references import background, nomination, questionnaire


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@login_required
def form_page(request, slug: str):
    """The opening's reference form: its questions, the referees asked for, the checks."""
    opening = access.opening_for_manager(request, slug)
    form = questionnaire.form_for(opening)
    questions = questionnaire.form_questions(form) if form else []
    on_form = {q.pk for q in questions}
    required = {r.dimension_id for r in opening.requirements}
    alternatives = [q for q in ReferenceQuestion.objects.filter(live=True)
                    .select_related("dimension").order_by("dimension__name", "pk")
                    if q.pk not in on_form and q.dimension_id in required]
    return render(request, "assessments/references/form_page.html", {
        "opening": opening, "form": form, "questions": questions,
        "alternatives": alternatives, "fixed": questionnaire.FIXED,
        "relationships_text": questionnaire.relationships_text(
            form.required_relationships) if form else "",
        "wanted": questionnaire.describe_relationships(form.required_relationships)
        if form else "",
        "check_kinds": CHECK_KINDS, "is_hr": is_hr(request.user),
    })


@login_required
@require_POST
def form_edit(request, slug: str):
    """Build the form, add or remove a question, or change the referees asked for."""
    opening = access.opening_for_manager(request, slug)
    action = request.POST.get("action")
    try:
        if action == "build":
            questionnaire.build_form(opening=opening, by=request.user)
            messages.success(request, "Reference form built from the role profile.")
        else:
            form = questionnaire.form_for(opening)
            if form is None:
                raise ValidationError("Build the form first.")
            if action == "add":
                questionnaire.add_question(form=form,
                                           question_id=_int(request.POST.get("question")))
            elif action == "remove":
                questionnaire.remove_question(form=form,
                                              question_id=_int(request.POST.get("question")))
            elif action == "relationships":
                questionnaire.set_relationships(form=form,
                                                text=request.POST.get("relationships", ""))
            else:
                raise ValidationError("Unknown change.")
            messages.success(request, "Reference form changed. Requests already sent keep "
                             "the questions they were sent with.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("assessments:reference_form_page", slug=opening.slug)


@login_required
@require_POST
def checks_edit(request, slug: str):
    """HR: which background checks this opening requires of its finalists."""
    opening = access.opening_for_manager(request, slug)
    access.require_hr(request)
    form = questionnaire.build_form(opening=opening, by=request.user)
    try:
        questionnaire.set_background_checks(form=form, kinds=request.POST.getlist("checks"))
        messages.success(request, "Background checks for this opening saved.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("assessments:reference_form_page", slug=opening.slug)


@login_required
@require_POST
def request_references(request, pk: int):
    application = access.application_for_manager(request, pk)
    try:
        _, created = nomination.request_references(application=application, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Link to name referees emailed to "
                         f"{application.candidate.email}." if created else
                         "References were already requested; the link is shown below.")
    return redirect(application.get_absolute_url() + "#references")


@login_required
@require_POST
def record_background(request, pk: int):
    application = access.application_for_hr(request, pk)
    try:
        check = background.record_check(application=application, data=request.POST,
                                         by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{check.get_kind_display()} check recorded.")
    return redirect(application.get_absolute_url() + "#background")


@login_required
@require_POST
def record_notice(request, pk: int):
    application = access.application_for_hr(request, pk)
    check = BackgroundCheck.objects.filter(
        application=application, kind=request.POST.get("kind", "")).first()
    try:
        if check is None:
            raise ValidationError("Record the check before its notice.")
        background.record_notice(check=check, sent_on=request.POST.get("notice_sent_on", ""),
                                 by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Pre-adverse-action notice recorded.")
    return redirect(application.get_absolute_url() + "#background")
