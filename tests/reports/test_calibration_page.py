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
    # applications, the reader's own scorecards, team roles, own roleplay drafts; the
    # headlines: recommendations, judgment tests, roleplays (+ ratings and dimensions when
    # there are any), psychometrics; the top bar: whether the reader manages openings,
    # interviews and roleplays due
    assert len(queries) <= 19, [q["sql"] for q in queries]


def test_query_count_is_the_same_with_more_candidates(client, manager, cohort_opening):
    from tests.factories import make_application

    store_snapshot(cohort_opening)
    client.force_login(manager)
    url = URL.format(cohort_opening.slug)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(4):
        make_application(cohort_opening, "Extra", f"Candidate{n}")
    store_snapshot(cohort_opening)
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert "Extra Candidate3" in html
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_each_candidate_gets_the_reports_band_and_sentence_at_the_top(client, manager,
                                                                    cohort_opening):
    """One rule, every path: the page's band and sentence are the hiring report's."""
    from django.utils.html import escape

    from reports.hiring_report.gather import candidate_report
    from reports.hiring_report.pipeline_status import after_badge

    store_snapshot(cohort_opening)
    client.force_login(manager)
    html = client.get(URL.format(cohort_opening.slug)).content.decode()
    top, method = html.split('id="method-h"')
    applications = list(cohort_opening.applications.select_related("candidate"))
    assert applications
    for application in applications:
        report = candidate_report(application, reader=manager)
        label = report.band["label"]
        assert f'band-{report.band["key"]}">{label}' in top
        # the badge says the band; the sentence after it goes on without repeating it
        assert escape(after_badge(report.band["sentence"], label)) in top, report.band
        assert f'<p class="headline-sentence">{escape(label)}:' not in top
    # The statistician's tables are still there, below, under Method and figures.
    assert "Method and figures" in method.split(">", 1)[1][:40]
    for figure in ("Hedges", "Holm", "Leniency", "concurrent validity", "Brier"):
        assert figure in method and figure not in top.split('id="headlines-h"')[1], figure


def test_agreement_is_said_in_words_with_the_statistic_beside_it(client, manager,
                                                                 cohort_opening):
    store_snapshot(cohort_opening)
    client.force_login(manager)
    html = client.get(URL.format(cohort_opening.slug)).content.decode()
    top = html.split('id="method-h"')[0]
    assert re.search(r"Interviewers agree (well|moderately|poorly)</strong> <span class=\"stat\">"
                     r"\(ICC\(2,1\) \d\.\d\d, median over 2 dimensions; 12 ratings by 2 "
                     r"interviewers\)", top), top[-3000:]
    assert "Koo &amp; Li (2016)" in top


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
