"""Background recomputation of calibrations (django-tasks; the worker is ``manage.py worker``).

Other apps call ``queue_recompute(opening_id)`` (or ``queue_recompute_all()``) after a
submitted scorecard or an import, so the calibration page shows fresh figures without
computing on request. A recompute that is already waiting in the queue is not queued
again: it will read the newest evidence when it runs, so one is enough.
"""

from django.db import transaction
from django_tasks import task

from reports.calibration.compute import store_snapshot
from selection.models import Opening


@task()
def recompute_opening(opening_id: int) -> int | None:
    """Stores a fresh calibration snapshot of one opening; returns its id (None if gone)."""
    opening = Opening.objects.filter(pk=opening_id).first()
    if opening is None:
        return None
    return store_snapshot(opening).pk


@task()
def recompute_all() -> int:
    """Recomputes every opening that is not closed; returns how many were recomputed."""
    count = 0
    for opening in Opening.objects.exclude(status=Opening.CLOSED).order_by("pk"):
        store_snapshot(opening)
        count += 1
    return count


def _waiting(job, args: list) -> bool:
    """Whether a run of ``job`` with these arguments is queued and not yet started.

    Only the database backend keeps a queue; with any other the work has already run.
    """
    from reports.packets.workers import needs_worker

    if not needs_worker():
        return False
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(task_path=job.module_path, status="READY")
    return any((row or {}).get("args") == args
               for row in queued.values_list("args_kwargs", flat=True))


def queue_recompute(opening_id: int) -> bool:
    """Queues a recompute of one opening unless one is waiting; True when it queued one.

    Requests for one opening are serialised on its row, so two at once queue one task.
    """
    with transaction.atomic():
        list(Opening.objects.select_for_update().filter(pk=opening_id).values_list("pk"))
        if _waiting(recompute_opening, [opening_id]):
            return False
        recompute_opening.enqueue(opening_id)
    return True


def queue_recompute_all() -> bool:
    """Queues a recompute of every opening unless one is waiting; True when it queued one."""
    if _waiting(recompute_all, []):
        return False
    recompute_all.enqueue()
    return True
