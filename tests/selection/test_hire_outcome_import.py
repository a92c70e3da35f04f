"""Outcomes of hires at review points through the performance import: all rows or none."""

from datetime import date

import pytest

from assessments.csvfile import ImportRefused
from assessments.imports import import_performance
from assessments.models import PerformanceRecord
from selection.hires import start_hire
from tests import factories


@pytest.fixture
def hires(opening):
    apps = [factories.make_application(opening, f"H{n}", "Hire", stage="hired") for n in range(3)]
    return [start_hire(a, start_date=date(2025, 1, 6)) for a in apps]


def test_import_with_review_points_is_idempotent(hires):
    data = ("producer,period,performance,review_months\n"
            f"{hires[0].email},2025-04,80,3\n"
            f"{hires[0].email},2025-07,95,6 months\n"
            f"{hires[1].email},2026-01,110,12\n"
            f"{hires[2].email},FY2025,70,\n").encode()
    result = import_performance(data)
    assert (result.created, result.updated, result.unchanged) == (4, 0, 0)
    points = dict(PerformanceRecord.objects.values_list("period", "review_months"))
    assert points == {"2025-04": 3, "2025-07": 6, "2026-01": 12, "FY2025": None}
    again = import_performance(data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)


def test_bad_review_rows_refuse_the_whole_file(hires):
    incumbent = factories.make_producer(1, "100")
    data = ("producer,period,performance,review_months\n"
            f"{hires[0].email},2025-04,80,3\n"
            f"{hires[0].email},2025-05,81,3\n"
            f"{hires[1].email},2025-04,80,9\n"
            f"{incumbent.email},2025-04,80,6\n").encode()
    with pytest.raises(ImportRefused) as refused:
        import_performance(data)
    errors = refused.value.errors
    assert errors == [
        "row 3, column review_months: row 2 already gives this producer's 3-month review",
        "row 4, column review_months: '9' is not 3, 6, 12 or empty",
        "row 5, column review_months: this producer was not hired through the platform (no "
        "start recorded), so there is no review point to record",
    ]
    assert not PerformanceRecord.objects.exists()


def test_a_stored_review_point_under_another_period_is_refused(hires):
    import_performance(f"producer,period,performance,review_months\n"
                       f"{hires[0].email},2025-04,80,3\n".encode())
    with pytest.raises(ImportRefused) as refused:
        import_performance(f"producer,period,performance,review_months\n"
                           f"{hires[1].email},2025-04,70,3\n"
                           f"{hires[0].email},2025-05,90,3\n".encode())
    assert refused.value.errors == [
        "row 3, column review_months: the 3-month review of this producer is already "
        "recorded for period '2025-04'"]
    assert PerformanceRecord.objects.count() == 1
