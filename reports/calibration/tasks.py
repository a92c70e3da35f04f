"""Background recomputation of calibrations (django-tasks; the worker is ``manage.py worker``).

Other apps call ``recompute_opening.enqueue(opening_id)`` after a submitted scorecard or
an import, so the calibration page shows fresh figures without computing on request.
"""

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
