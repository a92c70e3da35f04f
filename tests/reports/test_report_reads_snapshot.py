"""The hiring report reads the opening's stored calibration and only its candidate's evidence."""

from dataclasses import asdict
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.calibration import compute
from reports.calibration.compute import store_snapshot
from reports.hiring_report.gather import candidate_report, opening_context
from reports.models import CalibrationSnapshot
from tests import factories
from tests.reports.report_helpers import add_candidates

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
VARYING = {"generated_at", "computed_at", "freshness"}


def _plain(report) -> dict:
    out = asdict(report)
    for key in VARYING:
        out["cover"].pop(key, None)
    out["appendix"].pop("computed_at")
    return out


def _page(opening, application):
    return f"/reports/openings/{opening.slug}/candidates/{application.pk}/report"


@pytest.fixture
def calls(monkeypatch):
    """How many times the whole opening is calibrated."""
    counted = {"n": 0}
    real = compute.build_calibration

    def counting(*args, **kwargs):
        counted["n"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(compute, "build_calibration", counting)
    return counted


@pytest.mark.django_db
def test_report_from_the_snapshot_equals_a_fresh_computation(cohort_opening):
    add_candidates(cohort_opening, 4)
    store_snapshot(cohort_opening)
    for app in cohort_opening.applications.all():
        stored = candidate_report(app)
        fresh = candidate_report(app, context=opening_context(cohort_opening, fresh=True))
        assert _plain(stored) == _plain(fresh)
    ada = cohort_opening.applications_by_name["Ada"]
    assert candidate_report(ada).fit["posterior"]["top"] is not None


@pytest.mark.django_db
def test_report_page_and_pdf_read_the_snapshot_without_recalibrating(
        client, cohort_opening, manager, calls):
    store_snapshot(cohort_opening)
    calls["n"] = 0
    client.force_login(manager)
    ada = cohort_opening.applications_by_name["Ada"]
    html = client.get(_page(cohort_opening, ada) + "/").content.decode()
    assert "calibrated just now" in html and "recomputing" not in html
    assert client.get(_page(cohort_opening, ada) + ".pdf").status_code == 200
    assert calls["n"] == 0
    # an application the snapshot does not know yet: calibrated once, then read
    new = add_candidates(cohort_opening, 1)[0]
    assert client.get(_page(cohort_opening, new) + "/").status_code == 200
    assert calls["n"] == 1
    client.get(_page(cohort_opening, new) + "/")
    assert calls["n"] == 1


@pytest.mark.django_db
def test_an_old_snapshot_is_shown_and_recomputed_in_the_background(
        client, cohort_opening, manager, settings, calls):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    snapshot = store_snapshot(cohort_opening)
    CalibrationSnapshot.objects.filter(pk=snapshot.pk).update(
        computed_at=snapshot.computed_at - timedelta(days=2))
    calls["n"] = 0
    client.force_login(manager)
    ada = cohort_opening.applications_by_name["Ada"]
    for _ in range(2):
        html = client.get(_page(cohort_opening, ada) + "/").content.decode()
        assert "calibrated 2\xa0days ago; recomputing" in html
    assert calls["n"] == 0
    assert DBTaskResult.objects.filter(status="READY").count() == 1  # coalesced


def _report_queries(client, opening, application) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(_page(opening, application) + "/").status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_report_page_queries_do_not_grow_with_candidates(client, cohort_opening, manager):
    client.force_login(manager)
    ada = cohort_opening.applications_by_name["Ada"]
    add_candidates(cohort_opening, 2)
    store_snapshot(cohort_opening)
    _report_queries(client, cohort_opening, ada)  # warm caches (fonts, site, profile)
    few = _report_queries(client, cohort_opening, ada)
    add_candidates(cohort_opening, 20, stage="assessment", first=2)
    store_snapshot(cohort_opening)
    many = _report_queries(client, cohort_opening, ada)
    assert cohort_opening.applications.count() == 25
    assert many == few


@pytest.mark.django_db
def test_report_page_queries_do_not_grow_with_producers(client, cohort_opening, manager):
    from assessments.models import PsychometricScale, PsychometricScore
    from selection.models import Producer

    client.force_login(manager)
    ada = cohort_opening.applications_by_name["Ada"]
    store_snapshot(cohort_opening)
    _report_queries(client, cohort_opening, ada)  # warm caches (fonts, site, profile)
    few = _report_queries(client, cohort_opening, ada)
    before = Producer.objects.count()
    scales = list(PsychometricScale.objects.all())
    for n in range(500, 560):
        producer = factories.make_producer(n, "100.0", ("top", "middle", "bottom")[n % 3])
        PsychometricScore.objects.bulk_create(
            PsychometricScore(scale=s, producer=producer, score_type="t", score=50 + n % 7,
                              z_score=(n % 7 - 3) / 3) for s in scales)
    store_snapshot(cohort_opening)
    many = _report_queries(client, cohort_opening, ada)
    assert Producer.objects.count() == before + 60
    assert many == few
