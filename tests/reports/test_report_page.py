"""The report in the browser: same sections and charts (inline SVG) as the PDF."""

from urllib.parse import unquote

import pytest

from reports.hiring_report.views import content_disposition, report_filename


@pytest.mark.django_db
def test_report_page_shows_summary_charts_and_pdf_button(client, cohort_opening, manager):
    ada = cohort_opening.applications_by_name["Ada"]
    client.force_login(manager)
    base = f"/reports/openings/{cohort_opening.slug}/candidates/{ada.pk}/"
    html = client.get(base + "report/").content.decode()
    assert "Hiring report: Ada Lovelace" in html
    assert html.count("<svg") >= 3  # posterior, profile, strip
    assert 'class="report-chart"' in html
    assert f'href="{base}report.pdf"' in html
    for section in ("Evidence against the role profile", "What limits confidence",
                    "Suggested probe questions", "Interview evidence", "Dimensions"):
        assert section in html
    assert "<script" not in html.split("<main")[1]  # no inline script (CSP)


@pytest.mark.django_db
def test_candidate_page_links_to_the_report(client, cohort_opening, manager):
    ada = cohort_opening.applications_by_name["Ada"]
    client.force_login(manager)
    html = client.get(ada.get_absolute_url()).content.decode()
    assert f"/reports/openings/{cohort_opening.slug}/candidates/{ada.pk}/report/" in html
    assert "Download PDF" in html


def test_pdf_filename_keeps_the_name_readable():
    assert report_filename("Zoë Łukasiewicz") == "zoe-lukasiewicz-hiring-report.pdf"
    assert report_filename("Søren Ødegård") == "soren-odegard-hiring-report.pdf"
    assert report_filename("Ngọc Nguyễn") == "ngoc-nguyen-hiring-report.pdf"
    assert report_filename('"; rm -rf /') == "rm-rf-hiring-report.pdf"
    assert report_filename("王小明") == "candidate-hiring-report.pdf"


def test_pdf_download_sends_the_full_name_as_rfc_6266_filename_star():
    header = content_disposition('Zoë "Ł" Łukasiewicz/x')
    assert header.startswith('attachment; filename="zoe-l-lukasiewiczx-hiring-report.pdf"; ')
    encoded = header.split("filename*=UTF-8''", 1)[1]
    assert unquote(encoded) == 'Zoë "Ł" Łukasiewicz-x - hiring report.pdf'
    assert all(c not in encoded for c in ' ";/')


@pytest.mark.django_db
def test_a_candidate_with_no_evidence_gets_no_pdf_only_what_is_missing(client, cohort_opening,
                                                                      manager):
    from tests import factories

    new = factories.make_application(cohort_opening, "Nia", "Newcomer", stage="applied")
    client.force_login(manager)
    page = client.get(f"/reports/openings/{cohort_opening.slug}/candidates/{new.pk}/report/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Nothing to report yet" in html
    assert "No interviewer has submitted a scorecard for this candidate." in html
    assert f"/candidates/{new.pk}/report.pdf" not in html
    pdf = client.get(f"/reports/openings/{cohort_opening.slug}/candidates/{new.pk}/report.pdf")
    assert pdf.status_code == 404
    # a candidate with evidence keeps the download
    ada = cohort_opening.applications_by_name["Ada"]
    html = client.get(f"/reports/openings/{cohort_opening.slug}/candidates/{ada.pk}/report/")
    assert f"/candidates/{ada.pk}/report.pdf" in html.content.decode()


@pytest.mark.django_db
def test_pdf_download_of_a_name_with_accents_is_transliterated(client, cohort_opening, manager):
    from tests.reports.report_helpers import pdf_text

    ada = cohort_opening.applications_by_name["Ada"]
    ada.candidate.first_name, ada.candidate.last_name = "Zoë", "Łukasiewicz"
    ada.candidate.save(update_fields=["first_name", "last_name"])
    client.force_login(manager)
    response = client.get(f"/reports/openings/{cohort_opening.slug}/candidates/{ada.pk}/"
                          "report.pdf")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="zoe-lukasiewicz-hiring-report.pdf"; '
        "filename*=UTF-8''Zo%C3%AB%20%C5%81ukasiewicz%20-%20hiring%20report.pdf")
    assert "Zoë Łukasiewicz" in pdf_text(response.content)
