"""Roleplay scoring: assigning assessors, saving and submitting scorecards, blind peers."""

from collections import defaultdict
from statistics import fmean

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from selection.access import is_hr
from selection.models import HiringTeamMember
from selection.roles import HIRING_MANAGER, HR, INTERVIEWER

from .models import RoleplayExercise, RoleplayRating, RoleplayScorecard
from .signals import evidence_changed


def team_assessors(opening) -> list:
    """The people who may assess a candidate of this opening: its hiring team."""
    User = get_user_model()
    return list(
        User.objects.filter(team_memberships__opening=opening, is_active=True)
        .distinct().order_by("last_name", "first_name", "email")
    )


def staff_assessors() -> list:
    """The people who may assess a producer: anyone in a staff group, and superusers."""
    User = get_user_model()
    return list(
        User.objects.filter(is_active=True)
        .filter(groups__name__in=[HR, HIRING_MANAGER, INTERVIEWER])
        .distinct().order_by("last_name", "first_name", "email")
    )


@transaction.atomic
def assign_assessor(*, exercise: RoleplayExercise, assessor, by, application=None, producer=None):
    """A draft scorecard for the assessor on the person; returns (scorecard, created)."""
    if not exercise.live:
        raise ValidationError("Publish the exercise before assigning assessors to it.")
    if application is not None:
        if assessor not in team_assessors(application.opening):
            raise ValidationError("Assessors for a candidate come from the opening's hiring team.")
        person = {"candidate_id": application.candidate_id}
        defaults = {"application": application, "assigned_by": by}
    else:
        if assessor not in staff_assessors():
            raise ValidationError("Choose a member of HR, a hiring manager or an interviewer.")
        person = {"producer": producer}
        defaults = {"assigned_by": by}
    return RoleplayScorecard.objects.get_or_create(
        exercise=exercise, assessor=assessor, **person, defaults=defaults
    )


def behaviours_with_ratings(scorecard: RoleplayScorecard) -> list[dict]:
    """Per observable behaviour of the exercise: the dimension, its anchors, this rating."""
    ratings = {r.dimension_id: r for r in scorecard.ratings.all()}
    rows = []
    for behaviour in scorecard.exercise.behaviours.select_related("dimension").order_by(
        "sort_order"
    ):
        rating = ratings.get(behaviour.dimension_id)
        rows.append({
            "behaviour": behaviour,
            "dimension": behaviour.dimension,
            "anchors": list(enumerate(behaviour.dimension.anchors, start=1)),
            "rating": rating.rating if rating else None,
            "notes": rating.notes if rating else "",
        })
    return rows


@transaction.atomic
def save_scorecard(
    *, scorecard: RoleplayScorecard, ratings: dict[int, tuple[int | None, str]], notes: str,
    submit: bool = False,
) -> RoleplayScorecard:
    """Saves the draft (ratings: dimension id -> (rating or None, notes)); submits when asked.

    A submitted scorecard is read-only. Submitting needs a rating on every behaviour.
    """
    locked = RoleplayScorecard.objects.select_for_update().get(pk=scorecard.pk)
    if locked.is_submitted:
        raise ValidationError("This scorecard is submitted and can no longer be changed.")
    wanted = set(scorecard.exercise.behaviours.values_list("dimension_id", flat=True))
    unknown = set(ratings) - wanted
    if unknown:
        raise ValidationError("A rating refers to a dimension this exercise does not observe.")
    for rating, _ in ratings.values():
        if rating is not None and rating not in range(1, 6):
            raise ValidationError("Ratings go from 1 to 5.")
    if any("\x00" in text for text in [notes, *(t for _, t in ratings.values())]):
        raise ValidationError("Notes cannot contain a NUL character.")  # PostgreSQL refuses it
    if submit:
        missing = [d for d in wanted if ratings.get(d, (None, ""))[0] is None]
        if missing:
            raise ValidationError("Rate every behaviour before submitting; drafts can be partial.")
    existing = {r.dimension_id: r for r in locked.ratings.all()}
    for dimension_id, (rating, text) in ratings.items():
        row = existing.get(dimension_id) or RoleplayRating(
            scorecard=locked, dimension_id=dimension_id
        )
        row.rating, row.notes = rating, text
        row.save()
    locked.notes = notes
    if submit:
        locked.status, locked.submitted_at = RoleplayScorecard.SUBMITTED, timezone.now()
        evidence_changed(
            opening_id=locked.application.opening_id if locked.application_id else None
        )
    locked.save()
    return locked


def sees_peer_ratings(user, scorecard: RoleplayScorecard) -> bool:
    """Blind rule: an assessor sees others' ratings of this person only after submitting.

    People who manage (HR, the opening's hiring managers) see submitted ratings unless
    they themselves hold an unsubmitted scorecard for the same person and exercise. An
    assessor taken off a candidate's hiring team keeps their own card, not the others'.
    """
    own = RoleplayScorecard.objects.filter(
        exercise_id=scorecard.exercise_id, assessor=user,
        candidate_id=scorecard.candidate_id, producer_id=scorecard.producer_id,
    ).first()
    if own is not None:
        if not own.is_submitted:
            return False
        return is_hr(user) or not scorecard.application_id or _on_team(user, scorecard)
    return is_hr(user) or _manages(user, scorecard)


def roleplays_hidden_from(user, candidate_ids) -> set[tuple[int, str]]:
    """(candidate id, exercise slug) pairs whose other assessors' ratings ``user`` may not see.

    The rule of ``sees_peer_ratings`` for a reader who manages the opening (the hiring
    report, the calibration page, packets): their own unsubmitted scorecard for that
    candidate in that exercise hides everyone else's, and every figure computed from them.
    """
    if not user.is_authenticated:
        return set()
    return set(
        RoleplayScorecard.objects.filter(
            assessor=user, candidate_id__in=list(candidate_ids), status=RoleplayScorecard.DRAFT
        ).values_list("candidate_id", "exercise__slug")
    )


def _on_team(user, scorecard: RoleplayScorecard) -> bool:
    return HiringTeamMember.objects.filter(
        opening_id=scorecard.application.opening_id, user=user).exists()


def _manages(user, scorecard: RoleplayScorecard) -> bool:
    if not scorecard.application_id:
        return False
    return HiringTeamMember.objects.filter(
        opening_id=scorecard.application.opening_id, user=user,
        role=HiringTeamMember.HIRING_MANAGER,
    ).exists()


def peer_scorecards(scorecard: RoleplayScorecard) -> list[RoleplayScorecard]:
    """The other submitted scorecards of the same person in the same exercise."""
    return list(
        RoleplayScorecard.objects.filter(
            exercise_id=scorecard.exercise_id, status=RoleplayScorecard.SUBMITTED,
            candidate_id=scorecard.candidate_id, producer_id=scorecard.producer_id,
        ).exclude(pk=scorecard.pk).select_related("assessor")
        .prefetch_related("ratings__dimension")
    )


def summary(scorecards: list[RoleplayScorecard]) -> list[dict]:
    """Mean rating per dimension over the submitted scorecards given, with n."""
    values: dict = defaultdict(list)
    names = {}
    for card in scorecards:
        if not card.is_submitted:
            continue
        for rating in card.ratings.all():
            if rating.rating is not None:
                values[rating.dimension_id].append(rating.rating)
                names[rating.dimension_id] = rating.dimension.name
    return [
        {"dimension": names[d], "mean": fmean(v), "n": len(v)} for d, v in sorted(values.items())
    ]
