"""The section the hiring report adds to the candidate page: the band, its one sentence,
and links to the report."""

from django.urls import reverse


def application_report_panel(request, application):
    """The candidate's band and sentence (the hiring report's rule, from the opening's
    calibration as this reader may see it) and links to the report. The candidate page has
    already checked access to the opening."""
    from reports.calibration.blinding import blind_for, calibration_for_reader
    from reports.hiring_report.headlines import assessment_weight, opening_headlines

    opening = application.opening
    blind = blind_for(request.user, opening)
    payload = calibration_for_reader(opening, request.user, blind=blind,
                                     application_ids=[application.pk])
    band = opening_headlines(opening, payload, blind, [application.pk]).get(application.pk)
    args = [opening.slug, application.pk]
    return "reports/report_panel_application.html", {
        "band": band,
        "interview_percent": round(100 * (1 - assessment_weight(opening))),
        "assessment_percent": round(100 * assessment_weight(opening)),
        "computed_at": payload.get("computed_at"),
        "report_url": reverse("candidate_report", args=args),
        "pdf_url": reverse("candidate_report_pdf", args=args),
        "calibration_url": reverse("opening_calibration", args=[opening.slug]),
    }
