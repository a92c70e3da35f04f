"""Webhooks: signed deliveries to a receiver on this machine, retries with exponential
backoff up to the limit, replay, and the events the apps announce."""

import json
import time
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from api import webhooks
from api.models import WebhookDelivery
from selection.pipeline import move_to_stage
from tests.api.receiver import Receiver


@pytest.fixture(autouse=True)
def _local_receivers(settings):
    settings.SELECTION_WEBHOOK_ALLOW_PRIVATE = True
    settings.SELECTION_WEBHOOK_BACKOFF_SECONDS = 30
    settings.SELECTION_WEBHOOK_MAX_ATTEMPTS = 3


def endpoint_for(receiver, events=("application.stage_changed",)):
    endpoint = webhooks.register_endpoint(url=receiver.url, events=list(events))
    receiver.secret = endpoint.secret
    return endpoint


def test_a_stage_change_is_delivered_signed_and_without_personal_data(
        application, django_capture_on_commit_callbacks):
    with Receiver() as receiver:
        endpoint_for(receiver)
        with django_capture_on_commit_callbacks(execute=True):
            move_to_stage(application=application, stage="assessment", by=None)
    [got] = receiver.received
    assert got["valid"]
    body = json.loads(got["body"])
    assert body["event"] == "application.stage_changed"
    assert body["data"]["to_stage"] == "assessment"
    assert body["data"]["application_id"] == application.pk
    assert application.candidate.email not in got["body"].decode()
    assert application.candidate.last_name not in got["body"].decode()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (
        "delivered", 1, 200)


def test_the_signature_fails_for_another_body_secret_or_an_old_timestamp():
    body = b'{"id":"x"}'
    now = int(time.time())
    header = webhooks.sign("s3cret", now, body)
    assert webhooks.verify("s3cret", header, body)
    assert not webhooks.verify("s3cret", header, body + b" ")
    assert not webhooks.verify("other", header, body)
    old = webhooks.sign("s3cret", now - 301, body)
    assert not webhooks.verify("s3cret", old, body)
    assert not webhooks.verify("s3cret", "", body)


def test_failures_are_retried_with_exponential_backoff_then_marked_failed(application):
    with Receiver(statuses=[500, 503, 502]) as receiver:
        endpoint = endpoint_for(receiver)
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint, event="application.stage_changed", event_id="e1",
            payload={"application_id": application.pk})
        waits = []
        for _ in range(3):
            before = timezone.now()
            delivery = webhooks.attempt_delivery(delivery)
            if delivery.next_attempt_at:
                waits.append(round((delivery.next_attempt_at - before).total_seconds()))
    assert waits == [30, 60]
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("failed", 3, 502)
    assert len(receiver.received) == 3 and all(r["valid"] for r in receiver.received)


def test_a_due_retry_is_sent_and_succeeds(application):
    with Receiver(statuses=[500]) as receiver:
        endpoint = endpoint_for(receiver)
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint, event="application.stage_changed", event_id="e2", payload={})
        webhooks.attempt_delivery(delivery)
        assert webhooks.send_due() == 0  # not due yet
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            next_attempt_at=timezone.now() - timedelta(seconds=1))
        assert webhooks.send_due() == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("delivered", 2)


def test_a_replay_sends_the_same_event_again_as_a_new_delivery(
        application, django_capture_on_commit_callbacks):
    with Receiver() as receiver:
        endpoint = endpoint_for(receiver)
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint, event="application.stage_changed", event_id="e3",
            payload={"application_id": application.pk})
        webhooks.attempt_delivery(delivery)
        with django_capture_on_commit_callbacks(execute=True):
            copy = webhooks.replay(delivery)
    assert copy.pk != delivery.pk
    first, second = (json.loads(r["body"]) for r in receiver.received)
    assert first["id"] == second["id"] == "e3"
    assert WebhookDelivery.objects.filter(event_id="e3", status="delivered").count() == 2


def test_an_unreachable_address_counts_as_a_failed_attempt(application):
    endpoint = webhooks.register_endpoint(url="http://127.0.0.1:9/closed",
                                          events=["decision.recorded"])
    delivery = WebhookDelivery.objects.create(endpoint=endpoint, event="decision.recorded",
                                              event_id="e4", payload={})
    delivery = webhooks.attempt_delivery(delivery)
    assert delivery.attempts == 1 and delivery.last_status_code is None
    assert delivery.status == "pending" and delivery.next_attempt_at is not None


def test_private_addresses_are_refused_in_production(settings):
    settings.SELECTION_WEBHOOK_ALLOW_PRIVATE = False
    for url in ["http://example.com/h", "https://127.0.0.1/h", "https://10.0.0.1/h",
                "https://user:pw@example.com/h", "file:///etc/passwd"]:
        with pytest.raises(ValidationError):
            webhooks.check_url(url)


def test_a_decision_and_a_submitted_scorecard_are_events(
        cohort_opening, manager, django_capture_on_commit_callbacks):
    from selection.pipeline import record_decision

    ada = cohort_opening.applications_by_name["Ada"]
    with Receiver() as receiver:
        endpoint_for(receiver, events=["decision.recorded", "application.stage_changed"])
        with django_capture_on_commit_callbacks(execute=True):
            record_decision(application=ada, outcome="hire", rationale="Strong.", by=manager)
    events = sorted(json.loads(r["body"])["event"] for r in receiver.received)
    assert events == ["application.stage_changed", "decision.recorded"]
    assert all(r["valid"] for r in receiver.received)
    assert "Strong." not in b"".join(r["body"] for r in receiver.received).decode()


def test_a_client_restricted_to_an_opening_gets_no_events_of_others(
        make_api, opening, application, django_capture_on_commit_callbacks, library, manager):
    from tests import factories

    other = factories.make_opening(library["profile"], manager=manager, slug="other")
    restricted = make_api(openings=[other]).record
    with Receiver() as receiver:
        endpoint = webhooks.register_endpoint(url=receiver.url,
                                              events=["application.stage_changed"],
                                              client=restricted)
        receiver.secret = endpoint.secret
        with django_capture_on_commit_callbacks(execute=True):
            move_to_stage(application=application, stage="assessment", by=None)
    assert receiver.received == []


def test_a_completed_test_and_a_recomputed_calibration_are_events(
        application, library, hr, django_capture_on_commit_callbacks):
    """Submitting the test announces new evidence; the calibration engine recomputes the
    opening, and its new snapshot is the second event."""
    from assessments.delivery import invite, save_answers, start_attempt
    from tests.assessments.conftest import make_test

    test = make_test(library)
    invitation, _ = invite(test=test, by=hr, candidate=application.candidate,
                           application=application)
    with Receiver() as receiver:
        endpoint_for(receiver, events=["assessment.completed", "calibration.updated"])
        with django_capture_on_commit_callbacks(execute=True):
            start_attempt(invitation)
            save_answers(invitation=invitation, data={}, submit=True)
    bodies = [json.loads(r["body"]) for r in receiver.received]
    assert [b["event"] for b in bodies] == ["assessment.completed", "calibration.updated"]
    assert bodies[0]["data"]["kind"] == "sjt" and bodies[0]["data"]["test_id"] == test.pk
    assert bodies[1]["data"]["opening"] == application.opening.slug
    assert all(r["valid"] for r in receiver.received)


def test_a_failed_attempt_queues_its_retry_as_a_task_at_the_backoff_time(
        application, settings):
    """With a backend that runs tasks later (django-tasks-db in production), the retry is a
    task queued for the backoff time; the send_webhooks command then leaves it alone."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with Receiver(statuses=[500]) as receiver:
        endpoint = endpoint_for(receiver)
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint, event="application.stage_changed", event_id="e5", payload={})
        delivery = webhooks.attempt_delivery(delivery)
    [queued] = default_task_backend.results
    assert queued.task.name == "deliver" and queued.args == [delivery.pk]
    assert queued.task.run_after == delivery.next_attempt_at
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert webhooks.send_due() == 0
    assert len(receiver.received) == 1


def test_hr_sends_a_failed_delivery_again_from_the_webhooks_page(
        client, hr, application, settings, django_capture_on_commit_callbacks):
    settings.SELECTION_WEBHOOK_MAX_ATTEMPTS = 1
    with Receiver(statuses=[500]) as receiver:
        endpoint = endpoint_for(receiver)
        delivery = webhooks.attempt_delivery(WebhookDelivery.objects.create(
            endpoint=endpoint, event="application.stage_changed", event_id="e6",
            payload={"application_id": application.pk}))
        assert (delivery.status, delivery.attempts, delivery.last_status_code) == (
            "failed", 1, 500)
        client.force_login(hr)
        page = client.get("/integrations/webhooks/").content.decode()
        assert "Failed" in page and f"/integrations/deliveries/{delivery.pk}/replay/" in page
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/integrations/deliveries/{delivery.pk}/replay/")
    assert response.status_code == 302
    assert [json.loads(r["body"])["id"] for r in receiver.received] == ["e6", "e6"]
    assert all(r["valid"] for r in receiver.received)
    copy = WebhookDelivery.objects.exclude(pk=delivery.pk).get(event_id="e6")
    assert (copy.status, copy.attempts, copy.last_status_code) == ("delivered", 1, 200)
    delivery.refresh_from_db()
    assert delivery.status == "failed"


def test_a_client_registers_its_endpoint_and_pages_its_deliveries(ats, make_api):
    created = ats.post("/webhooks", {"url": "http://127.0.0.1:9/h",
                                     "events": ["decision.recorded"]})
    assert created.status_code == 201 and created.json()["secret"].startswith("whsec_")
    endpoint_id = created.json()["id"]
    assert ats.get("/webhooks").json()[0]["secret"] is None
    made = [WebhookDelivery.objects.create(endpoint_id=endpoint_id, event="decision.recorded",
                                           event_id=f"d{n}", payload={}).event_id
            for n in range(5)]
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = ats.get(f"/webhooks/{endpoint_id}/deliveries", **params).json()
        assert len(body["items"]) <= 2
        seen += [d["event_id"] for d in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == made[::-1]
    other = make_api(name="Other ATS")
    assert other.get(f"/webhooks/{endpoint_id}/deliveries").status_code == 404


def test_a_submitted_scorecard_is_an_event_without_its_words(
        cohort_opening, manager, django_capture_on_commit_callbacks):
    from interviews import scoring
    from interviews.models import Interview, Scorecard

    ada = cohort_opening.applications_by_name["Ada"]
    card = Scorecard.objects.create(
        interview=Interview.objects.create(application=ada, interviewer=manager))
    with Receiver() as receiver:
        endpoint_for(receiver, events=["scorecard.submitted"])
        with django_capture_on_commit_callbacks(execute=True):
            scoring.save_draft(scorecard=card, by=manager, base_version=card.version, data={
                "recommendation": "yes", "rationale": "Walked through a lost deal candidly."})
            scoring.submit_scorecard(scorecard=card, by=manager, base_version=card.version)
    [got] = receiver.received
    assert got["valid"]
    body = json.loads(got["body"])
    assert body["event"] == "scorecard.submitted"
    assert (body["data"]["scorecard_id"], body["data"]["state"],
            body["data"]["application_id"]) == (card.pk, "submitted", ada.pk)
    assert "lost deal" not in got["body"].decode()


def test_a_submitted_roleplay_is_an_assessment_completed_event_without_its_words(
        application, library, interviewer, manager, django_capture_on_commit_callbacks):
    from assessments.roleplay import assign_assessor, save_scorecard
    from tests.assessments.conftest import exercise as make_exercise

    exercise = make_exercise.__wrapped__(library)
    card, _ = assign_assessor(exercise=exercise, assessor=interviewer, by=manager,
                              application=application)
    ratings = {library["discovery"].pk: (4, "Asked about the budget owner"),
               library["negotiating"].pk: (3, "Traded the discount for a term")}
    with Receiver() as receiver:
        endpoint_for(receiver, events=["assessment.completed"])
        with django_capture_on_commit_callbacks(execute=True):
            save_scorecard(scorecard=card, ratings=ratings, notes="Private assessor note")
        assert receiver.received == []  # a draft is not an event
        with django_capture_on_commit_callbacks(execute=True):
            save_scorecard(scorecard=card, ratings=ratings, notes="Private assessor note",
                           submit=True)
    assert len(receiver.received) == 1 and receiver.received[0]["valid"]
    body = json.loads(receiver.received[0]["body"])
    assert body["event"] == "assessment.completed"
    assert body["data"]["kind"] == "roleplay" and body["data"]["exercise"] == "discovery-call"
    raw = receiver.received[0]["body"].decode()
    assert "Private assessor note" not in raw and "budget owner" not in raw
