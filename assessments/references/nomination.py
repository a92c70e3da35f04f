"""Asking a finalist for references, and the finalist naming their referees.

``request_references`` opens the candidate's link (and builds the opening's form when it
has none); ``name_referees`` takes the candidate's consent and referees, all or nothing,
and sends each referee their own link once the transaction commits.
"""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from selection.branding import company_name
from selection.models import Application
from selection.notifications import email_address

from ..models import Referee, ReferenceRequest
from ..models.references import RELATIONSHIPS
from . import links, questionnaire

ROWS = questionnaire.MAX_REFEREES
logger = logging.getLogger("selection.references")
FIELDS = ("name", "email", "relationship", "company", "from", "to")
LIMITS = {"name": 120, "email": 254, "company": 120}


@transaction.atomic
def request_references(*, application: Application, by,
                       notify: bool = True) -> tuple[ReferenceRequest, bool]:
    """The candidate's open request (reused while unexpired and unnamed) and whether it is new.

    A request already answered stays; an expired, unnamed one is replaced by a fresh link.
    ``notify``: email the candidate their link once the transaction commits.
    """
    existing = ReferenceRequest.objects.filter(application=application).first()
    if existing is not None and (existing.named_at or not existing.is_expired):
        return existing, False
    if existing is not None:
        existing.delete()
    form = questionnaire.build_form(opening=application.opening, by=by)
    questions = questionnaire.snapshot(form)
    if not questions:
        raise ValidationError("The opening's reference form has no rated questions yet: add "
                              "reference questions to the bank (CMS, Reference questions).")
    request = ReferenceRequest.objects.create(
        application=application, questions=questions, requested_by=by,
        required_relationships=form.required_relationships,
    )
    if notify:
        transaction.on_commit(lambda: send_candidate_email(request))
    return request, True


def _email(to: str, subject: str, template: str, context: dict) -> None:
    email_address(to, subject=subject, template=f"assessments/email/{template}",
                  context={"adjustments_contact": settings.SELECTION_ADJUSTMENTS_CONTACT,
                           **context})


def send_candidate_email(request: ReferenceRequest) -> None:
    """Asks the finalist to name referees: who asks, what, how long, deadline, whom to ask."""
    application = request.application
    _email(application.candidate.email,
           f"References for {application.opening.title} at {company_name()}",
           "reference_candidate",
           {"candidate": application.candidate, "opening": application.opening,
            "wanted": questionnaire.describe_relationships(request.required_relationships),
            "url": links.candidate_url(request),
            "expires": timezone.localtime(request.expires_at)})


def send_referee_email(referee: Referee, *, reminder: bool = False) -> None:
    application = referee.request.application
    first = "A reminder: " if reminder else ""
    _email(referee.email, f"{first}Reference for {application.candidate.full_name}",
           "reference_referee",
           {"referee": referee, "candidate": application.candidate,
            "opening": application.opening, "reminder": reminder,
            "url": links.referee_url(referee),
            "expires": timezone.localtime(referee.expires_at)})


def _date(text: str, label: str, errors: list[str]) -> datetime.date | None:
    """A month ('2021-03') or a day ('2021-03-15'); the first of the month for a month."""
    text = (text or "").strip()
    if not text:
        return None
    for fmt in ("%Y-%m", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    errors.append(f"{label}: write the date as year and month, like 2021-03.")
    return None


def parse_referees(request: ReferenceRequest, data) -> tuple[list[dict], list[str]]:
    """The referee rows in ``data`` (fields r<n>-name ...) and the errors found, row by row."""
    candidate = request.application.candidate
    rows, errors, emails = [], [], set()
    known = dict(RELATIONSHIPS)
    for n in range(ROWS):
        raw = {f: (data.get(f"r{n}-{f}") or "").strip() for f in FIELDS}
        if not any(raw[f] for f in ("name", "email", "company")):
            continue
        label = f"Referee {n + 1}"
        for field, limit in LIMITS.items():
            if len(raw[field]) > limit:
                errors.append(f"{label}: the {field} is longer than {limit} characters.")
        if not raw["name"] or not raw["email"] or not raw["company"]:
            errors.append(f"{label}: give their name, email and company.")
        try:
            validate_email(raw["email"])
        except ValidationError:
            errors.append(f"{label}: '{raw['email'][:80]}' is not an email address.")
        email = raw["email"].lower()
        if email == candidate.email.lower():
            errors.append(f"{label}: that is your own email; name someone else.")
        if email in emails:
            errors.append(f"{label}: the same email is given twice.")
        emails.add(email)
        if raw["relationship"] not in known:
            errors.append(f"{label}: choose how you know them.")
        start = _date(raw["from"], f"{label}, worked together from", errors)
        end = _date(raw["to"], f"{label}, worked together until", errors)
        if start is None and not raw["from"]:
            errors.append(f"{label}: give when you started working together.")
        if start and end and end < start:
            errors.append(f"{label}: the end date is before the start date.")
        rows.append({"name": raw["name"], "email": raw["email"], "company": raw["company"],
                     "relationship": raw["relationship"], "worked_from": start,
                     "worked_to": end})
    return rows, errors


def missing_relationships(wanted: dict[str, int], rows: list[dict]) -> list[str]:
    labels = dict(RELATIONSHIPS)
    short = []
    for kind, count in wanted.items():
        have = sum(1 for r in rows if r["relationship"] == kind)
        if have < count:
            short.append(f"{count - have} more {labels[kind].lower()}"
                         f"{'s' if count - have != 1 else ''}")
    return short


@transaction.atomic
def name_referees(*, request: ReferenceRequest, data) -> list[Referee]:
    """Records consent and the referees, all or nothing; ValidationError lists every problem."""
    locked = ReferenceRequest.objects.select_for_update().get(pk=request.pk)
    if locked.named_at is not None:
        raise ValidationError("Your referees are already named.")
    rows, errors = parse_referees(request, data)
    if not data.get("consent"):
        errors.insert(0, "Tick the consent box: we contact your referees only with it.")
    if not rows:
        errors.append("Name at least one referee.")
    short = missing_relationships(locked.required_relationships, rows)
    if short and rows:
        errors.append("This role asks for " + questionnaire.describe_relationships(
            locked.required_relationships) + ": add " + " and ".join(short) + ".")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    referees = [Referee.objects.create(request=locked, **row) for row in rows]
    locked.consent_at = locked.named_at = now
    locked.save(update_fields=["consent_at", "named_at"])
    for referee in referees:
        transaction.on_commit(lambda r=referee: send_first_email(r))
    return referees


def send_first_email(referee: Referee) -> bool:
    """Emails the referee their link and marks them sent; False (logged) when mail failed.

    A referee whose email failed stays "named"; the worker's sweep tries again.
    """
    try:
        send_referee_email(referee)
    except Exception:
        logger.warning("Could not email referee %s; the sweep tries again", referee.pk,
                       exc_info=True)
        return False
    Referee.objects.filter(pk=referee.pk, sent_at__isnull=True).update(sent_at=timezone.now())
    return True
