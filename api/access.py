"""What an API client may reach. Every operation asks here; nothing decides elsewhere.

A client needs the operation's scope (``service.needs``, checked with the token, 403
``insufficient_scope`` otherwise, before the body is read). A client
restricted to some openings sees only those openings, their applications and
invitations; anything else answers 404, exactly as if it did not exist.
"""

from django.db.models import QuerySet

from selection.models import Application, Candidate, Opening

from .errors import not_found
from .models import ApiClient


def restricted_ids(client: ApiClient) -> set[int] | None:
    """The openings the client is limited to, or None when it may reach every opening."""
    cached = getattr(client, "_opening_ids", False)
    if cached is False:
        ids = set(client.openings.values_list("pk", flat=True))
        cached = client._opening_ids = ids or None
    return cached


def openings_for_client(client: ApiClient) -> QuerySet[Opening]:
    qs = Opening.objects.select_related("role_profile", "role_profile_revision")
    ids = restricted_ids(client)
    return qs if ids is None else qs.filter(pk__in=ids)


def opening_for_client(client: ApiClient, slug: str) -> Opening:
    opening = openings_for_client(client).filter(slug=slug).first()
    if opening is None:
        raise not_found("opening")
    return opening


def application_for_client(client: ApiClient, application_id: int) -> Application:
    ids = restricted_ids(client)
    qs = Application.objects.select_related(
        "candidate", "opening__role_profile", "opening__role_profile_revision")
    if ids is not None:
        qs = qs.filter(opening_id__in=ids)
    application = qs.filter(pk=application_id).first()
    if application is None:
        raise not_found("application")
    return application


def may_write_candidate(client: ApiClient, candidate: Candidate) -> bool:
    """A restricted client may change a candidate only when every opening they applied to
    is one of its own (a candidate of other openings stays out of its reach)."""
    ids = restricted_ids(client)
    if ids is None:
        return True
    return not candidate.applications.exclude(opening_id__in=ids).exists()


def require_hr(request) -> None:
    """The integration pages (clients, call log, webhooks) are for HR and superusers."""
    from django.core.exceptions import PermissionDenied

    from selection.access import is_hr

    if not is_hr(request.user):
        raise PermissionDenied("API clients and webhooks are managed by HR.")
