"""Who may use which assessments page. Every view asks here; nothing decides elsewhere.

Candidate links are checked in delivery.invitation_for_token (the link is the credential).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from selection.access import can_manage_opening, is_hr
from selection.models import Application

from .models import JudgmentTest, RoleplayScorecard
from .roleplay import sees_peer_ratings


def require_hr(request) -> None:
    """PermissionDenied unless the user is HR (or a superuser)."""
    if not is_hr(request.user):
        raise PermissionDenied("Only HR can use this page.")


def application_for_manager(request, pk: int) -> Application:
    """An application whose opening this user manages (HR or its hiring manager)."""
    try:
        application = Application.objects.select_related("candidate", "opening").get(pk=pk)
    except Application.DoesNotExist:
        raise Http404("No such candidate.") from None
    if not can_manage_opening(request.user, application.opening):
        raise PermissionDenied("Only HR and this opening's hiring managers can do this.")
    return application


def test_for_hr(request, pk: int) -> JudgmentTest:
    require_hr(request)
    try:
        return JudgmentTest.objects.get(pk=pk)
    except JudgmentTest.DoesNotExist:
        raise Http404("No such test.") from None


def scorecard_for_user(request, pk: int, *, write: bool = False) -> RoleplayScorecard:
    """A roleplay scorecard for its assessor; read-only and submitted-only for managers.

    The assessor may write while it is a draft. HR and the opening's hiring managers may
    read a submitted one, unless they assess the same person in the same exercise and have
    not submitted (``roleplay.sees_peer_ratings``). Everyone else gets 403.
    """
    try:
        card = RoleplayScorecard.objects.select_related(
            "exercise", "candidate", "producer", "application__opening", "assessor"
        ).get(pk=pk)
    except RoleplayScorecard.DoesNotExist:
        raise Http404("No such scorecard.") from None
    user = request.user
    if card.assessor_id == user.pk:
        if write and card.is_submitted:
            raise PermissionDenied("This scorecard is submitted and can no longer be changed.")
        return card
    if write:
        raise PermissionDenied("Only the assigned assessor can fill in this scorecard.")
    manages = is_hr(user) or (
        card.application_id is not None and can_manage_opening(user, card.application.opening)
    )
    if manages and card.is_submitted:
        if not sees_peer_ratings(user, card):
            raise PermissionDenied("You also assess this person in this exercise: other "
                                   "assessors' scorecards show once you submit your own.")
        return card
    raise PermissionDenied("Only the assessor, and once submitted HR and the hiring manager, "
                           "can see this scorecard.")


def opening_for_manager(request, slug: str):
    """An opening this user manages (HR or its hiring manager): its reference form page."""
    from selection.access import opening_for_user

    return opening_for_user(request, slug)


def application_for_hr(request, pk: int) -> Application:
    """An application, for HR only: background checks are HR's to record."""
    require_hr(request)
    try:
        return Application.objects.select_related("candidate", "opening").get(pk=pk)
    except Application.DoesNotExist:
        raise Http404("No such candidate.") from None
