"""Which stored calibration a page reads, and how fresh it is.

Pages never recalibrate a whole opening on request. They read the opening's latest
snapshot: its opening-wide part and only the candidates' rows they show (a report page one
row, the calibration page the rows of the page it lists; ``CalibrationRow``). Only when it
cannot serve at all is one computed on the spot: there is none, it was stored by older code
(its payload lacks what the pages now show, or keeps its candidates inside), or it does not
know an application the page asks about. A snapshot that is merely old (older than
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


def stored_calibration(opening, *, application_ids: Collection[int] = (),
                       every_candidate: bool = False, index: bool = False
                       ) -> tuple[dict, Freshness]:
    """The payload the pages show for ``opening`` and how fresh it is.

    The opening-wide part always; of the candidates' rows only what is asked for, in
    ``payload["candidates"]``: those of ``application_ids`` (the page is about these
    applications, so the snapshot must know them: an application added since it was
    computed has it computed now), or every row with ``every_candidate``. ``index`` adds
    ``payload["candidate_index"]``: every candidate's name, stage and sort figures
    (``compute.index_entry``), from which a page picks the rows it lists and reads them
    with ``candidate_rows``. ``payload["snapshot_id"]`` names the snapshot read.
    """
    from reports.calibration.tasks import queue_recompute

    wanted = set(application_ids)
    snapshot = latest_snapshot(opening)
    shaped = None
    if snapshot is not None and snapshot.payload.get("format") == PAYLOAD_FORMAT:
        shaped = _shaped(snapshot, wanted, every_candidate, index)
    if shaped is None:
        snapshot = store_snapshot(opening)
        return (_from_memory(snapshot.calibration, wanted, every_candidate, index),
                Freshness(snapshot.computed_at, recompute_waiting(opening.pk)))
    if timezone.now() - snapshot.computed_at > max_age():
        queue_recompute(opening.pk)
        fresh = latest_snapshot(opening)  # the immediate backend has already run it
        newer = (_shaped(fresh, wanted, every_candidate, index)
                 if fresh.pk != snapshot.pk else None)
        if newer is not None:
            snapshot, shaped = fresh, newer
    return shaped, Freshness(snapshot.computed_at, recompute_waiting(opening.pk))


def _shaped(snapshot, wanted: set[int], every_candidate: bool, index: bool) -> dict | None:
    """The snapshot's payload with the rows asked for; None when it lacks one of ``wanted``."""
    from reports.models import CalibrationRow

    rows = CalibrationRow.objects.filter(snapshot=snapshot).order_by("position")
    out = snapshot.payload | {"snapshot_id": snapshot.pk}
    if index:
        out["candidate_index"] = [
            {"application_id": a, "name": name, "stage": stage, "stage_label": label,
             "model_usable": usable, "posterior": {"top": p_top},
             "closer_than_top_share": share}
            for a, name, stage, label, usable, p_top, share in rows.values_list(
                "application_id", "name", "stage", "stage_label", "model_usable", "p_top",
                "closer_than_top_share")]
    if every_candidate:
        out["candidates"] = list(rows.values_list("data", flat=True))
    elif wanted:
        out["candidates"] = list(rows.filter(application_id__in=sorted(wanted))
                                 .values_list("data", flat=True))
    else:
        out["candidates"] = []
    if not wanted <= {c["application_id"] for c in out["candidates"]}:
        return None
    return out


def _from_memory(payload: dict, wanted: set[int], every_candidate: bool, index: bool) -> dict:
    """``_shaped`` of a payload just computed and stored (no rows read back)."""
    from reports.calibration.compute import index_entry

    out = dict(payload)
    if index:
        out["candidate_index"] = [index_entry(c) for c in payload["candidates"]]
    if not every_candidate:
        out["candidates"] = [c for c in payload["candidates"] if c["application_id"] in wanted]
    return out


def candidate_rows(payload: dict, application_ids: list[int]) -> list[dict]:
    """The whole rows of ``application_ids``, in that order: from ``payload["candidates"]``
    or, for those not there, from the stored snapshot the payload was read from."""
    have = {c["application_id"]: c for c in payload.get("candidates", [])}
    missing = [pk for pk in application_ids if pk not in have]
    if missing and payload.get("snapshot_id"):
        from reports.models import CalibrationRow

        for data in CalibrationRow.objects.filter(
                snapshot_id=payload["snapshot_id"], application_id__in=missing
        ).values_list("data", flat=True):
            have[data["application_id"]] = data
    return [have[pk] for pk in application_ids if pk in have]
