"""HR's admin pages in a real browser: the dashboard, a role-profile editor and listings
load without a console error (a blocked request, such as a Gravatar image refused by the
CSP, is one) and ask nothing of another site; the requirements overview follows the panels
as HR types. Screenshots land in test-artifacts/ to be looked at."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def watched(page, live_server):
    """The page, with its console errors and any request leaving the site recorded."""
    errors: list[str] = []
    outside: list[str] = []
    here = urlparse(live_server.url).netloc
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    def check(request):
        address = urlparse(request.url)
        if address.scheme in ("http", "https") and address.netloc != here:
            outside.append(request.url)

    page.on("request", check)
    page.console_errors, page.outside_requests = errors, outside
    return page


def test_dashboard_editor_and_listings_load_cleanly(watched, shot, library, hr, manager):
    page = watched
    opening = factories.make_opening(library["profile"], manager=manager)
    factories.make_application(opening, "Grace", "Hopper", stage="calibration")
    log_in(page, "hr@example.com")

    page.goto("/cms/")
    expect(page.locator("#selection-awaiting-decision-section")).to_contain_text("Grace Hopper")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Selection")
    shot(page, "dashboard")

    page.goto(f"/cms/pages/{library['profile'].pk}/edit/")
    overview = page.locator("[data-requirements-overview]")
    first_row = overview.locator("[data-overview-rows] tr").first
    expect(first_row.locator("td").nth(2)).to_have_text("50 %")  # 3 of 6
    warning = overview.locator("[data-overview-warning]")
    expect(warning).to_be_hidden()
    expect(page.get_by_role("tab", name="Promote")).to_have_count(0)
    shot(page, "role-profile-editor")

    page.locator("#id_requirements-0-weight").fill("7")  # 7 of 10: more than half
    expect(first_row.locator("td").nth(1)).to_have_text("7")
    expect(first_row.locator("td").nth(2)).to_have_text("70 %")
    expect(overview.locator("[data-overview-total]")).to_have_text("10")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("Discovery questioning carries more than 50 %")
    shot(page, "role-profile-editor-one-requirement-dominant")

    for name, url in (("competencies", "/cms/snippets/competencies/competency/"),
                      ("candidates", "/cms/snippets/selection/candidate/"),
                      ("producers-in-the-app", "/assessments/producers/")):
        page.goto(url)
        expect(page.locator("main, #main").first).to_be_visible()
        shot(page, f"listing-{name}")
    page.goto("/cms/snippets/competencies/competency/")
    expect(page.get_by_role("row").filter(has_text="Discovery questioning")).to_contain_text(
        "Trainable")

    assert page.console_errors == []
    assert page.outside_requests == []
