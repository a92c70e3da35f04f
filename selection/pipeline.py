"""Moving candidates through an opening's pipeline and recording decisions.

Offer, Hired and Rejected settle a candidate, so moving there is a decision: it records a
``Decision`` with its outcome and rationale, on whichever page the move is made. Every
stage change goes through ``_move`` here (``move_to_stage`` for a move, ``record_decision``
for a decision that moves the candidate on), and the HR workspace's candidate form
refuses those stages (``refuse_settling_stage``).
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .links import absolute_url
from .models import Application, Decision, HiringTeamMember, StageChange
from .notifications import notify

# The stages that settle a candidate, and the decision outcomes that lead to each.
DECISION_STAGES = {
    Application.OFFER: (Decision.HIRE, Decision.ADVANCE),
    Application.HIRED: (Decision.HIRE,),
    Application.REJECTED: (Decision.NO_HIRE,),
}
MAX_RATIONALE = 4000


def needs_decision(stage: str) -> bool:
    return stage in DECISION_STAGES


def stage_label(stage: str) -> str:
    return dict(Application.STAGES).get(stage, stage)


def decision_message(stage: str) -> str:
    """What the pages say when a move to ``stage`` comes without its decision."""
    outcomes = dict(Decision.OUTCOMES)
    allowed = " or ".join(f"'{outcomes[o]}'" for o in DECISION_STAGES[stage])
    return (f"Moving a candidate to {stage_label(stage)} records a decision: choose the "
            f"outcome ({allowed}) and write down why.")


def _lock(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _move(locked: Application, stage: str, by) -> Application:
    """Changes the stage of a locked application and records the change in its history."""
    StageChange.objects.create(
        application=locked, from_stage=locked.stage, to_stage=stage, changed_by=by
    )
    arrived = stage == Application.CALIBRATION and locked.stage != stage
    locked.stage = stage
    locked.stage_changed_at = timezone.now()
    locked.save(update_fields=["stage", "stage_changed_at"])
    if arrived:
        transaction.on_commit(partial(tell_managers_of_calibration, locked.pk))
    return locked


def tell_managers_of_calibration(application_id: int) -> int:
    """Emails the opening's hiring managers that a candidate reached calibration."""
    application = Application.objects.select_related("candidate", "opening").get(
        pk=application_id)
    managers = [m.user for m in HiringTeamMember.objects.filter(
        opening=application.opening, role=HiringTeamMember.HIRING_MANAGER).select_related("user")]
    url = absolute_url(application.get_absolute_url())
    return sum(notify(user, "candidate_in_calibration",
                      subject=f"{application.candidate.full_name} reached calibration",
                      template="selection/email/candidate_in_calibration",
                      context={"application": application, "url": url})
               for user in managers)


def _decide(application: Application, outcome: str, rationale: str, by) -> Decision:
    rationale = (rationale or "").strip()
    if outcome not in dict(Decision.OUTCOMES):
        raise ValidationError({"outcome": "Choose advance, hire or no hire."})
    if not rationale:
        raise ValidationError({"rationale": "Write down why; the rationale is required."})
    if len(rationale) > MAX_RATIONALE:
        raise ValidationError({"rationale": f"Keep the rationale under {MAX_RATIONALE} "
                                            "characters."})
    return Decision.objects.create(
        application=application, outcome=outcome, rationale=rationale, decided_by=by
    )


@transaction.atomic
def move_to_stage(*, application: Application, stage: str, by, outcome: str = "",
                  rationale: str = "") -> Application:
    """Moves an application to a stage and records the change; returns the application.

    A move to Offer, Hired or Rejected also records the decision (``outcome`` and
    ``rationale``) and is refused with nothing changed when either is missing or the
    outcome does not lead there (a 'no hire' cannot make a candidate Hired).
    """
    if stage not in dict(Application.STAGES):
        raise ValidationError({"stage": f"Unknown stage {stage!r}."})
    locked = _lock(application)
    if locked.stage == stage:
        return locked
    if needs_decision(stage):
        if outcome not in DECISION_STAGES[stage]:
            raise ValidationError({"outcome": decision_message(stage)})
        if not (rationale or "").strip():
            raise ValidationError({"rationale": decision_message(stage)})
        _decide(locked, outcome, rationale, by)
    return _move(locked, stage, by)


OUTCOME_STAGES = {
    Decision.HIRE: Application.OFFER,
    Decision.NO_HIRE: Application.REJECTED,
}


@transaction.atomic
def record_decision(*, application: Application, outcome: str, rationale: str, by) -> Decision:
    """Records a decision with its rationale, and moves the candidate on when it settles them.

    "Advance" moves the candidate to the next active stage; "hire" to offer (a hired
    candidate stays hired); "no hire" to rejected. Earlier decisions stay as history.
    """
    locked = _lock(application)
    decision = _decide(locked, outcome, rationale, by)
    target = OUTCOME_STAGES.get(outcome)
    if outcome == Decision.ADVANCE:
        stages = Application.ACTIVE_STAGES
        if locked.stage in stages and locked.stage != stages[-1]:
            target = stages[stages.index(locked.stage) + 1]
    if outcome == Decision.HIRE and locked.stage == Application.HIRED:
        target = None
    if target and target != locked.stage:
        _move(locked, target, by)
    return decision


def refuse_settling_stage(application: Application, stage: str) -> None:
    """ValidationError when a form that records no decision would settle the candidate.

    For forms that edit the application directly (the HR workspace): a new application
    cannot start at Offer, Hired or Rejected, and an existing one cannot be moved there.
    """
    if not needs_decision(stage):
        return
    current = None
    if application.pk:
        current = Application.objects.filter(pk=application.pk).values_list(
            "stage", flat=True).first()
    if current != stage:
        raise ValidationError(
            f"{stage_label(stage)} is set by a decision with its rationale. Record it on the "
            "candidate's page in the app (Move in the pipeline) or in the calibration "
            "session; here the stage can only be one that needs no decision."
        )
