"""Candidates and applications by the ATS's ids: create or update, idempotent."""

import threading

import pytest
from django.conf import settings
from django.db import connection

from selection.models import Application, Candidate

ADA = {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com"}


def test_the_same_put_twice_creates_one_candidate(ats):
    first = ats.put("/candidates/ats-1", ADA)
    again = ats.put("/candidates/ats-1", ADA)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["created"] is True and again.json()["created"] is False
    assert Candidate.objects.filter(external_id="ats-1").count() == 1


def test_a_put_with_new_details_updates_the_candidate(ats):
    ats.put("/candidates/ats-1", ADA)
    response = ats.put("/candidates/ats-1", {**ADA, "phone": "+44 1", "last_name": "King"})
    assert response.status_code == 200
    assert Candidate.objects.get(external_id="ats-1").last_name == "King"


def test_an_email_of_another_candidate_is_a_conflict(ats):
    ats.put("/candidates/ats-1", ADA)
    response = ats.put("/candidates/ats-2", {**ADA, "email": "ADA@example.com"})
    assert response.status_code == 409
    assert response.json()["code"] == "email_in_use"
    assert not Candidate.objects.filter(external_id="ats-2").exists()


@pytest.mark.parametrize("bad", ["", "a" * 65, "x/../y", "a b", "'; DROP TABLE x;--"])
def test_an_external_id_that_is_not_an_id_is_refused(ats, bad):
    from urllib.parse import quote

    response = ats.put(f"/candidates/{quote(bad, safe='')}", ADA)
    assert response.status_code in (400, 404)
    assert Candidate.objects.count() == 0


def test_a_malformed_email_is_refused_with_the_field(ats):
    response = ats.put("/candidates/ats-1", {**ADA, "email": "not an email"})
    assert response.status_code == 400
    assert response.json()["details"][0]["loc"] == ["email"]


def test_the_application_is_created_once_and_starts_applied(ats, opening):
    ats.put("/candidates/ats-1", ADA)
    first = ats.put(f"/candidates/ats-1/applications/{opening.slug}")
    again = ats.put(f"/candidates/ats-1/applications/{opening.slug}")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert first.json()["stage"] == "applied"
    assert Application.objects.filter(opening=opening).count() == 1


@pytest.mark.skipif("postgresql" not in settings.DATABASES["default"]["ENGINE"],
                    reason="SQLite's in-memory test database serialises writers by refusing "
                           "them; the race is run on PostgreSQL (CI runs both)")
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_puts_with_a_new_id_leave_one_candidate(make_api):
    ats = make_api()
    barrier = threading.Barrier(2)
    answers = []

    def call():
        barrier.wait()
        try:
            answers.append(ats.put("/candidates/race-1", ADA).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=call) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert Candidate.objects.filter(external_id="race-1").count() == 1
    assert sorted(answers) in ([200, 201], [201, 409]), answers


def test_the_source_is_given_by_its_slug(ats):
    from tests import factories

    referral = factories.source("referral", "Referral")
    response = ats.put("/candidates/ats-1", {**ADA, "source": "referral"})
    assert response.status_code == 201 and response.json()["source"] == "referral"
    assert Candidate.objects.get(external_id="ats-1").source == referral
    cleared = ats.put("/candidates/ats-1", {**ADA, "source": ""})
    assert cleared.status_code == 200 and cleared.json()["source"] == ""
    assert Candidate.objects.get(external_id="ats-1").source is None


def test_an_unknown_source_is_refused_with_the_valid_slugs(ats):
    from tests import factories

    factories.source("referral", "Referral", order=1)
    factories.source("job-board", "Job board", order=2)
    factories.source("retired", "Retired", active=False)
    for slug in ("LinkedIn", "retired"):
        response = ats.put("/candidates/ats-1", {**ADA, "source": slug})
        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "unknown_source"
        assert f"Unknown source “{slug}”; use one of: referral, job-board" in body["message"]
        assert "retired," not in body["message"]
    assert not Candidate.objects.filter(external_id="ats-1").exists()


def test_a_source_switched_off_since_is_kept_when_sent_again(ats):
    from tests import factories

    agency = factories.source("agency", "Agency")
    ats.put("/candidates/ats-1", {**ADA, "source": "agency"})
    agency.active = False
    agency.save()
    again = ats.put("/candidates/ats-1", {**ADA, "source": "agency", "phone": "+44 1"})
    assert again.status_code == 200 and again.json()["source"] == "agency"
    assert Candidate.objects.get(external_id="ats-1").phone == "+44 1"
