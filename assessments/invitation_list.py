"""HR's list of SJT invitations across openings: who was sent which test, and how far
they got. The filters say in SQL what ``SJTInvitation.status`` says of one row, so a
page of fifty is read in one query whatever the filters.
"""

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from selection.models import Opening

from .models import SJTInvitation

# (value, label) in the order a test goes; the values are SJTInvitation.status's.
STATUSES = [
    ("open", "Sent, not started"),
    ("started", "Started"),
    ("completed", "Completed"),
    ("expired", "Expired unused"),
]
# The opening filter's choice for invitations with no opening (producers, mostly).
NO_OPENING = "none"


def status_filter(status: str, now=None) -> Q | None:
    """The condition for one status, or None for an unknown one (no filter)."""
    now = now or timezone.now()
    return {
        "open": Q(attempt__isnull=True, expires_at__gt=now),
        "started": Q(attempt__isnull=False, attempt__completed_at__isnull=True),
        "completed": Q(attempt__completed_at__isnull=False),
        "expired": Q(attempt__isnull=True, expires_at__lte=now),
    }.get(status)


def search_invitations(queryset: QuerySet, *, query: str = "", status: str = "",
                       opening: str = "") -> QuerySet:
    """Invitations whose person's name or email contains every word of ``query``, in
    ``status`` and for the opening with slug ``opening`` (``NO_OPENING``: none) if given."""
    for word in query.split():
        queryset = queryset.filter(
            Q(email__icontains=word)
            | Q(candidate__first_name__icontains=word) | Q(candidate__last_name__icontains=word)
            | Q(candidate__email__icontains=word)
            | Q(producer__first_name__icontains=word) | Q(producer__last_name__icontains=word)
            | Q(producer__email__icontains=word))
    condition = status_filter(status)
    if condition is not None:
        queryset = queryset.filter(condition)
    if opening == NO_OPENING:
        queryset = queryset.filter(application__isnull=True)
    elif opening:
        queryset = queryset.filter(application__opening__slug=opening)
    return queryset


def listed_invitations() -> QuerySet:
    """Every invitation, newest first, with what a row shows read in the same query."""
    return SJTInvitation.objects.select_related(
        "test", "candidate", "producer", "application__opening", "attempt"
    ).order_by("-created_at", "-pk")


def opening_choices() -> list[tuple[str, str]]:
    return [*Opening.objects.order_by("title").values_list("slug", "title"),
            (NO_OPENING, "No opening (producers)")]


def person_url(invitation: SJTInvitation) -> str:
    """Where HR reads about the person: the candidate's page in the opening they were
    invited from, else their record in the workspace; a producer's row on the producers
    page (with their tests)."""
    if invitation.candidate_id:
        if invitation.application_id:
            return invitation.application.get_absolute_url()
        return reverse("wagtailsnippets_selection_candidate:edit", args=[invitation.candidate_id])
    return reverse("assessments:producer_list") + "?" + urlencode({"q": invitation.producer.email})


def rows(invitations) -> list[dict]:
    labels = dict(STATUSES)
    return [{"invitation": i, "person": i.person, "status": i.status,
             "label": labels[i.status], "url": person_url(i)} for i in invitations]
