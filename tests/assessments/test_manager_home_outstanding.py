"""A hiring manager's home lists, per opening, tests invited but not completed and referees
who have not answered; its query count does not grow with openings or candidates."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments import delivery
from assessments.models import Referee, ReferenceRequest, SJTAttempt
from tests import factories

pytestmark = pytest.mark.django_db


def _opening_with_waiting(library, manager, sjt_test, n):
    opening = factories.make_opening(library["profile"], manager=manager, slug=f"o-{n}")
    waiting = factories.make_application(opening, "Wait", f"Ing{n}")
    done = factories.make_application(opening, "Done", f"Already{n}")
    for application in (waiting, done):
        delivery.invite(test=sjt_test, by=manager, candidate=application.candidate,
                        application=application)
    finished = done.candidate.sjt_invitations.get()
    SJTAttempt.objects.create(invitation=finished, completion="submitted",
                              time_limit_minutes=30, started_at=timezone.now())
    request = ReferenceRequest.objects.create(application=waiting, requested_by=manager)
    for name, answered in [(f"Quiet Referee {n}", False), (f"Quick Referee {n}", True)]:
        Referee.objects.create(
            request=request, name=name, email=f"{name.split()[0].lower()}{n}@x.example",
            relationship="manager", company="Acme", worked_from=datetime.date(2020, 1, 1),
            sent_at=timezone.now(), submitted_at=timezone.now() if answered else None)
    return opening


def _queries(client, user):
    client.force_login(user)
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/")
    return len(queries), page.content.decode()


def test_manager_home_lists_tests_and_references_outstanding_per_opening(
        client, library, manager, other_manager, sjt_test):
    _opening_with_waiting(library, manager, sjt_test, 0)
    _, page = _queries(client, manager)
    section = page[page.index("Tests and references outstanding"):]
    section = section[:section.index("</section>")]
    assert "Wait Ing0" in section and "Done Already0" not in section
    assert "Not started" in section and "Quiet Referee 0" in section
    assert "Quick Referee 0" not in section
    _, other = _queries(client, other_manager)
    assert "Wait Ing0" not in other


def test_manager_home_query_count_does_not_grow_with_openings(client, library, manager,
                                                              sjt_test):
    _opening_with_waiting(library, manager, sjt_test, 0)
    one, _ = _queries(client, manager)
    for n in range(1, 20):
        _opening_with_waiting(library, manager, sjt_test, n)
    twenty, page = _queries(client, manager)
    assert page.count("Quiet Referee") == 20
    assert twenty == one
