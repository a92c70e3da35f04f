"""The home page as a to-do list: decisions waiting for managers, approvals for HR, and no
menu item a person cannot use."""

from datetime import timedelta

import pytest
from django.utils import timezone

from selection.models import Application

pytestmark = pytest.mark.django_db


def test_manager_sees_candidates_waiting_for_a_decision_longest_first(client, opening,
                                                                      manager, other_manager):
    from tests import factories

    waiting = factories.make_application(opening, "Ada", "Lovelace", stage="calibration")
    older = factories.make_application(opening, "Grace", "Hopper", stage="calibration")
    factories.make_application(opening, "Alan", "Turing", stage="interviewing")
    Application.objects.filter(pk=older.pk).update(
        stage_changed_at=timezone.now() - timedelta(days=4))
    client.force_login(manager)
    page = client.get("/").content.decode()
    section = page[page.index("Candidates waiting for a decision"):]
    assert section.index("Grace Hopper") < section.index("Ada Lovelace")
    assert "at calibration for 4 days" in section and "Alan Turing" not in section
    assert f"/openings/{opening.slug}/candidates/{waiting.pk}/" in section
    client.force_login(other_manager)
    assert "Ada Lovelace" not in client.get("/").content.decode()


def test_hr_sees_the_role_profile_change_waiting_for_their_approval(client, hr, hr2, library):
    page = library["profile"]
    page.save_revision(user=hr)
    page.get_workflow().start(page, hr)
    client.force_login(hr2)
    home = client.get("/").content.decode()
    section = home[home.index("Approvals waiting for you"):]
    assert "Account Executive" in section and f"/cms/pages/{page.pk}/edit/" in section
    assert "role profile change by" in section.lower()
    client.force_login(hr)  # who submitted cannot approve their own change
    assert "No role-profile change waits for your approval." in client.get("/").content.decode()


def test_an_interviewer_sees_no_openings_menu_item(client, interviewer, manager, opening):
    client.force_login(interviewer)
    page = client.get("/").content.decode()
    assert 'href="/openings/"' not in page and "Openings you manage" not in page
    assert 'href="/people/me/notifications/"' in page
    client.force_login(manager)
    assert 'href="/openings/"' in client.get("/").content.decode()
