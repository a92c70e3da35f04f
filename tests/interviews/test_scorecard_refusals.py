"""Bad saves are refused with 400 or 403 and change nothing in the database."""

import json

import pytest

from interviews.models import Answer, Scorecard
from tests.interviews.conftest import card_of, complete


def _state(card):
    row = Scorecard.objects.filter(pk=card.pk).values(
        "state", "version", "recommendation", "rationale"
    ).get()
    answers = list(
        Answer.objects.filter(scorecard=card).order_by("pk")
        .values("situation", "action", "result", "learned", "rating")
    )
    return row, answers


@pytest.mark.parametrize("rating", ["0", "6", "-1", "3.5", "three", "1e1"])
def test_rating_outside_1_to_5_is_refused(client, scheduled, interviewer, rating):
    card = card_of(interviewer, scheduled)
    q = card.answers.first().question_id
    before = _state(card)
    client.force_login(interviewer)
    response = client.post(f"/interviews/scorecards/{card.pk}/autosave/",
                           {"version": "0", f"q{q}-rating": rating, f"q{q}-action": "x"})
    assert response.status_code == 400
    assert _state(card) == before


def test_rating_as_a_json_boolean_or_number_out_of_range_is_refused(client, scheduled,
                                                                     interviewer):
    card = card_of(interviewer, scheduled)
    q = card.answers.first().question_id
    before = _state(card)
    client.force_login(interviewer)
    for value in (True, 9, [3]):
        response = client.post(f"/interviews/scorecards/{card.pk}/autosave/",
                               json.dumps({"version": 0, f"q{q}-rating": value}),
                               content_type="application/json")
        assert response.status_code == 400
    assert _state(card) == before


def test_question_not_in_this_interview_is_refused(client, scheduled, interviewer, interviewer2):
    card = card_of(interviewer, scheduled)
    theirs = card_of(interviewer2, scheduled).answers.exclude(
        question_id__in=card.answers.values("question_id")
    ).first()
    before = _state(card)
    client.force_login(interviewer)
    response = client.post(f"/interviews/scorecards/{card.pk}/autosave/",
                           {"version": "0", f"q{theirs.question_id}-situation": "sneaky"})
    assert response.status_code == 400
    response = client.post(f"/interviews/scorecards/{card.pk}/",
                           {"version": "0", f"q{theirs.question_id}-situation": "sneaky"})
    assert response.status_code == 400
    assert _state(card) == before


def test_someone_elses_scorecard_is_refused(client, scheduled, interviewer, interviewer2,
                                            manager, hr):
    card = card_of(interviewer2, scheduled)
    q = card.answers.first().question_id
    before = _state(card)
    for person in (interviewer, manager, hr):
        client.force_login(person)
        for url in (f"/interviews/scorecards/{card.pk}/autosave/",
                    f"/interviews/scorecards/{card.pk}/"):
            response = client.post(url, {"version": "0", f"q{q}-situation": "overwrite"})
            assert response.status_code == 403
    assert _state(card) == before


def test_save_after_submit_is_refused(client, scheduled, interviewer):
    card = complete(card_of(interviewer, scheduled), interviewer)
    q = card.answers.first().question_id
    before = _state(card)
    client.force_login(interviewer)
    response = client.post(f"/interviews/scorecards/{card.pk}/autosave/",
                           {"version": str(card.version), f"q{q}-situation": "later"})
    assert response.status_code == 400
    assert "submitted" in response.json()["error"]
    response = client.post(f"/interviews/scorecards/{card.pk}/",
                           {"version": str(card.version), f"q{q}-situation": "later"})
    assert response.status_code == 400
    assert _state(card) == before


def test_interviewer_taken_off_the_team_can_read_but_not_write(client, scheduled, interviewer):
    card = card_of(interviewer, scheduled)
    scheduled.opening.team.filter(user=interviewer).delete()
    client.force_login(interviewer)
    assert client.get(f"/interviews/scorecards/{card.pk}/").status_code == 200
    response = client.post(f"/interviews/scorecards/{card.pk}/autosave/", {"version": "0"})
    assert response.status_code == 403


def test_malformed_json_and_missing_version_are_refused(client, scheduled, interviewer):
    card = card_of(interviewer, scheduled)
    before = _state(card)
    client.force_login(interviewer)
    url = f"/interviews/scorecards/{card.pk}/autosave/"
    assert client.post(url, "{not json", content_type="application/json").status_code == 400
    assert client.post(url, {"rationale": "no version"}).status_code == 400
    assert _state(card) == before
