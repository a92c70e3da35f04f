"""interview_ratings: per interviewer and dimension, the mean of their final ratings."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from interviews import scoring
from interviews.evidence import InterviewRating, interview_ratings
from tests.interviews.conftest import card_of, complete


def _rate(card, user, ratings: dict[str, int]):
    """Rates each of the card's questions by its dimension slug (a list pops in order)."""
    data = {"recommendation": "yes", "rationale": "r"}
    for answer in card.answers.select_related("question__dimension"):
        data[f"q{answer.question_id}-rating"] = ratings[answer.question.dimension.slug].pop(0)
    scoring.save_draft(scorecard=card, by=user, base_version=card.version, data=data)
    scoring.submit_scorecard(scorecard=card, by=user, base_version=card.version)


def test_means_per_interviewer_and_dimension_from_final_cards_only(
    scheduled, interviewer, interviewer2, interviewer3, library
):
    # plan: interviewer asks discovery + negotiating; interviewer2 discovery + resilience
    _rate(card_of(interviewer, scheduled), interviewer,
          {"discovery": [4], "negotiating": [2]})
    _rate(card_of(interviewer2, scheduled), interviewer2,
          {"discovery": [5], "resilience": [3]})
    complete(card_of(interviewer3, scheduled), interviewer3, rating=1, submit=False)
    with CaptureQueriesContext(connection) as ctx:
        ratings = interview_ratings(scheduled.opening)
    assert len(ctx.captured_queries) == 1
    app, cand = scheduled.pk, scheduled.candidate_id
    d, n, r = (library[s].pk for s in ("discovery", "negotiating", "resilience"))
    assert set(ratings) == {
        InterviewRating(app, cand, interviewer.pk, d, 4.0),
        InterviewRating(app, cand, interviewer.pk, n, 2.0),
        InterviewRating(app, cand, interviewer2.pk, d, 5.0),
        InterviewRating(app, cand, interviewer2.pk, r, 3.0),
    }
    assert all(isinstance(x.rating, float) for x in ratings)


def test_two_questions_on_one_dimension_are_averaged_and_amendments_count(
    client, scheduled, interviewer, library, manager, planned
):
    from interviews.models import Answer

    card = card_of(interviewer, scheduled)
    # give this interviewer both discovery questions
    other = Answer.objects.filter(question__dimension=library["discovery"]).exclude(
        scorecard=card).first()
    Answer.objects.create(scorecard=card, question=other.question, sort_order=9)
    _rate(card, interviewer, {"discovery": [2, 5], "negotiating": [3]})
    mine = [x for x in interview_ratings(scheduled.opening) if x.interviewer_id == interviewer.pk]
    assert {(x.dimension_id, x.rating) for x in mine} == {
        (library["discovery"].pk, 3.5), (library["negotiating"].pk, 3.0)}
    q = card.answers.filter(question__dimension=library["negotiating"]).first().question_id
    scoring.amend_scorecard(scorecard=card, by=interviewer, base_version=card.version,
                            data={f"q{q}-rating": "5"}, reason="Re-read notes")
    mine = {x.dimension_id: x.rating for x in interview_ratings(scheduled.opening)
            if x.interviewer_id == interviewer.pk}
    assert mine[library["negotiating"].pk] == 5.0


def test_recompute_hook_is_optional(scheduled, interviewer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        complete(card_of(interviewer, scheduled), interviewer)
    assert len(callbacks) == 1  # ran without reports.calibration.tasks being required
