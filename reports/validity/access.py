"""Who may see a role profile's validity and pipeline figures. Every view here asks here.

HR sees every profile; a hiring manager sees the profiles of the openings they manage
(the figures cover all of that profile's openings: validity belongs to the profile).
Interviewers and assessors see none of it.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from competencies.models import RoleProfilePage
from selection.access import is_hr, opening_for_user, openings_for_user
from selection.models import Opening


def profile_for_user(request, pk: int) -> tuple[RoleProfilePage, list[Opening]]:
    """The role profile and all its openings; 404 when unknown, 403 without access."""
    profile = RoleProfilePage.objects.filter(pk=pk).first()
    if profile is None:
        raise Http404("No such role profile.")
    if not is_hr(request.user) and not openings_for_user(request.user).filter(
        role_profile=profile
    ).exists():
        raise PermissionDenied("Only HR and the hiring managers of this role's openings can "
                               "see its validity and pipeline figures.")
    openings = list(Opening.objects.filter(role_profile=profile)
                    .select_related("role_profile", "role_profile_revision").order_by("title"))
    return profile, openings


def pipeline_opening_for_user(request, slug: str) -> Opening:
    """The opening whose pipeline-against-profile view this user may see."""
    return opening_for_user(request, slug)


def may_correct(user) -> bool:
    """Only HR enters the applicant-pool SD ratio for the range-restriction correction."""
    return is_hr(user)
