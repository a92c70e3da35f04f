"""The hiring manager opens a candidate, reads the one sentence, records a rejection with a
reason, and the candidate's history shows who decided, when and why. The calibration page
and the hiring report fit a 390 px phone without scrolling sideways."""

import re

import pytest
from playwright.sync_api import expect

from selection.demo import DEMO_PASSWORD
from tests.browser.conftest import log_in, overflowing

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
BAND = re.compile(r"^(Strong fit|Fit|Mixed|Poor fit|Insufficient evidence) [A-Z].+\.$")


def _calibration_candidate():
    from selection.models import Application

    return (Application.objects.filter(opening__slug="ae-nordics", stage="calibration")
            .select_related("candidate").order_by("candidate__last_name").first())


def test_manager_rejects_a_candidate_with_a_reason_and_the_history_says_why(page, shot, demo):
    from selection.models import Decision

    application = _calibration_candidate()
    name = application.candidate.full_name
    log_in(page, "manager@demo.selection", DEMO_PASSWORD)
    page.get_by_role("link", name="Account Executive, Nordics").first.click()
    page.get_by_role("link", name=name).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)

    sentence = page.get_by_role("region", name="In one sentence").locator(".headline-sentence")
    expect(sentence).to_be_visible()
    text = sentence.inner_text().strip()
    label = sentence.locator(".band-badge").inner_text().strip()
    # the badge names the band; the sentence after it does not say it again
    assert BAND.match(text) and text.startswith(label + " "), text
    assert not text[len(label):].strip().startswith(label), text

    form = page.get_by_role("region", name="Record a decision")
    expect(form).to_contain_text(f"No hire moves {name} to Rejected.")
    expect(form).to_contain_text(f"Advance moves {name} to Offer.")
    shot(page, "candidate-before")

    # Without a reason the rejection is refused and nothing is recorded.
    form.get_by_label("No hire").check()
    form.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("A rejection needs at least one reason from the list.")).to_be_visible()
    assert not Decision.objects.filter(application=application).exists()

    form = page.get_by_role("region", name="Record a decision")
    form.get_by_label("No hire").check()
    form.get_by_label("Another candidate was a stronger fit").check()
    form.get_by_label("Rationale").fill("Discovery examples were thin; Priya's were stronger.")
    form.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text(f"Decision recorded for {name}; the stage is now Rejected.")
           ).to_be_visible()

    history = page.get_by_role("region", name="History")
    entry = history.locator(".decision-history li").first
    expect(entry).to_contain_text("No hire")
    expect(entry).to_contain_text("Maya Okafor")
    expect(entry).to_contain_text("Reasons: Another candidate was a stronger fit")
    expect(entry).to_contain_text("Discovery examples were thin; Priya's were stronger.")
    decision = Decision.objects.get(application=application)
    expect(entry).to_contain_text(decision.decided_at.strftime("%-d %b %Y"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rejected")
    shot(page, "candidate-after")


def test_calibration_page_and_report_fit_a_phone(page, shot, demo):
    application = _calibration_candidate()
    page.set_viewport_size(PHONE)
    log_in(page, "manager@demo.selection", DEMO_PASSWORD)
    page.goto("/reports/openings/ae-nordics/calibration/")
    expect(page.get_by_role("heading", name="Each candidate in one sentence")).to_be_visible()
    shot(page, "calibration-390")
    assert overflowing(page) == []
    page.goto(f"/reports/openings/ae-nordics/candidates/{application.pk}/report/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hiring report")
    shot(page, "report-390")
    assert overflowing(page) == []
    page.goto(application.get_absolute_url())
    shot(page, "candidate-390")
    assert overflowing(page) == []
