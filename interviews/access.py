"""Who may open which interviews page. Every view asks here; nothing decides elsewhere."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from selection.access import application_for_user, opening_for_user
from selection.models import Application, HiringTeamMember, Opening

from .models import CalendarFeed, InterviewKit, Scorecard

__all__ = [
    "application_for_manager",
    "feed_owner",
    "kit_for_manager",
    "opening_for_manager",
    "scorecard_for_user",
]


def scorecard_for_user(request, pk: int, *, write: bool = False) -> Scorecard:
    """The user's own scorecard, loaded with its interview, candidate and opening.

    404 when it does not exist, 403 for anyone but its interviewer: hiring managers
    and HR read submitted scorecards on the candidate page, never drafts. With
    ``write`` the interviewer must still be on the opening's hiring team (someone
    taken off the team keeps read access to what they wrote). Which states may
    change is decided in scoring.py.
    """
    if not request.user.is_authenticated:
        raise PermissionDenied("Log in first.")
    try:
        scorecard = Scorecard.objects.select_related(
            "interview__interviewer",
            "interview__application__candidate",
            "interview__application__opening",
        ).get(pk=pk)
    except (Scorecard.DoesNotExist, ValueError):
        raise Http404("No such scorecard.") from None
    if scorecard.interview.interviewer_id != request.user.pk:
        raise PermissionDenied("This scorecard belongs to another interviewer.")
    if write and not HiringTeamMember.objects.filter(
        opening_id=scorecard.interview.application.opening_id, user=request.user,
        role=HiringTeamMember.INTERVIEWER,
    ).exists():
        raise PermissionDenied("You are no longer on this opening's hiring team.")
    return scorecard


def opening_for_manager(request, slug: str) -> Opening:
    """The opening for HR and its hiring managers (404 if missing, 403 otherwise)."""
    return opening_for_user(request, slug)


def kit_for_manager(request, slug: str) -> tuple[Opening, InterviewKit | None]:
    """The opening and its kit (None before it is built), for the people who manage it."""
    opening = opening_for_user(request, slug)
    return opening, InterviewKit.objects.filter(opening=opening).first()


def application_for_manager(request, slug: str, pk: int) -> Application:
    """A candidate's application, for the people who manage the opening."""
    return application_for_user(request, slug, pk)


def feed_owner(token: str):
    """The person whose calendar feed this secret token opens; 404 for any other token.

    Calendar apps cannot log in, so the token is the key; resetting it (a new token)
    makes the old address answer 404.
    """
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404("No such calendar.")
    return feed.user
