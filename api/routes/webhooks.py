"""Webhook endpoints a client registers for itself (scope ``webhooks:manage``)."""

from datetime import datetime

from ninja import Router, Schema, Status
from pydantic import Field

from api import pagination, webhooks
from api.errors import not_found
from api.models import WebhookDelivery, WebhookEndpoint
from api.service import needs

router = Router(tags=["webhooks"])


class EndpointIn(Schema):
    url: str = Field(min_length=8, max_length=500)
    events: list[str] = Field(min_length=1, max_length=10)


class EndpointOut(Schema):
    id: int
    url: str
    events: list[str]
    active: bool
    created_at: datetime
    secret: str | None = None


class DeliveryOut(Schema):
    id: int
    event: str
    event_id: str
    status: str
    attempts: int
    last_status_code: int | None
    created_at: datetime
    delivered_at: datetime | None


class DeliveryPage(Schema):
    items: list[DeliveryOut]
    next_cursor: str | None


def endpoint_out(endpoint, *, secret: bool = False) -> dict:
    return {"id": endpoint.pk, "url": endpoint.url, "events": endpoint.events,
            "active": endpoint.active, "created_at": endpoint.created_at,
            "secret": endpoint.secret if secret else None}


def _own(client, endpoint_id: int) -> WebhookEndpoint:
    endpoint = WebhookEndpoint.objects.filter(pk=endpoint_id, client=client).first()
    if endpoint is None:
        raise not_found("webhook endpoint")
    return endpoint


@router.get(
    "/webhooks", auth=needs("webhooks:manage"),
    response=list[EndpointOut], summary="This client's endpoints")
def list_endpoints(request):
    client = request.auth
    return [endpoint_out(e) for e in WebhookEndpoint.objects.filter(client=client)]


@router.post(
    "/webhooks", auth=needs("webhooks:manage"),
    response={201: EndpointOut}, summary="Register an endpoint")
def create_endpoint(request, payload: EndpointIn):
    """The signing secret is in this answer only; keep it to verify deliveries."""
    client = request.auth
    endpoint = webhooks.register_endpoint(url=payload.url, events=payload.events, client=client)
    return Status(201, endpoint_out(endpoint, secret=True))


@router.delete(
    "/webhooks/{endpoint_id}", auth=needs("webhooks:manage"),
    response={204: None}, summary="Remove an endpoint")
def delete_endpoint(request, endpoint_id: int):
    client = request.auth
    _own(client, endpoint_id).delete()
    return Status(204, None)


@router.get(
    "/webhooks/{endpoint_id}/deliveries", auth=needs("webhooks:manage"),
    response=DeliveryPage, summary="The endpoint's deliveries, newest first")
def list_deliveries(request, endpoint_id: int, cursor: str | None = None, limit: int = 50):
    """Newest first; follow ``next_cursor`` for older ones (a replay is a new delivery
    with the same ``event_id``)."""
    client = request.auth
    endpoint = _own(client, endpoint_id)
    rows, next_cursor = pagination.page(WebhookDelivery.objects.filter(endpoint=endpoint),
                                        cursor, limit, newest_first=True)
    return {"items": rows, "next_cursor": next_cursor}
