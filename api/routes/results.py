"""Results per application and the report PDF (scope ``results:read``)."""

from datetime import datetime

from django.http import HttpResponse
from ninja import Router, Schema

from api import results
from api.access import application_for_client
from api.errors import ApiError
from api.service import needs

router = Router(tags=["results"])


class Band(Schema):
    key: str
    label: str
    reason: str
    sentence: str
    development_needs: list[str]
    risks: list[str]


class Overall(Schema):
    level: float | None
    target: float | None
    gap: float | None
    coverage: float | None
    psychometric_weight: float


class RequirementResult(Schema):
    name: str
    kind: str
    weight: float
    target: float
    interview: float | None
    assessment: float | None
    level: float | None
    gap: float | None
    shortfall: str | None
    knock_out: int | None
    knock_out_status: str | None


class ProducerComparison(Schema):
    usable: bool
    summary: str
    posterior: dict[str, float | None] | None
    closer_than_top_share: float | None
    expectancy: str
    model_message: str
    dimensions_scored: int
    dimensions: int


class Interviews(Schema):
    scorecards_submitted: int | None
    recommendations: dict[str, int]
    withheld: bool


class TestResult(Schema):
    test: str
    completed_at: datetime | None
    total: float | None
    answered: int | None
    items: int | None
    complete: bool


class ResultsOut(Schema):
    application_id: int
    opening: str
    stage: str
    computed_at: datetime
    band: Band
    overall: Overall
    requirements: list[RequirementResult]
    producer_comparison: ProducerComparison
    interviews: Interviews
    tests: list[TestResult]
    roleplays_submitted: int
    psychometric_scales: int
    references: dict | None
    limits: list[str]
    withheld: list[str]


@router.get(
    "/applications/{application_id}/results", auth=needs("results:read"),
    response=ResultsOut,
            summary="The candidate's results: band, evidence per requirement, comparison")
def get_results(request, application_id: int):
    """The hiring report's content as data. While anyone who interviews or assesses the
    candidate has not submitted, the others' scorecards are withheld (``withheld`` says so)."""
    client = request.auth
    return results.results_for(application_for_client(client, application_id))


@router.get(
    "/applications/{application_id}/report.pdf", auth=needs("results:read"),
    response={200: None, 404: dict}, summary="The hiring report as a PDF",
            openapi_extra={"responses": {"200": {
                "description": "The PDF", "content": {"application/pdf": {"schema": {
                    "type": "string", "format": "binary"}}}}}})
def get_report_pdf(request, application_id: int):
    client = request.auth
    application = application_for_client(client, application_id)
    pdf, _name = results.pdf_for(application)
    if pdf is None:
        raise ApiError(404, "no_evidence", "There is no evidence on this candidate yet, so "
                       "there is no report.")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="application-{application.pk}.pdf"'
    return response
