"""Interview evidence for the calibration engine: one rating per interviewer and dimension."""

from typing import NamedTuple

from django.db.models import Avg

from .models import Answer, Scorecard


class InterviewRating(NamedTuple):
    """One interviewer's mean rating of one candidate on one dimension (a named tuple: an
    opening of a thousand candidates has some ten thousand of them)."""

    application_id: int
    candidate_id: int
    interviewer_id: int
    dimension_id: int
    rating: float


def interview_ratings(opening) -> list[InterviewRating]:
    """Per candidate, interviewer and dimension: the mean of that interviewer's ratings.

    Only submitted or amended scorecards count, in their current version; drafts and
    unrated questions are left out. One query.
    """
    rows = (
        Answer.objects.filter(
            scorecard__interview__application__opening=opening,
            scorecard__state__in=Scorecard.FINAL_STATES,
            rating__isnull=False,
        )
        .values_list(
            "scorecard__interview__application_id",
            "scorecard__interview__application__candidate_id",
            "scorecard__interview__interviewer_id",
            "question__dimension_id",
        )
        .annotate(mean=Avg("rating"))
        .order_by(
            "scorecard__interview__application_id",
            "scorecard__interview__interviewer_id",
            "question__dimension_id",
        )
    )
    return [
        InterviewRating(application_id, candidate_id, interviewer_id, dimension_id, float(mean))
        for application_id, candidate_id, interviewer_id, dimension_id, mean in rows
    ]
