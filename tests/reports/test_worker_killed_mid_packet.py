"""A real fault: the task worker is killed (SIGKILL) mid-packet, then workers restart.

Real ``manage.py worker`` processes against the test database, the django-tasks-db
backend, and a real kill. The packet must end up built exactly once: one finished PDF,
no temporary file, two attempts, and no third run however long the workers keep going.
PostgreSQL only (CI runs the suite on it): the workers are other processes and need a
database they can share with the test, which the in-memory SQLite test database is not.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from reports.packets.models import ReportPacket
from tests.reports.report_helpers import pdf_text, squash

ROOT = Path(__file__).resolve().parents[2]
HEARTBEAT, STALE = 0.3, 2.0


def _wait_for(condition, what: str, seconds: float = 90.0, procs=()):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        for proc in procs:
            if proc.poll() is not None:
                out = proc.stdout.read() if proc.stdout else ""
                raise AssertionError(f"worker exited ({proc.returncode}) while waiting for "
                                     f"{what}:\n{out}")
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _worker_env(packet_dir: Path) -> dict:
    db = connection.settings_dict
    env = dict(os.environ)
    env.update({
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:"
                        f"{db['PORT'] or 5432}/{db['NAME']}",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "SELECTION_PACKET_DIR": str(packet_dir),
        "SELECTION_PACKET_HEARTBEAT_SECONDS": str(HEARTBEAT),
        "SELECTION_PACKET_STALE_SECONDS": str(STALE),
        "DEBUG": "true",
        "PYTHONUNBUFFERED": "1",
    })
    return env


def _start(args: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.mark.skipif("postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
                    reason="needs PostgreSQL (CI runs the suite on it)")
@pytest.mark.django_db(transaction=True)
def test_worker_killed_mid_packet_then_restarted_builds_it_once(
    wagtail_root, cohort_opening, manager, settings, tmp_path
):
    from django_tasks_db.models import DBTaskResult

    from reports.packets.jobs import recover_stale_packets, request_packet
    from reports.packets.models import WorkerPresence

    def present_pids():
        return set(WorkerPresence.objects.values_list("pid", flat=True))

    packet_dir = tmp_path / "packets"
    settings.SELECTION_PACKET_DIR = packet_dir
    settings.SELECTION_PACKET_HEARTBEAT_SECONDS = HEARTBEAT
    settings.SELECTION_PACKET_STALE_SECONDS = STALE
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    env = _worker_env(packet_dir)
    worker_args = ["--no-reload", "--no-startup-delay", "--interval", "0.2", "-v", "0"]

    packet = request_packet(cohort_opening, stage="calibration", user=manager)
    assert packet.status == ReportPacket.QUEUED and packet.task_result_id
    first_task = packet.task_result_id

    # 1. A worker takes the packet and stalls with the PDF half-way to its final name.
    marker = tmp_path / "inside-the-build"
    stalling = _start(["tests/reports/stalling_worker.py", str(marker), *worker_args], env)
    try:
        _wait_for(marker.exists, "the build to reach the middle", procs=[stalling])
        assert present_pids() == {stalling.pid}  # the worker checked in
        packet.refresh_from_db()
        assert packet.status == ReportPacket.RUNNING and packet.attempts == 1
        partials = list(packet_dir.glob(".packet-*.part"))
        assert len(partials) == 1 and partials[0].stat().st_size > 0
        assert not list(packet_dir.glob("*.pdf"))
        # while its worker lives, the build keeps beating and nobody takes it over
        first_beat = packet.heartbeat_at
        _wait_for(lambda: ReportPacket.objects.get(pk=packet.pk).heartbeat_at > first_beat,
                  "a heartbeat", seconds=10, procs=[stalling])
        time.sleep(STALE + 0.5)
        assert recover_stale_packets() == []
        assert ReportPacket.objects.get(pk=packet.pk).status == ReportPacket.RUNNING
    finally:
        # 2. The real fault: the worker process is killed outright.
        stalling.kill()
        stalling.wait(timeout=20)
    assert stalling.returncode == -signal.SIGKILL
    packet.refresh_from_db()
    assert packet.status == ReportPacket.RUNNING
    assert DBTaskResult.objects.get(id=first_task).status == "RUNNING"
    assert present_pids() == {stalling.pid}  # a killed worker cannot check out

    # 3. Two workers start again; between them they build the packet exactly once.
    workers = [_start(["manage.py", "worker", *worker_args], env) for _ in range(2)]
    try:
        _wait_for(lambda: ReportPacket.objects.get(pk=packet.pk).status
                  == ReportPacket.DONE, "the packet to be rebuilt", procs=workers)
        finished = ReportPacket.objects.get(pk=packet.pk)
        final = packet_dir / finished.file_name
        built_at = final.stat().st_mtime_ns
        time.sleep(3 * STALE)  # long enough for any wrong second recovery to show
        again = ReportPacket.objects.get(pk=packet.pk)
        assert (again.status, again.attempts, again.run_token) == (
            ReportPacket.DONE, 2, finished.run_token)
        assert final.stat().st_mtime_ns == built_at
        assert present_pids() == {stalling.pid, *(p.pid for p in workers)}
    finally:
        for proc in workers:
            _stop(proc)
    assert [p.returncode for p in workers] == [0, 0]
    assert present_pids() == {stalling.pid}  # the two stopped cleanly and checked out

    assert sorted(p.name for p in packet_dir.iterdir()) == [finished.file_name]
    text = squash(pdf_text(final.read_bytes()))
    assert "AdaLovelace" in text and "BoMiddleton" not in text
    runs = DBTaskResult.objects.filter(task_path="reports.packets.jobs.build_packet")
    assert sorted(runs.values_list("status", flat=True)) == ["FAILED", "SUCCESSFUL"]
    lost = runs.get(id=first_task)
    assert lost.exception_class_path == "reports.packets.jobs.WorkerLost"
    assert str(runs.get(status="SUCCESSFUL").id) == finished.task_result_id
    assert finished.error == ""  # the note about the lost attempt is cleared once built
