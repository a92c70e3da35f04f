"""The report in the browser: same sections and charts (inline SVG) as the PDF."""

import pytest
from django.utils.text import slugify

from reports.hiring_report.views import report_filename


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


def test_pdf_filename_is_a_slug_of_the_name():
    assert report_filename("Søren Ødegård") == f"{slugify('Søren Ødegård')}-hiring-report.pdf"
    assert report_filename('"; rm -rf /') == "rm-rf-hiring-report.pdf"
    assert report_filename("ŁŁŁ") == "candidate-hiring-report.pdf" or report_filename(
        "ŁŁŁ").endswith("-hiring-report.pdf")
