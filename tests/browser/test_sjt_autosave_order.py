"""Autosaves of the SJT must not overtake each other: the last answer given is the one kept."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import RESPONSES, RequestWatch

pytestmark = pytest.mark.browser


def test_a_slow_earlier_autosave_does_not_overwrite_a_later_one(page, shot, sjt_link):
    page.goto(sjt_link)
    page.get_by_role("button", name="Start the test").click()
    # the countdown shows minutes once the page's script runs: only then does autosave listen
    expect(page.locator("#sjt-time-left")).to_have_text(re.compile(r"^(30:00|29:\d\d)$"))
    first = page.get_by_role("group", name=re.compile(r"^Scenario 1 of"))
    saves = RequestWatch(page, "/answers/")
    held = []

    def hold_the_first(route):
        if not held:
            held.append(route)  # a slow network: this save is still on its way
        else:
            route.continue_()

    page.route(re.compile(r"/answers/$"), hold_the_first)
    first.get_by_label(RESPONSES[0][0]).select_option("4")
    for _ in range(100):  # the save leaves after the debounce; a busy machine is slower
        if held:
            break
        page.wait_for_timeout(100)
    assert len(held) == 1
    first.get_by_label(RESPONSES[1][0]).select_option("1")
    page.wait_for_timeout(800)  # a second save may go out (and finish) meanwhile
    held[0].continue_()
    saves.wait_idle(at_least=2)
    expect(page.locator("#sjt-status")).to_have_text(re.compile(r"^Saved at "))
    shot(page, "after-both-saves")

    page.reload()
    expect(first.get_by_label(RESPONSES[0][0])).to_have_value("4")
    expect(first.get_by_label(RESPONSES[1][0])).to_have_value("1")
