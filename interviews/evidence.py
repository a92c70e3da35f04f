"""Interview evidence for the calibration engine: one rating per interviewer and dimension."""

from dataclasses import dataclass

from django.db.models import Avg

from .models import Answer, Scorecard


@dataclass(frozen=True)
class InterviewRating:
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
        .values(
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
        InterviewRating(
            application_id=row["scorecard__interview__application_id"],
            candidate_id=row["scorecard__interview__application__candidate_id"],
            interviewer_id=row["scorecard__interview__interviewer_id"],
            dimension_id=row["question__dimension_id"],
            rating=float(row["mean"]),
        )
        for row in rows
    ]
