"""HR writes a competency, builds a role profile on it, a second HR person approves it,
and a requisition on the approved profile reaches its hiring manager."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, log_out

pytestmark = pytest.mark.browser

LEVELS = [
    "Forecasts on hope; numbers change every week without a reason.",
    "Calls deals late and often misses by more than a third.",
    "Commits only deals with a confirmed buying process.",
    "Within 10 % most quarters and explains every change.",
    "Within 5 % and others use their method to check their own calls.",
]


def box(page, label: str, role: str = "textbox"):
    """A Wagtail admin field by its visible label (required ones end with '*')."""
    return page.get_by_role(role, name=re.compile(rf"^{re.escape(label)}\*?$"))


def open_footer_menu(page) -> None:
    """The footer's split button hides the other actions behind its arrow."""
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()


def write_competency(page, shot) -> None:
    page.goto("/cms/snippets/competencies/competency/add/")
    box(page, "Name").fill("Forecast accuracy")
    box(page, "Slug").fill("forecast-accuracy")
    box(page, "Category").fill("Pipeline")
    box(page, "Definition").fill("Calls each deal as it is, early, and keeps the forecast honest.")
    for number, text in enumerate(LEVELS, start=1):
        page.locator(f"#id_level_{number}").fill(text)
    shot(page, "competency-form")
    open_footer_menu(page)
    page.get_by_role("button", name="Publish").click()
    done = "Competency 'Forecast accuracy' created and published."
    expect(page.get_by_text(done)).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Forecast accuracy")).to_contain_text("Pipeline")
    shot(page, "competency-published")


def write_role_profile(page, shot, index_id: int) -> None:
    page.goto(f"/cms/pages/{index_id}/add_subpage/")  # one allowed type: straight to the form
    expect(page).to_have_url(re.compile(r"/cms/pages/add/competencies/roleprofilepage/"))
    box(page, "Role name").fill("Key Account Manager")  # the title: one field, no Promote tab
    expect(page.get_by_role("tab", name="Promote")).to_have_count(0)
    page.locator("[data-draftail-editor] [contenteditable=true]").click()
    page.keyboard.type("Keeps and grows our twenty largest customers.")
    first = "#id_requirements-0-"
    page.locator(f"{first}dimension").select_option(label="Forecast accuracy")
    page.locator(f"{first}weight").fill("3")
    page.locator(f"{first}target_level").select_option("4")
    page.locator(f"{first}knock_out_minimum").select_option("2")
    page.get_by_role("button", name="Add requirement").click()
    second = "#id_requirements-1-"
    page.locator(f"{second}dimension").select_option(label="Resilience")
    page.locator(f"{second}weight").fill("1.5")
    page.locator(f"{second}target_level").select_option("3")
    shot(page, "role-profile-form")
    open_footer_menu(page)
    page.get_by_role("button", name="Submit for approval").click()
    row = page.get_by_role("row").filter(has_text="Key Account Manager")
    expect(row).to_contain_text(re.compile("waiting for approval", re.I))
    shot(page, "role-profile-submitted")


def awaiting_review(page):
    """The rows of the dashboard's "Role-profile changes waiting for your approval" panel."""
    return page.locator("#selection-awaiting-my-approval-section").get_by_role("row")


def approve_on_dashboard(page, shot) -> None:
    page.goto("/cms/")
    row = awaiting_review(page).filter(has_text="Key Account Manager")
    expect(row).to_be_visible()
    shot(page, "awaiting-review")
    row.get_by_role("link", name="Key Account Manager").click()  # where the approval is done
    open_footer_menu(page)
    page.get_by_role("button", name="Approve", exact=True).click()
    page.goto("/cms/")
    expect(awaiting_review(page).filter(has_text="Key Account Manager")).to_have_count(0)
    shot(page, "approved")


def open_requisition(page, shot) -> None:
    page.goto("/cms/snippets/selection/opening/add/")
    box(page, "Title").fill("Key Account Manager, Benelux")
    box(page, "Slug").fill("kam-benelux")
    chooser = page.locator("#panel-role_profile-section")
    chooser.get_by_role("button", name=re.compile("Choose")).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("link", name="Key Account Manager").click()
    expect(chooser).to_contain_text("Key Account Manager")
    box(page, "Location").fill("Amsterdam")
    page.locator("#id_team-0-user").select_option(label="manager@example.com")
    page.locator("#id_team-0-role").select_option(label="Hiring manager")
    shot(page, "requisition-form")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("'Key Account Manager, Benelux' created")).to_be_visible()
    shot(page, "requisition-saved")


def test_hr_builds_a_role_profile_and_the_manager_sees_the_opening(page, shot, library, hr,
                                                                    hr2, manager):
    from competencies.models import RoleProfilePage

    log_in(page, "hr@example.com")
    write_competency(page, shot)
    write_role_profile(page, shot, library["index"].pk)
    assert not RoleProfilePage.objects.get(slug="key-account-manager").live

    # The author cannot approve their own submission.
    page.goto("/cms/")
    mine = page.locator("#selection-my-submissions-section")
    expect(mine.get_by_role("row").filter(has_text="Key Account Manager")).to_contain_text(
        "waiting for approval"
    )
    expect(awaiting_review(page).filter(has_text="Key Account Manager")).to_have_count(0)

    log_out(page)
    log_in(page, "hr2@example.com")
    approve_on_dashboard(page, shot)
    page.goto(f"/cms/pages/{library['index'].pk}/")
    expect(page.get_by_role("row").filter(has_text="Key Account Manager")).to_contain_text(
        re.compile("live", re.I)
    )
    open_requisition(page, shot)

    log_out(page)
    log_in(page, "manager@example.com")
    section = page.get_by_role("region", name="Openings you manage")
    expect(section.get_by_role("link", name="Key Account Manager, Benelux")).to_be_visible()
    shot(page, "manager-home")
    section.get_by_role("link", name="Key Account Manager, Benelux").click()
    expect(page).to_have_url(re.compile("/openings/kam-benelux/$"))
    pinned = page.get_by_role("heading", name="Role requirements (pinned)").locator("..")
    rows = pinned.get_by_role("row")
    expect(rows).to_have_count(3)
    expect(rows.nth(1).get_by_role("cell")).to_have_text(
        [re.compile(r"Forecast accuracy\s+Competency"), "3", "4", "2"]
    )
    expect(rows.nth(2).get_by_role("cell")).to_have_text(
        [re.compile(r"Resilience\s+Trait"), "1.5", "3", "–"]  # no trailing zeros
    )
    expect(page.get_by_text("Hiring against Key Account Manager")).to_be_visible()
    shot(page, "opening-pinned-requirements")
