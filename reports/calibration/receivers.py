"""Listeners for what other apps announce; each queues a recompute of the calibration.

A recompute already waiting for the same opening is not queued twice (``queue_recompute``).

Connected in ``ReportsConfig.ready``. Dependencies point one way: interviews and
assessments define the signals, this module listens; they never import ``reports``.
"""

from reports.calibration.tasks import queue_recompute, queue_recompute_all


def scorecard_became_final(sender, *, opening_id: int, **kwargs) -> None:
    """A submitted or amended scorecard changes its opening's interview evidence."""
    queue_recompute(opening_id)


def assessment_evidence_changed(sender, *, opening_id: int | None = None, **kwargs) -> None:
    """Candidate evidence changes one opening; producer evidence changes every opening."""
    if opening_id is not None:
        queue_recompute(opening_id)
    else:
        queue_recompute_all()


def connect() -> None:
    from assessments.signals import assessment_evidence_changed as assessment_signal
    from interviews.signals import scorecard_final

    scorecard_final.connect(scorecard_became_final, dispatch_uid="reports.scorecard_final")
    assessment_signal.connect(
        assessment_evidence_changed, dispatch_uid="reports.assessment_evidence_changed"
    )
