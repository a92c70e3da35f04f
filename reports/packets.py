"""Calibration packets: request one, build it in the background, keep its status honest.

``request_packet`` records the request and enqueues ``build_packet`` (the django-tasks
worker, ``manage.py db_worker``). The build writes to a temporary file in the packet
folder and renames it into place with ``os.replace`` only when the PDF is complete, so
a worker killed half-way leaves no half-written packet. ``refresh_status`` marks a
packet failed when its task failed or when it has been running longer than the timeout
(the worker died); the status page then says so and offers a retry.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from selection.access import is_hr
from selection.models import Application, Opening

from .hiring_report import candidate_report, opening_context
from .packet_models import ReportPacket

DEFAULT_TIMEOUT = timedelta(minutes=10)


def packet_dir() -> Path:
    """Where finished packets are kept (not served directly: the download view checks access)."""
    return Path(getattr(settings, "SELECTION_PACKET_DIR", Path(settings.MEDIA_ROOT) / "packets"))


def packet_timeout() -> timedelta:
    seconds = getattr(settings, "SELECTION_PACKET_TIMEOUT_SECONDS", None)
    return timedelta(seconds=seconds) if seconds else DEFAULT_TIMEOUT


def packet_path(packet: ReportPacket) -> Path | None:
    return packet_dir() / packet.file_name if packet.file_name else None


def write_atomically(path: Path, build: Callable) -> None:
    """Calls ``build(file)`` on a temporary file beside ``path``, then renames it into place.

    On any error the temporary file is removed and ``path`` is left as it was.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            build(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
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
                include_fairness: bool = False) -> dict:
    """Everything the packet PDF shows, gathered with one shared calibration."""
    context = opening_context(opening)
    reports = [candidate_report(app, context=context, generated_by=generated_by)
               for app in packet_applications(opening, stage)]
    fairness = None
    if include_fairness:
        from .fairness import RULE, selection_rates

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
    }


def request_packet(opening: Opening, *, stage: str, user) -> ReportPacket:
    """Records a packet request and hands it to the background worker."""
    packet = ReportPacket.objects.create(
        opening=opening, stage=stage, requested_by=user, includes_fairness=is_hr(user)
    )
    return enqueue(packet)


def enqueue(packet: ReportPacket) -> ReportPacket:
    """(Re)queues a packet: a retry starts over from 'queued' with the error cleared."""
    ReportPacket.objects.filter(pk=packet.pk).update(
        status=ReportPacket.QUEUED, error="", started_at=None, finished_at=None
    )
    result = build_packet.enqueue(packet.pk)
    ReportPacket.objects.filter(pk=packet.pk).update(task_result_id=str(result.id))
    packet.refresh_from_db()
    return packet


@task()
def build_packet(packet_id: int) -> str:
    """The background job: builds one packet and records how it went."""
    packet = ReportPacket.objects.select_related("opening", "requested_by").filter(
        pk=packet_id).first()
    if packet is None:
        return "gone"
    return run_packet(packet)


def run_packet(packet: ReportPacket) -> str:
    """Builds the packet's PDF now; returns the final status (errors are recorded, not raised)."""
    from .pdf.packet import build_packet_pdf

    ReportPacket.objects.filter(pk=packet.pk).update(
        status=ReportPacket.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1,
        error="",
    )
    try:
        data = packet_data(packet.opening, stage=packet.stage, generated_by=packet.requested_by,
                           include_fairness=packet.includes_fairness)
        folder = packet_dir()
        folder.mkdir(parents=True, exist_ok=True)
        name = f"packet-{packet.pk}-{packet.opening.slug}.pdf"
        write_atomically(folder / name, lambda handle: build_packet_pdf(data, handle))
    except Exception as exc:  # recorded for the status page; the worker moves on
        ReportPacket.objects.filter(pk=packet.pk).update(
            status=ReportPacket.FAILED, finished_at=timezone.now(),
            error=f"{type(exc).__name__}: {exc}"[:2000],
        )
        return ReportPacket.FAILED
    ReportPacket.objects.filter(pk=packet.pk).update(
        status=ReportPacket.DONE, finished_at=timezone.now(), file_name=name,
        candidate_count=len(data["reports"]),
    )
    return ReportPacket.DONE


def _task_failed(packet: ReportPacket) -> bool:
    if not packet.task_result_id:
        return False
    try:
        result = build_packet.get_result(packet.task_result_id)
    except Exception:  # the backend keeps no results (immediate) or the row is gone
        return False
    return str(result.status) == "FAILED"


def refresh_status(packet: ReportPacket) -> ReportPacket:
    """Marks a packet failed when its task failed or it ran (or waited) past the timeout."""
    if not packet.in_progress:
        return packet
    now, limit = timezone.now(), packet_timeout()
    error = ""
    if _task_failed(packet):
        error = "The background task failed before it could record a result."
    elif packet.status == ReportPacket.RUNNING and packet.started_at \
            and now - packet.started_at > limit:
        error = ("The build stopped before finishing (the worker was probably restarted). "
                 "No partial file was kept.")
    elif packet.status == ReportPacket.QUEUED and now - packet.requested_at > 3 * limit:
        error = "No background worker picked the packet up. Is manage.py db_worker running?"
    if error:
        ReportPacket.objects.filter(pk=packet.pk, status=packet.status).update(
            status=ReportPacket.FAILED, finished_at=now, error=error)
        _remove_partials(packet)
        packet.refresh_from_db()
    return packet


def _remove_partials(packet: ReportPacket) -> None:
    folder = packet_dir()
    if folder.is_dir():
        for part in folder.glob(f".packet-{packet.pk}-*.part"):
            part.unlink(missing_ok=True)
