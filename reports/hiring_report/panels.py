"""Sections this module adds to hiring-core pages: the report link and the packet button."""

from django.urls import reverse

from reports.hiring_report.access import visible_packets
from selection.models import Application


def application_report_panel(request, application):
    """Links to the candidate's hiring report (the candidate page already checked access)."""
    args = [application.opening.slug, application.pk]
    return "reports/report_panel_application.html", {
        "report_url": reverse("candidate_report", args=args),
        "pdf_url": reverse("candidate_report_pdf", args=args),
    }


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
