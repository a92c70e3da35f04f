"""Draft, submitted, amended: one function each, and an amendment keeps the earlier version."""

import pytest

from interviews import scoring
from interviews.models import Amendment, Scorecard
from interviews.scoring import ScorecardRefused
from tests.interviews.conftest import card_of, complete


def test_save_draft_stores_notes_and_ratings_and_bumps_the_version(scheduled, interviewer):
    card = card_of(interviewer, scheduled)
    answer = card.answers.first()
    scoring.save_draft(scorecard=card, by=interviewer, base_version=0, data={
        f"q{answer.question_id}-situation": "Lost renewal", f"q{answer.question_id}-rating": "4",
    })
    answer.refresh_from_db()
    assert (answer.situation, answer.rating) == ("Lost renewal", 4)
    assert Scorecard.objects.get(pk=card.pk).version == 1
    assert card.state == Scorecard.DRAFT


def test_submit_needs_every_rating_a_recommendation_and_a_rationale(scheduled, interviewer):
    card = card_of(interviewer, scheduled)
    with pytest.raises(ScorecardRefused, match="rating for question 1"):
        scoring.submit_scorecard(scorecard=card, by=interviewer, base_version=0)
    assert Scorecard.objects.get(pk=card.pk).state == Scorecard.DRAFT
    assert Scorecard.objects.get(pk=card.pk).version == 0  # the refused submit changed nothing


def test_submit_makes_it_read_only(scheduled, interviewer):
    card = complete(card_of(interviewer, scheduled), interviewer)
    card.refresh_from_db()
    assert card.state == Scorecard.SUBMITTED and card.submitted_at is not None
    with pytest.raises(ScorecardRefused, match="submitted"):
        scoring.save_draft(scorecard=card, by=interviewer, base_version=card.version,
                           data={"rationale": "sneaky"})
    card.refresh_from_db()
    assert card.rationale == "Because of the examples."


def test_amendment_needs_a_reason(scheduled, interviewer):
    card = complete(card_of(interviewer, scheduled), interviewer)
    with pytest.raises(ScorecardRefused, match="why"):
        scoring.amend_scorecard(scorecard=card, by=interviewer, base_version=card.version,
                                data={"rationale": "x"}, reason="  ")
    assert not Amendment.objects.exists()


def test_amendment_keeps_the_earlier_version_who_and_when(scheduled, interviewer):
    card = complete(card_of(interviewer, scheduled), interviewer, rating=2)
    answer = card.answers.first()
    old_version = card.version
    amendment = scoring.amend_scorecard(
        scorecard=card, by=interviewer, base_version=old_version,
        data={f"q{answer.question_id}-rating": "4", "recommendation": "strong_yes"},
        reason="Mixed up two candidates' notes.",
    )
    card.refresh_from_db()
    answer.refresh_from_db()
    assert card.state == Scorecard.AMENDED and card.version == old_version + 1
    assert answer.rating == 4 and card.recommendation == "strong_yes"
    assert amendment.amended_by == interviewer and amendment.reason.startswith("Mixed up")
    assert amendment.previous_version == old_version
    assert amendment.previous["recommendation"] == "yes"
    assert amendment.previous["answers"][str(answer.question_id)]["rating"] == 2
    # a second amendment works from the amended state and keeps both in history
    scoring.amend_scorecard(scorecard=card, by=interviewer, base_version=card.version,
                            data={"rationale": "Re-read my notes."}, reason="Clarified.")
    assert Amendment.objects.filter(scorecard=card).count() == 2


def test_amend_cannot_clear_a_rating(scheduled, interviewer):
    card = complete(card_of(interviewer, scheduled), interviewer)
    answer = card.answers.first()
    with pytest.raises(ScorecardRefused):
        scoring.amend_scorecard(scorecard=card, by=interviewer, base_version=card.version,
                                data={f"q{answer.question_id}-rating": ""}, reason="oops")
    answer.refresh_from_db()
    assert answer.rating == 3 and not Amendment.objects.exists()


def test_draft_cannot_be_amended(scheduled, interviewer):
    card = card_of(interviewer, scheduled)
    with pytest.raises(ScorecardRefused):
        scoring.amend_scorecard(scorecard=card, by=interviewer, base_version=0,
                                data={}, reason="why not")


def test_submit_through_the_page_without_javascript(client, scheduled, interviewer):
    card = card_of(interviewer, scheduled)
    client.force_login(interviewer)
    data = {"version": "0", "action": "submit", "recommendation": "no", "rationale": "Thin."}
    for answer in card.answers.all():
        data[f"q{answer.question_id}-rating"] = "2"
    response = client.post(f"/interviews/scorecards/{card.pk}/", data)
    assert response.status_code == 302
    card.refresh_from_db()
    assert card.state == Scorecard.SUBMITTED
    page = client.get(f"/interviews/scorecards/{card.pk}/").content.decode()
    assert "read-only" in page and "<textarea" not in page


def test_incomplete_submit_through_the_page_saves_a_draft(client, scheduled, interviewer):
    card = card_of(interviewer, scheduled)
    answer = card.answers.first()
    client.force_login(interviewer)
    response = client.post(f"/interviews/scorecards/{card.pk}/", {
        "version": "0", "action": "submit", f"q{answer.question_id}-action": "Called the CFO",
    }, follow=True)
    assert "not submitted" in response.content.decode()
    card.refresh_from_db()
    answer.refresh_from_db()
    assert card.state == Scorecard.DRAFT and answer.action == "Called the CFO"


def test_amend_page_records_the_amendment(client, scheduled, interviewer):
    card = complete(card_of(interviewer, scheduled), interviewer)
    client.force_login(interviewer)
    response = client.post(f"/interviews/scorecards/{card.pk}/amend/", {
        "version": card.version, "rationale": "Changed my mind after re-reading.",
        "reason": "Typo in the rationale.",
    })
    assert response.status_code == 302
    card.refresh_from_db()
    assert card.state == Scorecard.AMENDED
    page = client.get(f"/interviews/scorecards/{card.pk}/").content.decode()
    assert "Amendment history" in page and "Typo in the rationale." in page
