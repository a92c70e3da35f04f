"""Interviewer pages: my interviews, the scorecard (with autosave), amendments, others' cards."""

import json
import math

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFieldsSent
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from selection.panels import panels_for

from . import access, scoring, selectors
from .models import Scorecard
from .scorecard_form import scorecard_rows
from .scoring import ScorecardRefused, StaleScorecard


@login_required
def my_interviews(request):
    return render(
        request, "interviews/my_interviews.html",
        {"interviews": selectors.my_interviews(request.user)},
    )


def _missing(card, rows) -> list[dict]:
    """After a refused submit: what is missing, each with the anchor where it is."""
    for row in rows:
        row["missing"] = row["answer"].rating is None
    out = [{"label": f"A rating for question {row['number']}", "anchor": row["prefix"]}
           for row in rows if row["missing"]]
    if not card.recommendation:
        out.append({"label": "An overall recommendation", "anchor": "recommendation"})
    if not (card.rationale or "").strip():
        out.append({"label": "A short rationale for the recommendation",
                    "anchor": "id_rationale"})
    return out


def _render_scorecard(request, card, *, posted=None, conflict=None, error="", status=200,
                      amend=False, refused_submit=False):
    answers = selectors.answers_for(card)
    rows = scorecard_rows(answers, posted=posted, conflict=conflict)
    missing = _missing(card, rows) if refused_submit else []
    context = {
        "missing": missing,
        "card": card,
        "interview": card.interview,
        "application": card.interview.application,
        "candidate": card.interview.application.candidate,
        "rows": rows,
        "values": _card_values(card, posted),
        "saved": conflict or {},
        "recommendations": Scorecard.RECOMMENDATIONS,
        "version": conflict["version"] if conflict else card.version,
        "error": error,
        "editable": amend or not card.is_final,
        "amend": amend,
        "reason": (posted or {}).get("reason", ""),
        "amendments": list(card.amendments.select_related("amended_by")) if card.is_final else [],
        "sees_others": (card.is_final or card.interview.status == card.interview.CANCELLED)
        and selectors.may_see_scorecards(
            request.user, card.interview.application),
    }
    return render(request, "interviews/scorecard.html", context, status=status)


def _card_values(card, posted) -> dict:
    values = {"recommendation": card.recommendation, "rationale": card.rationale}
    for name in values:
        if posted is not None and name in posted:
            values[name] = posted.get(name)
    return values


@login_required
def scorecard(request, pk):
    """GET: the interview's questions with notes and ratings. POST: save (no JavaScript)."""
    card = access.scorecard_for_user(request, pk, write=request.method == "POST")
    if request.method != "POST":
        return _render_scorecard(request, card)
    try:
        scoring.save_draft(
            scorecard=card, by=request.user, base_version=request.POST.get("version"),
            data=request.POST,
        )
    except StaleScorecard as exc:
        return _render_scorecard(request, card, posted=request.POST, conflict=exc.current,
                                 error=str(exc), status=409)
    except ScorecardRefused as exc:
        return _render_scorecard(request, card, posted=request.POST, error=str(exc), status=400)
    if request.POST.get("action") == "submit":
        try:
            scoring.submit_scorecard(scorecard=card, by=request.user, base_version=card.version)
        except ScorecardRefused:
            card.refresh_from_db()
            return _render_scorecard(request, card, status=200, refused_submit=True)
        else:
            messages.success(request, "Scorecard submitted. You can now see the other "
                                      "interviewers' submitted scorecards.")
    else:
        stamp = timezone.localtime(card.updated_at).strftime("%H:%M")
        messages.success(request, f"Saved {stamp}.")
    return redirect(card)


def _not_a_number(name: str):
    raise ValueError(f"{name} is not a number")


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):  # 1e400 reads as infinity
        raise ValueError(f"{text[:20]} is out of range")
    return number


def _payload(request) -> dict:
    """The posted fields (a JSON object or a form); ScorecardRefused when unreadable."""
    try:
        if request.content_type != "application/json":
            return request.POST
        body = request.body
    except (RequestDataTooBig, TooManyFieldsSent):
        raise ScorecardRefused("The scorecard sent is larger than a scorecard can be; "
                               "nothing was saved.") from None
    try:
        data = json.loads(body or b"{}", parse_constant=_not_a_number, parse_float=_finite)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise ScorecardRefused("The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise ScorecardRefused("Send the fields as a JSON object.")
    return data


@login_required
@require_POST
def autosave(request, pk):
    """Saves a draft from the page's script; 409 with the current text when it is stale."""
    card = access.scorecard_for_user(request, pk, write=True)
    try:
        data = _payload(request)
        scoring.save_draft(
            scorecard=card, by=request.user, base_version=data.get("version"), data=data
        )
    except StaleScorecard as exc:
        return JsonResponse({"error": str(exc), "current": exc.current}, status=409)
    except ScorecardRefused as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    saved_at = timezone.localtime(card.updated_at).strftime("%H:%M")
    return JsonResponse({"version": card.version, "saved_at": saved_at})


@login_required
def amend(request, pk):
    """Changing a submitted scorecard: the same fields plus a reason; the old version is kept."""
    card = access.scorecard_for_user(request, pk, write=request.method == "POST")
    if not card.is_final:
        messages.info(request, "This scorecard is still a draft; edit it directly.")
        return redirect(card)
    if request.method != "POST":
        return _render_scorecard(request, card, amend=True)
    try:
        scoring.amend_scorecard(
            scorecard=card, by=request.user, base_version=request.POST.get("version"),
            data=request.POST, reason=request.POST.get("reason", ""),
        )
    except StaleScorecard as exc:
        return _render_scorecard(request, card, posted=request.POST, conflict=exc.current,
                                 error=str(exc), status=409, amend=True)
    except ScorecardRefused as exc:
        return _render_scorecard(request, card, posted=request.POST, error=str(exc),
                                 status=400, amend=True)
    messages.success(request, "Amendment saved; the earlier version is kept in the history.")
    return redirect(card)


@login_required
def others(request, pk):
    """The other interviewers' submitted scorecards, once the user has submitted theirs."""
    card = access.scorecard_for_user(request, pk)
    application = card.interview.application
    done = card.is_final or card.interview.status == card.interview.CANCELLED
    if not done or selectors.own_interview_pending(request.user, application):
        raise PermissionDenied("Submit your own scorecard first; scoring is blind until then.")
    if not selectors.may_see_scorecards(request.user, application):
        raise PermissionDenied("You are no longer on this opening's hiring team, so you keep "
                               "your own scorecard but not the other interviewers'.")
    cards = selectors.final_scorecards(application)
    return render(
        request, "interviews/others.html",
        {
            "card": card,
            "application": application,
            "candidate": application.candidate,
            "others": [c for c in cards if c.pk != card.pk],
            "spreads": selectors.dimension_spreads(cards, application.opening.requirements),
            # Other apps' evidence the blind rule releases with the scorecards (references).
            "panels": panels_for("submitted_scorecards", request, application=application),
        },
    )
