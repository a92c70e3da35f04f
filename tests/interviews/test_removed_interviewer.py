"""Someone taken off the hiring team keeps their own scorecard and loses everyone else's."""

from interviews import scoring, selectors
from selection.models import HiringTeamMember
from tests.interviews.conftest import card_of, complete

BEFORE = "Interviewer two liked the pipeline review"
AFTER = "Amended after the removal: the references did not hold up"


def _remove(user, opening):
    HiringTeamMember.objects.filter(opening=opening, user=user).delete()


def _amend(card, user, text):
    data = {"recommendation": "no", "rationale": text}
    for answer in card.answers.all():
        data[f"q{answer.question_id}-rating"] = 1
        data[f"q{answer.question_id}-situation"] = text
    scoring.amend_scorecard(scorecard=card, by=user, base_version=card.version, data=data,
                            reason="New information")


def test_removed_interviewer_reads_own_card_only(client, scheduled, interviewer, interviewer2,
                                                 interviewer3):
    mine = complete(card_of(interviewer, scheduled), interviewer, note="My own view")
    theirs = complete(card_of(interviewer2, scheduled), interviewer2, note=BEFORE)
    client.force_login(interviewer)
    others = f"/interviews/scorecards/{mine.pk}/others/"
    assert client.get(others).status_code == 200  # still on the team: allowed

    _remove(interviewer, scheduled.opening)
    _amend(theirs, interviewer2, AFTER)

    assert not selectors.may_see_scorecards(interviewer, scheduled)
    response = client.get(others)
    assert response.status_code == 403
    body = response.content.decode()
    assert AFTER not in body and BEFORE not in body
    assert "no longer on this opening" in body
    own = client.get(f"/interviews/scorecards/{mine.pk}/")
    assert own.status_code == 200
    page = own.content.decode()
    assert "My own view" in page
    assert others not in page  # no link to a page that refuses
    assert AFTER not in page and BEFORE not in page
    for url in ("/", "/interviews/", f"/interviews/scorecards/{theirs.pk}/",
                scheduled.get_absolute_url(),
                f"/interviews/openings/{scheduled.opening.slug}/calibration-session/",
                f"/reports/openings/{scheduled.opening.slug}/calibration/"):
        text = client.get(url).content.decode()
        assert AFTER not in text and BEFORE not in text, url


def test_putting_them_back_restores_read_access(client, scheduled, interviewer, interviewer2,
                                                interviewer3):
    mine = complete(card_of(interviewer, scheduled), interviewer)
    complete(card_of(interviewer2, scheduled), interviewer2, note=BEFORE)
    _remove(interviewer, scheduled.opening)
    client.force_login(interviewer)
    assert client.get(f"/interviews/scorecards/{mine.pk}/others/").status_code == 403
    HiringTeamMember.objects.create(opening=scheduled.opening, user=interviewer,
                                    role=HiringTeamMember.INTERVIEWER)
    response = client.get(f"/interviews/scorecards/{mine.pk}/others/")
    assert response.status_code == 200 and BEFORE in response.content.decode()


def test_a_removed_interviewer_who_manages_the_opening_still_sees(scheduled, manager,
                                                                  interviewer2, interviewer3):
    """Managing the opening is its own right: the hiring manager sees submitted cards."""
    complete(card_of(interviewer2, scheduled), interviewer2, note=BEFORE)
    assert selectors.may_see_scorecards(manager, scheduled)
    assert selectors.scorecards_hidden_from(manager, [scheduled]) == set()
