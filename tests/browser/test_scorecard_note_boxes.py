"""On a wide screen a scorecard's note box grows with its text (not on a phone), and the
question navigator stays in sight while the interviewer scrolls a long kit."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

LONG_NOTE = "\n".join(f"Line {n}: what the candidate said about the deal." for n in range(14))


def box_height(page, box) -> float:
    return box.evaluate("el => el.getBoundingClientRect().height")


def test_note_box_grows_on_a_wide_screen_and_the_navigator_stays(page, shot, scheduled):
    _, own, _ = scheduled
    log_in(page, "interviewer@example.com")
    page.goto(own.get_absolute_url())
    box = page.locator(".sar textarea").first
    expect(box).to_be_visible()
    empty = box_height(page, box)
    box.fill(LONG_NOTE)
    grown = box_height(page, box)
    assert grown > empty * 2, (empty, grown)

    nav = page.locator(".question-nav")
    page.locator(".question").last.scroll_into_view_if_needed()
    assert page.evaluate("window.scrollY") > 300
    top = nav.evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < 200, top  # still at the top of the window
    expect(nav.get_by_role("link").first).to_be_in_viewport()
    shot(page, "note-grown-1280")

    page.set_viewport_size({"width": 390, "height": 844})
    phone_box = page.locator(".sar textarea").nth(1)
    phone_box.scroll_into_view_if_needed()
    before = box_height(page, phone_box)
    phone_box.fill(LONG_NOTE)
    assert box_height(page, phone_box) == before  # fixed size on a phone; it scrolls inside
