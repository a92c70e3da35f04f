"""The packet reads without loose ends: its side-by-side table carries the interviewers'
recommendations under headers that never break inside a word, the opening's cautions are
printed once at the start, and a manager's packet has no fairness page at all."""

import pytest

from reports.hiring_report.evidence import recommendation_summary
from reports.pdf.packet import SIDE_BY_SIDE
from tests.reports.report_helpers import page_lines, pdf_pages, squash
from tests.reports.test_pdf_page_layout import candidate_pdf, loose_ends, packet_pdf


def _recommend(application, *choices: str) -> None:
    from interviews.models import Scorecard

    cards = Scorecard.objects.filter(interview__application=application).order_by("pk")
    for card, choice in zip(cards, choices, strict=True):
        card.recommendation = choice
        card.save(update_fields=["recommendation"])


def _row(pages, name: str) -> str:
    """The first line of the side-by-side table's row for ``name`` (page 1)."""
    return _rows(pages, name)[0]


def _rows(pages, name: str) -> list[str]:
    """The first line of ``name``'s side-by-side row and the line under it (page 1)."""
    lines = [text for text, _ in pages[0]]
    at = next(n for n, text in enumerate(lines) if text.startswith(name))
    return lines[at:at + 2]


def test_recommendation_summary_counts_strongest_yes_first():
    def cards(*labels):
        return {"scorecards": [{"recommendation": label} for label in labels]}

    assert recommendation_summary(cards("No", "Strong yes", "Yes", "Strong yes")) == \
        "2 strong yes · 1 yes · 1 no"
    assert recommendation_summary(cards("Strong no", "")) == "1 strong no · 1 not given"
    assert recommendation_summary(cards()) == "no scorecard"
    assert recommendation_summary({"scorecards": [], "withheld": "Withheld."}) == "withheld"


@pytest.mark.django_db
def test_side_by_side_shows_the_interviewers_recommendations(cohort_opening, hr):
    apps = cohort_opening.applications_by_name
    _recommend(apps["Ada"], "strong_yes", "no")
    _recommend(apps["Bo"], "yes", "")
    pages = page_lines(packet_pdf(cohort_opening, hr, fairness=True))
    header = next(text for text, _ in pages[0] if text.startswith("Candidate Stage"))
    assert "Interviewers" in header and "recommend" in _rows(pages, "Candidate Stage")[1]
    assert "1 strong yes" in _row(pages, "Ada Lovelace")
    assert "1 yes" in _row(pages, "Bo Middleton")
    # one recommendation a line: the second comes on the line under the row's first
    assert "1 not given" in _rows(pages, "Bo Middleton")[1]
    assert "1 no" in _rows(pages, "Ada Lovelace")[1]
    assert "2 not given" in _row(pages, "Cy Lowe")


@pytest.mark.django_db
def test_side_by_side_withholds_recommendations_blind_scoring_hides(cohort_opening, manager):
    """The column reads the packet's own (blinded) evidence: a manager who interviews Ada
    and has not submitted sees no colleague's recommendation on her."""
    from interviews.models import Interview, Scorecard

    ada = cohort_opening.applications_by_name["Ada"]
    _recommend(ada, "strong_yes", "strong_yes")
    Scorecard.objects.create(interview=Interview.objects.create(application=ada,
                                                                interviewer=manager))
    pages = page_lines(packet_pdf(cohort_opening, manager, fairness=False))
    assert "withheld" in _row(pages, "Ada Lovelace")
    assert "strong yes" not in squash(" ".join(t for lines in pages for t, _ in lines))


@pytest.mark.django_db
def test_table_headers_never_break_inside_a_word(cohort_opening, hr):
    """Every word of every header comes back whole from the PDF's text."""
    words = {w for header in SIDE_BY_SIDE for w in header.split()}
    page_one = {w for text, _ in page_lines(packet_pdf(cohort_opening, hr, fairness=True))[0]
                for w in text.split()}
    assert words <= page_one, words - page_one
    report_words = {"Requirement", "Weight", "Target", "Interview", "Assess.", "Shortfall",
                    "Knock-out", "Dimension", "Kind", "Pct", "top", "mid", "bot.", "Discr."}
    ada = cohort_opening.applications_by_name["Ada"]
    found = {w for page in pdf_pages(candidate_pdf(ada)) for w in page.split()}
    assert report_words <= found, report_words - found


@pytest.fixture
def opening_caution(cohort_opening):
    """No producer has a score on negotiating: a caution for the whole opening."""
    from assessments.models import PsychometricScore

    PsychometricScore.objects.filter(producer__isnull=False,
                                     scale__dimension__slug="negotiating").delete()
    return ("No producer has a test, roleplay or psychometric score on Negotiating, so it "
            "cannot be compared with the producers.")


@pytest.mark.django_db
def test_opening_cautions_appear_once_at_the_start_of_the_packet(cohort_opening, hr,
                                                                 opening_caution):
    from reports.hiring_report.gather import candidate_report

    pages = pdf_pages(packet_pdf(cohort_opening, hr, fairness=True))
    text = squash("".join(pages))
    assert text.count(squash(opening_caution)) == 1
    assert squash(opening_caution) in squash(pages[0])
    assert squash("Read first: cautions for the whole opening") in squash(pages[0])
    # the producer comparison's quality note, shared by the three candidates, once too
    message = candidate_report(cohort_opening.applications_by_name["Ada"]).fit["model_message"]
    assert message and text.count(squash(message)) == 1
    # each candidate's page points there instead of repeating it
    assert text.count(squash("The opening's 1 caution is listed once at the start")) == 3


@pytest.mark.django_db
def test_candidate_report_names_the_opening_caution_on_its_summary(cohort_opening,
                                                                   opening_caution):
    pages = pdf_pages(candidate_pdf(cohort_opening.applications_by_name["Ada"]))
    summary = next(squash(p) for p in pages if "Summary" in p)
    assert squash(f"For the whole opening: {opening_caution}") in summary
    assert squash("The whole opening") in squash(pages[-1])  # and in the appendix


@pytest.mark.django_db
def test_managers_packet_has_no_fairness_page(cohort_opening, manager, hr):
    data = packet_pdf(cohort_opening, manager, fairness=False)
    text = squash("".join(pdf_pages(data)))
    assert squash("Fairness summary") not in text
    assert squash("Selection rates by self-identified group") not in text
    assert squash("Fairness figures (selection rates by group) are in packets HR requests") \
        in squash(pdf_pages(data)[0])
    assert loose_ends(data) == []
    hr_text = squash("".join(pdf_pages(packet_pdf(cohort_opening, hr, fairness=True))))
    assert hr_text.count(squash("Fairness summary")) == 1
    assert squash("Selection rates by self-identified group") in hr_text
