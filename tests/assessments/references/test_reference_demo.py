"""The demo's AE opening: its finalists' references are in every state, and its background
checks show each status, so every part of the candidate page can be seen without setup."""

from django.core.management import call_command

from assessments.models import BackgroundCheck, Referee, ReferenceRequest
from assessments.references.evidence import reference_evidence


def test_the_ae_finalists_show_every_reference_state_and_check_status(db, capsys):
    call_command("seed_demo")
    requests = ReferenceRequest.objects.filter(application__opening__slug="ae-nordics")
    assert requests.count() == 3
    assert requests.filter(named_at__isnull=True).count() == 1  # requested, nobody named
    statuses = {r.status for r in Referee.objects.filter(request__in=requests)}
    assert statuses == {"named", "sent", "answered", "declined", "overdue"}
    checks = BackgroundCheck.objects.filter(application__opening__slug="ae-nordics")
    assert {c.status for c in checks} == {s for s, _ in BackgroundCheck.STATUSES}
    # One finalist's answered references contradict the interview on some dimension.
    assert any(reference_evidence(r.application).contradictions for r in requests)
