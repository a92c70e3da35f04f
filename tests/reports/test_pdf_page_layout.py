"""No loose ends in the PDFs: no heading at a page foot, no page of a few stray lines.

Read back with pypdf (``report_helpers.page_lines``): each page's lines above the footer,
with the lines set in a heading font marked. A page fails when its last line is a heading
(the heading was orphaned from what it introduces) or when fewer than ``MIN_LINES`` of its
lines are not headings (a page holding only a heading, or three overflow lines).
"""

from io import BytesIO

import pytest
from reportlab.platypus import SimpleDocTemplate, Spacer

from reports.hiring_report.gather import candidate_report
from reports.packets.jobs import packet_data
from reports.pdf.candidate_report import build_candidate_pdf
from reports.pdf.layout import MARGIN, PAGE, HeadingKeeper, data_table, header_widths
from reports.pdf.markup import para
from reports.pdf.packet import build_packet_pdf
from reports.pdf.styles import styles
from tests.reports.report_helpers import add_notes, page_lines

MIN_LINES = 6


def loose_ends(data: bytes) -> list[str]:
    """What is wrong with each page, in words (empty when nothing is)."""
    problems = []
    for number, lines in enumerate(page_lines(data), 1):
        content = [text for text, heading in lines if not heading]
        if lines and lines[-1][1]:
            problems.append(f"page {number} ends with the heading {lines[-1][0]!r}")
        if len(content) < MIN_LINES:
            problems.append(f"page {number} holds only {len(content)} lines: {content}")
    return problems


def candidate_pdf(application) -> bytes:
    buffer = BytesIO()
    build_candidate_pdf(candidate_report(application), buffer)
    return buffer.getvalue()


def packet_pdf(opening, reader, *, fairness: bool) -> bytes:
    """The packet as the worker builds it for ``reader`` (``run_packet``)."""
    buffer = BytesIO()
    build_packet_pdf(packet_data(opening, generated_by=reader, include_fairness=fairness,
                                 reader=reader), buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_candidate_reports_have_no_orphaned_heading_nor_stray_page(cohort_opening):
    for first in ("Ada", "Bo", "Cy"):
        data = candidate_pdf(cohort_opening.applications_by_name[first])
        assert loose_ends(data) == [], first


@pytest.mark.django_db
def test_headings_stay_with_their_first_block_wherever_the_page_ends(cohort_opening):
    """Rationales of growing length move every later line down, a line or two at a time,
    so each heading of the later sections passes a page foot: none may end a page."""
    from interviews.models import Scorecard

    ada = cohort_opening.applications_by_name["Ada"]
    add_notes(ada, " ".join(f"word{n:03d}" for n in range(60)))
    endings = set()
    for words in range(0, 264, 24):
        Scorecard.objects.filter(interview__application=ada).update(
            rationale=" ".join(f"reason{n:03d}" for n in range(words)))
        pages = page_lines(candidate_pdf(ada))
        endings |= {lines[-1][0] for lines in pages if lines}
        assert [lines[-1][0] for lines in pages if lines and lines[-1][1]] == [], words
    assert len(endings) > 8  # the page ends did move through the document


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["hr", "manager"])
def test_packets_have_no_orphaned_heading_nor_stray_page(request, cohort_opening, who):
    data = packet_pdf(cohort_opening, request.getfixturevalue(who), fairness=who == "hr")
    assert loose_ends(data) == []


def _build(flowables) -> bytes:
    from reports.pdf.fonts import register_fonts

    register_fonts()
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=PAGE, topMargin=MARGIN, bottomMargin=MARGIN,
                      keepTogetherClass=HeadingKeeper).build(flowables)
    return buffer.getvalue()


def _free_space_left(points: float) -> Spacer:
    """A spacer that leaves ``points`` of the first page's frame free."""
    frame_height = PAGE[1] - 2 * MARGIN - 12  # the frame's own padding, 6 pt each side
    return Spacer(1, frame_height - points)


def _page_of(pages, text: str) -> int:
    return next(n for n, lines in enumerate(pages) if any(text in t for t, _ in lines))


@pytest.mark.django_db
def test_heading_moves_with_a_table_that_cannot_start_under_it():
    rows = [[f"Row {n}", str(n)] for n in range(30)]
    pages = page_lines(_build([_free_space_left(40), para("Counts", styles()["h2"]),
                               data_table(["What", "n"], rows, [300, 100])]))
    assert _page_of(pages, "Counts") == _page_of(pages, "Row 0") == 1


@pytest.mark.django_db
def test_long_table_starts_under_its_heading_when_rows_fit_there():
    """Unlike reportlab's KeepTogether, the table is not pushed whole onto the next page."""
    rows = [[f"Row {n}", str(n)] for n in range(80)]
    pages = page_lines(_build([_free_space_left(160), para("Counts", styles()["h2"]),
                               data_table(["What", "n"], rows, [300, 100])]))
    assert _page_of(pages, "Counts") == _page_of(pages, "Row 0") == _page_of(pages, "Row 3") == 0
    assert _page_of(pages, "Row 79") >= 1


@pytest.mark.django_db
def test_a_table_leaves_no_single_row_alone_across_a_break():
    rows = [[f"Row {n}", str(n)] for n in range(12)]
    for room in range(60, 300, 9):
        pages = page_lines(_build([_free_space_left(room),
                                   data_table(["What", "n"], rows, [300, 100])]))
        counts = [sum(1 for t, _ in lines if t.startswith("Row ")) for lines in pages]
        assert all(c == 0 or c >= 2 for c in counts), (room, counts)
        assert sum(counts) == 12


def test_header_widths_fit_the_longest_word_and_keep_the_total():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reports.pdf.fonts import BOLD, register_fonts

    register_fonts()
    widths = header_widths(["Candidate", "P(bottom)", "Knock-outs missed"], [200, 20, 30],
                           BOLD, 8)
    assert sum(widths) == pytest.approx(250)
    assert widths[1] >= stringWidth("P(bottom)", BOLD, 8) + 8
    assert widths[2] >= stringWidth("Knock-outs", BOLD, 8) + 8
    assert widths[0] < 200  # the widest column gave the room
    assert header_widths(["A", "B"], [50, 60], BOLD, 8) == [50, 60]
