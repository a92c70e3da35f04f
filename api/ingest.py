"""Candidates and applications from the ATS: create or update by the ATS's own id.

Both upserts are idempotent: the same call twice leaves one row, and two concurrent
calls with a new id create one row (the loser of the race meets the unique constraint
and updates the winner's row instead).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from selection.models import EXTERNAL_ID, Application, Candidate, CandidateSource
from selection.pipeline import add_application, move_to_stage, needs_decision, stage_label

from .access import may_write_candidate
from .errors import ApiError, not_found

CANDIDATE_FIELDS = ("first_name", "last_name", "email", "phone")  # text, as sent
SETTLED = (Application.HIRED, Application.REJECTED)


def check_external_id(external_id: str) -> str:
    if not EXTERNAL_ID.match(external_id or ""):
        raise ApiError(400, "invalid_external_id", "An external id is 1 to 64 letters, "
                       "digits, dots, colons, underscores or hyphens.")
    return external_id


def candidate_by_external_id(client, external_id: str) -> Candidate:
    candidate = Candidate.objects.filter(external_id=check_external_id(external_id)).first()
    if candidate is None or not may_write_candidate(client, candidate):
        raise not_found("candidate")
    return candidate


def source_for_slug(slug: str, current: CandidateSource | None) -> CandidateSource | None:
    """The active source with this slug (None for an empty one), or the candidate's current
    source, even switched off since; anything else is refused with the slugs to use."""
    if not slug:
        return None
    if current is not None and current.slug == slug:
        return current
    found = CandidateSource.objects.filter(slug=slug, active=True).first()
    if found is None:
        valid = list(CandidateSource.objects.filter(active=True).values_list("slug", flat=True))
        raise ApiError(400, "unknown_source", f"Unknown source “{slug}”; use one of: "
                       + (", ".join(valid) if valid else "(none: HR has switched every source "
                          "off)") + ", or leave it empty.")
    return found


def _email_taken(email: str, candidate_pk) -> bool:
    return Candidate.objects.filter(email__iexact=email).exclude(pk=candidate_pk).exists()


def _write_candidate(client, external_id: str, data: dict) -> tuple[Candidate, bool]:
    candidate = Candidate.objects.select_for_update().filter(external_id=external_id).first()
    created = candidate is None
    if created:
        candidate = Candidate(external_id=external_id)
    elif not may_write_candidate(client, candidate):
        raise not_found("candidate")
    if _email_taken(data["email"], candidate.pk):
        raise ApiError(409, "email_in_use", "Another candidate already has this email "
                       "address; give each candidate their own.")
    current = None if created or candidate.source_id is None else candidate.source
    source = source_for_slug(data["source"], current)
    changed = created or candidate.source_id != (source.pk if source else None) or any(
        getattr(candidate, f) != data[f] for f in CANDIDATE_FIELDS)
    if changed:
        for f in CANDIDATE_FIELDS:
            setattr(candidate, f, data[f])
        candidate.source = source
        candidate.full_clean(validate_unique=False)
        candidate.save()
    return candidate, created


def upsert_candidate(*, client, external_id: str, data: dict) -> tuple[Candidate, bool]:
    """Creates or updates the candidate with this external id; returns (candidate, created)."""
    check_external_id(external_id)
    data = {f: (data.get(f) or "").strip() for f in (*CANDIDATE_FIELDS, "source")}
    for attempt in range(3):
        try:
            with transaction.atomic():
                return _write_candidate(client, external_id, data)
        except IntegrityError:
            if attempt == 2:
                raise ApiError(409, "conflict", "Another request changed this candidate "
                               "at the same moment; send the call again.") from None
    raise AssertionError("unreachable")


def upsert_application(*, candidate: Candidate, opening) -> tuple[Application, bool]:
    """The candidate's application to the opening, created at Applied when new."""
    try:
        return add_application(candidate, opening)
    except IntegrityError:
        raise ApiError(409, "conflict", "Send the call again.") from None


def move_stage(*, application: Application, stage: str) -> Application:
    """Moves the application to a stage that needs no decision.

    Offer, Hired and Rejected are decisions the hiring team records in Selection with a
    rationale; an API client cannot take them, and cannot move a settled candidate.
    """
    if stage not in dict(Application.STAGES):
        raise ApiError(400, "unknown_stage", "Unknown stage; use one of "
                       + ", ".join(s for s, _ in Application.STAGES) + ".")
    if needs_decision(stage):
        raise ApiError(409, "decision_required", f"{stage_label(stage)} is a decision the "
                       "hiring team records in Selection with its rationale.")
    if application.stage in SETTLED and stage != application.stage:
        raise ApiError(409, "settled", f"The candidate is {stage_label(application.stage)} "
                       "by a recorded decision; the hiring team changes that in Selection.")
    try:
        return move_to_stage(application=application, stage=stage, by=None)
    except ValidationError as exc:
        raise ApiError(409, "refused", " ".join(exc.messages)) from None
