"""Every assessments URL against every kind of visitor: allowed or refused."""

import pytest
from django.test import Client

from assessments import delivery, roleplay
from selection.models import HiringTeamMember
from tests import factories

from .conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(sjt_test, exercise, application, manager, interviewer, opening, library, other_manager):
    other = factories.make_opening(library["profile"], manager=other_manager, slug="other")
    HiringTeamMember.objects.get_or_create(opening=other, user=other_manager,
                                           role="hiring_manager")
    invitation, _ = delivery.invite(test=sjt_test, by=manager, candidate=application.candidate,
                                    application=application)
    card, _ = roleplay.assign_assessor(exercise=exercise, assessor=interviewer, by=manager,
                                       application=application)
    return {"link": delivery.link_path(invitation), "card": card, "test": sjt_test,
            "application": application, "exercise": exercise}


def urls(w):
    a, card, test = w["application"].pk, w["card"].pk, w["test"].pk
    return {
        "take": ("get", w["link"]),
        "invite": ("post", f"/assessments/candidates/{a}/sjt/"),
        "assign": ("post", f"/assessments/candidates/{a}/roleplay/"),
        "scorecard": ("get", f"/assessments/roleplay/{card}/"),
        "producers": ("get", "/assessments/producers/"),
        "tests": ("get", "/assessments/tests/"),
        "analysis": ("get", f"/assessments/tests/{test}/analysis/"),
        "import_psy": ("get", "/assessments/imports/psychometrics/"),
        "import_perf": ("get", "/assessments/imports/performance/"),
    }


ALLOWED = {
    # the candidate link works for anyone holding it, signed in or not
    "anonymous": {"take"},
    "interviewer": {"take", "scorecard"},          # on the team, the assigned assessor
    "outsider": {"take"},
    "other_manager": {"take"},                     # manages another opening
    "manager": {"take", "invite", "assign"},       # the scorecard is a draft: not yet
    "hr": {"take", "invite", "assign", "producers", "tests", "analysis", "import_psy",
           "import_perf"},
}


@pytest.mark.parametrize("who", list(ALLOWED))
def test_access_matrix(world, who, request):
    client = Client()
    if who != "anonymous":
        login(client, request.getfixturevalue(who))
    for name, (method, url) in urls(world).items():
        response = getattr(client, method)(url)
        allowed = name in ALLOWED[who]
        if allowed:
            assert response.status_code in (200, 302, 303), (who, name, response.status_code)
            if response.status_code in (302, 303):
                assert "/accounts/login/" not in response["Location"], (who, name)
        elif who == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == 403, (who, name, response.status_code)


def test_manager_reads_submitted_scorecard_but_cannot_write(world, client, manager,
                                                            interviewer, library):
    card = world["card"]
    login(client, interviewer)
    client.post(f"/assessments/roleplay/{card.pk}/", {
        f"rating-{library['discovery'].pk}": "3", f"rating-{library['negotiating'].pk}": "3",
        "action": "submit"})
    login(client, manager)
    assert client.get(f"/assessments/roleplay/{card.pk}/").status_code == 200
    assert client.post(f"/assessments/roleplay/{card.pk}/", {"action": "save"}).status_code == 403


def test_producer_page_query_count(world, client, hr, django_assert_max_num_queries):
    for n in range(15):
        factories.make_producer(n, str(50 + n))
    login(client, hr)
    client.get("/assessments/producers/")
    with django_assert_max_num_queries(14):
        assert client.get("/assessments/producers/").status_code == 200
