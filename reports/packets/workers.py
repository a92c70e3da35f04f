"""Is a background worker running? Workers check in; pages that wait on them ask.

``manage.py worker`` checks in when it starts and at every recovery sweep (every ten
seconds by default) and checks out when it stops cleanly. A page that has queued work
(a packet, a recalculation) can then say at once that nothing will happen until a worker
runs, instead of leaving the person waiting. Only the database task backend needs a
worker: with any other backend (the immediate one in tests) the work has already run.

Under ``--reload`` (the default with DEBUG on) Django's reloader ends the worker process
with SIGKILL when it stops, so that worker cannot check out: its row goes stale instead.
"""

from __future__ import annotations

import os
import socket
from datetime import timedelta

from django.utils import timezone

from reports.packets.models import WorkerPresence

SEEN_WITHIN = timedelta(seconds=60)
FORGET_AFTER = timedelta(days=1)

NO_WORKER = ("No background worker has checked in during the last minute, so this waits "
             "until one runs. Please ask whoever runs Selection to start the background "
             "worker (manage.py worker).")


def check_in(worker_id: str) -> None:
    """Records that this worker is alive now."""
    WorkerPresence.objects.update_or_create(
        worker_id=worker_id,
        defaults={"last_seen": timezone.now(), "hostname": socket.gethostname()[:200],
                  "pid": os.getpid()},
    )


def check_out(worker_id: str) -> None:
    WorkerPresence.objects.filter(worker_id=worker_id).delete()


def forget_old(now=None) -> int:
    """Removes the rows of workers silent for a day (killed ones never check out)."""
    now = now or timezone.now()
    return WorkerPresence.objects.filter(last_seen__lt=now - FORGET_AFTER).delete()[0]


def worker_seen_recently(now=None) -> bool:
    now = now or timezone.now()
    return WorkerPresence.objects.filter(last_seen__gte=now - SEEN_WITHIN).exists()


def needs_worker() -> bool:
    """Whether queued work waits for ``manage.py worker`` (the database task backend)."""
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)


def no_worker_warning(now=None) -> str | None:
    """A sentence for pages with queued work when no worker is running, else None."""
    if needs_worker() and not worker_seen_recently(now):
        return NO_WORKER
    return None
