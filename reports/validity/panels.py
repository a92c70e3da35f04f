"""The links the validity and pipeline pages add to an opening's page."""

from django.urls import reverse


def opening_validity_panel(request, opening):
    """Links to the pipeline against the profile and to validity on hires (access checked)."""
    return "reports/validity/panel_opening.html", {
        "pipeline_url": reverse("opening_pipeline", args=[opening.slug]),
        "validity_url": reverse("profile_validity", args=[opening.role_profile_id]),
    }
