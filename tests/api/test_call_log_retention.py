"""The call log is kept SELECTION_API_LOG_RETENTION_DAYS; the worker's sweep deletes older rows."""

from datetime import timedelta

from django.utils import timezone

from api.models import ApiCall
from api.retention import delete_old_calls
from selection.sweeps import registered_sweeps, run_sweeps


def _call(client, days_ago):
    return ApiCall.objects.create(client=client, method="GET", endpoint="/openings",
                                  status=200, at=timezone.now() - timedelta(days=days_ago))


def test_calls_older_than_the_retention_are_deleted_by_the_sweep(make_api, settings):
    settings.SELECTION_API_LOG_RETENTION_DAYS = 30
    client = make_api().record
    old, recent = _call(client, 31), _call(client, 29)
    assert delete_old_calls in registered_sweeps()
    results = run_sweeps()
    assert results["api.retention.delete_old_calls"] == 1
    assert list(ApiCall.objects.filter(pk__in=[old.pk, recent.pk])) == [recent]


def test_the_default_keeps_ninety_days(make_api):
    client = make_api().record
    kept, gone = _call(client, 89), _call(client, 91)
    assert delete_old_calls() == 1
    assert ApiCall.objects.filter(pk=kept.pk).exists()
    assert not ApiCall.objects.filter(pk=gone.pk).exists()
