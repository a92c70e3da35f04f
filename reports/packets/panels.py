"""The section packets add to the opening page: the 'Generate packet' form and the latest."""

from django.urls import reverse

from reports.packets.access import visible_packets
from selection.models import Application


def opening_packet_panel(request, opening):
    """The 'Generate packet' form with a stage chooser, and the latest packets."""
    return "reports/report_panel_opening.html", {
        "request_url": reverse("report_packet_request", args=[opening.slug]),
        "stages": [(key, label) for key, label in Application.STAGES
                   if key in Application.ACTIVE_STAGES],
        "default_stage": Application.CALIBRATION,
        "packets": visible_packets(request.user, opening),
        "opening": opening,
    }


READY_DAYS = 14


def packets_ready_panel(request):
    """My work: the packets this person requested that finished in the last two weeks.

    One query; a packet is linked to its status page, which checks access again.
    """
    from datetime import timedelta

    from django.utils import timezone

    from reports.packets.models import ReportPacket

    if not request.user.is_authenticated:
        return None
    since = timezone.now() - timedelta(days=READY_DAYS)
    packets = list(
        ReportPacket.objects.filter(requested_by=request.user, status=ReportPacket.DONE,
                                    finished_at__gte=since)
        .select_related("opening").order_by("-finished_at")[:20]
    )
    if not packets:
        return None
    return "reports/panel_packets_ready.html", {"packets": packets, "days": READY_DAYS}
