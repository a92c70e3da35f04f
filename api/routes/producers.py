"""Producers and their performance, in bulk (scope ``producers:write``)."""

from datetime import date

from ninja import Router, Schema
from pydantic import Field

from api.producers import upsert_producers
from api.service import needs

router = Router(tags=["producers"])
MAX_ROWS = 5000


class ProducerIn(Schema):
    external_id: str = Field(pattern=r"^[A-Za-z0-9._:\-]{1,64}$")
    first_name: str = Field(min_length=1, max_length=80)
    last_name: str = Field(min_length=1, max_length=80)
    email: str = Field(min_length=3, max_length=254)
    role_title: str = Field("", max_length=120)
    region: str = Field("", max_length=80)
    hire_date: date | None = None
    period: str | None = Field(None, max_length=40, description="e.g. FY2025; with performance")
    performance: float | None = Field(None, description="e.g. quota attainment in percent")
    tier: str | None = Field(None, description="top, middle or bottom; empty: computed")
    review_months: int | None = Field(
        None, description="3, 6 or 12: the figure is a hire's review at that point "
        "(producers who were hired through Selection only)")


class ProducerBatch(Schema):
    producers: list[ProducerIn] = Field(min_length=1, max_length=MAX_ROWS)


class PerformanceCounts(Schema):
    created: int
    updated: int
    unchanged: int


class ProducerCounts(Schema):
    created: int
    updated: int
    unchanged: int
    performance: PerformanceCounts | None = None


@router.post(
    "/producers/bulk", auth=needs("producers:write"),
    response=ProducerCounts,
             summary="Create or update producers and their performance, all or nothing")
def bulk_producers(request, payload: ProducerBatch):
    """Every item is checked first; one bad item refuses the whole batch (400
    ``invalid_rows``, each problem with its item index) and nothing is saved."""
    rows = [p.dict() for p in payload.producers]
    for row in rows:
        if row["performance"] is not None:
            row["performance"] = f"{row['performance']:.10g}"
    return upsert_producers(rows)
