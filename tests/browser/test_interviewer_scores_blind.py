"""An interviewer takes notes and rates with autosave, submits, and only then sees the others."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import OTHER_NOTE, log_in

pytestmark = pytest.mark.browser

NOTES = {
    "situation": "Renewal at a logistics firm, new CFO, budget frozen in March.",
    "action": "Mapped the CFO's exit criteria & re-ran discovery <with> finance.",
    "result": "Renewed at 94 % of the original value, two weeks late.",
    "learned": "Now meets finance before the proposal, not after.",
}


def wait_saved(page) -> None:
    expect(page.locator("#autosave-status")).to_have_text(re.compile(r"^Saved \d\d:\d\d$"))


def pages_open_to_interviewer(page, own) -> dict[str, str]:
    """Every page the interviewer can reach about this candidate: url -> visible text."""
    application = own.interview.application
    urls = [
        "/", "/interviews/", own.get_absolute_url(), f"/interviews/scorecards/{own.pk}/others/",
        f"/openings/{application.opening.slug}/",
        f"/openings/{application.opening.slug}/candidates/{application.pk}/",
    ]
    seen = {}
    for url in urls:
        page.goto(url)
        seen[url] = page.content()
    return seen


def test_interviewer_scores_with_autosave_then_sees_the_others(page, shot, scheduled):
    application, own, other = scheduled
    answers = list(own.answers.select_related("question").order_by("sort_order"))
    log_in(page, "interviewer@example.com")

    # Blind until submitted: the other interviewer's notes are on no page they can open.
    for url, html in pages_open_to_interviewer(page, own).items():
        assert OTHER_NOTE not in html, f"{url} shows another interviewer's notes"
    page.goto(f"/interviews/scorecards/{own.pk}/others/")
    expect(page.get_by_text("Submit your own scorecard first")).to_be_visible()
    shot(page, "others-refused-before-submitting")

    page.goto("/interviews/")
    row = page.get_by_role("row").filter(has_text="Ada Lovelace")
    expect(row).to_contain_text("Not started")
    shot(page, "my-interviews")
    row.get_by_role("link", name="Ada Lovelace").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ada Lovelace")
    expect(page.get_by_role("heading", level=2)).to_have_count(len(answers))
    page.wait_for_load_state("load")  # the autosave script has run and listens from here

    first = page.locator(f"#q{answers[0].question_id}")
    for field, text in NOTES.items():
        first.get_by_label(field.title(), exact=True).fill(text)
    ratings = [4, 3, 5][: len(answers)] + [3] * max(0, len(answers) - 3)
    for answer, rating in zip(answers, ratings, strict=True):
        page.locator(f"label[for=q{answer.question_id}-rating-{rating}]").click()
    wait_saved(page)
    shot(page, "notes-and-ratings-autosaved")

    page.reload()
    for field, text in NOTES.items():
        expect(first.get_by_label(field.title(), exact=True)).to_have_value(text)
    for answer, rating in zip(answers, ratings, strict=True):
        expect(page.locator(f"#q{answer.question_id}-rating-{rating}")).to_be_checked()
    expect(page.get_by_text(OTHER_NOTE)).to_have_count(0)

    page.get_by_label("Yes", exact=True).check()
    page.get_by_label(re.compile("^Rationale")).fill("Specific, self-critical examples.")
    wait_saved(page)
    page.get_by_role("button", name="Submit scorecard").click()
    expect(page.get_by_text("Scorecard submitted.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Submitted")
    expect(page.get_by_text(NOTES["action"])).to_be_visible()
    shot(page, "submitted-read-only")

    page.get_by_role("link", name="See the other interviewers' scorecards").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("the other scorecards")
    card = page.locator("details.submitted-card").filter(has_text="Interviewer2")
    expect(card).to_have_count(1)
    card.locator("summary").click()
    expect(card.get_by_text(OTHER_NOTE)).to_have_count(len(other.answers.all()))
    expect(card.get_by_text(OTHER_NOTE).first).to_be_visible()
    expect(page.get_by_text("Few specifics in the examples.")).to_be_visible()
    shot(page, "others-after-submitting")
