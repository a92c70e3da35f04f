"""The background tasks store calibration snapshots (immediate backend in tests)."""

from reports.calibration.compute import KEEP_SNAPSHOTS, store_snapshot
from reports.calibration.tasks import recompute_all, recompute_opening
from reports.models import CalibrationSnapshot
from selection.models import Opening
from tests import factories


def test_recompute_opening_stores_a_snapshot(cohort_opening):
    result = recompute_opening.enqueue(cohort_opening.pk)
    snapshot = CalibrationSnapshot.objects.get(opening=cohort_opening)
    assert result.return_value == snapshot.pk
    assert snapshot.payload["opening"]["slug"] == cohort_opening.slug
    assert "candidates" not in snapshot.payload  # each candidate is a row of its own
    assert snapshot.rows.count() == 3
    assert snapshot.computed_at.isoformat() == snapshot.payload["computed_at"]


def test_recompute_of_a_deleted_opening_does_nothing(db):
    assert recompute_opening.enqueue(123456).return_value is None
    assert not CalibrationSnapshot.objects.exists()


def test_recompute_all_skips_closed_openings(opening, library):
    closed = factories.make_opening(library["profile"], slug="closed-one")
    closed.status = Opening.CLOSED
    closed.save()
    assert recompute_all.enqueue().return_value == 1
    assert list(CalibrationSnapshot.objects.values_list("opening__slug", flat=True)) == [
        opening.slug]


def test_only_the_latest_snapshots_are_kept(opening):
    for _ in range(KEEP_SNAPSHOTS + 3):
        latest = store_snapshot(opening)
    kept = CalibrationSnapshot.objects.filter(opening=opening)
    assert kept.count() == KEEP_SNAPSHOTS and kept.first() == latest
