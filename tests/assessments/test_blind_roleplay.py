"""Roleplay scorecards: assessors from the team, anchored ratings, blind until submitted."""

import pytest
from django.core.exceptions import ValidationError

from assessments import roleplay
from assessments.models import RoleplayScorecard
from tests import factories

from .conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_assessor(opening, groups):
    from selection.models import HiringTeamMember

    user = factories.make_user("assessor2@example.com", "Interviewer")
    HiringTeamMember.objects.create(opening=opening, user=user, role="interviewer")
    return user


@pytest.fixture
def cards(exercise, application, interviewer, second_assessor, manager):
    first, _ = roleplay.assign_assessor(exercise=exercise, assessor=interviewer, by=manager,
                                        application=application)
    second, _ = roleplay.assign_assessor(exercise=exercise, assessor=second_assessor,
                                         by=manager, application=application)
    return first, second


def rate(client, card, library, values, action):
    return client.post(f"/assessments/roleplay/{card.pk}/", {
        f"rating-{library['discovery'].pk}": values[0],
        f"rating-{library['negotiating'].pk}": values[1],
        f"notes-{library['discovery'].pk}": "Asked <b>why</b> twice.", "action": action,
    })


def test_assessors_must_be_on_the_hiring_team(exercise, application, outsider, manager):
    with pytest.raises(ValidationError):
        roleplay.assign_assessor(exercise=exercise, assessor=outsider, by=manager,
                                 application=application)


def test_scorecard_shows_anchors_and_escapes_notes(client, cards, interviewer, library):
    login(client, interviewer)
    page = client.get(f"/assessments/roleplay/{cards[0].pk}/")
    assert page.status_code == 200
    assert b"<strong>3</strong> \xe2\x80\x93 Solid." in page.content
    assert b"Be Dana." in page.content           # the buyer brief for the assessor
    rate(client, cards[0], library, ["4", ""], "save")
    page = client.get(f"/assessments/roleplay/{cards[0].pk}/")
    assert b"Asked &lt;b&gt;why&lt;/b&gt; twice." in page.content
    assert b'value="4" checked' in page.content


def test_blind_until_submitted(client, cards, interviewer, second_assessor, library):
    first, second = cards
    login(client, second_assessor)
    assert rate(client, second, library, ["2", "1"], "submit").status_code == 302
    login(client, interviewer)
    page = client.get(f"/assessments/roleplay/{first.pk}/")
    assert b"Hidden until you submit your own scorecard" in page.content
    assert b"Assessor2" not in page.content
    assert client.get(f"/assessments/roleplay/{second.pk}/").status_code == 403
    # submitting needs every rating
    incomplete = rate(client, first, library, ["4", ""], "submit")
    assert incomplete.status_code == 400 and b"Rate every behaviour" in incomplete.content
    assert rate(client, first, library, ["4", "3"], "submit").status_code == 302
    page = client.get(f"/assessments/roleplay/{first.pk}/")
    assert b"Assessor2" in page.content and b"Hidden until" not in page.content


def test_submitted_scorecard_is_read_only(client, cards, interviewer, library):
    first, _ = cards
    login(client, interviewer)
    rate(client, first, library, ["4", "3"], "submit")
    assert rate(client, first, library, ["1", "1"], "save").status_code == 403
    first.refresh_from_db()
    assert first.status == RoleplayScorecard.SUBMITTED
    assert sorted(first.ratings.values_list("rating", flat=True)) == [3, 4]


def test_candidate_page_panel_hides_ratings_from_an_unsubmitted_assessor(
    client, cards, manager, interviewer, second_assessor, library, application, opening
):
    from selection.models import HiringTeamMember

    login(client, second_assessor)
    rate(client, cards[1], library, ["2", "5"], "submit")
    login(client, manager)
    page = client.get(application.get_absolute_url())
    assert b"Mean rating" in page.content
    # a hiring manager who is also an assessor with a draft sees nothing until submitting
    HiringTeamMember.objects.filter(user=interviewer).update(role="hiring_manager")
    login(client, interviewer)
    page = client.get(application.get_absolute_url())
    assert b"Other assessors' ratings show once you submit" in page.content
    assert b"Mean rating" not in page.content


def test_an_assessor_taken_off_the_team_keeps_only_their_own_card(
    client, cards, interviewer, second_assessor, library, opening
):
    from selection.models import HiringTeamMember

    first, second = cards
    login(client, second_assessor)
    rate(client, second, library, ["2", "1"], "submit")
    login(client, interviewer)
    rate(client, first, library, ["4", "3"], "submit")
    page = client.get(f"/assessments/roleplay/{first.pk}/")
    assert b"Assessor2" in page.content
    HiringTeamMember.objects.filter(opening=opening, user=interviewer).delete()
    page = client.get(f"/assessments/roleplay/{first.pk}/")
    assert page.status_code == 200                      # their own card still opens
    assert b"Assessor2" not in page.content             # the colleague's ratings do not
    assert client.get(f"/assessments/roleplay/{second.pk}/").status_code == 403
