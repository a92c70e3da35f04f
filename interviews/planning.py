"""Interview kits from role profiles, plans that split them among interviewers, scheduling."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from selection.models import Application, HiringTeamMember, Opening

from .models import Answer, Interview, InterviewKit, KitQuestion, Question, Scorecard

HEAVY_WEIGHT = Decimal("2")


def questions_wanted(weight) -> int:
    """How many kit questions a requirement gets: two from weight 2 up, else one."""
    return 2 if Decimal(weight) >= HEAVY_WEIGHT else 1


def interviewers_of(opening: Opening) -> list:
    """The opening's interviewers (team role interviewer), in a stable order."""
    members = (
        HiringTeamMember.objects.filter(opening=opening, role=HiringTeamMember.INTERVIEWER)
        .select_related("user").order_by("user__last_name", "user__first_name", "user__pk")
    )
    return [m.user for m in members]


def _live_questions(dimension_ids) -> dict[int, list[Question]]:
    by_dimension: dict[int, list[Question]] = defaultdict(list)
    for question in Question.objects.filter(live=True, dimension_id__in=dimension_ids).order_by(
        "pk"
    ):
        by_dimension[question.dimension_id].append(question)
    return by_dimension


@transaction.atomic
def build_kit(*, opening: Opening, by) -> InterviewKit:
    """Builds the opening's kit from the pinned profile, unless it already has one.

    Each required dimension gets one published question, heavily weighted ones two
    (when the bank has them). Returns the kit.
    """
    existing = InterviewKit.objects.filter(opening=opening).first()
    if existing is not None:
        return existing
    kit = InterviewKit.objects.create(opening=opening, built_by=by)
    requirements = opening.requirements
    bank = _live_questions([r.dimension_id for r in requirements])
    rows, order = [], 0
    for requirement in requirements:
        for question in bank[requirement.dimension_id][: questions_wanted(requirement.weight)]:
            rows.append(KitQuestion(kit=kit, question=question, sort_order=order))
            order += 1
    KitQuestion.objects.bulk_create(rows)
    return kit


def kit_questions(kit: InterviewKit) -> list[KitQuestion]:
    return list(
        kit.questions.select_related("question__dimension", "interviewer").order_by(
            "sort_order", "pk"
        )
    )


def swap_options(slots: list[KitQuestion]) -> dict[int, list[Question]]:
    """Per kit question: the published questions on the same dimension not yet in the kit."""
    in_kit = {slot.question_id for slot in slots}
    bank = _live_questions({slot.question.dimension_id for slot in slots})
    return {
        slot.pk: [q for q in bank[slot.question.dimension_id] if q.pk not in in_kit]
        for slot in slots
    }


@transaction.atomic
def swap_question(*, kit: InterviewKit, kit_question_id: int, question_id: int, by) -> KitQuestion:
    """Replaces one kit question by another published one; keeps every dimension covered."""
    try:
        slot = kit.questions.select_for_update().select_related("question").get(
            pk=kit_question_id
        )
    except KitQuestion.DoesNotExist:
        raise ValidationError("That question is not in this kit.") from None
    required = {r.dimension_id for r in kit.opening.requirements}
    new = Question.objects.filter(pk=question_id, live=True, dimension_id__in=required).first()
    if new is None:
        raise ValidationError("Choose a published question on one of the role's requirements.")
    if kit.questions.filter(question=new).exists():
        raise ValidationError("That question is already in the kit.")
    remaining = set(
        kit.questions.exclude(pk=slot.pk).values_list("question__dimension_id", flat=True)
    ) | {new.dimension_id}
    old_dimension = slot.question.dimension_id
    if old_dimension in required and old_dimension not in remaining:
        raise ValidationError(
            "This is the only question on its requirement; swap it for another question on "
            "the same requirement."
        )
    slot.question = new
    slot.save(update_fields=["question"])
    return slot


@dataclass
class CoverageRow:
    """How one required dimension is covered by the plan."""

    requirement: object
    questions: list = field(default_factory=list)
    interviewers: list = field(default_factory=list)

    @property
    def status(self) -> str:
        """"uncovered" blocks the plan; "single" (one interviewer) warns; else "ok"."""
        if not self.interviewers:
            return "uncovered"
        return "single" if len(self.interviewers) == 1 else "ok"


def coverage(opening: Opening, assignments: list[tuple[Question, object]]) -> list[CoverageRow]:
    """Per requirement: the assigned questions on it and the distinct interviewers asking."""
    rows = {r.dimension_id: CoverageRow(requirement=r) for r in opening.requirements}
    for question, interviewer in assignments:
        row = rows.get(question.dimension_id)
        if row is None or interviewer is None:
            continue
        row.questions.append(question)
        if interviewer not in row.interviewers:
            row.interviewers.append(interviewer)
    return list(rows.values())


def plan_coverage(kit: InterviewKit, slots: list[KitQuestion] | None = None) -> list[CoverageRow]:
    slots = kit_questions(kit) if slots is None else slots
    return coverage(kit.opening, [(s.question, s.interviewer) for s in slots])


def uncovered(rows: list[CoverageRow]) -> list[CoverageRow]:
    return [row for row in rows if row.status == "uncovered"]


def auto_split(kit: InterviewKit, interviewers: list) -> list[tuple[KitQuestion, object]]:
    """Round-robin by dimension: a dimension's questions go to consecutive interviewers.

    With two questions on a dimension and two or more interviewers, two people cover
    it; the rotation carries on across dimensions so the load stays even.
    """
    slots = kit_questions(kit)
    if not interviewers:
        return [(slot, None) for slot in slots]
    by_dimension: dict[int, list[KitQuestion]] = defaultdict(list)
    for slot in slots:
        by_dimension[slot.question.dimension_id].append(slot)
    order = [r.dimension_id for r in kit.opening.requirements]
    order += [d for d in by_dimension if d not in order]
    result, turn = [], 0
    for dimension_id in order:
        for slot in by_dimension.get(dimension_id, []):
            result.append((slot, interviewers[turn % len(interviewers)]))
            turn += 1
    return result


@transaction.atomic
def save_plan(*, kit: InterviewKit, assignments: dict[int, int | None], by) -> list[CoverageRow]:
    """Sets who asks which kit question; refuses a plan that leaves a requirement uncovered.

    ``assignments`` maps kit-question id to interviewer user id (None: not asked).
    Returns the coverage of the saved plan (rows with status "single" are warnings).
    """
    team = {user.pk: user for user in interviewers_of(kit.opening)}
    slots = kit_questions(kit)
    known = {slot.pk for slot in slots}
    if set(assignments) - known:
        raise ValidationError("The plan names a question that is not in this kit.")
    for slot in slots:
        if slot.pk not in assignments:
            continue
        user_id = assignments[slot.pk]
        if user_id is not None and user_id not in team:
            raise ValidationError("Only the opening's interviewers can be given questions.")
        slot.interviewer = team.get(user_id) if user_id is not None else None
    rows = plan_coverage(kit, slots)
    gaps = uncovered(rows)
    if gaps:
        names = ", ".join(row.requirement.dimension.name for row in gaps)
        raise ValidationError(f"Nobody would ask about: {names}. Give each requirement a "
                              "question and an interviewer.")
    KitQuestion.objects.bulk_update(slots, ["interviewer"])
    InterviewKit.objects.filter(pk=kit.pk).update(plan_changed_at=timezone.now())
    return rows


def apply_auto_split(*, kit: InterviewKit, by) -> list[CoverageRow]:
    """Saves the automatic split as the plan; returns its coverage."""
    split = auto_split(kit, interviewers_of(kit.opening))
    return save_plan(
        kit=kit, assignments={slot.pk: (u.pk if u else None) for slot, u in split}, by=by
    )


@transaction.atomic
def schedule_interviews(*, application: Application, by) -> int:
    """Creates each planned interviewer's interview and empty scorecard for a candidate.

    Interviews that exist are left as they are. Refuses when the opening has no kit or
    its plan leaves a requirement uncovered. Returns how many interviews were created.
    """
    kit = InterviewKit.objects.filter(opening_id=application.opening_id).first()
    if kit is None:
        raise ValidationError("Build the interview kit for this opening first.")
    slots = kit_questions(kit)
    if uncovered(plan_coverage(kit, slots)):
        raise ValidationError("The interview plan leaves a requirement uncovered; fix the plan.")
    per_interviewer: dict[int, list[KitQuestion]] = defaultdict(list)
    for slot in slots:
        if slot.interviewer_id:
            per_interviewer[slot.interviewer_id].append(slot)
    existing = set(
        Interview.objects.filter(application=application).values_list("interviewer_id", flat=True)
    )
    created = 0
    for interviewer_id, planned in per_interviewer.items():
        if interviewer_id in existing:
            continue
        interview = Interview.objects.create(
            application=application, interviewer_id=interviewer_id, scheduled_by=by
        )
        scorecard = Scorecard.objects.create(interview=interview)
        Answer.objects.bulk_create(
            Answer(scorecard=scorecard, question_id=slot.question_id, sort_order=n)
            for n, slot in enumerate(planned)
        )
        created += 1
    return created
