"""Calibration packets: request one, build it in the background, keep its status honest.

``request_packet`` records the request and enqueues ``build_packet`` for the django-tasks
worker (``manage.py worker``, which is ``db_worker`` plus the recovery below).

Produced once, even when a worker dies half-way:

* every queued run of a packet carries a fresh ``run_token``; a run claims the packet,
  heartbeats and finishes only while the packet still carries its token, so a run that
  was superseded (or a task enqueued twice) changes nothing;
* the PDF is written to a temporary file and renamed into place in the same short
  transaction that marks the packet done, so there is never a half-written packet;
* a running packet whose heartbeat has stopped (its worker was killed or the machine
  restarted) is stale: ``recover_stale_packets`` gives it a new token and queues it again,
  up to ``SELECTION_PACKET_MAX_ATTEMPTS`` runs, then marks it failed with a retry button.
  The worker command runs the recovery when it starts and every few seconds after; the
  status page runs it for the packet it shows.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import connections, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_tasks import task

from reports.calibration.blinding import blind_for, carried_scorecards
from reports.hiring_report.evidence import load_evidence
from reports.hiring_report.gather import candidate_report, opening_context
from reports.packets.models import ReportPacket
from reports.packets.notices import tell_requester
from selection.access import is_hr
from selection.models import Application, Opening

logger = logging.getLogger(__name__)

DEFAULT_HEARTBEAT_SECONDS = 3.0
DEFAULT_STALE_SECONDS = 30.0
DEFAULT_MAX_ATTEMPTS = 3
STOPPED = ("The build stopped before finishing: its worker was stopped or restarted. "
           "No partial file was kept.")


class WorkerLost(RuntimeError):
    """Recorded on the task row of a run whose worker stopped mid-build."""


def packet_dir() -> Path:
    """Where finished packets are kept (not served directly: the download view checks access)."""
    return Path(getattr(settings, "SELECTION_PACKET_DIR", Path(settings.MEDIA_ROOT) / "packets"))


def heartbeat_seconds() -> float:
    return float(getattr(settings, "SELECTION_PACKET_HEARTBEAT_SECONDS", DEFAULT_HEARTBEAT_SECONDS))


def stale_after() -> timedelta:
    """A running build whose last heartbeat is older than this has lost its worker.

    Never less than three heartbeats, so a slow beat is not taken for a dead worker.
    """
    seconds = float(getattr(settings, "SELECTION_PACKET_STALE_SECONDS", DEFAULT_STALE_SECONDS))
    return timedelta(seconds=max(seconds, 3 * heartbeat_seconds()))


def max_attempts() -> int:
    return int(getattr(settings, "SELECTION_PACKET_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS))


def packet_path(packet: ReportPacket) -> Path | None:
    return packet_dir() / packet.file_name if packet.file_name else None


def write_temporary(path: Path, build: Callable, *, prefix: str | None = None) -> Path:
    """Calls ``build(file)`` on a new temporary file beside ``path`` and returns its path.

    The file is flushed to disk; on any error it is removed and the error raised.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix or f".{path.stem}-",
                               suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            build(handle)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomically(path: Path, build: Callable) -> None:
    """Calls ``build(file)`` on a temporary file beside ``path``, then renames it into place.

    On any error the temporary file is removed and ``path`` is left as it was.
    """
    tmp = write_temporary(path, build)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def packet_applications(opening: Opening, stage: str = ""):
    """The applications a packet covers: one stage, or every active stage."""
    apps = opening.applications.select_related("candidate")
    apps = apps.filter(stage=stage) if stage else apps.filter(stage__in=Application.ACTIVE_STAGES)
    order = {key: n for n, (key, _) in enumerate(Application.STAGES)}
    apps = list(apps)
    for app in apps:
        app.opening = opening
    return sorted(apps, key=lambda a: (order[a.stage], a.candidate.last_name, a.pk))


def packet_data(opening: Opening, *, stage: str = "", generated_by=None,
                include_fairness: bool = False, reader=None) -> dict:
    """Everything the packet PDF shows, gathered with one shared calibration.

    Built for ``reader`` (the person who requested it; None: the command line): the
    scorecards blind scoring withholds from them are left out of every page and figure,
    with a sentence saying so. ``scorecard_evidence`` records whose scorecards it carries,
    so that other readers are refused while they may not see them (``packet_refusal``).
    """
    blind = blind_for(reader, opening, for_packet=True)
    applications = packet_applications(opening, stage)
    context = opening_context(opening, blind, application_ids=[a.pk for a in applications])
    loaded = load_evidence(applications, withheld_exercises=blind.hidden_exercises)
    reports = [candidate_report(app, context=context, generated_by=generated_by,
                                loaded=loaded[app.pk]) for app in applications]
    fairness = None
    if include_fairness:
        from reports.calibration.fairness import RULE, selection_rates

        fairness = selection_rates([opening]) | {"rule": RULE}
    return {
        "opening": opening.title,
        "stage_label": dict(Application.STAGES)[stage] if stage else "All active stages",
        "generated_at": timezone.now(),
        "generated_by": (generated_by.get_full_name() or generated_by.email)
        if generated_by is not None else "command line",
        "computed_at": context.computed_at,
        "reports": reports,
        "agreement": context.payload.get("interviewers", {}),
        "fairness": fairness,
        "scorecard_evidence": carried_scorecards(opening, blind),
    }


def same_content(opening: Opening, *, stage: str, user) -> Q:
    """The packets that hold what this user asked for: same opening, stage and readers.

    HR's packets carry the fairness summary and are read by HR only, so they never stand
    in for a manager's, nor a manager's for HR's.
    """
    return Q(opening=opening, stage=stage, includes_fairness=is_hr(user))


def request_packet(opening: Opening, *, stage: str, user) -> ReportPacket:
    """Records a packet request and hands it to the background worker.

    An identical packet that is still queued or being built is returned instead, so
    repeated requests (a double click, fifteen tabs) build one document with one task.
    Requests for one opening are serialised on its row, so two at once cannot both miss.
    """
    with transaction.atomic():
        list(Opening.objects.select_for_update().filter(pk=opening.pk).values_list("pk"))
        waiting = (ReportPacket.objects.filter(same_content(opening, stage=stage, user=user),
                                               status__in=ReportPacket.IN_PROGRESS)
                   .order_by("requested_at", "pk").first())
        if waiting is not None:
            return waiting
        packet = ReportPacket.objects.create(
            opening=opening, stage=stage, requested_by=user, includes_fairness=is_hr(user)
        )
    return enqueue(packet)


def enqueue(packet: ReportPacket, *, note: str = "") -> ReportPacket:
    """(Re)queues a packet under a fresh run token: a retry starts over from 'queued'.

    Any earlier run still holding the old token can no longer claim, heartbeat or finish.
    """
    token = uuid.uuid4().hex
    ReportPacket.objects.filter(pk=packet.pk).update(
        status=ReportPacket.QUEUED, run_token=token, error=note, started_at=None,
        heartbeat_at=None, finished_at=None,
    )
    result = build_packet.enqueue(packet.pk, token)
    ReportPacket.objects.filter(pk=packet.pk, run_token=token).update(
        task_result_id=str(result.id))
    packet.refresh_from_db()
    return packet


@task()
def build_packet(packet_id: int, token: str = "") -> str:
    """The background job: builds one packet under ``token`` and records how it went."""
    packet = ReportPacket.objects.select_related("opening", "requested_by").filter(
        pk=packet_id).first()
    if packet is None:
        return "gone"
    return run_packet(packet, token or packet.run_token)


class Heartbeat:
    """While a build runs, a thread stamps ``heartbeat_at`` every few seconds.

    The stamp is conditional on the run token, so a superseded run stops beating at once.
    The thread uses its own database connection and closes it when the build ends.
    """

    def __init__(self, packet_id: int, token: str):
        self.packet_id, self.token = packet_id, token
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"packet-{packet_id}-heartbeat",
                                        daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _beat(self) -> None:
        used_db = False
        try:
            while not self._stop.wait(heartbeat_seconds()):
                used_db = True
                try:
                    ReportPacket.objects.filter(
                        pk=self.packet_id, run_token=self.token, status=ReportPacket.RUNNING
                    ).update(heartbeat_at=timezone.now())
                except Exception:  # a missed beat is retried; the build goes on
                    logger.warning("Packet %s: heartbeat failed", self.packet_id, exc_info=True)
        finally:
            if used_db:
                connections.close_all()


def run_packet(packet: ReportPacket, token: str) -> str:
    """Builds the packet's PDF now under ``token``; returns the final status.

    Errors are recorded on the packet, not raised. A run whose token is no longer the
    packet's (it was re-queued, or already built) does nothing and returns "superseded".
    """
    from reports.pdf.packet import build_packet_pdf

    now = timezone.now()
    mine = ReportPacket.objects.filter(pk=packet.pk, run_token=token)
    claimed = mine.filter(status=ReportPacket.QUEUED).update(
        status=ReportPacket.RUNNING, started_at=now, heartbeat_at=now,
        attempts=F("attempts") + 1, error="",
    )
    if not claimed:
        return "superseded"
    tmp = None
    try:
        with Heartbeat(packet.pk, token):
            data = packet_data(packet.opening, stage=packet.stage,
                               generated_by=packet.requested_by,
                               include_fairness=packet.includes_fairness,
                               reader=packet.requested_by)
            folder = packet_dir()
            folder.mkdir(parents=True, exist_ok=True)
            name = f"packet-{packet.pk}-{packet.opening.slug}.pdf"
            tmp = write_temporary(folder / name, lambda handle: build_packet_pdf(data, handle),
                                  prefix=_partial_prefix(packet.pk, token))
        with transaction.atomic():
            finished = mine.filter(status=ReportPacket.RUNNING).update(
                status=ReportPacket.DONE, finished_at=timezone.now(), file_name=name,
                candidate_count=len(data["reports"]), error="",
                scorecard_evidence=data["scorecard_evidence"],
            )
            if finished:  # renamed inside the transaction: a failed rename undoes 'done'
                os.replace(tmp, folder / name)
    except Exception as exc:  # recorded for the status page; the worker moves on
        mine.filter(status=ReportPacket.RUNNING).update(
            status=ReportPacket.FAILED, finished_at=timezone.now(),
            error=f"{type(exc).__name__}: {exc}"[:2000],
        )
        return ReportPacket.FAILED
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    if finished:
        tell_requester(packet)
    return ReportPacket.DONE if finished else "superseded"



def _partial_prefix(packet_id: int, token: str) -> str:
    return f".packet-{packet_id}-{token}-"


def _task_rows(packets) -> dict[str, tuple[str, object]]:
    """(status, started_at) of the packets' current task rows, in one query.

    Only the database task backend keeps such rows; with any other there are none.
    """
    ids = [p.task_result_id for p in packets if p.task_result_id]
    if not ids:
        return {}
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:
        return {}
    rows = DBTaskResult.objects.filter(id__in=ids).values_list("id", "status", "started_at")
    return {str(pk): (status, started) for pk, status, started in rows}


def _is_stale(packet: ReportPacket, task_row, cutoff) -> bool:
    """Whether this in-progress packet has lost its worker (no sign of life since cutoff)."""
    if packet.status == ReportPacket.RUNNING:
        last_sign = packet.heartbeat_at or packet.started_at
        return last_sign is None or last_sign < cutoff
    if not packet.task_result_id:  # recorded, but the process stopped before queueing it
        return packet.requested_at < cutoff
    # queued, but a worker claimed its task and died before the build could start
    status, started = task_row or (None, None)
    return status == "RUNNING" and started is not None and started < cutoff


def recover_stale_packets(packets=None, *, now=None) -> list[int]:
    """Queues again every packet whose worker stopped mid-build; returns their ids.

    A packet that has already run ``max_attempts()`` times is marked failed instead,
    with a message, so a document that kills its worker is not retried for ever; so is a
    packet whose task failed before the build could record anything. Safe to run from
    several workers and pages at once: the hand-over is a conditional update on the
    packet's run token, so exactly one of them re-queues a given stale run.
    """
    now = now or timezone.now()
    cutoff = now - stale_after()
    if packets is None:
        packets = ReportPacket.objects.annotate(
            last_sign=Coalesce("heartbeat_at", "started_at")
        ).filter(
            Q(status=ReportPacket.RUNNING) & (Q(last_sign__lt=cutoff) | Q(last_sign=None))
            | Q(status=ReportPacket.QUEUED, requested_at__lt=cutoff)
        )
    packets = [p for p in packets if p.in_progress]
    tasks = _task_rows(packets)
    recovered = []
    for packet in packets:
        task_row = tasks.get(packet.task_result_id)
        old = ReportPacket.objects.filter(pk=packet.pk, run_token=packet.run_token,
                                          status=packet.status)
        if task_row and task_row[0] == "FAILED":
            if old.update(status=ReportPacket.FAILED, finished_at=now, error=(
                    "The background task failed before it could record a result.")):
                _remove_partials(packet)
            continue
        if not _is_stale(packet, task_row, cutoff):
            continue
        if packet.attempts >= max_attempts():
            if old.update(status=ReportPacket.FAILED, finished_at=now, error=(
                    f"{STOPPED} It stopped {packet.attempts} times, so it was not queued "
                    "again.")):
                _mark_task_lost(packet, now)
                _remove_partials(packet)
            continue
        # hand the packet over to a new run only if nobody else did it first
        if not old.update(run_token=f"recovering-{uuid.uuid4().hex[:20]}"):
            continue
        _mark_task_lost(packet, now)
        _remove_partials(packet)
        enqueue(packet, note=f"Attempt {packet.attempts} stopped before finishing (the worker "
                             "was stopped or restarted); queued again." if packet.attempts
                else "The worker that took this packet stopped; queued again.")
        logger.warning("Packet %s: worker lost mid-build, queued again", packet.pk)
        recovered.append(packet.pk)
    return recovered


def _mark_task_lost(packet: ReportPacket, now) -> None:
    """Ends the lost run's task row as failed, so no list shows it 'running' for ever."""
    if not packet.task_result_id:
        return
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:
        return
    DBTaskResult.objects.filter(id=packet.task_result_id, status="RUNNING").update(
        status="FAILED", finished_at=now,
        exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
        traceback="The worker stopped while running this task; the packet was queued again.",
    )


def refresh_status(packet: ReportPacket) -> ReportPacket:
    """Brings a packet's status up to date before it is shown (``recover_stale_packets``).

    A packet nobody has picked up yet stays queued: it is built when a worker runs, and
    the status page says at once when none does (``reports.packets.workers``).
    """
    if packet.in_progress:
        recover_stale_packets([packet])
        packet.refresh_from_db()
    return packet


def _remove_partials(packet: ReportPacket) -> None:
    """Removes the temporary files of the packet's current (lost) run."""
    folder = packet_dir()
    if folder.is_dir() and packet.run_token:
        for part in folder.glob(f"{_partial_prefix(packet.pk, packet.run_token)}*.part"):
            part.unlink(missing_ok=True)
