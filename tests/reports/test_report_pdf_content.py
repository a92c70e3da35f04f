"""The candidate PDF carries the names, dimensions and figures of the report."""

from io import BytesIO

import pytest

from reports.hiring_report.gather import candidate_report
from reports.pdf.candidate_report import build_candidate_pdf
from tests import factories
from tests.reports.report_helpers import add_notes, embedded_fonts, pdf_pages, pdf_text, squash


def _pdf(application) -> bytes:
    buffer = BytesIO()
    build_candidate_pdf(candidate_report(application), buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_report_names_candidate_opening_dimensions_and_band(cohort_opening):
    ada = cohort_opening.applications_by_name["Ada"]
    report = candidate_report(ada)
    data = _pdf(ada)
    text = squash(pdf_text(data))
    for expected in ["Ada Lovelace", cohort_opening.title, "Account Executive",
                     "Discovery questioning", "Negotiating", "Resilience",
                     f"#{cohort_opening.role_profile_revision_id}", report.band["label"],
                     "Appendix", "Suggested probe questions"]:
        assert squash(expected) in text, expected
    # top candidate of the fixture: strong interviews, no knock-out missed; the one
    # sentence a manager reads opens the summary
    assert report.band["key"] in {"strong_fit", "fit"}
    assert squash(report.band["sentence"]) in text
    assert report.band["sentence"].startswith(report.band["label"] + ":")


@pytest.mark.django_db
def test_report_shows_each_interviewers_rating_and_weighted_levels(cohort_opening):
    cy = cohort_opening.applications_by_name["Cy"]
    report = candidate_report(cy)
    text = squash(pdf_text(_pdf(cy)))
    assert "Interviewer@Example.Com" in text or "Interviewer" in text
    # Cy's discovery ratings are 2 and 1: mean 1.5, below the knock-out minimum of 2
    discovery = next(r for r in report.weighted["rows"] if r["name"] == "Discovery questioning")
    assert discovery["interview"] == pytest.approx(1.5)
    assert discovery["knock_out_status"] == "missed"
    assert report.band["key"] == "poor_fit"
    assert squash("2: MISSED") in text
    assert squash(f"Weighted level {report.weighted['overall']:.1f}") in text


@pytest.mark.django_db
def test_unicode_names_render_with_embedded_fonts(cohort_opening):
    names = [("Zoë", "Łukasiewicz"), ("Ngọc", "Nguyễn"), ("Søren", "Ødegård")]
    for first, last in names:
        app = factories.make_application(cohort_opening, first, last, stage="calibration")
        data = _pdf(app)
        assert f"{first} {last}" in pdf_text(data)
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= embedded_fonts(data)


@pytest.mark.django_db
def test_long_notes_wrap_and_continue_across_pages(cohort_opening):
    ada = cohort_opening.applications_by_name["Ada"]
    words = " ".join(f"word{n:03d}" for n in range(90))  # ~800 characters, cut at 600
    add_notes(ada, words + " ENDMARK")
    pages = pdf_pages(_pdf(ada))
    evidence = [n for n, page in enumerate(pages) if "word001" in page]
    assert evidence, "notes missing"
    # the excerpt is cut at a word with an ellipsis, the tail is not printed
    assert "ENDMARK" not in "".join(pages)
    assert "word060" in "".join(pages)
    # 4 answers x 4 notes of ~600 characters do not fit one page: they continue
    assert len(set(evidence)) >= 2


@pytest.mark.django_db
def test_table_that_splits_repeats_its_header(cohort_opening):
    from reportlab.platypus import SimpleDocTemplate

    from reports.pdf.candidate_report import data_table

    rows = [[f"Row {n}", str(n)] for n in range(150)]
    buffer = BytesIO()
    SimpleDocTemplate(buffer).build([data_table(["Dimension name", "Value"], rows, [300, 100])])
    pages = pdf_pages(buffer.getvalue())
    assert len(pages) >= 3
    assert all("Dimension name" in page for page in pages)


@pytest.mark.django_db
def test_the_pdf_says_z_scores_are_against_the_producers_as_they_are_computed(cohort_opening):
    """The method text, the table caption and the chart axis say what the evidence module
    does: z-scores against the producers only, never against everyone scored."""
    text = squash(pdf_text(_pdf(cohort_opening.applications_by_name["Ada"])))
    assert squash("z-scores against the producers' mean and standard deviation") in text
    assert squash("0 = the producers' average") in text
    assert squash("everyone scored") not in text
