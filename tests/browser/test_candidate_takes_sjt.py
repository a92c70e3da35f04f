"""A candidate takes the situational-judgment test from their link, once."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import RESPONSES, SCENARIOS, RequestWatch

pytestmark = pytest.mark.browser

# The candidate's ratings per scenario, for responses A-D.
RATINGS = [["4", "1", "5", "2"], ["3", "2", "5", "1"], ["5", "1", "4", "2"], ["2", "2", "4", "3"]]


def scenario(page, number: int):
    return page.get_by_role("group", name=re.compile(rf"^Scenario {number} of {len(SCENARIOS)}"))


def rate(page, number: int) -> None:
    group = scenario(page, number)
    for (text, _), value in zip(RESPONSES, RATINGS[number - 1], strict=True):
        group.get_by_label(text).select_option(value)


def test_candidate_answers_reloads_submits_and_cannot_return(page, shot, sjt_link):
    saves = RequestWatch(page, "/answers/")
    page.goto(sjt_link)
    expect(page.get_by_role("heading", name="Before you start, Ada")).to_be_visible()
    expect(page.get_by_text(f"{len(SCENARIOS)} scenarios.")).to_be_visible()
    shot(page, "before-start")
    page.get_by_role("button", name="Start the test").click()
    expect(page.locator("#sjt-time-left")).to_have_text(re.compile(r"^(30:00|29:\d\d)$"))

    half = len(SCENARIOS) // 2
    for number in range(1, half + 1):
        rate(page, number)
    saves.wait_idle()
    expect(page.locator("#sjt-status")).to_have_text(re.compile(r"^Saved at \d\d:\d\d:\d\d\.$"))
    shot(page, "half-answered")
    # the progress count follows the ratings as they are made (and after the reload below)
    expect(page.locator("#sjt-answered")).to_have_text(str(half * len(RESPONSES)))

    page.reload()
    for number in range(1, half + 1):
        group = scenario(page, number)
        for (text, _), value in zip(RESPONSES, RATINGS[number - 1], strict=True):
            expect(group.get_by_label(text)).to_have_value(value)
    for text, _ in RESPONSES:
        expect(scenario(page, half + 1).get_by_label(text)).to_have_value("")
    shot(page, "after-reload")

    for number in range(half + 1, len(SCENARIOS) + 1):
        rate(page, number)
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    expect(page.get_by_text("Sales judgment test are submitted")).to_be_visible()
    shot(page, "submitted")

    page.goto(sjt_link)
    expect(page.get_by_role("heading", name="This test is complete")).to_be_visible()
    expect(page.get_by_text("cannot be used again")).to_be_visible()
    expect(page.get_by_role("button", name="Submit", exact=True)).to_have_count(0)
    shot(page, "second-visit")
