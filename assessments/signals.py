"""Tells the calibration engine (reports/) that evidence changed, when it is installed."""

from django.db import transaction


def evidence_changed(*, opening_id: int | None = None) -> None:
    """After the current transaction commits, queue a recompute of one opening or of all.

    Producer evidence changes the cohorts, so it recomputes everything. Does nothing when
    reports.tasks does not provide the tasks (yet).
    """

    def enqueue() -> None:
        try:
            from reports import tasks
        except ImportError:
            return
        try:
            if opening_id is not None:
                tasks.queue_recompute(opening_id)
            else:
                tasks.queue_recompute_all()
        except AttributeError:
            return

    transaction.on_commit(enqueue)
