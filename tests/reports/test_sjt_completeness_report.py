"""A judgment test answered in part: its answered count is shown in the report page and PDF,
and below SELECTION_SJT_MIN_COMPLETE it does not enter the band (issue 14)."""

import pytest
from django.test import Client

from assessments import delivery
from reports.hiring_report.gather import candidate_report
from tests.assessments.conftest import KEYS, make_test, options_of
from tests.reports.report_helpers import pdf_text, squash

pytestmark = pytest.mark.django_db


def take(test, application, manager, rated: int, *, worst=False):
    """The candidate takes ``test`` through the real pages, rating the first ``rated``
    options (on the key, or as far from it as possible) and confirming the submit."""
    invitation, _ = delivery.invite(test=test, by=manager, candidate=application.candidate,
                                    application=application)
    link = delivery.link_path(invitation)
    anon = Client()
    assert anon.post(link + "start/").status_code == 302
    fields = {}
    scenarios = list(test.scenarios.order_by("sort_order"))
    for scenario, options, keys in zip(scenarios, options_of(test), KEYS, strict=True):
        for pk, key in zip(options, keys, strict=True):
            if len(fields) < rated:
                fields[f"s{scenario.pk}-o{pk}"] = str((1 if key >= 3 else 5) if worst else key)
    done = anon.post(link + "answers/", {**fields, "action": "submit-confirmed"})
    assert done.status_code == 200 and b"Thank you" in done.content
    invitation.attempt.refresh_from_db()
    return invitation.attempt


def _base(application) -> str:
    return f"/reports/openings/{application.opening.slug}/candidates/{application.pk}/"


def _pdf_text(client, application) -> str:
    response = client.get(_base(application) + "report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return squash(pdf_text(data))


def test_answered_count_is_stored_and_shown_in_report_page_and_pdf(
        cohort_opening, library, manager, client):
    ada = cohort_opening.applications_by_name["Ada"]
    attempt = take(make_test(library), ada, manager, rated=7)
    assert (attempt.items_answered, attempt.items_total) == (7, 8)
    # 7 of 8 rated on the key: every scored scenario is 1.0, the missing one is not a 0
    assert attempt.total_score == 1.0
    client.force_login(manager)
    html = client.get(_base(ada) + "report/").content.decode()
    assert "Answered 7 of 8." in html
    assert squash("Answered 7 of 8.") in _pdf_text(client, ada)
    panel = client.get(ada.get_absolute_url()).content.decode()
    assert "Answered 7 of 8" in panel


def test_an_incomplete_test_is_marked_and_does_not_change_the_band(
        cohort_opening, library, manager, client):
    ada = cohort_opening.applications_by_name["Ada"]
    before = candidate_report(ada).band["key"]
    # 1 of 8 rated (12.5 %), as far from the key as it can be: counted, it would pull
    # discovery down to level 1
    attempt = take(make_test(library), ada, manager, rated=1, worst=True)
    assert (attempt.items_answered, attempt.items_total) == (1, 8)
    report = candidate_report(ada)
    assert report.band["key"] == before
    note = "Incomplete: answered 1 of 8, below the 80 % needed; not used in the band."
    client.force_login(manager)
    assert note in client.get(_base(ada) + "report/").content.decode()
    assert squash(note) in _pdf_text(client, ada)
    assert "Incomplete: answered 1 of 8" in client.get(ada.get_absolute_url()).content.decode()


def test_a_complete_test_with_the_same_answers_does_change_the_band(
        cohort_opening, library, manager, settings):
    ada = cohort_opening.applications_by_name["Ada"]
    before = candidate_report(ada).band["key"]
    settings.SELECTION_SJT_MIN_COMPLETE = 0.1  # now 1 of 8 is enough
    take(make_test(library), ada, manager, rated=1, worst=True)
    assert candidate_report(ada).band["key"] != before
