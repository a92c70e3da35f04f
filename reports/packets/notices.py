"""The email that says a calibration packet is ready (``selection.notifications``)."""

from __future__ import annotations

import logging

from django.urls import reverse

from reports.packets.models import ReportPacket
from selection.links import absolute_url
from selection.notifications import notify

logger = logging.getLogger(__name__)


def tell_requester(packet: ReportPacket) -> None:
    """Emails whoever asked for the packet that it is ready (unless they turned it off)."""
    packet = ReportPacket.objects.select_related("opening", "requested_by").get(pk=packet.pk)
    if packet.requested_by is None:
        return
    url = absolute_url(reverse("report_packet_status", args=[packet.opening.slug, packet.pk]))
    try:
        notify(packet.requested_by, "packet_ready",
               subject=f"Calibration packet ready: {packet.opening.title}",
               template="reports/email/packet_ready",
               context={"packet": packet, "opening": packet.opening, "url": url})
    except Exception:  # the packet is built; a mail hiccup must not mark it failed
        logger.warning("Could not email that packet %s is ready", packet.pk, exc_info=True)
