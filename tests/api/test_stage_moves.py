"""Stage moves from the ATS: recorded like any other; decisions stay with the hiring team."""

from selection.models import Application, StageChange


def test_a_move_is_recorded_in_the_pipeline_history(ats, application):
    response = ats.post(f"/applications/{application.pk}/stage", {"stage": "assessment"})
    assert response.status_code == 200 and response.json()["stage"] == "assessment"
    change = StageChange.objects.get(application=application)
    assert (change.from_stage, change.to_stage, change.changed_by) == (
        "interviewing", "assessment", None)


def test_stages_that_settle_a_candidate_need_a_decision_in_selection(ats, application):
    for stage in ("offer", "hired", "rejected"):
        response = ats.post(f"/applications/{application.pk}/stage", {"stage": stage})
        assert response.status_code == 409
        assert response.json()["code"] == "decision_required"
    application.refresh_from_db()
    assert application.stage == "interviewing"


def test_withdraw_moves_to_withdrawn(ats, application):
    response = ats.post(f"/applications/{application.pk}/withdraw")
    assert response.json()["stage"] == "withdrawn"


def test_a_settled_candidate_cannot_be_moved_by_the_ats(ats, application):
    Application.objects.filter(pk=application.pk).update(stage="hired")
    response = ats.post(f"/applications/{application.pk}/withdraw")
    assert response.status_code == 409 and response.json()["code"] == "settled"


def test_an_unknown_stage_is_refused(ats, application):
    response = ats.post(f"/applications/{application.pk}/stage", {"stage": "'; --"})
    assert response.status_code == 400 and response.json()["code"] == "unknown_stage"
