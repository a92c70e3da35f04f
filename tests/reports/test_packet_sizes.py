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
@pytest.mark.parametrize("n", [1, 47, 48, 200])
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
    # the comparison chart (under its heading, before the note on how far it can be
    # trusted and the candidates' own pages) has every row
    legend = squash("P(top) P(middle) P(bottom)")
    start = text.index(squash("The comparison with the producers"))
    end = text.index(squash("How far the producer comparison can be trusted"), start)
    chart = text[start:end]
    assert legend in chart
    for k in range(n):
        assert squash(f"Extra{k:03d} Person{k:03d}") in chart
    assert len(PdfReader(BytesIO(buffer.getvalue())).pages) > n


def _packet_queries(opening) -> tuple[int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.packets.jobs import packet_data

    with CaptureQueriesContext(connection) as queries:
        data = packet_data(opening, stage="calibration", include_fairness=True)
    return len(data["reports"]), len(queries)


@pytest.mark.django_db
def test_packet_data_queries_do_not_depend_on_the_number_of_candidates(
        cohort_opening, interviewer):
    from interviews.models import Answer, Interview, Question, Scorecard
    from reports.calibration.compute import store_snapshot

    def with_cards(apps):  # a submitted scorecard each, so interview evidence is read too
        question = Question.objects.first()
        for app in apps:
            card = Scorecard.objects.create(
                interview=Interview.objects.create(application=app, interviewer=interviewer),
                state=Scorecard.SUBMITTED, version=1)
            Answer.objects.create(scorecard=card, question=question, sort_order=0, rating=3)

    with_cards(add_candidates(cohort_opening, 4))
    store_snapshot(cohort_opening)
    _packet_queries(cohort_opening)  # warm caches
    few = _packet_queries(cohort_opening)
    with_cards(add_candidates(cohort_opening, 45, first=4))
    store_snapshot(cohort_opening)
    many = _packet_queries(cohort_opening)
    assert (few[0], many[0]) == (5, 50)
    assert many[1] == few[1]
