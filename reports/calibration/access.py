"""Who may see calibration and fairness figures. Every reports view asks here."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from selection.access import is_hr, opening_for_user
from selection.models import Opening


def calibration_opening_for_user(request, slug: str) -> Opening:
    """The opening whose calibration this user may see: HR and its hiring managers."""
    return opening_for_user(request, slug)


def fairness_openings_for_user(request, slug: str | None = None) -> list[Opening]:
    """The openings whose fairness figures HR asked for (one, or all); 403 for anyone else.

    Self-identification data stay with HR: hiring managers, interviewers and assessors
    never see these pages, not even for their own openings.
    """
    if not is_hr(request.user):
        raise PermissionDenied("Only HR can see the fairness figures.")
    openings = Opening.objects.order_by("title")
    if slug is None:
        return list(openings)
    opening = openings.filter(slug=slug).first()
    if opening is None:
        raise Http404("No such opening.")
    return [opening]
