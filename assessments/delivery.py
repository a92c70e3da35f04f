"""Delivering an SJT by signed link: invite, start, autosave, submit, close at the deadline.

Each state change happens in one function here; views only translate HTTP.
"""

import re

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from selection import links
from selection.branding import company_name
from selection.notifications import email_address

from . import sjt
from .models import JudgmentTest, SJTAttempt, SJTInvitation
from .signals import evidence_changed

SALT = "assessments.sjt-invitation"
ANSWER_FIELD = re.compile(r"^s([0-9]+)-(?:o([0-9]+)|(most|least))$")


class LinkRefused(Exception):
    """The link or the request cannot be used; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, title: str, message: str):
        super().__init__(message)
        self.status, self.title, self.message = status, title, message


def token_for(invitation: SJTInvitation) -> str:
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=SALT)


def link_path(invitation: SJTInvitation) -> str:
    return reverse("assessments:take_test", args=[token_for(invitation)])


def link_url(invitation: SJTInvitation) -> str:
    """The personal link as mailed and shown to staff: on SELECTION_BASE_URL, whatever Host
    the request that made it carried."""
    return links.absolute_url(link_path(invitation))


def invitation_for_token(token: str) -> SJTInvitation:
    """The invitation a link stands for, with its attempt; LinkRefused when forged or expired."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        data = None
    invitation = None
    if isinstance(data, dict) and isinstance(data.get("i"), int):
        invitation = (
            SJTInvitation.objects.select_related("test_revision", "candidate", "producer")
            .filter(pk=data["i"]).first()
        )
    if invitation is None or not constant_time_compare(invitation.nonce, str(data.get("n"))):
        raise LinkRefused(
            403, "This link is not valid",
            "The link is incomplete or has been changed. Open the link from your invitation "
            "email again, or ask the person who invited you for a new one.",
        )
    invitation.attempt_or_none = SJTAttempt.objects.filter(invitation=invitation).first()
    if invitation.attempt_or_none is None and invitation.is_expired:
        raise LinkRefused(
            410, "This link has expired",
            f"The invitation expired on {timezone.localtime(invitation.expires_at):%d %b %Y}. "
            "Ask the person who invited you for a new link.",
        )
    return invitation


@transaction.atomic
def invite(*, test: JudgmentTest, by, candidate=None, producer=None, application=None):
    """An open invitation for the person; returns (invitation, created).

    An unused, unexpired invitation is reused (so re-inviting re-sends the same test);
    a person who started or completed the test is not invited to it again.
    """
    if not (test.live and test.live_revision_id):
        raise ValidationError("Publish the test before inviting anyone to it.")
    person = {"candidate": candidate} if candidate is not None else {"producer": producer}
    for earlier in SJTInvitation.objects.filter(test=test, **person).select_related("attempt"):
        if hasattr(earlier, "attempt"):
            raise ValidationError(
                f"{candidate or producer} has already taken this test; one attempt per person."
            )
        if not earlier.is_expired:
            return earlier, False
    invitation = SJTInvitation.objects.create(
        test=test, test_revision_id=test.live_revision_id, application=application,
        email=(candidate or producer).email, invited_by=by, **person,
    )
    return invitation, True


def send_invitation_email(invitation: SJTInvitation) -> None:
    """The invitation: who asks, what the test is, how long, the deadline, whom to ask."""
    opening = invitation.application.opening if invitation.application_id else None
    email_address(
        invitation.email,
        subject=f"Your invitation from {company_name()}: {invitation.test.title}",
        template="assessments/email/test_invitation",
        context={"person": invitation.person, "test_title": invitation.test.title,
                 "opening": opening, "minutes": invitation.test.time_limit_minutes,
                 "expires": timezone.localtime(invitation.expires_at),
                 "url": link_url(invitation),
                 "adjustments_contact": settings.SELECTION_ADJUSTMENTS_CONTACT},
    )


def start_attempt(invitation: SJTInvitation) -> SJTAttempt:
    """Starts the one attempt (or returns the one already started)."""
    with transaction.atomic():
        SJTInvitation.objects.select_for_update().get(pk=invitation.pk)
        attempt = SJTAttempt.objects.filter(invitation=invitation).first()
        if attempt is None:
            test = sjt.snapshot(invitation.test_revision)
            attempt = SJTAttempt.objects.create(
                invitation=invitation, time_limit_minutes=test.time_limit_minutes
            )
    return attempt


def close_if_due(attempt: SJTAttempt) -> SJTAttempt:
    """Closes and scores an attempt whose time is up; returns it (fresh from the database)."""
    if attempt.completed_at is None and attempt.is_past_deadline():
        with transaction.atomic():
            attempt = SJTAttempt.objects.select_for_update().get(pk=attempt.pk)
            if attempt.completed_at is None:
                _complete(attempt, SJTAttempt.TIMED_OUT)
    return attempt


def save_answers(*, invitation: SJTInvitation, data, submit: bool = False) -> SJTAttempt:
    """Replaces the saved answers with ``data`` (the whole form), and submits when asked.

    Refused with nothing changed (LinkRefused) when the attempt is closed, the time is
    up (the attempt is then closed and scored with what was saved), or an answer is invalid.
    """
    attempt = SJTAttempt.objects.filter(invitation=invitation).first()
    if attempt is None:
        raise LinkRefused(400, "The test has not started", "Start the test first.")
    attempt = close_if_due(attempt)
    with transaction.atomic():
        attempt = SJTAttempt.objects.select_for_update().get(pk=attempt.pk)
        if attempt.completed_at is not None:
            raise closed_refusal(attempt)
        test = sjt.snapshot(invitation.test_revision)
        attempt.answers = parse_answers(test, data)
        attempt.saved_at = timezone.now()
        if submit:
            _complete(attempt, SJTAttempt.SUBMITTED, test=test)
        else:
            attempt.save(update_fields=["answers", "saved_at"])
    return attempt


def closed_refusal(attempt: SJTAttempt) -> LinkRefused:
    if attempt.completion == SJTAttempt.TIMED_OUT:
        return LinkRefused(
            410, "Time is up",
            "The time limit has passed, so the test is closed. The answers saved before the "
            "deadline have been scored; nothing can be changed now.",
        )
    return LinkRefused(
        410, "This test is complete",
        "Your answers were submitted. The link works for one attempt and cannot be used again.",
    )


def parse_answers(test: sjt.TestSnapshot, data) -> dict:
    """The answers in ``data`` as stored JSON; LinkRefused(400) on anything the form cannot send."""
    scenarios = {s.id: s for s in test.scenarios}
    answers: dict[str, dict] = {}
    for name in data:
        match = ANSWER_FIELD.match(name)
        if not match:
            continue
        value = (data.get(name) or "").strip()
        scenario = scenarios.get(_small_int(match[1]))
        if scenario is None:
            raise _bad("An answer refers to a scenario that is not part of this test.")
        if value == "":
            continue
        entry = answers.setdefault(str(scenario.id), {})
        if match[2]:
            _store_rating(test, scenario, _small_int(match[2]), value, entry)
        else:
            _store_pick(test, scenario, match[3], value, entry)
    for scenario_id, entry in answers.items():
        if entry.get("most") is not None and entry.get("most") == entry.get("least"):
            title = scenarios[int(scenario_id)].title
            raise _bad(f"In '{title}' the same response is picked as most and least effective.")
    return answers


def _store_rating(test, scenario, option_id: int, value: str, entry: dict) -> None:
    if test.scoring_method != sjt.RATE_EACH:
        raise _bad("This test asks for the most and least effective response, not ratings.")
    if option_id not in scenario.keys:
        raise _bad("A rating refers to a response from another scenario.")
    if value not in {"1", "2", "3", "4", "5"}:
        raise _bad("Ratings go from 1 to 5.")
    entry[str(option_id)] = int(value)


def _store_pick(test, scenario, which: str, value: str, entry: dict) -> None:
    if test.scoring_method != sjt.MOST_LEAST:
        raise _bad("This test asks for a rating of each response.")
    if _small_int(value) not in scenario.keys:
        raise _bad("A pick refers to a response from another scenario.")
    entry[which] = int(value)


def _small_int(text: str) -> int | None:
    """An id written in ASCII digits, or None (not int(): '²'.isdigit() is True, and a
    5,000-digit id would exceed Python's integer string limit)."""
    if text.isascii() and text.isdigit() and len(text) <= 18:
        return int(text)
    return None


def _bad(message: str) -> LinkRefused:
    return LinkRefused(400, "These answers cannot be saved", message + " Nothing was changed.")


def _complete(attempt: SJTAttempt, completion: str, test=None) -> None:
    """Scores the attempt with its saved answers and closes it. Call inside a transaction."""
    invitation = attempt.invitation
    test = test or sjt.snapshot(invitation.test_revision)
    result = sjt.score_attempt(
        method=test.scoring_method, scenarios=test.scenarios, answers=attempt.answers
    )
    attempt.completed_at = timezone.now()
    attempt.completion = completion
    attempt.scenario_scores = {str(k): v for k, v in result.scenario_scores.items()}
    attempt.dimension_scores = {str(k): v for k, v in result.dimension_scores.items()}
    attempt.total_score = result.total
    attempt.items_answered, attempt.items_total = result.answered, result.items
    attempt.save()
    opening_id = invitation.application.opening_id if invitation.application_id else None
    evidence_changed(opening_id=opening_id)
