"""Producers in bulk: every item valid, or nothing saved, with a problem per item; figures
checked by the CSV import's own code."""

from decimal import Decimal

from assessments.models import PerformanceRecord
from selection.models import Producer


def row(n, **extra):
    return {"external_id": f"emp-{n}", "first_name": f"P{n}", "last_name": "Rep",
            "email": f"p{n}@example.com", "period": "FY2025", "performance": 100 + n,
            **extra}


def test_a_valid_batch_creates_producers_and_their_performance(ats, groups):
    response = ats.post("/producers/bulk", {"producers": [row(1), row(2, tier="top")]})
    assert response.status_code == 200, response.json()
    assert response.json()["created"] == 2
    assert response.json()["performance"]["created"] == 2
    assert Producer.objects.get(external_id="emp-2").tier == "top"
    assert Producer.objects.get(external_id="emp-1").performance == Decimal("101")


def test_the_same_batch_again_changes_nothing(ats, groups):
    batch = {"producers": [row(1), row(2)]}
    ats.post("/producers/bulk", batch)
    again = ats.post("/producers/bulk", batch).json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 2)
    assert again["performance"]["unchanged"] == 2


def test_one_bad_item_saves_nothing_and_names_every_problem(ats, groups):
    batch = {"producers": [row(1), row(2, tier="legend"), row(3, performance=1.234),
                           row(4, email="nope")]}
    response = ats.post("/producers/bulk", batch)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_rows"
    assert [(d["item"], d["field"]) for d in body["details"]] == [(3, "email")]
    assert Producer.objects.count() == 0 and PerformanceRecord.objects.count() == 0


def test_figures_are_refused_with_the_csv_imports_words(ats, groups):
    batch = {"producers": [row(1), row(2, tier="legend"), row(3, performance=1.234)]}
    body = ats.post("/producers/bulk", batch).json()
    assert [(d["item"], d["field"]) for d in body["details"]] == [
        (1, "tier"), (2, "performance")]
    assert "is not top, middle, bottom or empty" in body["details"][0]["message"]
    assert Producer.objects.count() == 0


def test_duplicate_ids_in_one_batch_are_refused(ats, groups):
    body = ats.post("/producers/bulk", {"producers": [row(1), row(1)]}).json()
    assert body["details"] == [{"item": 1, "field": "external_id",
                                "message": "duplicate of item 0"}]


def test_a_hires_outcomes_at_review_points_come_through_the_api(ats, opening):
    """A hire who started in Selection has no external id; the first batch names them by
    email, the id sticks, and their figures are stored at their review points."""
    from datetime import date

    from selection.hires import start_hire
    from tests import factories

    app = factories.make_application(opening, "Hana", "Hire", stage="hired")
    hire = start_hire(app, start_date=date(2025, 1, 6))
    assert not hire.external_id
    item = {"external_id": "emp-77", "first_name": hire.first_name,
            "last_name": hire.last_name, "email": hire.email}
    response = ats.post("/producers/bulk", {"producers": [
        item | {"period": "2025-04", "performance": 80, "review_months": 3},
    ]})
    assert response.status_code == 200, response.json()
    assert response.json()["updated"] == 1 and Producer.objects.count() == 1
    hire.refresh_from_db()
    assert hire.external_id == "emp-77" and hire.hire_id == app.pk
    # later batches use the id alone; a second review point is added beside the first
    response = ats.post("/producers/bulk", {"producers": [
        item | {"period": "2025-07", "performance": 95, "review_months": 6},
    ]})
    assert response.status_code == 200, response.json()
    points = dict(PerformanceRecord.objects.filter(producer=hire)
                  .values_list("period", "review_months"))
    assert points == {"2025-04": 3, "2025-07": 6}


def test_a_review_point_for_someone_never_hired_is_refused_in_the_imports_words(ats, groups):
    response = ats.post("/producers/bulk", {"producers": [row(1, review_months=3)]})
    assert response.status_code == 400
    body = response.json()
    assert [(d["item"], d["field"]) for d in body["details"]] == [(0, "review_months")]
    assert "not hired" in body["details"][0]["message"]
    assert Producer.objects.count() == 0 and PerformanceRecord.objects.count() == 0
