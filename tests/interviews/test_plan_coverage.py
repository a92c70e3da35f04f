"""The plan splits the kit among interviewers; coverage blocks gaps and warns on one person."""

import pytest
from django.core.exceptions import ValidationError

from interviews import planning
from interviews.models import Answer, Interview, KitQuestion


def test_auto_split_asks_every_question_once_and_covers_heavy_ones_twice(planned, team):
    slots = planning.kit_questions(planned)
    assert all(slot.interviewer_id for slot in slots)
    assert len({slot.question_id for slot in slots}) == len(slots)
    rows = {row.requirement.dimension.slug: row for row in planning.plan_coverage(planned)}
    assert rows["discovery"].status == "ok" and len(rows["discovery"].interviewers) == 2
    assert rows["negotiating"].status == "ok"
    assert rows["resilience"].status == "single"  # one question only: a warning, not a block
    loads = [sum(1 for s in slots if s.interviewer_id == u.pk) for u in team]
    assert max(loads) - min(loads) <= 1


def test_saving_a_plan_that_leaves_a_requirement_uncovered_is_refused(planned, manager):
    slots = planning.kit_questions(planned)
    before = {s.pk: s.interviewer_id for s in slots}
    assignments = {
        s.pk: (None if s.question.dimension.slug == "resilience" else s.interviewer_id)
        for s in slots
    }
    with pytest.raises(ValidationError, match="Resilience"):
        planning.save_plan(kit=planned, assignments=assignments, by=manager)
    assert dict(KitQuestion.objects.values_list("pk", "interviewer_id")) == before


def test_plan_refuses_someone_who_is_not_an_interviewer_of_the_opening(planned, manager):
    slot = planning.kit_questions(planned)[0]
    with pytest.raises(ValidationError):
        planning.save_plan(kit=planned, assignments={slot.pk: manager.pk}, by=manager)


def test_plan_page_adjusts_and_shows_the_warning(client, planned, manager, team):
    client.force_login(manager)
    slots = planning.kit_questions(planned)
    data = {f"slot-{s.pk}": team[0].pk for s in slots}
    response = client.post(f"/interviews/openings/{planned.opening.slug}/plan/", data)
    assert response.status_code == 302
    assert set(KitQuestion.objects.values_list("interviewer_id", flat=True)) == {team[0].pk}
    page = client.get(f"/interviews/openings/{planned.opening.slug}/plan/").content.decode()
    assert "One interviewer only" in page


def test_plan_page_refuses_a_gap_with_400(client, planned, manager):
    client.force_login(manager)
    before = dict(KitQuestion.objects.values_list("pk", "interviewer_id"))
    data = {f"slot-{s.pk}": "" for s in planning.kit_questions(planned)}
    response = client.post(f"/interviews/openings/{planned.opening.slug}/plan/", data)
    assert response.status_code == 400
    assert "Plan not saved" in response.content.decode()
    assert dict(KitQuestion.objects.values_list("pk", "interviewer_id")) == before


def test_scheduling_gives_each_interviewer_their_planned_questions(scheduled, planned, team):
    slots = planning.kit_questions(planned)
    for person in team:
        interview = Interview.objects.get(application=scheduled, interviewer=person)
        asked = list(
            Answer.objects.filter(scorecard__interview=interview)
            .order_by("sort_order").values_list("question_id", flat=True)
        )
        assert asked == [s.question_id for s in slots if s.interviewer_id == person.pk]
    assert Answer.objects.count() == len(slots)


def test_scheduling_twice_creates_nothing_new(scheduled, manager):
    assert planning.schedule_interviews(application=scheduled, by=manager) == 0
    assert Interview.objects.filter(application=scheduled).count() == 3


def test_scheduling_refused_without_a_kit(application, manager):
    with pytest.raises(ValidationError):
        planning.schedule_interviews(application=application, by=manager)


def test_scheduling_refused_when_the_plan_has_a_gap(kit, application, manager):
    # a fresh kit has nobody assigned yet
    with pytest.raises(ValidationError):
        planning.schedule_interviews(application=application, by=manager)
    assert not Interview.objects.exists()


def test_schedule_button_on_the_candidate_page(client, planned, application, manager):
    client.force_login(manager)
    page = client.get(application.get_absolute_url()).content.decode()
    assert "Schedule interviews from the plan" in page
    response = client.post(
        f"/interviews/openings/{application.opening.slug}/candidates/{application.pk}/schedule/"
    )
    assert response.status_code == 302
    assert Interview.objects.filter(application=application).count() == 3
