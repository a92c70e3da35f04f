"""What the assessments app announces: candidate or producer evidence changed.

The calibration engine (``reports``) listens to ``assessment_evidence_changed`` and
recomputes; this app knows nothing about it. The signal is sent after the current
transaction commits, so a listener never sees evidence that is rolled back.
"""

from django.db import transaction
from django.dispatch import Signal

#: Sent with ``opening_id`` (an int, or None when producer evidence changed, which moves
#: the reference cohorts of every opening).
assessment_evidence_changed = Signal()


def evidence_changed(*, opening_id: int | None = None) -> None:
    """Announces, once the current transaction commits, that evidence changed."""

    def announce() -> None:
        assessment_evidence_changed.send(sender=evidence_changed, opening_id=opening_id)

    transaction.on_commit(announce)
