"""HR's list of SJT invitations: search by name or email, status and opening filters,
fifty to a page, HR only, one query per page whatever its size."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments import delivery
from assessments.models import SJTAttempt, SJTInvitation
from tests import factories

from .conftest import login

pytestmark = pytest.mark.django_db
URL = "/assessments/invitations/"


def _people(html: str) -> list[str]:
    return re.findall(r'class="person">(.*?)</a>', html)


@pytest.fixture
def world(sjt_test, opening, manager):
    """In `opening`: Ada (sent), Alan (started), Grace (completed); in a second opening,
    Edsger (link expired unused); two producers, one completed, one sent."""
    second = factories.make_opening(opening.role_profile, slug="second-one")
    made = {}
    for first, last, where in [("Ada", "Lovelace", opening), ("Alan", "Turing", opening),
                               ("Grace", "Hopper", opening), ("Edsger", "Dijkstra", second)]:
        app = factories.make_application(where, first, last)
        made[first], _ = delivery.invite(test=sjt_test, by=manager, candidate=app.candidate,
                                         application=app)
    for n in (1, 2):
        made[f"P{n}"], _ = delivery.invite(test=sjt_test, by=manager,
                                           producer=factories.make_producer(n, "90"))
    delivery.start_attempt(made["Alan"])
    for key in ("Grace", "P1"):
        delivery.start_attempt(made[key])
        SJTAttempt.objects.filter(invitation=made[key]).update(
            completed_at=timezone.now(), completion=SJTAttempt.SUBMITTED)
    SJTInvitation.objects.filter(pk=made["Edsger"].pk).update(
        expires_at=timezone.now() - timedelta(days=1))
    return {"invitations": made, "first": opening, "second": second}


def _get(client, **params) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_hr_sees_every_invitation_with_its_status_and_a_link_to_the_person(client, hr,
                                                                           world):
    login(client, hr)
    html = _get(client)
    assert sorted(_people(html)) == sorted(["Ada Lovelace", "Alan Turing", "Grace Hopper",
                                            "Edsger Dijkstra", "P1 Producer001",
                                            "P2 Producer002"])
    assert "6 invitations." in html
    ada = world["invitations"]["Ada"]
    assert f'href="{ada.application.get_absolute_url()}" class="person">Ada Lovelace' in html
    assert ('href="/assessments/producers/?q=p1%40example.com" class="person">P1 Producer001'
            in html)
    for label in ("Sent, not started", "Started", "Completed", "Expired unused"):
        assert f">{label}</span>" in html


@pytest.mark.parametrize("status, expected", [
    ("open", ["Ada Lovelace", "P2 Producer002"]),
    ("started", ["Alan Turing"]),
    ("completed", ["Grace Hopper", "P1 Producer001"]),
    ("expired", ["Edsger Dijkstra"]),
])
def test_status_filter(client, hr, world, status, expected):
    login(client, hr)
    assert sorted(_people(_get(client, status=status))) == expected


def test_opening_filter_and_search(client, hr, world):
    login(client, hr)
    first, second = world["first"].slug, world["second"].slug
    assert sorted(_people(_get(client, opening=first))) == ["Ada Lovelace", "Alan Turing",
                                                            "Grace Hopper"]
    assert _people(_get(client, opening=second)) == ["Edsger Dijkstra"]
    assert sorted(_people(_get(client, opening="none"))) == ["P1 Producer001",
                                                             "P2 Producer002"]
    assert _people(_get(client, q="turing")) == ["Alan Turing"]
    assert _people(_get(client, q="grace.hopper@example")) == ["Grace Hopper"]
    assert _people(_get(client, q="Producer002")) == ["P2 Producer002"]
    assert _people(_get(client, q="ada lovelace")) == ["Ada Lovelace"]
    assert _people(_get(client, q="a", status="open", opening=first)) == ["Ada Lovelace"]
    html = _get(client, q="nobody-at-all")
    assert _people(html) == [] and "No invitation matches." in html
    # An unknown status or opening is ignored rather than answered with an error.
    assert len(_people(_get(client, status="bogus", opening="no-such-opening"))) == 6


def test_typed_search_is_escaped(client, hr, world):
    login(client, hr)
    html = _get(client, q='"><script>alert(1)</script>')
    assert "<script>alert(1)" not in html
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html


def _invite_producers(test, by, start: int, count: int) -> None:
    for n in range(start, start + count):
        delivery.invite(test=test, by=by, producer=factories.make_producer(n, "80"))


def test_fifty_to_a_page_and_the_filters_follow_the_pages(client, hr, sjt_test, world):
    _invite_producers(sjt_test, hr, 10, 60)  # 66 invitations in all
    login(client, hr)
    first = _get(client)
    assert len(_people(first)) == 50 and "page 1 of 2" in first
    assert len(_people(_get(client, page=2))) == 16
    html = _get(client, status="open")  # Ada, P2 and the 60 new ones
    pager = re.search(r'<nav aria-label="Pages of invitations".*?</nav>', html, re.S)[0]
    assert 'href="?status=open&amp;page=2"' in pager
    assert len(_people(_get(client, status="open", page=2))) == 12


def test_the_query_count_does_not_grow_with_the_page(client, hr, sjt_test, world):
    login(client, hr)
    _get(client)  # sessions, caches
    with CaptureQueriesContext(connection) as few:
        _get(client)
    _invite_producers(sjt_test, hr, 10, 40)
    with CaptureQueriesContext(connection) as many:
        html = _get(client)
    assert len(_people(html)) == 46
    assert len(many) == len(few)


@pytest.mark.parametrize("who", ["interviewer", "manager", "other_manager"])
def test_only_hr_may_see_it(client, request, world, who):
    login(client, request.getfixturevalue(who))
    assert client.get(URL).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
