"""HR's dashboard lists the work waiting, links to where it is done, in a fixed number of
queries; people without HR rights see none of it."""

import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports.packets.models import ReportPacket
from selection.dashboard import add_panels
from tests import factories


def login(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def panel_text(html: str, name: str) -> str:
    """The words and links of one dashboard panel."""
    match = re.search(rf'id="selection-{name}-section".*?</section>', html, re.S)
    assert match, f"panel {name} missing"
    return match.group(0)


@pytest.fixture
def waiting(library, opening, hr2):
    """An opening without a kit, a candidate at calibration, a change hr2 submitted."""
    at_calibration = factories.make_application(opening, "Grace", "Hopper", stage="calibration")
    page = library["profile"]
    page.save_revision(user=hr2)
    page.get_workflow().start(page, hr2)
    packet = ReportPacket.objects.create(opening=opening, stage="calibration",
                                         status=ReportPacket.FAILED, requested_by=hr2)
    return {"application": at_calibration, "profile": page, "packet": packet}


def test_hr_sees_the_waiting_work_each_row_linking_to_it(client, hr, waiting, opening):
    html = login(client, hr).get("/cms/").content.decode()
    approvals = panel_text(html, "awaiting-my-approval")
    assert "Account Executive" in approvals
    assert f'href="/cms/pages/{waiting["profile"].pk}/edit/"' in approvals
    decisions = panel_text(html, "awaiting-decision")
    assert "Grace Hopper" in decisions
    assert f'href="{waiting["application"].get_absolute_url()}"' in decisions
    plans = panel_text(html, "incomplete-plans")
    assert opening.title in plans and "no interview kit yet" in plans
    assert f'href="{reverse("interviews:kit", args=[opening.slug])}"' in plans
    comparison = panel_text(html, "producer-comparison")
    assert opening.title in comparison
    imports = panel_text(html, "imports")
    assert "nothing imported yet" in imports
    assert f'href="{reverse("assessments:import_psychometrics")}"' in imports
    packets = panel_text(html, "recent-packets")
    assert f"{opening.title}: Calibration" in packets and "failed" in packets
    status_url = reverse("report_packet_status", args=[opening.slug, waiting["packet"].pk])
    assert f'href="{status_url}"' in packets
    # Wagtail's own moderation panels give way to the role-profile ones.
    assert "Awaiting your review" not in html


def test_the_submitter_waits_and_cannot_approve_their_own_change(client, hr2, waiting):
    html = login(client, hr2).get("/cms/").content.decode()
    assert "No change is waiting for your approval." in panel_text(html, "awaiting-my-approval")
    mine = panel_text(html, "my-submissions")
    assert "Account Executive" in mine and "waiting for approval" in mine


def test_people_without_hr_rights_get_no_selection_panels(rf_request_for):
    for who in ("manager", "interviewer"):
        panels = []
        add_panels(rf_request_for(who), panels, [object])  # any panel class would do
        assert panels == [], who


def test_people_without_hr_rights_cannot_open_the_dashboard(client, manager, interviewer):
    for user in (manager, interviewer):
        assert login(client, user).get("/cms/").status_code == 403


@pytest.fixture
def rf_request_for(request):
    def build(who):
        fake = RequestFactory().get("/cms/")
        fake.user = request.getfixturevalue(who)
        return fake
    return build


def _dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/cms/")
    assert response.status_code == 200
    return len(queries)


def test_dashboard_queries_do_not_grow_with_the_openings(client, hr, library, manager):
    login(client, hr)

    def add_openings(first: int, count: int):
        for n in range(first, first + count):
            opening = factories.make_opening(library["profile"], manager=manager,
                                             slug=f"opening-{n}")
            factories.make_application(opening, f"Cand{n}", "Person", stage="calibration")
            ReportPacket.objects.create(opening=opening, status=ReportPacket.DONE,
                                        candidate_count=1)

    add_openings(0, 2)
    _dashboard_queries(client)  # warm caches (content types, site root)
    with_two = _dashboard_queries(client)
    add_openings(2, 6)
    with_eight = _dashboard_queries(client)
    assert with_eight == with_two, f"{with_two} queries with 2 openings, {with_eight} with 8"
    html = client.get("/cms/").content.decode()
    assert html.count("Cand7 Person") == 1
