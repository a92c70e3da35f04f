"""Roleplay pages: assigning assessors to a candidate, and the assessor's scorecard."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .. import access
from .. import roleplay as service
from ..models import RoleplayExercise


@login_required
@require_POST
def assign_candidate(request, pk: int):
    application = access.application_for_manager(request, pk)
    exercise_id, assessor_id = request.POST.get("exercise", ""), request.POST.get("assessor", "")
    exercise = RoleplayExercise.objects.filter(
        pk=int(exercise_id) if exercise_id.isdigit() else 0, live=True
    ).first()
    team = {str(u.pk): u for u in service.team_assessors(application.opening)}
    assessor = team.get(assessor_id)
    if exercise is None or assessor is None:
        messages.error(request, "Choose a published exercise and an assessor from the hiring team.")
    else:
        try:
            _, created = service.assign_assessor(
                exercise=exercise, assessor=assessor, by=request.user, application=application
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            who = assessor.get_full_name() or assessor.email
            messages.success(request, f"{who} assesses {application.candidate} in {exercise}."
                             if created else f"{who} was already assigned to {exercise}.")
    return redirect(application.get_absolute_url() + "#assessments")


@login_required
def scorecard(request, pk: int):
    """The assessor fills in (draft, submit) their scorecard; others read a submitted one."""
    write = request.method == "POST"
    card = access.scorecard_for_user(request, pk, write=write)
    error = None
    if write:
        submit = request.POST.get("action") == "submit"
        try:
            service.save_scorecard(scorecard=card, ratings=_posted_ratings(request, card),
                                   notes=request.POST.get("notes", ""), submit=submit)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, "Scorecard submitted." if submit else "Draft saved.")
            return redirect("assessments:roleplay_scorecard", pk=card.pk)
        card = access.scorecard_for_user(request, pk)
    rows = service.behaviours_with_ratings(card)
    if error:
        posted = _posted_ratings(request, card, strict=False)
        for row in rows:
            row["rating"], row["notes"] = posted.get(row["dimension"].pk, (None, ""))
    peers_visible = service.sees_peer_ratings(request.user, card)
    peers = service.peer_scorecards(card) if peers_visible else []
    return render(request, "assessments/roleplay_scorecard.html", {
        "card": card, "rows": rows, "error": error, "peers": peers,
        "peers_visible": peers_visible, "peer_summary": service.summary(peers),
        "editable": card.assessor_id == request.user.pk and not card.is_submitted,
        "is_assessor": card.assessor_id == request.user.pk,
    }, status=400 if error else 200)


def _posted_ratings(request, card, *, strict: bool = True) -> dict:
    """dimension id -> (rating or None, notes) from the form; ValidationError on bad input."""
    ratings = {}
    for behaviour in card.exercise.behaviours.all():
        raw = request.POST.get(f"rating-{behaviour.dimension_id}", "")
        rating = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 2 else None
        if strict and raw and (rating is None or not 1 <= rating <= 5):
            raise ValidationError("Ratings go from 1 to 5.")
        ratings[behaviour.dimension_id] = (
            rating, request.POST.get(f"notes-{behaviour.dimension_id}", "").strip()
        )
    return ratings
