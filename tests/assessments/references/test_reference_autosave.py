"""Autosave and resume: a slow, older autosave never overwrites newer text."""

from tests.assessments.references.conftest import answers_for

AUTOSAVE = {"HTTP_X_AUTOSAVE": "1"}


def test_an_older_autosave_arriving_late_does_not_overwrite_newer_text(anon, referee,
                                                                       referee_link):
    url = referee_link + "answers/"
    newer = anon.post(url, answers_for(referee, comment="Second, longer thought.",
                                       stamp="1700000000200"), **AUTOSAVE)
    assert newer.json() == {"ok": True, "applied": True, "saved_at": newer.json()["saved_at"]}
    older = anon.post(url, answers_for(referee, comment="First thought",
                                       stamp="1700000000100"), **AUTOSAVE)
    assert older.status_code == 200 and older.json()["applied"] is False
    referee.refresh_from_db()
    key = f"q{referee.request.questions[0]['id']}"
    assert referee.answers[key]["comment"] == "Second, longer thought."
    assert referee.draft_stamp == 1700000000200


def test_resuming_shows_what_was_saved(anon, referee, referee_link):
    anon.post(referee_link + "answers/",
              answers_for(referee, rating="2", comment="Half written", stamp="5"), **AUTOSAVE)
    page = anon.get(referee_link).content.decode()
    key = f"q{referee.request.questions[0]['id']}"
    assert f'name="{key}-rating" value="2" checked' in page
    assert ">Half written</textarea>" in page


def test_a_save_without_javascript_always_applies(anon, referee, referee_link):
    anon.post(referee_link + "answers/", answers_for(referee, stamp="900"), **AUTOSAVE)
    response = anon.post(referee_link + "answers/",
                         answers_for(referee, comment="Typed without scripts", action="save"))
    assert response.status_code == 302 and response["Location"].endswith("?saved=1")
    referee.refresh_from_db()
    assert referee.answers[f"q{referee.request.questions[0]['id']}"]["comment"] == (
        "Typed without scripts")
    assert referee.draft_stamp == 900
