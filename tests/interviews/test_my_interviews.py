"""Interviewers find their interviews on their own list and on the home page."""

from tests.interviews.conftest import card_of


def test_my_interviews_lists_only_my_own(client, scheduled, interviewer, interviewer2,
                                         other_opening):
    client.force_login(interviewer)
    page = client.get("/interviews/").content.decode()
    mine = card_of(interviewer, scheduled)
    theirs = card_of(interviewer2, scheduled)
    assert f"/interviews/scorecards/{mine.pk}/" in page
    assert f"/interviews/scorecards/{theirs.pk}/" not in page
    home = client.get("/").content.decode()
    assert "Scorecards to write" in home and f"/interviews/scorecards/{mine.pk}/" in home


def test_home_panel_hidden_for_people_who_do_not_interview(client, scheduled, hr):
    client.force_login(hr)
    assert "Scorecards to write" not in client.get("/").content.decode()


def test_scorecard_page_shows_probes_best_case_and_anchors_in_a_fieldset(client, scheduled,
                                                                          interviewer):
    card = card_of(interviewer, scheduled)
    client.force_login(interviewer)
    page = client.get(f"/interviews/scorecards/{card.pk}/").content.decode()
    assert "Situation probe for discovery question 1" in page
    assert "Best case for discovery question 1" in page
    assert "<fieldset" in page and "<legend>Rating for question 1" in page
    assert page.count('type="radio"') >= 6 * card.answers.count()
    assert "Exceptional." in page  # the dimension's anchor text next to the choice
    assert 'aria-live="polite"' in page and "interviews/scorecard.js" in page
    for label in ("Strong no", "Strong yes"):
        assert label in page
