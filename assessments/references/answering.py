"""A referee's answers: autosave (never over newer text), one submission, or a decline."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..delivery import LinkRefused
from ..models import Referee
from .questionnaire import REHIRE

MAX_COMMENT = 2000
TEXT_FIELDS = ("relationship", "rehire_comment", "anything_else")


def _bad(message: str) -> LinkRefused:
    return LinkRefused(400, "These answers cannot be saved", message + " Nothing was changed.")


def _text(data, name: str, label: str) -> str:
    value = (data.get(name) or "").replace("\r\n", "\n").strip()
    if len(value) > MAX_COMMENT:
        raise _bad(f"{label} is longer than {MAX_COMMENT} characters ({len(value)}).")
    return value


def parse_answers(referee: Referee, data) -> dict:
    """The answers in the posted form as stored JSON; LinkRefused(400) on anything invalid."""
    answers: dict = {}
    for number, question in enumerate(referee.request.questions, start=1):
        key = f"q{question['id']}"
        rating = (data.get(f"{key}-rating") or "").strip()
        if rating and rating not in {"1", "2", "3", "4", "5"}:
            raise _bad(f"Question {number}: ratings go from 1 to 5.")
        answers[key] = {"rating": int(rating) if rating else None,
                        "comment": _text(data, f"{key}-comment", f"The comment on question "
                                                                 f"{number}")}
    for name in TEXT_FIELDS:
        answers[name] = _text(data, name, name.replace("_", " ").capitalize())
    rehire = (data.get("rehire") or "").strip()
    if rehire and rehire not in dict(REHIRE):
        raise _bad("Would you rehire: choose yes, yes with reservations, or no.")
    answers["rehire"] = rehire
    return answers


def _stamp(data) -> int | None:
    text = (data.get("stamp") or "").strip()
    if text.isascii() and text.isdigit() and len(text) <= 16:
        return int(text)
    return None


def missing_for_submission(referee: Referee, answers: dict) -> list[str]:
    missing = []
    if not answers.get("relationship"):
        missing.append("Say how you know the candidate and when you worked together.")
    if not answers.get("rehire"):
        missing.append("Say whether you would hire or work with them again.")
    if not any(answers.get(f"q{q['id']}", {}).get("rating") for q in referee.request.questions):
        missing.append("Rate at least one question (leave the others if you cannot judge).")
    return missing


def save_answers(*, referee: Referee, data, submit: bool = False) -> tuple[Referee, bool]:
    """Saves the whole form, and submits when asked; returns (referee, applied).

    An autosave carries ``stamp``, the browser's clock when it was taken: one older than
    the newest already applied changes nothing (``applied`` is False), so a slow request
    never brings back text the referee has since changed. A submission missing the
    relationship, the rehire answer or every rating is saved, not submitted
    (ValidationError). A closed or expired link is refused (LinkRefused 410).
    """
    answers = parse_answers(referee, data)
    stamp = _stamp(data)
    with transaction.atomic():
        locked = Referee.objects.select_for_update().select_related("request").get(
            pk=referee.pk)
        if locked.submitted_at or locked.declined_at:
            raise LinkRefused(410, "This reference is closed",
                              "It was submitted or declined and cannot be changed.")
        if locked.is_expired:
            raise LinkRefused(410, "This link has expired", "Nothing can be saved any more.")
        if stamp is not None and stamp <= locked.draft_stamp:
            return locked, False
        locked.answers = answers
        locked.saved_at = timezone.now()
        if stamp is not None:
            locked.draft_stamp = stamp
        missing = missing_for_submission(locked, answers) if submit else []
        if submit and not missing:
            locked.submitted_at = locked.saved_at
        locked.save(update_fields=["answers", "saved_at", "draft_stamp", "submitted_at"])
    if missing:
        raise ValidationError(missing)
    return locked, True


@transaction.atomic
def decline(*, referee: Referee, reason: str = "") -> Referee:
    """Closes the link with a decline; anything saved so far is discarded."""
    reason = (reason or "").strip()
    if len(reason) > MAX_COMMENT:
        raise _bad(f"The reason is longer than {MAX_COMMENT} characters.")
    locked = Referee.objects.select_for_update().get(pk=referee.pk)
    if locked.submitted_at or locked.declined_at:
        raise LinkRefused(410, "This reference is closed",
                          "It was submitted or declined already.")
    locked.declined_at = timezone.now()
    locked.decline_reason = reason
    locked.answers = {}
    locked.save(update_fields=["declined_at", "decline_reason", "answers"])
    return locked
