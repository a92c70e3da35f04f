"""Sections this app adds to hiring-core pages."""

from django.urls import reverse

from reports.models import CalibrationSnapshot
from selection.access import is_hr


def opening_panel(request, opening):
    """Links to the calibration page (and, for HR, the fairness page) on the opening page."""
    computed_at = (
        CalibrationSnapshot.objects.filter(opening=opening)
        .values_list("computed_at", flat=True)
        .first()
    )
    return "reports/panel_opening.html", {
        "calibration_url": reverse("opening_calibration", args=[opening.slug]),
        "fairness_url": (
            reverse("opening_fairness", args=[opening.slug]) if is_hr(request.user) else None
        ),
        "computed_at": computed_at,
    }
