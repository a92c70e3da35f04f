"""Scorecard state changes: draft saves, submission and amendment, one function each.

Every change is versioned: the caller names the version its page was loaded at, and
the change claims the row with ``UPDATE ... WHERE pk = ? AND version = ?``. When that
claims nothing, somebody (another tab) saved first and the change is refused with
the current text, so nothing typed is silently lost.
"""

import copy
import re
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Amendment, Answer, Scorecard
from .signals import scorecard_final

MAX_NOTE = 20_000
MAX_RATIONALE = 4_000
FIELD_RE = re.compile(r"^q([0-9]{1,18})-(situation|action|result|learned|rating)$")
IGNORED = {"csrfmiddlewaretoken", "version", "action", "reason"}
VERSION_RE = re.compile(r"[0-9]{1,10}")
MAX_VERSION = 2**31 - 1  # the largest value every database's version column holds


class ScorecardRefused(Exception):
    """The change is not allowed (bad data or wrong state); nothing was changed."""


class StaleScorecard(Exception):
    """The scorecard changed since the caller loaded it; carries the current content."""

    def __init__(self, current: dict):
        super().__init__("This scorecard was saved elsewhere (another tab or device) "
                         "after you opened it. Your text was not saved.")
        self.current = current


def snapshot(scorecard: Scorecard, answers=None) -> dict:
    """The scorecard's content as plain data: what amendments keep and 409s return."""
    answers = scorecard.answers.all() if answers is None else answers
    return {
        "version": scorecard.version,
        "state": scorecard.state,
        "recommendation": scorecard.recommendation,
        "rationale": scorecard.rationale,
        "answers": {
            str(a.question_id): {
                **{name: getattr(a, name) for name in Answer.NOTE_FIELDS},
                "rating": a.rating,
            }
            for a in answers
        },
    }


def _get(data: Mapping, key: str) -> Any:
    return data.get(key)


def _rating(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ScorecardRefused("A rating must be a whole number from 1 to 5.")
    if isinstance(value, str):
        value = value.strip()
        if value not in {"1", "2", "3", "4", "5"}:  # not isdigit(): '²'.isdigit() is True
            raise ScorecardRefused("A rating must be a whole number from 1 to 5.")
    if not isinstance(value, int | str):
        raise ScorecardRefused("A rating must be a whole number from 1 to 5.")
    number = int(value)
    if not 1 <= number <= 5:
        raise ScorecardRefused("A rating must be a whole number from 1 to 5.")
    return number


def _text(value: Any, limit: int, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ScorecardRefused(f"{what} must be text.")
    if len(value) > limit:
        raise ScorecardRefused(f"{what} is longer than {limit} characters.")
    if "\x00" in value:  # PostgreSQL cannot store it; no keyboard types it
        raise ScorecardRefused(f"{what} contains a NUL character.")
    return value


def parse_changes(data: Mapping, answers: list[Answer]) -> dict:
    """Validates submitted fields against this scorecard's questions; returns the changes.

    Only fields present in ``data`` change. Raises ``ScorecardRefused`` for a question
    that is not in this interview, a rating outside 1-5, or text that is too long.
    """
    by_question = {a.question_id: a for a in answers}
    changes: dict = {"answers": {}, "scorecard": {}}
    for key in data:
        if key in IGNORED:
            continue
        match = FIELD_RE.match(key)
        if match:
            question_id, field = int(match[1]), match[2]
            if question_id not in by_question:
                raise ScorecardRefused(f"Question {question_id} is not part of this interview.")
            value = _get(data, key)
            value = _rating(value) if field == "rating" else _text(value, MAX_NOTE, "A note")
            changes["answers"].setdefault(question_id, {})[field] = value
        elif key == "recommendation":
            value = _get(data, key) or ""
            if not isinstance(value, str) or (
                value and value not in dict(Scorecard.RECOMMENDATIONS)
            ):
                raise ScorecardRefused("Choose strong no, no, yes or strong yes.")
            changes["scorecard"]["recommendation"] = value
        elif key == "rationale":
            changes["scorecard"]["rationale"] = _text(
                _get(data, key), MAX_RATIONALE, "The rationale"
            )
        elif key.startswith("q"):
            raise ScorecardRefused(f"Unknown field {key[:40]!r}.")
    return changes


def parse_version(value: Any) -> int:
    """The version a page says it was loaded at, as a number; ScorecardRefused otherwise.

    Only a whole number (or its plain ASCII digits) in the column's range is a version:
    ``true``, ``1.0``, ``Infinity``, ``"1e3"`` and other scripts' digits are not.
    """
    if value is None or value == "":
        raise ScorecardRefused("The page did not say which version it was based on.")
    if isinstance(value, str) and VERSION_RE.fullmatch(value.strip()):
        value = int(value.strip())
    if type(value) is not int or not 0 <= value <= MAX_VERSION:
        raise ScorecardRefused("The page sent a version that is not a whole number in range; "
                               "reload the page and try again.")
    return value


def _claim(scorecard: Scorecard, *, by, base_version: Any, from_states) -> Scorecard:
    """Bumps the version if it is still ``base_version``; returns the row, locked for us."""
    if scorecard.interview.interviewer_id != by.pk:
        raise PermissionDenied("Only the interviewer can change their scorecard.")
    base_version = parse_version(base_version)
    now = timezone.now()
    claimed = Scorecard.objects.filter(
        pk=scorecard.pk, version=base_version, state__in=from_states
    ).update(version=F("version") + 1, updated_at=now)
    if claimed and scorecard.version == base_version:
        # Every change bumps the version, so the row we just claimed is the one we already
        # loaded at that version: reuse it instead of reading it again (the autosave path).
        current = copy.copy(scorecard)
        current.version, current.updated_at = base_version + 1, now
        return current
    current = Scorecard.objects.get(pk=scorecard.pk)
    if not claimed:
        if current.state not in from_states:
            raise ScorecardRefused(
                "This scorecard has been submitted; amend it with a reason instead."
                if current.is_final else "Submit the scorecard before amending it."
            )
        raise StaleScorecard(snapshot(current))
    return current


def _apply(current: Scorecard, changes: dict, answers: list[Answer]) -> None:
    for name, value in changes["scorecard"].items():
        setattr(current, name, value)
    changed = []
    for answer in answers:
        fields = changes["answers"].get(answer.question_id)
        if fields:
            for name, value in fields.items():
                setattr(answer, name, value)
            changed.append(answer)
    if changed:
        Answer.objects.bulk_update(changed, [*Answer.NOTE_FIELDS, "rating"])


def missing_for_submission(scorecard: Scorecard, answers: list[Answer]) -> list[str]:
    """What still has to be filled in before the scorecard can be submitted."""
    missing = [f"a rating for question {n}" for n, a in enumerate(answers, 1) if a.rating is None]
    if not scorecard.recommendation:
        missing.append("an overall recommendation")
    if not scorecard.rationale.strip():
        missing.append("a short rationale for the recommendation")
    return missing


def _sync(target: Scorecard, current: Scorecard) -> Scorecard:
    for name in ("state", "version", "recommendation", "rationale", "updated_at",
                 "submitted_at"):
        setattr(target, name, getattr(current, name))
    return target


@transaction.atomic
def save_draft(*, scorecard: Scorecard, by, base_version: Any, data: Mapping) -> Scorecard:
    """Saves notes, ratings and recommendation of a draft; returns it at its new version."""
    current = _claim(scorecard, by=by, base_version=base_version, from_states=[Scorecard.DRAFT])
    answers = list(current.answers.all())
    changes = parse_changes(data, answers)
    before = (current.recommendation, current.rationale)
    _apply(current, changes, answers)
    if (current.recommendation, current.rationale) != before:
        current.save(update_fields=["recommendation", "rationale"])
    return _sync(scorecard, current)


@transaction.atomic
def submit_scorecard(*, scorecard: Scorecard, by, base_version: Any) -> Scorecard:
    """Submits a complete draft; from then on it is read-only (changes are amendments)."""
    current = _claim(scorecard, by=by, base_version=base_version, from_states=[Scorecard.DRAFT])
    missing = missing_for_submission(current, list(current.answers.all()))
    if missing:
        raise ScorecardRefused("Before submitting, add " + "; ".join(missing) + ".")
    current.state = Scorecard.SUBMITTED
    current.submitted_at = timezone.now()
    current.save(update_fields=["state", "submitted_at"])
    _after_final(scorecard)
    return _sync(scorecard, current)


@transaction.atomic
def amend_scorecard(
    *, scorecard: Scorecard, by, base_version: Any, data: Mapping, reason: str
) -> Amendment:
    """Changes a submitted scorecard, keeping the earlier version with who, when and why."""
    reason = _text(reason, MAX_RATIONALE, "The reason").strip()
    if not reason:
        raise ScorecardRefused("Say why you are changing a submitted scorecard.")
    if len(reason) > MAX_RATIONALE:
        raise ScorecardRefused("The reason is too long.")
    current = _claim(
        scorecard, by=by, base_version=base_version, from_states=Scorecard.FINAL_STATES
    )
    answers = list(current.answers.all())
    previous = snapshot(current, answers)
    previous["version"] = current.version - 1
    changes = parse_changes(data, answers)
    _apply(current, changes, answers)
    missing = missing_for_submission(current, answers)
    if missing:
        raise ScorecardRefused("An amended scorecard still needs " + "; ".join(missing) + ".")
    current.state = Scorecard.AMENDED
    current.save(update_fields=["state", "recommendation", "rationale"])
    amendment = Amendment.objects.create(
        scorecard=current, previous=previous, previous_version=previous["version"],
        reason=reason, amended_by=by,
    )
    _after_final(scorecard)
    _sync(scorecard, current)
    return amendment


def _after_final(scorecard: Scorecard) -> None:
    """Announces the final card once the transaction commits (``signals.scorecard_final``)."""
    opening_id = scorecard.interview.application.opening_id

    def announce() -> None:
        scorecard_final.send(sender=Scorecard, scorecard=scorecard, opening_id=opening_id)

    transaction.on_commit(announce)
