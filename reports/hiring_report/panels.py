"""The section the hiring report adds to the candidate page: links to the report."""

from django.urls import reverse


def application_report_panel(request, application):
    """Links to the candidate's hiring report (the candidate page already checked access)."""
    args = [application.opening.slug, application.pk]
    return "reports/report_panel_application.html", {
        "report_url": reverse("candidate_report", args=args),
        "pdf_url": reverse("candidate_report_pdf", args=args),
    }
