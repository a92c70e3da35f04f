"""The candidate's (or producer's) side of an SJT: no account, the signed link is the key."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import sjt
from ..delivery import (
    LinkRefused,
    close_if_due,
    closed_refusal,
    invitation_for_token,
    parse_answers,
    save_answers,
    start_attempt,
)
from .link_answers import is_autosave, refused

LABELS = ["very ineffective", "ineffective", "neither", "effective", "very effective"]



def _open_invitation(token: str):
    """The invitation and its attempt (closed at the deadline if due); LinkRefused if unusable."""
    invitation = invitation_for_token(token)
    attempt = invitation.attempt_or_none
    if attempt is not None:
        attempt = close_if_due(attempt)
        if attempt.completed_at is not None:
            raise closed_refusal(attempt)
    return invitation, attempt


@never_cache
def take_test(request, token: str):
    try:
        invitation, attempt = _open_invitation(token)
    except LinkRefused as exc:
        return refused(request, exc)
    return _render_test(request, invitation, attempt, token,
                        saved=request.GET.get("saved") == "1")


def _render_test(request, invitation, attempt, token, *, saved=False, confirm=False):
    """The test page; ``confirm``: the person pressed Submit with items unanswered."""
    test = sjt.snapshot(invitation.test_revision)
    answers = attempt.answers if attempt else {}
    progress = sjt.progress(test, answers)
    return render(request, "assessments/take_test.html", {
        "invitation": invitation, "attempt": attempt, "test": test, "token": token,
        "scenarios": _scenario_rows(test, answers), "saved": saved, "progress": progress,
        "confirm_incomplete": confirm and progress["unanswered"] > 0,
        "seconds_left": _seconds_left(attempt), "rating_choices": list(enumerate(LABELS, 1)),
    })


@never_cache
@require_POST
def start_test(request, token: str):
    try:
        invitation, attempt = _open_invitation(token)
        if attempt is None:
            start_attempt(invitation)
    except LinkRefused as exc:
        return refused(request, exc)
    return redirect("assessments:take_test", token=token)


def _posted(request):
    """The posted form; LinkRefused(400) when it is too large or has too many fields."""
    try:
        return request.POST
    except (RequestDataTooBig, TooManyFieldsSent):
        raise LinkRefused(
            400, "Not saved",
            "The answers sent are larger than this test's form can be, so nothing was saved. "
            "Reload the page and answer again.",
        ) from None


@never_cache
@require_POST
def save_test(request, token: str):
    try:
        invitation = invitation_for_token(token)
        data = _posted(request)
        action = data.get("action")
        submit = action in ("submit", "submit-confirmed")
        # The confirm button sends "submit-confirmed"; a confirm_incomplete field does too.
        confirmed = action == "submit-confirmed" or bool(data.get("confirm_incomplete"))
        if submit and not confirmed and _unanswered(invitation, data):
            # Save, do not submit: the page asks whether to submit with items unanswered.
            attempt = save_answers(invitation=invitation, data=data, submit=False)
            return _render_test(request, invitation, attempt, token, confirm=True)
        attempt = save_answers(invitation=invitation, data=data, submit=submit)
    except LinkRefused as exc:
        return refused(request, exc)
    if is_autosave(request):
        return JsonResponse({"ok": True, "saved_at": timezone.localtime(attempt.saved_at)
                             .strftime("%H:%M:%S"), "seconds_left": _seconds_left(attempt)})
    if submit:
        return render(request, "assessments/test_done.html", {
            "test_title": invitation.test.title,
            "for_candidate": bool(invitation.candidate_id),
            "opening": invitation.application.opening if invitation.application_id else None,
            "adjustments_contact": settings.SELECTION_ADJUSTMENTS_CONTACT,
            "token": token if invitation.candidate_id else None,
        })
    return redirect(reverse("assessments:take_test", args=[token]) + "?saved=1")


def _unanswered(invitation, data) -> int:
    """How many items the posted form leaves unanswered (LinkRefused on invalid answers)."""
    test = sjt.snapshot(invitation.test_revision)
    return sjt.progress(test, parse_answers(test, data))["unanswered"]


def _seconds_left(attempt) -> int | None:
    if attempt is None:
        return None
    return max(0, int((attempt.deadline - timezone.now()).total_seconds()))


def _scenario_rows(test: sjt.TestSnapshot, answers: dict) -> list[dict]:
    rows = []
    for number, scenario in enumerate(test.scenarios, start=1):
        answer = answers.get(str(scenario.id), {})
        rows.append({
            "scenario": scenario, "number": number,
            "most": answer.get("most"), "least": answer.get("least"),
            "options": [
                {"option": option, "letter": chr(ord("A") + n),
                 "field": f"s{scenario.id}-o{option.id}", "value": answer.get(str(option.id))}
                for n, option in enumerate(scenario.options)
            ],
        })
    return rows
