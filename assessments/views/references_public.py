"""The candidate's and the referees' side of references: no account, the signed link is the key.

Every view here throttles the link first (``links.throttle``), then loads it (403 forged,
410 used or expired), calls one function and renders. A referee sees the candidate's name,
the opening's title and the questions: nothing else of the candidate's file.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ..delivery import LinkRefused
from ..models.references import RELATIONSHIPS
from ..references import answering, links, nomination, questionnaire
from .link_answers import is_autosave, refused


def _posted(request):
    try:
        return request.POST
    except (RequestDataTooBig, TooManyFieldsSent):
        raise LinkRefused(400, "Not saved", "What was sent is larger than this form can be, "
                          "so nothing was saved. Shorten the longest answer and try again."
                          ) from None


@never_cache
def name_referees(request, token: str):
    try:
        links.throttle(request, token)
        reference_request = links.request_for_token(token)
        errors, data = [], {}
        if request.method == "POST":
            data = _posted(request)
            try:
                nomination.name_referees(request=reference_request, data=data)
            except ValidationError as exc:
                errors = exc.messages
            else:
                return render(request, "assessments/references/named.html", {
                    "opening": reference_request.application.opening})
    except LinkRefused as exc:
        return refused(request, exc)
    return render(request, "assessments/references/name_referees.html", {
        "reference_request": reference_request, "token": token, "errors": errors,
        "candidate": reference_request.application.candidate,
        "opening": reference_request.application.opening,
        "wanted": questionnaire.describe_relationships(
            reference_request.required_relationships),
        "rows": _nomination_rows(reference_request, data),
        "relationships": RELATIONSHIPS, "consent": bool(data.get("consent")),
    }, status=400 if errors else 200)


def _nomination_rows(reference_request, data) -> list[dict]:
    """The form's rows, refilled from a refused post; the first rows suggest the relationships
    the opening requires."""
    suggested = [k for k, n in reference_request.required_relationships.items()
                 for _ in range(n)]
    rows = []
    for n in range(nomination.ROWS):
        row = {f: data.get(f"r{n}-{f}", "") for f in nomination.FIELDS}
        if not data and n < len(suggested):
            row["relationship"] = suggested[n]
        rows.append({"n": n, "number": n + 1, "values": row,
                     "required": n < max(len(suggested), 1)})
    return rows


@never_cache
def reference_form(request, token: str):
    try:
        links.throttle(request, token)
        referee = links.referee_for_token(token)
    except LinkRefused as exc:
        return refused(request, exc)
    return _render_form(request, referee, token, referee.answers,
                        saved=request.GET.get("saved") == "1")


def _render_form(request, referee, token, answers, *, saved=False, errors=(), status=200):
    questions = []
    for number, question in enumerate(referee.request.questions, start=1):
        answer = answers.get(f"q{question['id']}", {})
        questions.append({"q": question, "number": number, "key": f"q{question['id']}",
                          "rating": answer.get("rating"), "comment": answer.get("comment", ""),
                          "scale": list(enumerate(question["anchors"], start=1))})
    application = referee.request.application
    return render(request, "assessments/references/reference_form.html", {
        "referee": referee, "token": token, "questions": questions, "answers": answers,
        "candidate_name": application.candidate.full_name, "opening": application.opening,
        "rehire_choices": questionnaire.REHIRE, "saved": saved, "errors": list(errors),
        "retention_days": settings.SELECTION_REFERENCE_RETENTION_DAYS,
        "max_comment": answering.MAX_COMMENT, "stamp": referee.draft_stamp,
    }, status=status)


@never_cache
@require_POST
def reference_save(request, token: str):
    try:
        links.throttle(request, token)
        referee = links.referee_for_token(token)
        data = _posted(request)
        submit = data.get("action") == "submit"
        try:
            referee, applied = answering.save_answers(referee=referee, data=data, submit=submit)
        except ValidationError as exc:
            referee = type(referee).objects.select_related(
                "request__application__candidate", "request__application__opening"
            ).get(pk=referee.pk)
            return _render_form(request, referee, token, referee.answers,
                                errors=exc.messages, status=400)
    except LinkRefused as exc:
        return refused(request, exc)
    if is_autosave(request):
        return JsonResponse({"ok": True, "applied": applied,
                             "saved_at": timezone.localtime(referee.saved_at).strftime("%H:%M")})
    if submit:
        return render(request, "assessments/references/done.html",
                      {"title": "Thank you", "declined": False})
    return redirect(reverse("assessments:reference_form", args=[token]) + "?saved=1")


@never_cache
@require_POST
def reference_decline(request, token: str):
    try:
        links.throttle(request, token)
        referee = links.referee_for_token(token)
        answering.decline(referee=referee, reason=_posted(request).get("reason", ""))
    except LinkRefused as exc:
        return refused(request, exc)
    return render(request, "assessments/references/done.html",
                  {"title": "You have declined", "declined": True})
