"""Background checks are tracked, not stored; an adverse result cannot reject the candidate
until the pre-adverse-action notice is recorded and its waiting period has passed."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from assessments.models import BackgroundCheck
from assessments.references import background
from selection.models import Application, Decision
from selection.pipeline import move_to_stage, record_decision


def adverse(finalist, hr, **extra) -> BackgroundCheck:
    return background.record_check(application=finalist, by=hr, data={
        "kind": "criminal", "status": "adverse", "consent_on": str(date.today()),
        "provider": "Screening Co", "provider_reference": "SC-1", **extra})


def test_an_adverse_check_without_notice_stops_the_rejection_with_nothing_saved(finalist,
                                                                                hr, manager,
                                                                                reason):
    adverse(finalist, hr)
    with pytest.raises(ValidationError, match="pre-adverse-action notice"):
        move_to_stage(application=finalist, stage=Application.REJECTED, by=manager,
                      outcome=Decision.NO_HIRE, rationale="Failed the check", reasons=[reason])
    with pytest.raises(ValidationError, match="pre-adverse-action notice"):
        record_decision(application=finalist, outcome=Decision.NO_HIRE,
                        rationale="Failed the check", by=manager, reasons=[reason])
    finalist.refresh_from_db()
    assert finalist.stage == Application.CALIBRATION
    assert not Decision.objects.filter(application=finalist).exists()


def test_the_rejection_waits_for_the_end_of_the_waiting_period(finalist, hr, manager, settings,
                                                              reason):
    settings.SELECTION_ADVERSE_WAIT_DAYS = 5
    check = adverse(finalist, hr)
    background.record_notice(check=check, sent_on=str(date.today() - timedelta(days=4)), by=hr)
    with pytest.raises(ValidationError, match="may answer until"):
        record_decision(application=finalist, outcome=Decision.NO_HIRE, rationale="x",
                        by=manager, reasons=[reason])
    background.record_notice(check=check, sent_on=str(date.today() - timedelta(days=5)), by=hr)
    record_decision(application=finalist, outcome=Decision.NO_HIRE, rationale="x", by=manager,
                    reasons=[reason])
    finalist.refresh_from_db()
    assert finalist.stage == Application.REJECTED


def test_other_moves_and_clear_checks_are_not_held_up(finalist, hr, manager, reason):
    adverse(finalist, hr)
    move_to_stage(application=finalist, stage=Application.ASSESSMENT, by=manager)
    finalist.refresh_from_db()
    assert finalist.stage == Application.ASSESSMENT  # a move that is not a rejection goes
    background.record_check(application=finalist, by=hr, data={
        "kind": "criminal", "status": "clear", "consent_on": str(date.today())})
    move_to_stage(application=finalist, stage=Application.REJECTED, by=manager,
                  outcome=Decision.NO_HIRE, rationale="Another candidate fits better",
                  reasons=[reason])
    finalist.refresh_from_db()
    assert finalist.stage == Application.REJECTED  # once the check is clear, so does this
    assert Decision.objects.filter(application=finalist, outcome=Decision.NO_HIRE).count() == 1


def test_the_stage_form_on_the_candidate_page_explains_the_refusal(client, finalist, hr,
                                                                   manager, reason):
    adverse(finalist, hr)
    client.force_login(manager)
    response = client.post(
        f"/openings/{finalist.opening.slug}/candidates/{finalist.pk}/stage/",
        {"stage": "rejected", "outcome": "no_hire", "rationale": "Check",
         "reasons": [reason.pk]}, follow=True)
    assert "pre-adverse-action notice" in response.content.decode()
    finalist.refresh_from_db()
    assert finalist.stage == Application.CALIBRATION


def test_a_notice_is_only_for_an_adverse_result(finalist, hr):
    check = background.record_check(application=finalist, by=hr, data={
        "kind": "education", "status": "clear", "consent_on": str(date.today())})
    with pytest.raises(ValidationError):
        background.record_notice(check=check, sent_on=str(date.today()), by=hr)


@pytest.mark.parametrize("data, message", [
    ({"kind": "astrology", "status": "clear"}, "Choose which check"),
    ({"kind": "criminal", "status": "maybe"}, "Choose the check's status"),
    ({"kind": "criminal", "status": "in_progress"}, "consented"),
    ({"kind": "criminal", "status": "clear", "consent_on": "yesterday"}, "2026-03-15"),
    ({"kind": "criminal", "status": "clear", "consent_on": "2999-01-01"}, "future"),
    ({"kind": "criminal", "status": "clear", "consent_on": "2026-01-01",
      "provider": "x" * 121}, "under 120"),
])
def test_bad_input_records_nothing(finalist, hr, data, message):
    with pytest.raises(ValidationError, match=message):
        background.record_check(application=finalist, by=hr, data=data)
    assert not BackgroundCheck.objects.exists()


def test_only_hr_records_checks_and_who_recorded_it_shows(client, finalist, hr, manager):
    url = f"/assessments/candidates/{finalist.pk}/background/"
    data = {"kind": "employment", "status": "in_progress", "consent_on": str(date.today()),
            "provider": "<i>Checkers</i>", "report_location": "Provider portal"}
    client.force_login(manager)
    assert client.post(url, data).status_code == 403
    client.force_login(hr)
    assert client.post(url, data).status_code == 302
    check = BackgroundCheck.objects.get()
    assert check.recorded_by == hr and check.status_on == date.today()
    client.force_login(manager)
    page = client.get(finalist.get_absolute_url()).content.decode()
    assert "&lt;i&gt;Checkers&lt;/i&gt;" in page and "In progress" in page
