"""A stored calibration keeps each candidate as a row of its own (``CalibrationRow``): the
snapshot holds the opening-wide part, a report page reads that and its candidate's row,
the calibration page the rows of the page it lists, and old snapshots go with their rows."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.calibration.compute import KEEP_SNAPSHOTS, calibrate_opening, store_snapshot
from reports.calibration.snapshots import candidate_rows, stored_calibration
from reports.models import CalibrationRow, CalibrationSnapshot
from tests.reports.report_helpers import add_candidates

pytestmark = pytest.mark.django_db


def _row_reads(queries) -> list[str]:
    """The SQL of the queries that read whole candidate rows (their ``data`` column)."""
    return [q["sql"] for q in queries
            if "reports_calibrationrow" in q["sql"] and '"data"' in q["sql"]
            and q["sql"].lstrip().upper().startswith("SELECT")]


def test_the_snapshot_keeps_the_opening_wide_part_and_a_row_per_candidate(cohort_opening):
    whole = calibrate_opening(cohort_opening)
    snapshot = store_snapshot(cohort_opening, whole)
    assert "candidates" not in snapshot.payload
    assert snapshot.payload["cohort_summary"] == whole["cohort_summary"]
    rows = list(snapshot.rows.order_by("position"))
    assert [r.data for r in rows] == whole["candidates"]
    assert [r.application_id for r in rows] == [c["application_id"] for c in whole["candidates"]]
    for row, cand in zip(rows, whole["candidates"], strict=True):
        assert (row.name, row.stage, row.model_usable) == (
            cand["name"], cand["stage"], cand["model_usable"])
        assert row.p_top == cand["posterior"]["top"]
    payload, _ = stored_calibration(cohort_opening, every_candidate=True)
    assert payload["candidates"] == whole["candidates"]
    assert payload["snapshot_id"] == snapshot.pk


def test_the_snapshot_does_not_grow_with_the_candidates(cohort_opening):
    few = len(json.dumps(store_snapshot(cohort_opening).payload))
    add_candidates(cohort_opening, 40, stage="assessment")
    snapshot = store_snapshot(cohort_opening)
    assert snapshot.rows.count() == 43
    # only counts change ("n_candidates": 3 -> 43), not one entry per candidate
    assert abs(len(json.dumps(snapshot.payload)) - few) < 40


def test_old_snapshots_are_pruned_with_their_rows(cohort_opening):
    for _ in range(KEEP_SNAPSHOTS + 2):
        latest = store_snapshot(cohort_opening)
    kept = set(CalibrationSnapshot.objects.filter(opening=cohort_opening)
               .values_list("pk", flat=True))
    assert len(kept) == KEEP_SNAPSHOTS and latest.pk in kept
    assert set(CalibrationRow.objects.values_list("snapshot_id", flat=True)) == kept
    assert CalibrationRow.objects.count() == 3 * KEEP_SNAPSHOTS


def test_a_new_snapshot_deletes_those_stored_by_older_code(cohort_opening):
    assert KEEP_SNAPSHOTS >= 3  # so that counting alone would keep all three below
    first, second = store_snapshot(cohort_opening), store_snapshot(cohort_opening)
    older = dict(first.calibration) | {"format": 4}  # candidates inside, as older code kept them
    CalibrationSnapshot.objects.filter(pk=first.pk).update(payload=older)
    oldest = dict(second.calibration)
    del oldest["format"]  # the first snapshots had no format at all
    CalibrationSnapshot.objects.filter(pk=second.pk).update(payload=oldest)
    latest = store_snapshot(cohort_opening)
    assert list(CalibrationSnapshot.objects.values_list("pk", flat=True)) == [latest.pk]
    assert not CalibrationRow.objects.filter(snapshot_id__in=[first.pk, second.pk]).exists()


def test_a_report_reads_only_its_candidates_row(cohort_opening):
    store_snapshot(cohort_opening)
    ada = cohort_opening.applications.get(candidate__first_name="Ada")
    payload, _ = stored_calibration(cohort_opening, application_ids=[ada.pk])
    assert [c["application_id"] for c in payload["candidates"]] == [ada.pk]
    assert "candidate_index" not in payload


def test_the_report_page_reads_one_row(client, manager, cohort_opening):
    store_snapshot(cohort_opening)
    ada = cohort_opening.applications.get(candidate__first_name="Ada")
    client.force_login(manager)
    url = f"/reports/openings/{cohort_opening.slug}/candidates/{ada.pk}/report/"
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    reads = _row_reads(queries)
    assert reads  # the row is read from the snapshot, not recomputed
    others = cohort_opening.applications.exclude(pk=ada.pk).values_list("pk", flat=True)
    for sql in reads:
        ids = {int(i) for i in re.findall(r'"application_id" IN \(([\d, ]+)\)', sql)[0]
               .split(",")}
        assert ids == {ada.pk} and not ids & set(others)


def test_an_application_the_snapshot_does_not_know_is_computed_now(cohort_opening):
    store_snapshot(cohort_opening)
    new = add_candidates(cohort_opening, 1, stage="assessment")[0]
    payload, _ = stored_calibration(cohort_opening, application_ids=[new.pk])
    assert [c["application_id"] for c in payload["candidates"]] == [new.pk]
    assert CalibrationSnapshot.objects.filter(opening=cohort_opening).count() == 2


def test_the_calibration_page_reads_only_the_rows_it_lists(client, manager, cohort_opening,
                                                           monkeypatch):
    from reports.calibration import presentation

    monkeypatch.setattr(presentation, "PAGE_SIZE", 2)
    store_snapshot(cohort_opening)
    client.force_login(manager)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(f"/reports/openings/{cohort_opening.slug}/calibration/"
                          "?sort=name").content.decode()
    assert "Candidates 1–2 of 3." in html
    reads = _row_reads(queries)
    assert len(reads) == 1
    listed = re.findall(r'"application_id" IN \(([\d, ]+)\)', reads[0])
    assert len(listed[0].split(",")) == 2


def test_candidate_rows_come_in_the_order_asked(cohort_opening):
    store_snapshot(cohort_opening)
    payload, _ = stored_calibration(cohort_opening, index=True)
    assert payload["candidates"] == [] and len(payload["candidate_index"]) == 3
    ids = [c["application_id"] for c in payload["candidate_index"]][::-1]
    assert [c["application_id"] for c in candidate_rows(payload, ids)] == ids
