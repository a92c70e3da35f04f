"""The candidate page records a decision with the calibration session's form and service:
outcome, reasons (a rejection needs one from HR's list), rationale; it says beforehand what
each outcome does to the stage, and the history shows who decided, when and why."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from selection.models import Application, Decision, DecisionReason, StageChange
from selection.pipeline import next_stage, outcome_effect

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("current,outcome,expected", [
    ("calibration", "advance", "offer"),
    ("interviewing", "advance", "assessment"),
    ("applied", "advance", "screening"),
    ("offer", "advance", None),          # the last active stage: nowhere further
    ("rejected", "advance", None),       # settled: advance changes nothing
    ("calibration", "hire", "offer"),
    ("offer", "hire", None),             # already there
    ("hired", "hire", None),             # a hired candidate stays hired
    ("calibration", "no_hire", "rejected"),
    ("offer", "no_hire", "rejected"),
    ("rejected", "no_hire", None),
])
def test_next_stage_per_outcome(current, outcome, expected):
    assert next_stage(current, outcome) == expected


def test_the_stage_message_names_the_candidate_and_the_stage():
    assert outcome_effect("Zoë Łukasiewicz", "calibration", "advance") == (
        "Advance moves Zoë Łukasiewicz to Offer.")
    assert outcome_effect("Zoë Łukasiewicz", "calibration", "no_hire") == (
        "No hire moves Zoë Łukasiewicz to Rejected.")
    assert outcome_effect("Zoë Łukasiewicz", "hired", "hire") == (
        "Hire keeps Zoë Łukasiewicz at Hired; only the decision is recorded.")


def _url(application, name="application_decide"):
    return reverse(name, args=[application.opening.slug, application.pk])


def test_the_page_says_what_each_outcome_does_and_offers_active_reasons(client, manager,
                                                                      application, reason):
    client.force_login(manager)
    html = client.get(application.get_absolute_url()).content.decode()
    assert "Advance moves Ada Lovelace to Assessment." in html
    assert "Hire moves Ada Lovelace to Offer." in html
    assert "No hire moves Ada Lovelace to Rejected." in html
    assert 'name="decision-reasons"' in html and reason.name in html
    assert "Retired reason" not in html
    assert _url(application) in html


def test_a_rejection_without_a_reason_is_refused_and_nothing_changes(client, manager,
                                                                     application, reason):
    client.force_login(manager)
    response = client.post(_url(application), {
        "decision-outcome": "no_hire", "decision-rationale": "Gaps."})
    assert response.status_code == 400
    html = response.content.decode()
    assert "A rejection needs at least one reason from the list." in html
    assert "No decision was recorded for Ada Lovelace" in html
    application.refresh_from_db()
    assert application.stage == "interviewing"
    assert not Decision.objects.exists() and not StageChange.objects.exists()


def test_a_switched_off_reason_is_refused(client, manager, application, reason):
    retired = DecisionReason.objects.get(active=False)
    client.force_login(manager)
    response = client.post(_url(application), {
        "decision-outcome": "no_hire", "decision-reasons": [retired.pk]})
    assert response.status_code == 400
    assert not Decision.objects.exists()


def test_without_any_reason_set_up_the_page_says_to_ask_hr(client, manager, application):
    client.force_login(manager)
    response = client.post(_url(application), {"decision-outcome": "no_hire"})
    assert response.status_code == 400
    assert "HR has not set up any decision reasons yet" in response.content.decode()


def test_advance_and_hire_still_need_the_rationale(client, manager, application, reason):
    client.force_login(manager)
    response = client.post(_url(application), {
        "decision-outcome": "advance", "decision-reasons": [reason.pk]})
    assert response.status_code == 400
    assert "a decision needs its rationale" in response.content.decode()
    assert not Decision.objects.exists()


def test_a_rejection_with_a_reason_moves_the_candidate_and_shows_in_the_history(
        client, manager, application, reason):
    client.force_login(manager)
    response = client.post(_url(application), {
        "decision-outcome": "no_hire", "decision-reasons": [reason.pk],
        "decision-rationale": "Examples were <b>thin</b>."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == Application.REJECTED
    decision = Decision.objects.get(application=application)
    assert decision.decided_by == manager and list(decision.reasons.all()) == [reason]
    html = client.get(application.get_absolute_url()).content.decode()
    assert "Decision recorded for Ada Lovelace; the stage is now Rejected." in html
    history = html[html.index('id="history-h"'):]
    assert manager.get_full_name() in history
    assert f"Reasons: {reason.name}" in history
    assert "Examples were &lt;b&gt;thin&lt;/b&gt;." in history
    assert decision.decided_at.strftime("%-d %b %Y") in history


def test_a_rejection_needs_no_written_rationale(client, manager, application, reason):
    client.force_login(manager)
    response = client.post(_url(application), {
        "decision-outcome": "no_hire", "decision-reasons": [reason.pk]})
    assert response.status_code == 302
    assert Decision.objects.get().rationale == ""


@pytest.mark.parametrize("who", ["interviewer", "other_manager", "outsider"])
def test_people_who_may_not_decide_can_neither_see_nor_post_it(client, application, reason,
                                                               who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(application.get_absolute_url()).status_code == 403
    response = client.post(_url(application), {
        "decision-outcome": "no_hire", "decision-reasons": [reason.pk]})
    assert response.status_code == 403
    assert not Decision.objects.exists()


def test_hr_may_decide(client, hr, application, reason):
    client.force_login(hr)
    response = client.post(_url(application), {
        "decision-outcome": "hire", "decision-rationale": "Clear yes."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == Application.OFFER


def test_candidate_page_query_count_does_not_grow_with_decisions(client, manager, application,
                                                                 reason):
    from selection.pipeline import record_decision

    client.force_login(manager)
    record_decision(application=application, outcome="advance", rationale="ok", by=manager)
    client.get(application.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        client.get(application.get_absolute_url())
    for _ in range(4):
        record_decision(application=application, outcome="no_hire", by=manager,
                        reasons=[reason])
    with CaptureQueriesContext(connection) as many:
        client.get(application.get_absolute_url())
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
