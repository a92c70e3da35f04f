"""Pages with queued work say at once when no background worker is running."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reports.packets.models import ReportPacket, WorkerPresence
from reports.packets.workers import (
    NO_WORKER,
    check_in,
    check_out,
    forget_old,
    no_worker_warning,
    worker_seen_recently,
)

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db
def test_a_worker_counts_as_running_for_a_minute_after_checking_in():
    now = timezone.now()
    assert not worker_seen_recently(now)
    check_in("w1")
    row = WorkerPresence.objects.get(worker_id="w1")
    assert row.pid and row.hostname
    assert worker_seen_recently(now)
    assert worker_seen_recently(now + timedelta(seconds=59))
    assert not worker_seen_recently(now + timedelta(seconds=61))
    check_in("w1")  # checking in again updates the one row
    assert WorkerPresence.objects.count() == 1
    check_out("w1")
    assert not worker_seen_recently(now)


@pytest.mark.django_db
def test_workers_silent_for_a_day_are_forgotten():
    check_in("killed")
    check_in("alive")
    WorkerPresence.objects.filter(worker_id="killed").update(
        last_seen=timezone.now() - timedelta(days=1, minutes=1))
    assert forget_old() == 1
    assert list(WorkerPresence.objects.values_list("worker_id", flat=True)) == ["alive"]


@pytest.mark.django_db
def test_only_the_database_backend_needs_a_worker(settings):
    assert no_worker_warning() is None  # the immediate backend has already run the work
    settings.TASKS = DB_TASKS
    assert no_worker_warning() == NO_WORKER
    check_in("w1")
    assert no_worker_warning() is None


@pytest.mark.django_db
def test_packet_page_says_when_no_worker_runs(client, cohort_opening, manager, settings):
    settings.TASKS = DB_TASKS
    client.force_login(manager)
    response = client.post(f"/reports/openings/{cohort_opening.slug}/packets/",
                           {"stage": "calibration"}, follow=True)
    packet = ReportPacket.objects.get()
    assert packet.status == ReportPacket.QUEUED  # nobody has run it
    html = response.content.decode()
    assert "No background worker has checked in" in html and "Queued" in html
    check_in("w1")
    html = client.get(f"/reports/openings/{cohort_opening.slug}/packets/{packet.pk}/"
                      ).content.decode()
    assert "No background worker" not in html and "Queued" in html


@pytest.mark.django_db
def test_finished_packet_page_has_no_worker_warning(client, cohort_opening, manager, settings):
    client.force_login(manager)
    client.post(f"/reports/openings/{cohort_opening.slug}/packets/", {"stage": "calibration"})
    packet = ReportPacket.objects.get()
    assert packet.status == ReportPacket.DONE
    settings.TASKS = DB_TASKS
    html = client.get(f"/reports/openings/{cohort_opening.slug}/packets/{packet.pk}/"
                      ).content.decode()
    assert "No background worker" not in html


@pytest.mark.django_db
def test_recalculation_message_says_when_no_worker_runs(client, cohort_opening, manager,
                                                        settings):
    settings.TASKS = DB_TASKS
    client.force_login(manager)
    url = f"/reports/openings/{cohort_opening.slug}/calibration/recompute/"
    html = client.post(url, follow=True).content.decode()
    assert "Recalculation queued. No background worker has checked in" in html
    assert 'class="msg-warning"' in html
    check_in("w1")
    html = client.post(url, follow=True).content.decode()
    assert "reload in a minute" in html and "No background worker" not in html
