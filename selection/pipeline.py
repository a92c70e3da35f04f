"""Moving candidates through an opening's pipeline and recording decisions.

Offer, Hired and Rejected settle a candidate, so moving there is a decision: it records a
``Decision`` with its outcome and rationale, on whichever page the move is made. Every
stage change goes through ``_move`` here (``move_to_stage`` for a move, ``record_decision``
for a decision that moves the candidate on), and the HR workspace's candidate form
refuses those stages (``refuse_settling_stage``).
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from .links import absolute_url
from .models import Application, Decision, DecisionReason, HiringTeamMember, StageChange
from .notifications import notify

# The stages that settle a candidate, and the decision outcomes that lead to each.
DECISION_STAGES = {
    Application.OFFER: (Decision.HIRE, Decision.ADVANCE),
    Application.HIRED: (Decision.HIRE,),
    Application.REJECTED: (Decision.NO_HIRE,),
}
MAX_RATIONALE = 4000

# Other apps' conditions on a stage move: ``guard(application, stage)`` raises
# ValidationError to refuse it (e.g. assessments: an adverse background check needs the
# pre-adverse-action step before Rejected). Registered in the app's ``ready()``.
_STAGE_GUARDS: list = []


def register_stage_guard(guard) -> None:
    if guard not in _STAGE_GUARDS:
        _STAGE_GUARDS.append(guard)


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
    for guard in _STAGE_GUARDS:
        guard(locked, stage)
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


def active_reasons() -> list[DecisionReason]:
    """The reasons the decision forms offer, in HR's order."""
    return list(DecisionReason.objects.filter(active=True))


NO_REASONS_YET = ("HR has not set up any decision reasons yet: ask them to add some under "
                  "Hiring › Decision reasons in the CMS, then record the rejection.")


def decision_problems(outcome: str, rationale: str, reasons) -> dict[str, str]:
    """What is missing from a decision, by form field (empty when it can be recorded).

    Every decision names its outcome. A rejection ("no hire") needs at least one active
    reason from the list HR keeps, and its written rationale is optional; "advance" and
    "hire" need the rationale written down (reasons optional).
    """
    problems = {}
    rationale = (rationale or "").strip()
    reasons = list(reasons or [])
    if outcome not in dict(Decision.OUTCOMES):
        problems["outcome"] = "Choose advance, hire or no hire."
    elif outcome == Decision.NO_HIRE and not reasons:
        problems["reasons"] = ("A rejection needs at least one reason from the list."
                               if DecisionReason.objects.filter(active=True).exists()
                               else NO_REASONS_YET)
    elif outcome != Decision.NO_HIRE and not rationale:
        problems["rationale"] = "Write down why; a decision needs its rationale."
    if any(not r.active for r in reasons):
        problems["reasons"] = "One of the reasons is no longer offered; choose again."
    if len(rationale) > MAX_RATIONALE:
        problems["rationale"] = f"Keep the rationale under {MAX_RATIONALE} characters."
    return problems


def _decide(application: Application, outcome: str, rationale: str, by,
            reasons=()) -> Decision:
    problems = decision_problems(outcome, rationale, reasons)
    if problems:
        raise ValidationError(problems)
    decision = Decision.objects.create(
        application=application, outcome=outcome, rationale=(rationale or "").strip(),
        decided_by=by,
    )
    decision.reasons.set(list(reasons or []))
    return decision


@transaction.atomic
def move_to_stage(*, application: Application, stage: str, by, outcome: str = "",
                  rationale: str = "", reasons=()) -> Application:
    """Moves an application to a stage and records the change; returns the application.

    A move to Offer, Hired or Rejected also records the decision (``outcome``,
    ``rationale``, ``reasons``) and is refused with nothing changed when the decision is
    incomplete (``decision_problems``) or the outcome does not lead there (a 'no hire'
    cannot make a candidate Hired).
    """
    if stage not in dict(Application.STAGES):
        raise ValidationError({"stage": f"Unknown stage {stage!r}."})
    locked = _lock(application)
    if locked.stage == stage:
        return locked
    if needs_decision(stage):
        if outcome not in DECISION_STAGES[stage]:
            raise ValidationError({"outcome": decision_message(stage)})
        _decide(locked, outcome, rationale, by, reasons)
    return _move(locked, stage, by)


def add_application(candidate, opening) -> tuple[Application, bool]:
    """The candidate's application to the opening, created at the first stage (Applied)
    when they have none there; returns (application, created).

    The integration API and the candidate import both add candidates to an opening through
    this. Two concurrent calls create one application: the loser of the race meets the
    unique constraint and returns the winner's (after three such clashes the
    IntegrityError is raised).
    """
    for attempt in range(3):
        existing = Application.objects.filter(candidate=candidate, opening=opening).first()
        if existing is not None:
            return existing, False
        try:
            with transaction.atomic():
                return Application.objects.create(candidate=candidate, opening=opening), True
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


OUTCOME_STAGES = {
    Decision.HIRE: Application.OFFER,
    Decision.NO_HIRE: Application.REJECTED,
}


def next_stage(current: str, outcome: str) -> str | None:
    """The stage a decision with ``outcome`` moves a candidate at ``current`` to; None: stays.

    "Advance" moves to the next active stage (nowhere from the last one, Offer, or from a
    settled stage); "hire" to Offer (a hired candidate stays hired); "no hire" to Rejected.
    """
    target = OUTCOME_STAGES.get(outcome)
    if outcome == Decision.ADVANCE:
        stages = Application.ACTIVE_STAGES
        if current in stages and current != stages[-1]:
            target = stages[stages.index(current) + 1]
    if outcome == Decision.HIRE and current == Application.HIRED:
        target = None
    return target if target != current else None


def outcome_effect(name: str, current: str, outcome: str) -> str:
    """What recording ``outcome`` does to the stage, said before it is recorded."""
    label = dict(Decision.OUTCOMES)[outcome]
    target = next_stage(current, outcome)
    if target is None:
        return f"{label} keeps {name} at {stage_label(current)}; only the decision is recorded."
    return f"{label} moves {name} to {stage_label(target)}."


def outcome_effects(application: Application) -> dict[str, str]:
    """Per outcome, the sentence ``outcome_effect`` says for this application."""
    name = application.candidate.full_name
    return {key: outcome_effect(name, application.stage, key) for key, _ in Decision.OUTCOMES}


@transaction.atomic
def record_decision(*, application: Application, outcome: str, rationale: str = "", by,
                    reasons=()) -> Decision:
    """Records a decision with its reasons and rationale, and moves the candidate on as
    ``next_stage`` says. Earlier decisions stay as history."""
    locked = _lock(application)
    decision = _decide(locked, outcome, rationale, by, reasons)
    target = next_stage(locked.stage, outcome)
    if target:
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
