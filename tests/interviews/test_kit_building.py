"""The kit is built from the pinned role profile; swapping keeps every requirement covered."""

import pytest
from django.core.exceptions import ValidationError

from interviews import planning
from interviews.models import KitQuestion
from tests.interviews.conftest import make_question


def _dimension_counts(kit) -> dict[str, int]:
    counts: dict[str, int] = {}
    for slot in planning.kit_questions(kit):
        counts[slot.question.dimension.slug] = counts.get(slot.question.dimension.slug, 0) + 1
    return counts


def test_heavy_requirements_get_two_questions_others_one(kit):
    # profile: discovery weight 3, negotiating 2, resilience 1
    assert _dimension_counts(kit) == {"discovery": 2, "negotiating": 2, "resilience": 1}


def test_only_published_questions_are_used(opening, library, manager):
    draft = make_question(library["discovery"], "published")
    draft.save_revision().publish()
    draft.text = "changed in a draft"
    draft.save_revision()
    unpublished = make_question(library["negotiating"], "only draft", live=False)
    kit = planning.build_kit(opening=opening, by=manager)
    ids = {s.question_id for s in planning.kit_questions(kit)}
    assert draft.pk in ids and unpublished.pk not in ids


def test_building_twice_keeps_the_first_kit(kit, opening, manager):
    assert planning.build_kit(opening=opening, by=manager).pk == kit.pk
    assert KitQuestion.objects.filter(kit=kit).count() == 5


def test_question_anchors_default_to_the_dimension(bank, library):
    question = bank["discovery"][0]
    assert question.anchors == library["discovery"].anchors
    question.anchor_4 = "Names the buyer's own metric."
    assert question.anchors[3] == "Names the buyer's own metric."
    assert question.anchors[0] == library["discovery"].anchors[0]


def test_swap_for_another_question_on_the_same_requirement(kit, library, manager):
    extra = make_question(library["resilience"], "resilience question 3")
    slot = next(s for s in planning.kit_questions(kit) if s.question.dimension.slug == "resilience")
    planning.swap_question(kit=kit, kit_question_id=slot.pk, question_id=extra.pk, by=manager)
    slot.refresh_from_db()
    assert slot.question_id == extra.pk


def test_swap_refused_when_it_would_leave_a_requirement_without_questions(kit, bank, manager):
    slot = next(s for s in planning.kit_questions(kit) if s.question.dimension.slug == "resilience")
    spare_discovery = make_question(bank["discovery"][0].dimension, "discovery question 3")
    with pytest.raises(ValidationError):
        planning.swap_question(
            kit=kit, kit_question_id=slot.pk, question_id=spare_discovery.pk, by=manager
        )
    slot.refresh_from_db()
    assert slot.question.dimension.slug == "resilience"


def test_swap_to_another_requirement_allowed_while_one_question_remains(kit, bank, manager):
    slots = [s for s in planning.kit_questions(kit) if s.question.dimension.slug == "discovery"]
    spare = bank["resilience"][1]
    planning.swap_question(kit=kit, kit_question_id=slots[0].pk, question_id=spare.pk, by=manager)
    assert _dimension_counts(kit) == {"discovery": 1, "negotiating": 2, "resilience": 2}


def test_swap_refuses_a_question_already_in_the_kit(kit, manager):
    first, second = planning.kit_questions(kit)[:2]
    with pytest.raises(ValidationError):
        planning.swap_question(
            kit=kit, kit_question_id=first.pk, question_id=second.question_id, by=manager
        )


def test_kit_page_builds_and_swaps(client, opening, bank, manager, library):
    client.force_login(manager)
    response = client.post(f"/interviews/openings/{opening.slug}/kit/build/")
    assert response.status_code == 302
    page = client.get(f"/interviews/openings/{opening.slug}/kit/")
    assert page.status_code == 200
    assert "discovery question 1" in page.content.decode()
    kit = opening.interview_kit
    slot = next(s for s in planning.kit_questions(kit) if s.question.dimension.slug == "resilience")
    extra = make_question(library["resilience"], "resilience question 3")
    client.post(f"/interviews/openings/{opening.slug}/kit/swap/",
                {"kit_question": slot.pk, "question": extra.pk})
    slot.refresh_from_db()
    assert slot.question_id == extra.pk
