"""Webhook events from what the apps below announce (signals and saved rows).

Payloads carry ids, stages and outcomes, never a name, email or typed text: a receiver
reads the rest through the API with its own scopes. Each event has a stable id, so the
same happening is queued once per endpoint.
"""

from django.db.models.signals import post_save

from . import webhooks


def _application(application) -> dict:
    return {"application_id": application.pk, "opening": application.opening.slug,
            "candidate_external_id": application.candidate.external_id}


def on_stage_change(sender, instance, created, **kwargs):
    if not created:
        return
    application = instance.application
    webhooks.emit("application.stage_changed", {
        **_application(application), "from_stage": instance.from_stage,
        "to_stage": instance.to_stage, "changed_at": instance.changed_at.isoformat(),
    }, opening_id=application.opening_id, event_id=f"stage-change-{instance.pk}")


def on_decision(sender, instance, created, **kwargs):
    if not created:
        return
    application = instance.application
    webhooks.emit("decision.recorded", {
        **_application(application), "outcome": instance.outcome,
        "decided_at": instance.decided_at.isoformat(),
    }, opening_id=application.opening_id, event_id=f"decision-{instance.pk}")


def on_scorecard_final(sender, scorecard, opening_id, **kwargs):
    application = scorecard.interview.application
    webhooks.emit("scorecard.submitted", {
        **_application(application), "scorecard_id": scorecard.pk, "state": scorecard.state,
        "version": scorecard.version,
    }, opening_id=opening_id, event_id=f"scorecard-{scorecard.pk}-v{scorecard.version}")


def on_sjt_attempt(sender, instance, **kwargs):
    invitation = instance.invitation
    if instance.completed_at is None or invitation.application_id is None:
        return
    application = invitation.application
    webhooks.emit("assessment.completed", {
        **_application(application), "kind": "sjt", "invitation_id": invitation.pk,
        "test_id": invitation.test_id, "completed_at": instance.completed_at.isoformat(),
    }, opening_id=application.opening_id, event_id=f"sjt-attempt-{instance.pk}")


def on_roleplay(sender, instance, **kwargs):
    if instance.status != instance.SUBMITTED or instance.application_id is None:
        return
    application = instance.application
    webhooks.emit("assessment.completed", {
        **_application(application), "kind": "roleplay", "exercise": instance.exercise.slug,
        "completed_at": instance.submitted_at.isoformat() if instance.submitted_at else None,
    }, opening_id=application.opening_id, event_id=f"roleplay-{instance.pk}")


def on_snapshot(sender, instance, created, **kwargs):
    if not created:
        return
    webhooks.emit("calibration.updated", {
        "opening": instance.opening.slug, "computed_at": instance.computed_at.isoformat(),
    }, opening_id=instance.opening_id, event_id=f"calibration-{instance.pk}")


def connect() -> None:
    from assessments.models import RoleplayScorecard, SJTAttempt
    from interviews.signals import scorecard_final
    from reports.models import CalibrationSnapshot
    from selection.models import Decision, StageChange

    post_save.connect(on_stage_change, sender=StageChange, dispatch_uid="api-stage")
    post_save.connect(on_decision, sender=Decision, dispatch_uid="api-decision")
    post_save.connect(on_sjt_attempt, sender=SJTAttempt, dispatch_uid="api-sjt")
    post_save.connect(on_roleplay, sender=RoleplayScorecard, dispatch_uid="api-roleplay")
    post_save.connect(on_snapshot, sender=CalibrationSnapshot, dispatch_uid="api-snapshot")
    scorecard_final.connect(on_scorecard_final, dispatch_uid="api-scorecard")
