"""Packets of any size lay out: the side-by-side probability chart splits across pages."""

from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab.platypus import SimpleDocTemplate

from reports.pdf.charts import posterior_chart, to_drawing
from tests.reports.report_helpers import add_candidates, pdf_pages, squash


def test_posterior_chart_of_200_rows_splits_across_pages():
    rows = [{"name": f"Candidate {k:03d}", "posterior": {"top": 0.5, "middle": 0.3,
                                                          "bottom": 0.2}} for k in range(200)]
    buffer = BytesIO()
    SimpleDocTemplate(buffer).build([to_drawing(posterior_chart(rows, width=450))])
    pages = pdf_pages(buffer.getvalue())
    assert len(pages) >= 4
    text = squash("\n".join(pages))
    for k in range(200):
        assert squash(f"Candidate {k:03d}") in text
    assert all("P(middle)" in page for page in pages)  # every part has its legend
    assert text.count("50%") == 200


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 47, 48, 60])
def test_packet_of_n_candidates_builds_with_every_chart_row(cohort_opening, n):
    from reports.packets.jobs import packet_data
    from reports.pdf.packet import build_packet_pdf

    cohort_opening.applications.filter(stage="calibration").update(stage="assessment")
    add_candidates(cohort_opening, n)
    data = packet_data(cohort_opening, stage="calibration")
    assert len(data["reports"]) == n
    buffer = BytesIO()
    build_packet_pdf(data, buffer)
    pages = pdf_pages(buffer.getvalue())
    text = squash("\n".join(pages))
    for k in range(n):
        assert squash(f"Extra{k:03d} Person{k:03d}") in text
    # the side-by-side chart (after the table, before "In one sentence") has every row
    legend = squash("P(top) P(middle) P(bottom)")
    assert legend in text
    chart = text[text.index(legend):text.index(squash("In one sentence"))]
    for k in range(n):
        assert squash(f"Extra{k:03d} Person{k:03d}") in chart
    assert len(PdfReader(BytesIO(buffer.getvalue())).pages) > n
