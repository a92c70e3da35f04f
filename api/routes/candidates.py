"""Candidates and applications by the ATS's ids; stage moves and withdrawal."""

from datetime import datetime

from ninja import Router, Schema, Status
from pydantic import Field

from api import ingest
from api.access import application_for_client, opening_for_client
from api.service import needs

router = Router(tags=["candidates"])


class CandidateIn(Schema):
    first_name: str = Field(min_length=1, max_length=80)
    last_name: str = Field(min_length=1, max_length=80)
    email: str = Field(min_length=3, max_length=254)
    phone: str = Field("", max_length=40)
    source: str = Field("", max_length=80, description=(
        "The slug of one of HR's candidate sources (referral, job-board, agency, inbound, "
        "sourced-by-recruiter, internal by default; HR edits the list); empty for none. "
        "An unknown slug is a 400 `unknown_source` listing the valid ones."))


class CandidateOut(Schema):
    external_id: str
    first_name: str
    last_name: str
    email: str
    phone: str
    source: str = Field(description="The source's slug; empty when none is recorded.")
    created: bool


class ApplicationOut(Schema):
    id: int
    opening: str
    candidate_external_id: str | None
    stage: str
    stage_changed_at: datetime
    created: bool = False


class StageIn(Schema):
    stage: str = Field(max_length=16)


def candidate_out(candidate, created: bool) -> dict:
    return {**{f: getattr(candidate, f) for f in ingest.CANDIDATE_FIELDS},
            "source": candidate.source.slug if candidate.source_id else "",
            "external_id": candidate.external_id, "created": created}


def application_out(application, created: bool = False) -> dict:
    return {"id": application.pk, "opening": application.opening.slug,
            "candidate_external_id": application.candidate.external_id,
            "stage": application.stage, "stage_changed_at": application.stage_changed_at,
            "created": created}


@router.put(
    "/candidates/{external_id}", auth=needs("candidates:write"),
    response={200: CandidateOut, 201: CandidateOut},
            summary="Create or update a candidate")
def put_candidate(request, external_id: str, payload: CandidateIn):
    """Idempotent: the same body twice leaves one candidate; 201 when it was created."""
    client = request.auth
    candidate, created = ingest.upsert_candidate(
        client=client, external_id=external_id, data=payload.dict())
    return Status(201 if created else 200, candidate_out(candidate, created))


@router.get(
    "/candidates/{external_id}", auth=needs("candidates:write"),
    response=CandidateOut, summary="One candidate")
def get_candidate(request, external_id: str):
    client = request.auth
    return candidate_out(ingest.candidate_by_external_id(client, external_id), False)


@router.put(
    "/candidates/{external_id}/applications/{opening_slug}", auth=needs("candidates:write"),
    response={200: ApplicationOut, 201: ApplicationOut},
            summary="Create (or find) the candidate's application to an opening")
def put_application(request, external_id: str, opening_slug: str):
    client = request.auth
    candidate = ingest.candidate_by_external_id(client, external_id)
    opening = opening_for_client(client, opening_slug)
    application, created = ingest.upsert_application(candidate=candidate, opening=opening)
    application.opening = opening
    return Status(201 if created else 200, application_out(application, created))


@router.get(
    "/applications/{application_id}", auth=needs("candidates:write", "results:read"),
    response=ApplicationOut,
            summary="One application")
def get_application(request, application_id: int):
    client = request.auth
    return application_out(application_for_client(client, application_id))


@router.post(
    "/applications/{application_id}/stage", auth=needs("candidates:write"),
    response=ApplicationOut,
             summary="Move the application to another stage")
def post_stage(request, application_id: int, payload: StageIn):
    """Stages that settle a candidate (offer, hired, rejected) are refused with
    ``decision_required``: the hiring team records those decisions in Selection."""
    client = request.auth
    application = application_for_client(client, application_id)
    return application_out(ingest.move_stage(application=application, stage=payload.stage))


@router.post(
    "/applications/{application_id}/withdraw", auth=needs("candidates:write"),
    response=ApplicationOut,
             summary="Withdraw the candidate from the opening")
def post_withdraw(request, application_id: int):
    client = request.auth
    application = application_for_client(client, application_id)
    return application_out(ingest.move_stage(application=application, stage="withdrawn"))
