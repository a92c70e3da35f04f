"""Invitations to the situational-judgment test: create, read status, the candidate's link.

The link is the candidate's key to the test, so it is returned only to a client with
``candidates:write`` (the scope that invites); ``results:read`` sees the status only.
Reference invitations are in ``references.py``.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from ninja import Router, Schema, Status
from pydantic import Field

from api.access import application_for_client, restricted_ids
from api.errors import ApiError, not_found
from api.service import needs

router = Router(tags=["invitations"])


class SjtInvitationIn(Schema):
    test_id: int = Field(ge=1, le=2**31 - 1)
    send_email: bool = True


class InvitationOut(Schema):
    id: int
    kind: str
    application_id: int | None
    test_id: int
    test: str
    status: str
    created_at: datetime
    expires_at: datetime
    completed_at: datetime | None
    link: str | None = None


class TestOut(Schema):
    id: int
    title: str


def invitation_out(invitation, client) -> dict:
    from assessments.delivery import link_url

    attempt = getattr(invitation, "attempt", None)
    status = invitation.status
    show_link = "candidates:write" in client.scopes and status in ("open", "started")
    return {
        "id": invitation.pk, "kind": "sjt", "application_id": invitation.application_id,
        "test_id": invitation.test_id, "test": invitation.test.title, "status": status,
        "created_at": invitation.created_at, "expires_at": invitation.expires_at,
        "completed_at": attempt.completed_at if attempt else None,
        "link": link_url(invitation) if show_link else None,
    }


@router.get(
    "/sjt-tests", auth=needs("candidates:write", "openings:read"),
    response=list[TestOut], summary="Published judgment tests")
def list_tests(request):
    """The tests a candidate can be invited to (published ones)."""
    from assessments.models import JudgmentTest

    return [{"id": t.pk, "title": t.title}
            for t in JudgmentTest.objects.filter(live=True).order_by("pk")]


@router.post(
    "/applications/{application_id}/invitations/sjt", auth=needs("candidates:write"),
    response={200: InvitationOut, 201: InvitationOut},
             summary="Invite the candidate to a judgment test")
def invite_to_sjt(request, application_id: int, payload: SjtInvitationIn):
    """An open invitation is reused (200); a candidate who took the test is refused (409)."""
    from assessments.delivery import invite, send_invitation_email
    from assessments.models import JudgmentTest

    client = request.auth
    application = application_for_client(client, application_id)
    test = JudgmentTest.objects.filter(pk=payload.test_id, live=True).first()
    if test is None:
        raise not_found("published test")
    try:
        invitation, created = invite(test=test, by=None, candidate=application.candidate,
                                     application=application)
    except ValidationError as exc:
        raise ApiError(409, "already_taken", " ".join(exc.messages)) from None
    if created and payload.send_email:
        send_invitation_email(invitation)
    return Status(201 if created else 200, invitation_out(invitation, client))


@router.get(
    "/invitations/{invitation_id}", auth=needs("candidates:write", "results:read"),
    response=InvitationOut,
            summary="An invitation's status")
def get_invitation(request, invitation_id: int):
    from assessments.models import SJTInvitation

    client = request.auth
    qs = SJTInvitation.objects.select_related("test", "attempt", "application").filter(
        pk=invitation_id, candidate__isnull=False, application__isnull=False)
    ids = restricted_ids(client)
    if ids is not None:
        qs = qs.filter(application__opening_id__in=ids)
    invitation = qs.first()
    if invitation is None:
        raise not_found("invitation")
    return invitation_out(invitation, client)


@router.get(
    "/applications/{application_id}/invitations", auth=needs("candidates:write", "results:read"),
    response=list[InvitationOut],
            summary="The application's invitations")
def list_invitations(request, application_id: int):
    from assessments.models import SJTInvitation

    client = request.auth
    application = application_for_client(client, application_id)
    rows = SJTInvitation.objects.select_related("test", "attempt").filter(
        candidate_id=application.candidate_id, application=application).order_by("pk")
    return [invitation_out(i, client) for i in rows]
