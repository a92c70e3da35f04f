"""Two tabs on one scorecard: a stale save is refused with the newer text, nothing is lost.

Runs on SQLite and on PostgreSQL (CI runs the suite with DATABASE_URL set).
"""

import json

from interviews import scoring
from interviews.models import Answer, Scorecard
from interviews.scoring import StaleScorecard
from tests.interviews.conftest import card_of


def _url(card, suffix=""):
    return f"/interviews/scorecards/{card.pk}/{suffix}"


def _first(card):
    return card.answers.order_by("sort_order").first()


def test_autosave_returns_the_new_version(client, scheduled, interviewer):
    card = card_of(interviewer, scheduled)
    q = _first(card).question_id
    client.force_login(interviewer)
    response = client.post(_url(card, "autosave/"), {"version": "0", f"q{q}-result": "Won it"})
    assert response.status_code == 200
    assert response.json()["version"] == 1 and response.json()["saved_at"]
    response = client.post(
        _url(card, "autosave/"),
        json.dumps({"version": 1, f"q{q}-rating": 5}), content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["version"] == 2
    answer = _first(card)
    assert (answer.result, answer.rating) == ("Won it", 5)


def test_stale_autosave_is_refused_with_409_and_the_current_text(client, scheduled, interviewer):
    card = card_of(interviewer, scheduled)
    q = _first(card).question_id
    client.force_login(interviewer)
    # tab A saves first
    assert client.post(_url(card, "autosave/"),
                       {"version": "0", f"q{q}-action": "Tab A text"}).status_code == 200
    # tab B, still at version 0, tries to save
    response = client.post(_url(card, "autosave/"), {"version": "0", f"q{q}-action": "Tab B"})
    assert response.status_code == 409
    body = response.json()
    assert "saved elsewhere" in body["error"]
    assert body["current"]["version"] == 1
    assert body["current"]["answers"][str(q)]["action"] == "Tab A text"
    assert _first(card).action == "Tab A text"
    assert Scorecard.objects.get(pk=card.pk).version == 1


def test_stale_form_save_shows_both_texts(client, scheduled, interviewer):
    card = card_of(interviewer, scheduled)
    q = _first(card).question_id
    client.force_login(interviewer)
    client.post(_url(card), {"version": "0", f"q{q}-learned": "Saved in tab A"})
    response = client.post(_url(card), {"version": "0", f"q{q}-learned": "Typed in tab B"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Typed in tab B" in page  # the refused text stays in the form
    assert "Saved in tab A" in page  # the saved text is shown beside it
    assert 'name="version" value="1"' in page  # saving again is a deliberate overwrite
    assert 'data-autosave="off"' in page
    assert _first(card).learned == "Saved in tab A"


def test_version_check_uses_a_conditional_update(scheduled, interviewer):
    """Two loaded copies of the same scorecard: the second writer is refused."""
    tab_a = card_of(interviewer, scheduled)
    tab_b = card_of(interviewer, scheduled)
    q = _first(tab_a).question_id
    scoring.save_draft(scorecard=tab_a, by=interviewer, base_version=0,
                       data={f"q{q}-situation": "A"})
    try:
        scoring.save_draft(scorecard=tab_b, by=interviewer, base_version=0,
                           data={f"q{q}-situation": "B"})
    except StaleScorecard as exc:
        assert exc.current["answers"][str(q)]["situation"] == "A"
    else:
        raise AssertionError("the stale save was accepted")
    assert Answer.objects.get(scorecard=tab_a, question_id=q).situation == "A"


def test_stale_submit_is_refused(scheduled, interviewer):
    card = card_of(interviewer, scheduled)
    scoring.save_draft(scorecard=card_of(interviewer, scheduled), by=interviewer,
                       base_version=0, data={"rationale": "x"})
    try:
        scoring.submit_scorecard(scorecard=card, by=interviewer, base_version=0)
    except StaleScorecard:
        pass
    else:
        raise AssertionError("a stale submit was accepted")
    assert Scorecard.objects.get(pk=card.pk).state == Scorecard.DRAFT
