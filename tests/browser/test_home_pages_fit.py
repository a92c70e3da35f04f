"""Each role's home page on the demo, at 1280 px and on a 390 px phone: its to-do sections
are there, nothing scrolls sideways, and a screenshot of each is kept to look at."""

import pytest
from playwright.sync_api import expect

from selection.demo import DEMO_PASSWORD
from tests.browser.conftest import log_in, log_out, overflowing

pytestmark = pytest.mark.browser

WIDTHS = [(1280, 900), (390, 844)]
HOMES = {
    "interviewer@demo.selection": ["Upcoming interviews", "Scorecards to write",
                                   "Roleplays to score"],
    "manager@demo.selection": ["Candidates waiting for a decision", "Pipeline by stage",
                               "Interviews in your openings",
                               "Tests and references outstanding"],
    "hr@demo.selection": ["Approvals waiting for you", "Openings without a complete interview plan",
                          "Imports not refreshed for"],
}


def test_each_roles_home_fits_a_wide_screen_and_a_phone(page, shot, demo):
    for email, headings in HOMES.items():
        role = email.split("@")[0]
        log_in(page, email, DEMO_PASSWORD)
        for width, height in WIDTHS:
            page.set_viewport_size({"width": width, "height": height})
            page.goto("/")
            for heading in headings:
                expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
            shot(page, f"{role}-{width}")
            assert overflowing(page) == [], f"{role} at {width} px"
        log_out(page)
