"""Which stored calibration a page reads, and how fresh it is.

Pages never recalibrate a whole opening on request. They read the opening's latest
snapshot. Only when it cannot serve at all is one computed on the spot: there is none, it
was stored by older code (its payload lacks what the pages now show), or it does not know
an application the page asks about. A snapshot that is merely old (older than
``SELECTION_CALIBRATION_MAX_AGE_SECONDS``) is shown as it is while a recompute is queued
through ``queue_recompute``, which never queues a second one for the same opening; new
evidence queues one anyway (``receivers``). The page says how fresh the figures are:
"calibrated 3 minutes ago; recomputing".
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.timesince import timesince

from reports.calibration.compute import PAYLOAD_FORMAT, latest_snapshot, store_snapshot

DEFAULT_MAX_AGE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Freshness:
    computed_at: datetime
    recomputing: bool

    @property
    def text(self) -> str:
        """"calibrated 3 minutes ago; recomputing"."""
        age = timezone.now() - self.computed_at
        when = "just now" if age < timedelta(minutes=1) else f"{timesince(self.computed_at)} ago"
        return f"calibrated {when}" + ("; recomputing" if self.recomputing else "")


def max_age() -> timedelta:
    return timedelta(seconds=float(getattr(settings, "SELECTION_CALIBRATION_MAX_AGE_SECONDS",
                                           DEFAULT_MAX_AGE_SECONDS)))


def recompute_waiting(opening_id: int) -> bool:
    """Whether a recompute of this opening (or of every opening) is queued or running."""
    from reports.packets.workers import needs_worker

    if not needs_worker():
        return False
    from django_tasks_db.models import DBTaskResult

    from reports.calibration.tasks import recompute_all, recompute_opening

    rows = DBTaskResult.objects.filter(
        task_path__in=[recompute_opening.module_path, recompute_all.module_path],
        status__in=["READY", "RUNNING"],
    ).values_list("task_path", "args_kwargs")
    return any(path == recompute_all.module_path
               or (args or {}).get("args") == [opening_id] for path, args in rows)


def stored_calibration(opening, *, application_ids: Collection[int] = ()
                       ) -> tuple[dict, Freshness]:
    """The payload the pages show for ``opening`` and how fresh it is.

    ``application_ids``: the page is about these applications, so the snapshot must know
    them (an application added since it was computed has it computed now).
    """
    from reports.calibration.tasks import queue_recompute

    snapshot = latest_snapshot(opening)
    unusable = (
        snapshot is None or snapshot.payload.get("format") != PAYLOAD_FORMAT
        or not set(application_ids) <= {c["application_id"]
                                        for c in snapshot.payload["candidates"]}
    )
    if unusable:
        snapshot = store_snapshot(opening)
        return snapshot.payload, Freshness(snapshot.computed_at, recompute_waiting(opening.pk))
    if timezone.now() - snapshot.computed_at > max_age():
        queue_recompute(opening.pk)
        fresh = latest_snapshot(opening)  # the immediate backend has already run it
        if fresh.pk != snapshot.pk:
            snapshot = fresh
    return snapshot.payload, Freshness(snapshot.computed_at, recompute_waiting(opening.pk))
