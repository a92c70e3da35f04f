"""Until an interviewer submits, nobody else's ratings or notes on that candidate reach them."""

from interviews import selectors
from tests.interviews.conftest import card_of, complete

SECRET = "Interviewer two thought the forecast story was invented"


def _others_submit(scheduled, interviewer2, interviewer3):
    complete(card_of(interviewer2, scheduled), interviewer2, note=SECRET, rating=5)
    complete(card_of(interviewer3, scheduled), interviewer3, note="Third view", submit=False)


def test_others_page_refused_before_submitting(client, scheduled, interviewer, interviewer2,
                                               interviewer3):
    _others_submit(scheduled, interviewer2, interviewer3)
    mine = card_of(interviewer, scheduled)
    client.force_login(interviewer)
    assert client.get(f"/interviews/scorecards/{mine.pk}/others/").status_code == 403
    page = client.get(f"/interviews/scorecards/{mine.pk}/").content.decode()
    assert SECRET not in page and "others/" not in page


def test_no_endpoint_leaks_before_submitting(client, scheduled, interviewer, interviewer2,
                                             interviewer3):
    _others_submit(scheduled, interviewer2, interviewer3)
    mine = card_of(interviewer, scheduled)
    theirs = card_of(interviewer2, scheduled)
    client.force_login(interviewer)
    urls = [
        "/", "/interviews/",
        f"/interviews/scorecards/{mine.pk}/", f"/interviews/scorecards/{mine.pk}/others/",
        f"/interviews/scorecards/{theirs.pk}/", f"/interviews/scorecards/{theirs.pk}/others/",
        f"/interviews/scorecards/{theirs.pk}/amend/", scheduled.get_absolute_url(),
        f"/interviews/openings/{scheduled.opening.slug}/calibration-session/",
    ]
    for url in urls:
        assert SECRET not in client.get(url).content.decode(), url
    response = client.post(f"/interviews/scorecards/{mine.pk}/autosave/", {"version": "0"})
    assert SECRET not in response.content.decode()


def test_after_submitting_others_submitted_cards_are_visible(client, scheduled, interviewer,
                                                             interviewer2, interviewer3):
    _others_submit(scheduled, interviewer2, interviewer3)
    mine = complete(card_of(interviewer, scheduled), interviewer, note="My own notes")
    client.force_login(interviewer)
    page = client.get(f"/interviews/scorecards/{mine.pk}/").content.decode()
    assert f"/interviews/scorecards/{mine.pk}/others/" in page
    response = client.get(f"/interviews/scorecards/{mine.pk}/others/")
    assert response.status_code == 200
    page = response.content.decode()
    assert SECRET in page
    assert "Third view" not in page  # drafts stay private


def test_a_manager_who_interviews_is_blind_too(client, scheduled, manager, interviewer2,
                                               interviewer3, planned):
    """The hiring manager also interviews: their own draft hides the others' cards."""
    from interviews import planning
    from interviews.models import Answer, Interview, Scorecard

    _others_submit(scheduled, interviewer2, interviewer3)
    assert selectors.may_see_scorecards(manager, scheduled)
    interview = Interview.objects.create(application=scheduled, interviewer=manager)
    card = Scorecard.objects.create(interview=interview)
    Answer.objects.create(scorecard=card, question=planning.kit_questions(planned)[0].question)
    assert not selectors.may_see_scorecards(manager, scheduled)
    client.force_login(manager)
    page = client.get(scheduled.get_absolute_url()).content.decode()
    assert SECRET not in page and "stay hidden until you submit" in page
    calibration = client.get(
        f"/interviews/openings/{scheduled.opening.slug}/calibration-session/"
    ).content.decode()
    assert SECRET not in calibration


def test_manager_panel_shows_submitted_cards_with_spread(client, scheduled, manager,
                                                          interviewer, interviewer2,
                                                          interviewer3):
    complete(card_of(interviewer, scheduled), interviewer, rating=1)
    complete(card_of(interviewer2, scheduled), interviewer2, rating=4, note=SECRET)
    complete(card_of(interviewer3, scheduled), interviewer3, rating=2, submit=False)
    client.force_login(manager)
    page = client.get(scheduled.get_absolute_url()).content.decode()
    assert SECRET in page
    assert "Disagreement" in page  # discovery: 1 vs 4
    spreads = {s.dimension.slug: s for s in selectors.dimension_spreads(
        selectors.final_scorecards(scheduled), scheduled.opening.requirements)}
    assert spreads["discovery"].values == [1.0, 4.0]
    assert spreads["discovery"].mean == 2.5
    assert round(spreads["discovery"].sd, 4) == 2.1213
    assert spreads["discovery"].spread == 3 and spreads["discovery"].disagreement


def test_a_cancelled_interviews_draft_does_not_keep_its_interviewer_blind(
        client, scheduled, interviewer, interviewer2, interviewer3, manager):
    """The interview was cancelled before it happened: its draft is no longer pending."""
    from interviews.scheduling import cancel_interview

    _others_submit(scheduled, interviewer2, interviewer3)
    mine = card_of(interviewer, scheduled)
    assert selectors.own_interview_pending(interviewer, scheduled)
    assert not selectors.may_see_scorecards(interviewer, scheduled)
    cancel_interview(interview=mine.interview, reason="Candidate asked to skip it", by=manager)
    assert not selectors.own_interview_pending(interviewer, scheduled)
    assert selectors.may_see_scorecards(interviewer, scheduled)
    client.force_login(interviewer)
    assert f"/interviews/scorecards/{mine.pk}/others/" in client.get(
        f"/interviews/scorecards/{mine.pk}/").content.decode()
    response = client.get(f"/interviews/scorecards/{mine.pk}/others/")
    assert response.status_code == 200 and SECRET in response.content.decode()
