"""Repeated requests cannot pile up work: identical packets and recomputes coalesce, and
finished packets are removed (row and file) after the retention period by the worker's sweep."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from reports.calibration.tasks import (
    queue_recompute,
    queue_recompute_all,
    recompute_all,
    recompute_opening,
)
from reports.management.commands.worker import sweep
from reports.packets.jobs import build_packet
from reports.packets.models import ReportPacket
from tests import factories

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _packet_dir(settings, tmp_path):
    settings.SELECTION_PACKET_DIR = tmp_path / "packets"
    return settings.SELECTION_PACKET_DIR


def _tasks(job) -> list[dict]:
    return list(DBTaskResult.objects.filter(task_path=job.module_path)
                .values_list("args_kwargs", flat=True))


def test_fifteen_identical_packet_requests_build_one_packet(client, cohort_opening, manager,
                                                            settings, _packet_dir):
    settings.TASKS = DB_TASKS
    client.force_login(manager)
    url = f"/reports/openings/{cohort_opening.slug}/packets/"
    locations = {client.post(url, {"stage": "calibration"})["Location"] for _ in range(15)}
    packet = ReportPacket.objects.get()
    assert locations == {f"{url}{packet.pk}/"}  # every request lands on the same packet
    assert len(_tasks(build_packet)) == 1
    (row,) = _tasks(build_packet)
    assert build_packet.call(*row["args"]) == ReportPacket.DONE  # what the worker runs
    assert [p.name for p in _packet_dir.iterdir()] == [ReportPacket.objects.get().file_name]


def test_a_different_stage_or_reader_scope_is_a_different_packet(client, cohort_opening, manager,
                                                                 hr, settings):
    settings.TASKS = DB_TASKS
    url = f"/reports/openings/{cohort_opening.slug}/packets/"
    client.force_login(manager)
    client.post(url, {"stage": "calibration"})
    client.post(url, {"stage": ""})
    client.force_login(hr)  # HR's packet has the fairness summary: not the manager's
    client.post(url, {"stage": "calibration"})
    client.post(url, {"stage": "calibration"})
    assert sorted(ReportPacket.objects.values_list("stage", "includes_fairness")) == [
        ("", False), ("calibration", False), ("calibration", True)]
    assert len(_tasks(build_packet)) == 3


def test_a_finished_packet_is_not_reused(client, cohort_opening, manager, settings):
    """Only work still waiting or running is shared; asking again later builds afresh."""
    settings.TASKS = DB_TASKS
    client.force_login(manager)
    url = f"/reports/openings/{cohort_opening.slug}/packets/"
    client.post(url, {"stage": "calibration"})
    ReportPacket.objects.update(status=ReportPacket.DONE, finished_at=timezone.now())
    client.post(url, {"stage": "calibration"})
    assert ReportPacket.objects.count() == 2
    assert ReportPacket.objects.filter(status=ReportPacket.QUEUED).count() == 1


def test_a_packet_recorded_but_never_queued_is_queued_by_the_sweep(cohort_opening, manager,
                                                                   settings):
    """Reuse must not let a request whose process died before queueing block all others."""
    settings.TASKS = DB_TASKS
    packet = ReportPacket.objects.create(
        opening=cohort_opening, stage="calibration", requested_by=manager,
        requested_at=timezone.now() - timedelta(hours=1))
    assert sweep("w1") == [packet.pk]
    packet.refresh_from_db()
    assert packet.status == ReportPacket.QUEUED and packet.task_result_id
    assert len(_tasks(build_packet)) == 1


def test_recomputes_of_one_opening_coalesce_while_one_is_queued(client, cohort_opening, manager,
                                                                settings, library):
    settings.TASKS = DB_TASKS
    client.force_login(manager)
    url = f"/reports/openings/{cohort_opening.slug}/calibration/recompute/"
    responses = [client.post(url, follow=True) for _ in range(15)]
    assert _tasks(recompute_opening) == [{"args": [cohort_opening.pk], "kwargs": {}}]
    assert "Recalculation queued." in responses[0].content.decode()
    assert "already queued" in responses[-1].content.decode()
    other = factories.make_opening(library["profile"], manager=manager, slug="other-one")
    assert queue_recompute(other.pk) is True  # another opening has its own
    assert queue_recompute(cohort_opening.pk) is False
    # once the worker has taken it, new evidence needs a new run
    DBTaskResult.objects.filter(task_path=recompute_opening.module_path).update(status="RUNNING")
    assert queue_recompute(cohort_opening.pk) is True
    assert len(_tasks(recompute_opening)) == 3  # first (now running), other, this one


def test_recompute_all_coalesces_too(db, settings):
    settings.TASKS = DB_TASKS
    assert [queue_recompute_all() for _ in range(5)] == [True, False, False, False, False]
    assert len(_tasks(recompute_all)) == 1


def test_evidence_signals_queue_one_recompute(cohort_opening, settings,
                                             django_capture_on_commit_callbacks):
    """The evidence signal (SJT, roleplay, imports) goes through the same coalescing."""
    from assessments.signals import evidence_changed

    settings.TASKS = DB_TASKS
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            evidence_changed(opening_id=cohort_opening.pk)
    assert _tasks(recompute_opening) == [{"args": [cohort_opening.pk], "kwargs": {}}]


def _finished(opening, folder, *, days_ago, status=ReportPacket.DONE):
    finished = timezone.now() - timedelta(days=days_ago)
    packet = ReportPacket.objects.create(opening=opening, status=status, requested_at=finished,
                                         finished_at=finished)
    if status == ReportPacket.DONE:
        packet.file_name = f"packet-{packet.pk}-{opening.slug}.pdf"
        packet.save(update_fields=["file_name"])
        folder.mkdir(parents=True, exist_ok=True)
        (folder / packet.file_name).write_bytes(b"%PDF-1.4 test")
    return packet


def test_the_worker_sweep_removes_packets_past_retention(cohort_opening, settings, _packet_dir):
    settings.SELECTION_PACKET_RETENTION_DAYS = 30
    old = _finished(cohort_opening, _packet_dir, days_ago=31)
    old_failed = _finished(cohort_opening, _packet_dir, days_ago=40, status=ReportPacket.FAILED)
    recent = _finished(cohort_opening, _packet_dir, days_ago=29)
    long_queued = ReportPacket.objects.create(  # still waiting for a worker: never removed
        opening=cohort_opening, requested_at=timezone.now() - timedelta(days=60),
        task_result_id=str(uuid.uuid4()), run_token="t")
    sweep("w1")
    assert set(ReportPacket.objects.values_list("pk", flat=True)) == {recent.pk, long_queued.pk}
    assert sorted(p.name for p in _packet_dir.iterdir()) == [recent.file_name]
    assert not ReportPacket.objects.filter(pk__in=[old.pk, old_failed.pk]).exists()


def test_retention_zero_keeps_packets_for_ever(cohort_opening, settings, _packet_dir):
    settings.SELECTION_PACKET_RETENTION_DAYS = 0
    old = _finished(cohort_opening, _packet_dir, days_ago=3650)
    sweep("w1")
    assert list(ReportPacket.objects.values_list("pk", flat=True)) == [old.pk]
    assert (_packet_dir / old.file_name).is_file()
