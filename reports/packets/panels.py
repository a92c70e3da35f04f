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
