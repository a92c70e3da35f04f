"""manage.py worker: django-tasks-db's ``db_worker``, plus the packet sweep.

django-tasks-db runs what is queued, but a task whose worker was killed stays "running"
for ever. Report packets carry a heartbeat, so this command looks for builds whose
heartbeat has stopped, when it starts and then every few seconds, and queues each of them
again exactly once (``reports.packets.jobs.recover_stale_packets``); the same sweep removes
packets older than ``SELECTION_PACKET_RETENTION_DAYS`` (``reports.packets.retention``).
Every option of ``db_worker`` works here too; run as many workers as you like against one
database.

The sweep also sends the reference reminders that are due and erases reference answers
past their retention (``assessments.references.reminders``).
The sweep then runs every job other apps registered with ``selection.sweeps`` (the
scorecard reminders of ``interviews.reminders``): they cannot import this command.

It also checks in at every sweep (``reports.packets.workers``), so pages with queued work can
say at once when no worker is running.
"""

from __future__ import annotations

import logging
import os
import threading

from django.db import close_old_connections, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from assessments.references.reminders import sweep as reference_sweep

logger = logging.getLogger("selection.worker")


def sweep(worker_id: str) -> list[int]:
    """Checks in, queues lost builds again, removes expired packets, runs registered jobs.

    Returns the ids of the packets queued again.

    A database hiccup in either step is logged and tried again at the next sweep.
    """
    from reports.packets.jobs import recover_stale_packets
    from reports.packets.retention import remove_expired_packets
    from reports.packets.workers import check_in
    from selection.sweeps import run_sweeps

    recovered = []
    try:
        check_in(worker_id)
        recovered = recover_stale_packets()
    except Exception:
        logger.warning("Recovering lost packet builds failed; trying again later",
                       exc_info=True)
    try:
        remove_expired_packets()
    except Exception:
        logger.warning("Removing expired packets failed; trying again later", exc_info=True)
    reference_sweep()  # reminders to referees and candidates, answers past retention
    run_sweeps()  # the other apps' periodic jobs (scorecard reminders); each logs its failures
    return recovered


def recover_once(worker_id: str) -> list[int]:
    """One sweep on a fresh connection (a long-running process drops broken ones first)."""
    try:
        close_old_connections()
    except Exception:
        logger.warning("Could not reset the database connection", exc_info=True)
    return sweep(worker_id)


class RecoveryLoop(threading.Thread):
    """Sweeps for lost builds every ``interval`` seconds until the process ends."""

    def __init__(self, interval: float, worker_id: str):
        super().__init__(name="packet-recovery", daemon=True)
        self.interval, self.worker_id = interval, worker_id
        self.stopped = threading.Event()

    def run(self) -> None:
        try:
            while not self.stopped.wait(self.interval):
                recover_once(self.worker_id)
        finally:
            connections.close_all()


class Command(DbWorkerCommand):
    help = ("Run the background worker (db_worker), re-queueing report packets whose "
            "worker died mid-build.")

    def handle(self, *args, **options):
        reload = options.get("reload") and not options.get("batch")
        # with --reload the parent process only watches files; the child does the work
        if reload and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            return super().handle(*args, **options)
        from reports.packets.jobs import stale_after
        from reports.packets.workers import check_out, forget_old

        worker_id = options["worker_id"]
        forget_old()
        recovered = recover_once(worker_id)
        if recovered:
            self.stdout.write(f"Queued again {len(recovered)} packet build(s) whose "
                              f"worker had stopped: {recovered}")
        interval = max(0.5, stale_after().total_seconds() / 3)
        loop = RecoveryLoop(interval, worker_id)
        loop.start()
        try:
            return super().handle(*args, **options)
        finally:  # a clean stop (SIGTERM, Ctrl+C, --batch) checks out; a killed one cannot
            loop.stopped.set()
            loop.join(timeout=5)
            try:
                close_old_connections()
                check_out(worker_id)
            except Exception:
                logger.warning("Could not check out worker %s", worker_id, exc_info=True)
