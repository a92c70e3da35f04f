"""The hiring manager goes from the calibration view to a candidate's report and its PDF."""

import re
from io import BytesIO

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from selection.demo import DEMO_PASSWORD
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_manager_opens_calibration_and_downloads_the_report_pdf(page, shot, demo):
    from selection.models import Application

    log_in(page, "manager@demo.selection", DEMO_PASSWORD)
    page.get_by_role("link", name="Account Executive, Nordics").first.click()
    page.get_by_role("link", name="Calibration view").click()
    expect(page.get_by_role("heading", name="Calibration", level=1)).to_be_visible()
    fit = page.get_by_role("region",
                           name="How each candidate's profile compares with the producers")
    shot(page, "calibration")

    application = (Application.objects.filter(opening__slug="ae-nordics", stage="calibration")
                   .select_related("candidate").order_by("candidate__last_name").first())
    name = application.candidate.full_name
    row = fit.get_by_role("row").filter(has=page.get_by_role("link", name=name))
    expect(row).to_contain_text(re.compile(r"top \d+\s%"))
    row.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)

    page.get_by_role("link", name="Open hiring report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hiring report: {name}")
    shot(page, "report")

    with page.expect_download() as info:
        page.get_by_role("link", name="Download PDF").click()
    download = info.value
    # the browser takes the full name from filename* (RFC 6266), accents and all
    assert download.suggested_filename == f"{name} - hiring report.pdf"
    data = open(download.path(), "rb").read()
    assert data.startswith(b"%PDF-")
    reader = PdfReader(BytesIO(data))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert name in text
    assert "Account Executive, Nordics" in text
