"""Whatever people typed prints as text: reportlab markup in notes cannot change the PDF."""

from io import BytesIO

import pytest

from reports.hiring_report.gather import candidate_report
from reports.pdf.candidate_report import build_candidate_pdf
from reports.pdf.charts import Chart, Text, to_svg
from tests.reports.report_helpers import add_notes, pdf_text, squash

PAYLOAD = '<font size=80>HUGE</font> <img src="/etc/passwd" width=400/> <b>unclosed & more'


@pytest.mark.django_db
def test_markup_in_notes_and_names_prints_as_text(cohort_opening):
    ada = cohort_opening.applications_by_name["Ada"]
    add_notes(ada, PAYLOAD)
    ada.candidate.last_name = "Lovelace <i>"
    ada.candidate.save()
    scorecard = ada.interviews.first().scorecard
    scorecard.rationale = "</para><para>Rationale <u>x"
    scorecard.save()
    buffer = BytesIO()
    build_candidate_pdf(candidate_report(ada), buffer)  # an unclosed tag would raise here
    text = squash(pdf_text(buffer.getvalue()))
    assert squash(PAYLOAD) in text
    assert squash("Ada Lovelace <i>") in text
    assert squash("</para><para>Rationale <u>x") in text


@pytest.mark.django_db
def test_report_page_escapes_notes(client, cohort_opening, manager):
    ada = cohort_opening.applications_by_name["Ada"]
    add_notes(ada, PAYLOAD)
    client.force_login(manager)
    html = client.get(f"/reports/openings/{cohort_opening.slug}/candidates/{ada.pk}/report/"
                      ).content.decode()
    assert '<img src="/etc/passwd"' not in html
    assert "&lt;img src=&quot;/etc/passwd&quot;" in html


def test_svg_text_is_escaped():
    chart = Chart(100, 20, 'a "title" <script>')
    chart.add(Text(0, 10, "</text><script>alert(1)</script>"))
    svg = to_svg(chart)
    assert "<script>" not in svg
    assert "&lt;/text&gt;&lt;script&gt;" in svg
