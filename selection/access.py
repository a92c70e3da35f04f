"""Who may see what in the hiring core. Every view asks here; nothing decides elsewhere."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from .models import Application, HiringTeamMember, Opening
from .roles import HR


def is_hr(user) -> bool:
    """True for the HR group and superusers: they see every opening."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_selection_is_hr", None)
    if cached is None:
        cached = user.groups.filter(name=HR).exists()
        user._selection_is_hr = cached
    return cached


def team_roles(user, opening: Opening) -> set[str]:
    """The roles this user holds on this opening's hiring team."""
    if not user.is_authenticated:
        return set()
    return set(
        HiringTeamMember.objects.filter(opening=opening, user=user).values_list("role", flat=True)
    )


def can_manage_opening(user, opening: Opening) -> bool:
    """HR and the opening's hiring managers manage it: pipeline, scorecards, decisions."""
    return is_hr(user) or HiringTeamMember.HIRING_MANAGER in team_roles(user, opening)


def openings_for_user(user) -> QuerySet[Opening]:
    """Openings this user manages (HR: all of them; hiring managers: their own)."""
    qs = Opening.objects.select_related("role_profile")
    if is_hr(user):
        return qs
    return qs.filter(
        team__user=user, team__role=HiringTeamMember.HIRING_MANAGER
    ).distinct()


def opening_for_user(request, slug: str) -> Opening:
    """The opening if this user manages it; 404 when it does not exist, 403 otherwise."""
    try:
        opening = Opening.objects.select_related("role_profile", "role_profile_revision").get(
            slug=slug
        )
    except Opening.DoesNotExist:
        raise Http404("No such opening.") from None
    if not can_manage_opening(request.user, opening):
        raise PermissionDenied("Only HR and this opening's hiring managers can see it.")
    return opening


def application_for_user(request, slug: str, pk: int) -> Application:
    """A candidate's application in an opening, for the people who manage the opening."""
    opening = opening_for_user(request, slug)
    try:
        application = Application.objects.select_related("candidate").get(
            pk=pk, opening=opening
        )
    except Application.DoesNotExist:
        raise Http404("No such candidate in this opening.") from None
    application.opening = opening
    return application
