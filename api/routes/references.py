"""Invitations to name referees: ask a finalist for references, read where they stand.

The request is the one the candidate page makes (``nomination.request_references``): an
open, unexpired request is reused; the candidate is emailed their link unless told not
to. The candidate's link is returned only to a client with ``candidates:write`` and only
while it can still be used. Referees appear by relationship and status: their names,
emails and answers stay in Selection (the answers reach a client as the results' reference
figures, under the blind rule).
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from ninja import Router, Schema, Status

from api.access import application_for_client
from api.errors import ApiError, not_found
from api.service import needs

router = Router(tags=["invitations"])


class ReferenceInvitationIn(Schema):
    send_email: bool = True


class RefereeStatusOut(Schema):
    relationship: str
    status: str
    sent_at: datetime | None
    answered_at: datetime | None
    declined_at: datetime | None


class ReferenceInvitationOut(Schema):
    kind: str
    application_id: int
    status: str
    required: dict[str, int]
    requested_at: datetime
    expires_at: datetime
    named_at: datetime | None
    referees: list[RefereeStatusOut]
    link: str | None = None


def request_status(request) -> str:
    """'named' once the candidate named referees, 'expired' if their link ran out first,
    'requested' while it waits."""
    if request.named_at:
        return "named"
    return "expired" if request.is_expired else "requested"


def reference_invitation_out(request, client) -> dict:
    from assessments.references.links import candidate_url

    status = request_status(request)
    show_link = "candidates:write" in client.scopes and status == "requested"
    return {
        "kind": "references", "application_id": request.application_id, "status": status,
        "required": {str(k): int(v) for k, v in (request.required_relationships or {}).items()},
        "requested_at": request.requested_at, "expires_at": request.expires_at,
        "named_at": request.named_at,
        "referees": [{"relationship": r.relationship, "status": r.status, "sent_at": r.sent_at,
                      "answered_at": r.submitted_at, "declined_at": r.declined_at}
                     for r in request.referees.order_by("pk")],
        "link": candidate_url(request) if show_link else None,
    }


@router.post(
    "/applications/{application_id}/invitations/references", auth=needs("candidates:write"),
    response={200: ReferenceInvitationOut, 201: ReferenceInvitationOut},
    summary="Ask the candidate to name referees")
def invite_to_references(request, application_id: int, payload: ReferenceInvitationIn):
    """An open request is reused (200); an expired one nobody acted on is replaced (201).
    409 when the opening's reference form has no rated questions yet."""
    from assessments.references.nomination import request_references

    client = request.auth
    application = application_for_client(client, application_id)
    try:
        with transaction.atomic():
            reference_request, created = request_references(
                application=application, by=None, notify=payload.send_email)
    except ValidationError as exc:
        raise ApiError(409, "no_reference_questions", " ".join(exc.messages)) from None
    return Status(201 if created else 200, reference_invitation_out(reference_request, client))


@router.get(
    "/applications/{application_id}/invitations/references",
    auth=needs("candidates:write", "results:read"), response=ReferenceInvitationOut,
    summary="Where the application's references stand")
def get_reference_invitation(request, application_id: int):
    from assessments.models import ReferenceRequest

    client = request.auth
    application = application_for_client(client, application_id)
    reference_request = ReferenceRequest.objects.filter(application=application).first()
    if reference_request is None:
        raise not_found("reference request")
    return reference_invitation_out(reference_request, client)
