"""A candidate's own, voluntary self-identification for fairness monitoring.

The candidate reaches it from their test link. The answer is stored in
``SelfIdentification`` (apart from every piece of evidence) and only ever counted, with
consent, in HR's fairness figures; nobody who scores or decides sees it.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from reports.calibration.forms import DECLINED
from reports.models import SelfIdentification, self_id_groups

PRIVACY_NOTICE = [
    "This step is voluntary. Answering or not makes no difference to your application, and "
    "you can choose 'Prefer not to say' for every question.",
    "We ask so that HR can check that each step of our selection treats every group fairly: "
    "we compare how many people of each group pass each step. Only those totals are looked at.",
    "Your answer is stored separately from your application and your test results. "
    "Interviewers, hiring managers and anyone else who scores or decides on your application "
    "never see it; only HR sees the group totals.",
    "We use an answer only when you agree below. To change or withdraw it, open your test link "
    "again and choose 'Prefer not to say': the earlier answer is then no longer used.",
    "The answer is kept as long as your candidate record and deleted with it.",
]


class SelfIdentificationRefused(ValueError):
    """The answer cannot be stored as given; the message says what to change."""


def question_choices() -> list[tuple[str, str]]:
    """The group question's choices, 'Prefer not to say' first (and the default)."""
    return [("", DECLINED)] + [(group, group) for group in self_id_groups()]


@transaction.atomic
def record_answer(candidate, group: str, consent: bool) -> SelfIdentification:
    """Store the candidate's answer: a group from the list with consent, or a refusal.

    An empty ``group`` is "prefer not to say": it replaces any earlier answer and carries
    no consent, so the candidate counts as not stated. A group needs ``consent``; a group not
    on the configured list is refused. Nothing is saved when the answer is refused.
    """
    group = (group or "").strip()
    if group and group not in self_id_groups():
        raise SelfIdentificationRefused(
            "Choose one of the answers listed, or 'Prefer not to say'.")
    if group and not consent:
        raise SelfIdentificationRefused(
            "To give this answer, tick the box to agree that it may be used for fairness "
            "monitoring, or choose 'Prefer not to say'.")
    now = timezone.now()
    record, _ = SelfIdentification.objects.update_or_create(
        candidate=candidate,
        defaults={"group_label": group, "consent_given_at": now if group else None,
                  "recorded_at": now},
    )
    return record
