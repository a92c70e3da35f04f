"""An opening's reference form: built from its pinned profile, edited like the interview kit.

The form asks one rated question for each of the profile's highest-weighted requirements
(``MAX_RATED`` at most, heaviest first, a published question from the bank for each) and
then the fixed questions every reference asks (``FIXED``): the relationship and dates,
would you rehire, and anything else we should know.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from selection.models import Opening

from ..models import ReferenceForm, ReferenceFormQuestion, ReferenceQuestion
from ..models.references import CHECK_KINDS, RELATIONSHIPS

MAX_RATED = 5
EMPLOYMENT_CHECK = "employment"
MAX_REFEREES = 6
REHIRE = [("yes", "Yes"), ("reservations", "Yes, with reservations"), ("no", "No")]
FIXED = [
    "How do you know the candidate: your relationship, the company, and when you worked together.",
    "Would you hire or work with the candidate again?",
    "Is there anything else we should know?",
]


def default_relationships() -> dict[str, int]:
    """``SELECTION_REFERENCE_RELATIONSHIPS`` ("former_manager:2,peer:1") as a dict."""
    return parse_relationships(settings.SELECTION_REFERENCE_RELATIONSHIPS)


def parse_relationships(text: str) -> dict[str, int]:
    known = dict(RELATIONSHIPS)
    wanted: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        kind, _, count = part.partition(":")
        kind = kind.strip()
        if kind not in known or not count.strip().isdigit():
            raise ValidationError(
                f"'{part}' is not a relationship and a count, like 'former_manager:2'. "
                f"Relationships: {', '.join(known)}.")
        if int(count) > 0:
            wanted[kind] = int(count)
    if sum(wanted.values()) > MAX_REFEREES:
        raise ValidationError(f"Ask for at most {MAX_REFEREES} referees in all.")
    return wanted


def describe_relationships(wanted: dict[str, int]) -> str:
    """'2 former managers and 1 peer' (or 'any referees' when nothing is required)."""
    labels = dict(RELATIONSHIPS)
    parts = [f"{n} {labels[k].lower()}{'s' if n != 1 else ''}" for k, n in wanted.items()]
    if not parts:
        return "any referees"
    return " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)


def form_for(opening: Opening) -> ReferenceForm | None:
    return ReferenceForm.objects.filter(opening=opening).first()


@transaction.atomic
def build_form(*, opening: Opening, by) -> ReferenceForm:
    """The opening's reference form, built from the pinned profile unless it exists."""
    existing = form_for(opening)
    if existing is not None:
        return existing
    form = ReferenceForm.objects.create(
        opening=opening, built_by=by, required_relationships=default_relationships(),
        background_checks=[EMPLOYMENT_CHECK],
    )
    heaviest = sorted(opening.requirements, key=lambda r: (-Decimal(r.weight), r.sort_order or 0))
    bank: dict[int, ReferenceQuestion] = {}
    for question in ReferenceQuestion.objects.filter(
            live=True, dimension_id__in=[r.dimension_id for r in heaviest]).order_by("pk"):
        bank.setdefault(question.dimension_id, question)
    chosen = [bank[r.dimension_id] for r in heaviest if r.dimension_id in bank][:MAX_RATED]
    ReferenceFormQuestion.objects.bulk_create(
        ReferenceFormQuestion(form=form, question=q, sort_order=n) for n, q in enumerate(chosen))
    return form



def form_questions(form: ReferenceForm) -> list[ReferenceQuestion]:
    return [row.question for row in form.questions.select_related("question__dimension")]


@transaction.atomic
def add_question(*, form: ReferenceForm, question_id: int) -> None:
    question = ReferenceQuestion.objects.filter(pk=question_id, live=True).first()
    if question is None:
        raise ValidationError("Choose a published reference question.")
    if form.questions.filter(question=question).exists():
        raise ValidationError("That question is already on the form.")
    if form.questions.count() >= MAX_RATED * 2:
        raise ValidationError(f"A reference form has at most {MAX_RATED * 2} rated questions; "
                              "referees stop answering carefully after that.")
    last = form.questions.order_by("-sort_order").values_list("sort_order", flat=True).first()
    ReferenceFormQuestion.objects.create(form=form, question=question,
                                         sort_order=(last or 0) + 1)


def remove_question(*, form: ReferenceForm, question_id: int) -> None:
    deleted, _ = form.questions.filter(question_id=question_id).delete()
    if not deleted:
        raise ValidationError("That question is not on the form.")


def set_relationships(*, form: ReferenceForm, text: str) -> None:
    form.required_relationships = parse_relationships(text)
    form.save(update_fields=["required_relationships"])


def set_background_checks(*, form: ReferenceForm, kinds: list[str]) -> None:
    known = [k for k, _ in CHECK_KINDS]
    unknown = [k for k in kinds if k not in known]
    if unknown:
        raise ValidationError(f"Unknown background check: {', '.join(unknown)}.")
    form.background_checks = [k for k in known if k in kinds]
    form.save(update_fields=["background_checks"])


def relationships_text(wanted: dict[str, int]) -> str:
    return ",".join(f"{k}:{n}" for k, n in wanted.items())


def snapshot(form: ReferenceForm) -> list[dict]:
    """The rated questions as a referee will see them, frozen when references are requested."""
    return [
        {"id": q.pk, "dimension_id": q.dimension_id, "dimension": q.dimension.name,
         "text": q.text, "anchors": q.anchors, "comment_prompt": q.comment_prompt}
        for q in form_questions(form)
    ]
