"""Everything typed is escaped: the scorecard, the others' view, the manager's panel."""

from tests.interviews.conftest import card_of, complete

XSS = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _check(page: str):
    assert XSS not in page
    assert ESCAPED in page


def test_typed_text_is_escaped_everywhere(client, scheduled, interviewer, interviewer2,
                                          manager):
    theirs = complete(card_of(interviewer2, scheduled), interviewer2, note=XSS)
    mine = complete(card_of(interviewer, scheduled), interviewer, note=XSS)
    from interviews import scoring

    scoring.amend_scorecard(scorecard=mine, by=interviewer, base_version=mine.version,
                            data={"rationale": XSS}, reason=XSS)
    assert theirs.pk != mine.pk
    client.force_login(interviewer)
    _check(client.get(f"/interviews/scorecards/{mine.pk}/").content.decode())
    _check(client.get(f"/interviews/scorecards/{mine.pk}/amend/").content.decode())
    _check(client.get(f"/interviews/scorecards/{mine.pk}/others/").content.decode())
    client.force_login(manager)
    _check(client.get(scheduled.get_absolute_url()).content.decode())
    _check(client.get(
        f"/interviews/openings/{scheduled.opening.slug}/calibration-session/"
    ).content.decode())


def test_refused_text_is_escaped_when_shown_back(client, scheduled, interviewer):
    card = card_of(interviewer, scheduled)
    q = card.answers.first().question_id
    client.force_login(interviewer)
    client.post(f"/interviews/scorecards/{card.pk}/", {"version": "0", f"q{q}-action": XSS})
    response = client.post(f"/interviews/scorecards/{card.pk}/",
                           {"version": "0", f"q{q}-action": XSS + "B"})
    assert response.status_code == 409
    _check(response.content.decode())
