"""The blind rule holds through the API: while anyone who interviews (or assesses) a
candidate has not submitted, the API carries none of the others' cards on that candidate,
in the results or the PDF, whatever the client's scopes; and the results are the report's.

The fixture is the reports' ``cohort_opening``: two interviewers submitted cards on Ada,
Bo and Cy; here the hiring manager also interviews Ada and holds a draft.
"""

import json

import pytest

from reports.hiring_report.gather import candidate_report
from tests.reports.report_helpers import add_notes, pdf_text, squash

NOTE = "Interviewer notes say the quota story did not add up"


@pytest.fixture
def ada(cohort_opening):
    app = cohort_opening.applications_by_name["Ada"]
    add_notes(app, NOTE)
    return app


@pytest.fixture
def ada_with_a_draft(ada, manager):
    from interviews.models import Interview, Scorecard

    Scorecard.objects.filter(interview__application=ada).update(recommendation="strong_yes")
    Scorecard.objects.create(interview=Interview.objects.create(application=ada,
                                                                interviewer=manager))
    return ada


def test_results_are_the_reports_band_and_evidence_when_nothing_is_pending(ats, ada):
    body = ats.get(f"/applications/{ada.pk}/results").json()
    report = candidate_report(ada)
    assert body["band"]["key"] == report.band["key"]
    assert body["band"]["sentence"] == report.band["sentence"]
    assert [r["level"] for r in body["requirements"]] == [
        r["level"] for r in report.weighted["rows"]]
    assert body["interviews"]["scorecards_submitted"] == 2
    assert body["withheld"] == []


def test_a_pending_interviewer_withholds_the_others_cards_from_the_api(ats, ada_with_a_draft):
    ada = ada_with_a_draft
    body = ats.get(f"/applications/{ada.pk}/results").json()
    assert body["interviews"]["withheld"] is True
    assert body["interviews"]["scorecards_submitted"] is None
    assert body["interviews"]["recommendations"] == {}
    assert body["band"]["key"] == "insufficient"
    assert "withheld from the API" in body["withheld"][0]
    assert "Strong yes" not in json.dumps(body)
    assert all(r["interview"] is None for r in body["requirements"])
    pdf = pdf_text(ats.get(f"/applications/{ada.pk}/report.pdf").content)
    assert squash(NOTE) not in squash(pdf) and squash("withheld from the API") in squash(pdf)


def test_the_other_candidates_stay_readable(ats, ada_with_a_draft, cohort_opening):
    bo = cohort_opening.applications_by_name["Bo"]
    body = ats.get(f"/applications/{bo.pk}/results").json()
    assert body["interviews"]["scorecards_submitted"] == 2 and body["withheld"] == []


def test_a_candidate_without_evidence_has_no_pdf(ats, application):
    response = ats.get(f"/applications/{application.pk}/report.pdf")
    assert response.status_code == 404 and response.json()["code"] == "no_evidence"
