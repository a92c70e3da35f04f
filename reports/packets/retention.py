"""Finished packets are kept for a while, then removed (row and file) by the worker's sweep.

``SELECTION_PACKET_RETENTION_DAYS`` (default 30) says how long after it finished a packet
is kept; 0 keeps packets for ever. A packet still queued or being built is never removed.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models.functions import Coalesce
from django.utils import timezone

from reports.packets.jobs import packet_path
from reports.packets.models import ReportPacket

DEFAULT_RETENTION_DAYS = 30
FINISHED = (ReportPacket.DONE, ReportPacket.FAILED)


def retention() -> timedelta | None:
    """How long a finished packet is kept; None when packets are kept for ever."""
    days = float(getattr(settings, "SELECTION_PACKET_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))
    return timedelta(days=days) if days > 0 else None


def remove_expired_packets(now=None) -> list[int]:
    """Deletes packets that finished before the retention period, with their files.

    Returns the ids removed. The row goes first, and only if it is still finished and old
    (a retry may have re-queued it meanwhile); then its file. Safe from several workers.
    """
    keep = retention()
    if keep is None:
        return []
    cutoff = (now or timezone.now()) - keep
    expired = ReportPacket.objects.annotate(
        ended=Coalesce("finished_at", "requested_at")
    ).filter(status__in=FINISHED, ended__lt=cutoff)
    removed = []
    for packet in expired.only("pk", "file_name"):
        if not ReportPacket.objects.filter(pk=packet.pk, status__in=FINISHED).annotate(
                ended=Coalesce("finished_at", "requested_at")).filter(ended__lt=cutoff).delete()[0]:
            continue
        path = packet_path(packet)
        if path is not None:
            path.unlink(missing_ok=True)
        removed.append(packet.pk)
    return removed
