"""The candidate's test and the interviewer's scorecard fit a 375 px phone screen."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, overflowing

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}


def test_sjt_page_has_no_horizontal_scroll_on_a_phone(page, shot, sjt_link):
    page.set_viewport_size(PHONE)
    page.goto(sjt_link)
    assert overflowing(page) == []
    page.get_by_role("button", name="Start the test").click()
    expect(page.locator("#sjt-form")).to_be_visible()
    shot(page, "sjt-375")
    assert overflowing(page) == []


def test_scorecard_page_has_no_horizontal_scroll_on_a_phone(page, shot, scheduled):
    _, own, _ = scheduled
    page.set_viewport_size(PHONE)
    log_in(page, "interviewer@example.com")
    page.goto(own.get_absolute_url())
    expect(page.get_by_role("button", name="Submit scorecard")).to_be_visible()
    shot(page, "scorecard-375")
    assert overflowing(page) == []
