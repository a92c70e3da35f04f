"""Moving candidates through an opening's pipeline and recording decisions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import Application, Decision, StageChange


@transaction.atomic
def move_to_stage(*, application: Application, stage: str, by) -> Application:
    """Moves an application to a stage and records the change; returns the application."""
    if stage not in dict(Application.STAGES):
        raise ValidationError({"stage": f"Unknown stage {stage!r}."})
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.stage == stage:
        return locked
    StageChange.objects.create(
        application=locked, from_stage=locked.stage, to_stage=stage, changed_by=by
    )
    locked.stage = stage
    locked.stage_changed_at = timezone.now()
    locked.save(update_fields=["stage", "stage_changed_at"])
    return locked


OUTCOME_STAGES = {
    Decision.HIRE: Application.OFFER,
    Decision.NO_HIRE: Application.REJECTED,
}


@transaction.atomic
def record_decision(*, application: Application, outcome: str, rationale: str, by) -> Decision:
    """Records a decision with its rationale, and moves the candidate on when it settles them.

    "Advance" moves the candidate to the next active stage; "hire" to offer; "no hire"
    to rejected. Earlier decisions stay as history.
    """
    rationale = (rationale or "").strip()
    if outcome not in dict(Decision.OUTCOMES):
        raise ValidationError({"outcome": "Choose advance, hire or no hire."})
    if not rationale:
        raise ValidationError({"rationale": "Write down why; the rationale is required."})
    decision = Decision.objects.create(
        application=application, outcome=outcome, rationale=rationale, decided_by=by
    )
    target = OUTCOME_STAGES.get(outcome)
    if outcome == Decision.ADVANCE:
        stages = Application.ACTIVE_STAGES
        if application.stage in stages and application.stage != stages[-1]:
            target = stages[stages.index(application.stage) + 1]
    if target:
        move_to_stage(application=application, stage=target, by=by)
    return decision
