"""The "Selection" group in the admin menu: HR reaches the app's pages; others see nothing."""

import pytest
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu

from tests import factories

EXPECTED = {
    "Openings in the app": "/openings/",
    "Fairness": "/reports/fairness/",
    "Assessment tools": "/assessments/tests/",
    "Producers": "/assessments/producers/",
    "SJT invitations": "/assessments/invitations/",
    "Import psychometrics": "/assessments/imports/psychometrics/",
    "Import performance": "/assessments/imports/performance/",
    "Import candidates": "/assessments/imports/candidates/",
    "Invite a colleague": "/people/invite/",
    "Back to the app": "/",
}


def _request(user):
    request = RequestFactory().get("/cms/")
    request.user = user
    return request


def _selection_group(user):
    groups = [item for item in admin_menu.menu_items_for_request(_request(user))
              if item.name == "selection"]
    return groups[0] if groups else None


@pytest.mark.parametrize("who", ["hr", "superuser"])
def test_hr_sees_the_app_pages_and_calibration_per_open_opening(request, who, opening):
    closed = factories.make_opening(opening.role_profile, slug="closed-one")
    closed.status = "closed"
    closed.save()
    group = _selection_group(request.getfixturevalue(who))
    assert group is not None
    items = group.menu.menu_items_for_request(_request(request.getfixturevalue(who)))
    links = {item.label: item.url for item in items if item.url != "#"}
    assert links == EXPECTED
    calibration = next(item for item in items if item.label == "Calibration")
    entries = calibration.menu.menu_items_for_request(_request(request.getfixturevalue(who)))
    assert [(e.label, e.url) for e in entries] == [
        (opening.title, f"/reports/openings/{opening.slug}/calibration/")]


@pytest.mark.parametrize("who", ["manager", "interviewer"])
def test_others_do_not_get_the_group(request, who, opening):
    assert _selection_group(request.getfixturevalue(who)) is None


def test_the_admin_page_shows_the_group_to_hr(client, hr):
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    html = client.get("/cms/").content.decode()
    assert '"label": "Selection"' in html and '"url": "/assessments/producers/"' in html
