"""Offer, Hired and Rejected settle a candidate: every page that moves a candidate there
records the decision and its rationale, or changes nothing and says what is missing."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from selection.models import Application, Decision, StageChange
from tests import factories

pytestmark = pytest.mark.django_db

SETTLING = [("offer", "hire"), ("hired", "hire"), ("rejected", "no_hire")]


def _move_url(application) -> str:
    return reverse("application_move_stage", args=[application.opening.slug, application.pk])


def _unchanged(application, stage="interviewing") -> None:
    application.refresh_from_db()
    assert application.stage == stage
    assert not StageChange.objects.filter(application=application).exists()
    assert not Decision.objects.filter(application=application).exists()


@pytest.mark.parametrize("stage", ["offer", "hired", "rejected"])
def test_the_stage_form_refuses_a_settling_stage_without_the_decision(client, manager,
                                                                      application, stage):
    client.force_login(manager)
    response = client.post(_move_url(application), {"stage": stage})
    assert response.status_code == 400
    html = response.content.decode()
    label = dict(Application.STAGES)[stage]
    assert f"Moving a candidate to {label} records a decision" in html
    assert "was not moved" in html
    _unchanged(application)


@pytest.mark.parametrize("stage,outcome,message", [
    ("offer", "hire", "a decision needs its rationale"),
    ("hired", "hire", "a decision needs its rationale"),
    ("rejected", "no_hire", "A rejection needs at least one reason from the list."),
])
def test_a_blank_rationale_or_a_rejection_without_reason_is_refused(client, manager, application,
                                                                     reason, stage, outcome,
                                                                     message):
    client.force_login(manager)
    response = client.post(_move_url(application),
                           {"stage": stage, "outcome": outcome, "rationale": "   "})
    assert response.status_code == 400
    assert message in response.content.decode()
    _unchanged(application)


@pytest.mark.parametrize("stage,outcome", [("hired", "no_hire"), ("rejected", "hire"),
                                           ("hired", "advance"), ("offer", "no_hire")])
def test_an_outcome_that_does_not_lead_there_is_refused(client, manager, application, stage,
                                                        outcome):
    client.force_login(manager)
    response = client.post(_move_url(application),
                           {"stage": stage, "outcome": outcome, "rationale": "Because."})
    assert response.status_code == 400
    assert "records a decision: choose the outcome" in response.content.decode()
    _unchanged(application)


@pytest.mark.parametrize("stage,outcome", SETTLING)
def test_the_stage_form_records_the_decision_with_the_move(client, manager, application, stage,
                                                           outcome, reason):
    client.force_login(manager)
    response = client.post(_move_url(application), {
        "stage": stage, "outcome": outcome, "rationale": "Strong references; <b>agreed</b>.",
        "reasons": [reason.pk]})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == stage
    decision = Decision.objects.get(application=application)
    assert (decision.outcome, decision.rationale, decision.decided_by) == (
        outcome, "Strong references; <b>agreed</b>.", manager)
    change = StageChange.objects.get(application=application)
    assert (change.from_stage, change.to_stage) == ("interviewing", stage)
    html = client.get(application.get_absolute_url()).content.decode()
    assert "Strong references; &lt;b&gt;agreed&lt;/b&gt;." in html


def test_stages_that_settle_nothing_still_move_without_a_decision(client, manager, application):
    client.force_login(manager)
    response = client.post(_move_url(application), {"stage": "withdrawn"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == "withdrawn"
    assert not Decision.objects.exists()


def test_the_page_asks_for_outcome_and_rationale(client, manager, application):
    client.force_login(manager)
    html = client.get(application.get_absolute_url()).content.decode()
    assert "Moving to Offer, Hired, Rejected records a decision" in html
    assert 'name="outcome"' in html and 'name="rationale"' in html


def _session(opening) -> str:
    return reverse("interviews:calibration_session", args=[opening.slug])


def test_the_calibration_session_refuses_a_decision_without_rationale(client, manager,
                                                                      application):
    client.force_login(manager)
    prefix = f"app{application.pk}"
    response = client.post(_session(application.opening), {
        "application": application.pk, f"{prefix}-outcome": "hire", f"{prefix}-rationale": ""})
    assert response.status_code == 400
    _unchanged(application)


def test_the_calibration_session_records_the_decision_and_moves(client, manager, application,
                                                                reason):
    client.force_login(manager)
    prefix = f"app{application.pk}"
    response = client.post(_session(application.opening), {
        "application": application.pk, f"{prefix}-outcome": "no_hire",
        f"{prefix}-reasons": [reason.pk], f"{prefix}-rationale": "Gaps in discovery."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == "rejected"
    decision = Decision.objects.get(application=application)
    assert decision.rationale == "Gaps in discovery."
    assert list(decision.reasons.all()) == [reason]


def test_the_calibration_session_refuses_a_rejection_without_a_reason(client, manager,
                                                                     application, reason):
    client.force_login(manager)
    prefix = f"app{application.pk}"
    response = client.post(_session(application.opening), {
        "application": application.pk, f"{prefix}-outcome": "no_hire",
        f"{prefix}-rationale": "Gaps in discovery."})
    assert response.status_code == 400
    assert "A rejection needs at least one reason" in response.content.decode()
    _unchanged(application)


def _candidate_form(application, applications) -> dict:
    candidate = application.candidate
    return nested_form_data({
        "first_name": candidate.first_name, "last_name": candidate.last_name,
        "email": candidate.email, "phone": "", "external_id": "", "source": "",
        "applications": inline_formset(applications, initial=1),
    })


def _edit_url(application) -> str:
    return reverse("wagtailsnippets_selection_candidate:edit", args=[application.candidate.pk])


@pytest.mark.parametrize("stage", ["offer", "hired", "rejected"])
def test_the_hr_workspace_cannot_settle_a_candidate(client, hr, application, stage):
    client.force_login(hr)
    response = client.post(_edit_url(application), _candidate_form(application, [
        {"id": application.pk, "opening": application.opening.pk, "stage": stage}]))
    assert response.status_code == 200  # the form again, with the error
    assert "is set by a decision with its rationale" in response.content.decode()
    _unchanged(application)


def test_the_hr_workspace_cannot_add_an_application_already_settled(client, hr, application,
                                                                    library):
    other = factories.make_opening(library["profile"], slug="other-opening")
    client.force_login(hr)
    response = client.post(_edit_url(application), _candidate_form(application, [
        {"id": application.pk, "opening": application.opening.pk, "stage": "interviewing"},
        {"opening": other.pk, "stage": "hired"}]))
    assert response.status_code == 200
    assert "is set by a decision with its rationale" in response.content.decode()
    assert not Application.objects.filter(opening=other).exists()


def test_the_hr_workspace_still_edits_other_stages(client, hr, application):
    client.force_login(hr)
    response = client.post(_edit_url(application), _candidate_form(application, [
        {"id": application.pk, "opening": application.opening.pk, "stage": "screening"}]))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == "screening"


def test_an_already_settled_candidate_can_be_edited_in_the_hr_workspace(client, hr, opening):
    """Keeping the stage is no move: a hired candidate's other details stay editable."""
    application = factories.make_application(opening, "Bo", "Middleton", stage="hired")
    client.force_login(hr)
    data = _candidate_form(application, [
        {"id": application.pk, "opening": opening.pk, "stage": "hired"}])
    referral = factories.source("referral", "Referral")
    data["source"] = referral.pk
    assert client.post(_edit_url(application), data).status_code == 302
    application.candidate.refresh_from_db()
    assert application.candidate.source == referral
