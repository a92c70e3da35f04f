"""Each person turns off the optional emails; the required ones stay on and say why."""

import pytest

from selection.notifications import KINDS, notify, wants

pytestmark = pytest.mark.django_db


def send(user, kind):
    return notify(user, kind, subject="Test", template="interviews/email/scorecard_reminder",
                  context={"occasion": "due", "hours": 25, "links": {"scorecard": "x"}})


def test_turning_off_an_optional_email_stops_it(client, interviewer, mailoutbox):
    client.force_login(interviewer)
    page = client.get("/people/me/notifications/").content.decode()
    assert page.count('type="checkbox" name="kind"') == sum(k.optional for k in KINDS.values())
    keep = [key for key, kind in KINDS.items() if kind.optional and key != "scorecard_due"]
    response = client.post("/people/me/notifications/", {"kind": keep})
    assert response.status_code == 302
    assert not wants(interviewer, "scorecard_due") and wants(interviewer, "packet_ready")
    assert send(interviewer, "scorecard_due") is False and mailoutbox == []
    client.post("/people/me/notifications/", {"kind": keep + ["scorecard_due"]})
    assert send(interviewer, "scorecard_due") is True and len(mailoutbox) == 1


def test_required_emails_cannot_be_turned_off_and_say_why(client, interviewer, mailoutbox):
    client.force_login(interviewer)
    client.post("/people/me/notifications/", {})  # everything unticked
    assert wants(interviewer, "scorecard_overdue") and wants(interviewer, "interview_assigned")
    assert send(interviewer, "scorecard_overdue") is True
    page = client.get("/people/me/notifications/").content.decode()
    assert "Always on. The hiring team cannot decide fairly" in page
    assert page.count("disabled") == sum(not k.optional for k in KINDS.values())


def test_every_email_has_a_text_and_an_html_part(interviewer, mailoutbox):
    send(interviewer, "scorecard_overdue")
    message, = mailoutbox
    assert "Scorecard" not in message.body or message.body.strip()
    assert [kind for _, kind in message.alternatives] == ["text/html"]
    assert "<p>" in message.alternatives[0][0] and "<p>" not in message.body


def test_managers_hear_when_a_candidate_reaches_calibration(
        application, manager, hr, django_capture_on_commit_callbacks, mailoutbox):
    from selection.pipeline import move_to_stage

    with django_capture_on_commit_callbacks(execute=True):
        move_to_stage(application=application, stage="calibration", by=hr)
    message, = mailoutbox
    assert message.to == [manager.email]
    assert "Ada Lovelace reached calibration" in message.subject
    assert f"/openings/{application.opening.slug}/candidates/{application.pk}/" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        move_to_stage(application=application, stage="calibration", by=hr)
    assert len(mailoutbox) == 1  # staying at calibration is not arriving again


def test_the_packet_requester_hears_when_it_is_ready(opening, manager, mailoutbox,
                                                     tmp_path, settings):
    from reports.packets.jobs import request_packet

    settings.SELECTION_PACKET_DIR = tmp_path
    packet = request_packet(opening, stage="calibration", user=manager)
    message, = [m for m in mailoutbox if m.subject.startswith("Calibration packet ready")]
    assert message.to == [manager.email]
    assert f"/reports/openings/{opening.slug}/packets/{packet.pk}/" in message.body
