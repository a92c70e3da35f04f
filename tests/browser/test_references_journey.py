"""References from request to report: HR asks, the finalist names two former managers, one
answers (autosaved, reloaded, submitted), the other declines, and the manager sees the
answers and the contradiction with the interview on the candidate page and in the PDF."""

import re
from io import BytesIO

import pytest
from django.core import mail
from playwright.sync_api import expect
from pypdf import PdfReader

from tests import factories
from tests.assessments.references.conftest import publish_question
from tests.assessments.references.test_reference_evidence import interview
from tests.browser.conftest import log_in, log_out, overflowing

pytestmark = pytest.mark.browser


def link_in(message, kind: str) -> str:
    return re.search(rf"https?://[^/\s]+(/assessments/{kind}/\S+/)", message.body)[1]


@pytest.fixture
def finalist(library, opening, interviewer):
    publish_question(library["discovery"], "Compared with others you managed, how well did "
                     "they find out what a buyer needed?")
    publish_question(library["negotiating"], "How did they negotiate compared with others?")
    application = factories.make_application(opening, "Grace", "Hopper", stage="calibration")
    interview(application, interviewer, {"discovery": 5, "negotiating": 3})
    return application


def test_references_from_request_to_report(page, shot, finalist, hr, manager):
    log_in(page, hr.email)
    page.goto(finalist.get_absolute_url())
    references = page.locator("#references")
    references.get_by_role("button", name="Request references").click()
    expect(page.locator(".messages")).to_contain_text("Link to name referees emailed")
    candidate_link = link_in(mail.outbox[-1], "c")
    log_out(page)

    page.goto(candidate_link)
    expect(page.get_by_role("heading", name="Name your referees")).to_be_visible()
    for n, (name, email) in enumerate([("Mia Manager", "mia@acme.example"),
                                       ("Max Manager", "max@acme.example")]):
        row = page.get_by_role("group", name=f"Referee {n + 1}")
        row.get_by_label("Name").fill(name)
        row.get_by_label("Email").fill(email)
        expect(row.get_by_label("They were your")).to_have_value("former_manager")
        row.get_by_label("Company").fill("Acme <Sales>")
        row.get_by_label("Worked together from").fill("2020-01")
    shot(page, "candidate-names-referees")
    page.get_by_role("button", name="Send to my referees").click()
    expect(page.get_by_role("alert")).to_contain_text("Tick the consent box")
    page.get_by_label(re.compile("I agree that")).check()
    page.get_by_role("button", name="Send to my referees").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    links = {m.to[0]: link_in(m, "r") for m in mail.outbox if "/assessments/r/" in m.body}

    # Mia answers on a phone, reloads half-way, and finds her answers where she left them.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(links["mia@acme.example"])
    first = page.get_by_role("group", name=re.compile("find out what a buyer needed"))
    first.get_by_role("radio", name=re.compile(r"\b2 Below most")).check()
    first.get_by_label(re.compile("comment or an example")).fill(
        "Pitched <b>too early</b>, often.")
    expect(page.locator("#ref-status")).to_have_text(re.compile(r"^Saved at "))
    assert overflowing(page) == []
    shot(page, "referee-390")
    page.reload()
    expect(first.get_by_role("radio", name=re.compile(r"\b2 Below most"))).to_be_checked()
    expect(first.get_by_label(re.compile("comment or an example"))).to_have_value(
        "Pitched <b>too early</b>, often.")
    page.get_by_label("Your relationship and the dates").fill("Her manager, 2020-2023.")
    page.get_by_label("Yes, with reservations").check()
    page.get_by_role("button", name="Submit reference").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    page.goto(links["mia@acme.example"])
    expect(page.get_by_role("heading", name="Your reference is submitted")).to_be_visible()

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(links["max@acme.example"])
    page.get_by_text("I would rather not give a reference").click()
    page.get_by_label(re.compile("Reason")).fill("Policy: dates only.")
    page.get_by_role("button", name="Decline").click()
    expect(page.get_by_role("heading", name="You have declined")).to_be_visible()

    log_in(page, manager.email)
    page.goto(finalist.get_absolute_url())
    references = page.locator("#references")
    expect(references).to_contain_text("Contradicts the interview")
    expect(references).to_contain_text("Pitched <b>too early</b>, often.")
    expect(references).to_contain_text("Declined")
    shot(page, "manager-sees-references")
    page.get_by_role("link", name="Open hiring report").click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download PDF").click()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(
        BytesIO(open(info.value.path(), "rb").read())).pages).split())
    assert "Contradicts the interview" in text
    assert "Pitched <b>too early</b>, often." in text
