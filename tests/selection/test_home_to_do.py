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
    section = section[:section.index("</section>")]
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


def test_hr_sees_imports_not_refreshed_for_the_set_period(client, hr, manager, library,
                                                          settings):
    from assessments.models import PerformanceRecord, PsychometricScale, PsychometricScore
    from tests import factories

    settings.SELECTION_IMPORT_STALE_DAYS = 30
    now = timezone.now()
    producer = factories.make_producer(1, "100")
    PerformanceRecord.objects.create(producer=producer, period="2025", figure=100,
                                     imported_at=now - timedelta(days=45))
    old = PsychometricScale.objects.create(instrument="SPI", scale="Grit",
                                           dimension=library["resilience"])
    fresh = PsychometricScale.objects.create(instrument="OPQ", scale="Drive",
                                             dimension=library["resilience"])
    PsychometricScore.objects.create(scale=old, producer=producer, score_type="t", score=60,
                                     z_score=1.0, imported_at=now - timedelta(days=31))
    PsychometricScore.objects.create(scale=fresh, producer=producer, score_type="t", score=60,
                                     z_score=1.0, imported_at=now - timedelta(days=29))
    client.force_login(hr)
    page = client.get("/").content.decode()
    section = page[page.index("Imports not refreshed for 30 days"):]
    section = section[:section.index("</section>")]
    assert "performance figures" in section and "45 days ago" in section
    assert "Psychometric scores: SPI" in section and "31 days ago" in section
    assert "OPQ" not in section
    assert section.index("performance figures") < section.index("SPI")  # oldest first
    client.force_login(manager)
    assert "Imports not refreshed" not in client.get("/").content.decode()


def test_packets_ready_are_listed_for_the_person_who_requested_them(client, hr, manager,
                                                                    opening):
    from reports.packets.models import ReportPacket

    now = timezone.now()
    ready = ReportPacket.objects.create(opening=opening, requested_by=hr, status="done",
                                        finished_at=now - timedelta(hours=2),
                                        candidate_count=3, includes_fairness=True)
    ReportPacket.objects.create(opening=opening, requested_by=hr, status="done",
                                finished_at=now - timedelta(days=20), candidate_count=9)
    ReportPacket.objects.create(opening=opening, requested_by=hr, status="running")
    client.force_login(hr)
    page = client.get("/").content.decode()
    section = page[page.index("Packets ready"):]
    section = section[:section.index("</section>")]
    assert f"/reports/openings/{opening.slug}/packets/{ready.pk}/" in section
    assert "3 candidates" in section and "9 candidates" not in section
    assert section.count('class="todo-item"') == 1
    client.force_login(manager)
    assert "Packets ready" not in client.get("/").content.decode()


def test_role_profile_change_waiting_for_approval_emails_the_approvers(
        django_capture_on_commit_callbacks, hr, hr2, library, settings):
    """Wagtail's own workflow email, worded by our template: "role profile", edit link."""
    from django.core import mail

    page = library["profile"]
    page.save_revision(user=hr)
    with django_capture_on_commit_callbacks(execute=True):
        page.get_workflow().start(page, hr)
    to_approver = [m for m in mail.outbox if hr2.email in m.to]
    assert len(to_approver) == 1, [m.subject for m in mail.outbox]
    message = to_approver[0]
    assert "Role profile change" in message.subject and "Account Executive" in message.subject
    assert "role profile" in message.body and "The page" not in message.body
    assert f"/cms/pages/{page.pk}/edit/" in message.body
    assert not [m for m in mail.outbox if hr.email in m.to]  # not to the one who submitted
