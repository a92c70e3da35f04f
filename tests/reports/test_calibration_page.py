"""The calibration page: who may see it, what it shows, how precise, and its query count."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.calibration.compute import store_snapshot
from reports.models import CalibrationSnapshot

URL = "/reports/openings/{}/calibration/"


@pytest.fixture
def url(opening):
    return URL.format(opening.slug)


def test_anonymous_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["interviewer", "outsider", "other_manager"])
def test_interviewers_and_other_managers_are_refused(client, url, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url).status_code == 403
    assert client.post(url + "recompute/").status_code == 403
    assert not CalibrationSnapshot.objects.exists()


@pytest.mark.parametrize("who", ["manager", "hr", "superuser"])
def test_managers_and_hr_see_it(client, url, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.get(url)
    assert response.status_code == 200
    assert b"What separates top producers" in response.content


def test_unknown_opening_is_404(client, hr):
    client.force_login(hr)
    assert client.get(URL.format("nope")).status_code == 404


def test_first_visit_computes_once_then_reads_the_snapshot(client, manager, url, opening):
    client.force_login(manager)
    client.get(url)
    client.get(url)
    assert CalibrationSnapshot.objects.filter(opening=opening).count() == 1


def test_numbers_are_shown_with_the_precision_the_data_supports(client, manager, cohort_opening):
    store_snapshot(cohort_opening)
    client.force_login(manager)
    html = client.get(URL.format(cohort_opening.slug)).content.decode()
    assert "&lt; 0.001" in html  # p for discovery, top vs bottom
    assert "separates" in html
    assert "Closer to the top producers&#x27; centre than" in html
    assert "(each measured without themselves)" in html
    assert "cross-validated Brier" in html and "<svg" in html  # model quality and expectancy
    assert "Ada Lovelace" in html and "below knock-out" in html
    # Effect sizes and ICCs: never more than 2 decimals; no raw floats leak through.
    assert not re.search(r"\d\.\d{4,}", html)
    assert "concurrent validity" in html


def test_query_count_does_not_grow_with_candidates(client, manager, cohort_opening):
    store_snapshot(cohort_opening)
    client.force_login(manager)
    url = URL.format(cohort_opening.slug)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # session, user, opening, HR check, team roles, latest snapshot; blind scoring: the
    # applications, the reader's own scorecards, team roles, own roleplay drafts; the top
    # bar: whether the reader manages openings, interviews and roleplays due
    assert len(queries) <= 13, [q["sql"] for q in queries]


def test_recompute_button_stores_a_new_snapshot(client, manager, cohort_opening):
    client.force_login(manager)
    url = URL.format(cohort_opening.slug)
    client.get(url)
    response = client.post(url + "recompute/")
    assert response.status_code == 303 and response["Location"] == url
    assert CalibrationSnapshot.objects.filter(opening=cohort_opening).count() == 2
    assert client.get(url + "recompute/").status_code == 405


def test_opening_page_links_to_calibration_and_fairness_only_for_hr(client, manager, hr, opening):
    client.force_login(manager)
    html = client.get(opening.get_absolute_url()).content.decode()
    assert URL.format(opening.slug) in html
    assert "/reports/fairness/" not in html
    client.force_login(hr)
    html = client.get(opening.get_absolute_url()).content.decode()
    assert f"/reports/fairness/{opening.slug}/" in html
