"""Signed webhooks: register endpoints, queue one delivery per event and endpoint, send it
as a Django task, retry with exponential backoff, replay.

Signature: header ``Selection-Signature: t=<unix seconds>,v1=<hex>`` where ``hex`` is
HMAC-SHA256 with the endpoint's secret over ``f"{t}.{body}"`` (the raw body bytes). A
receiver recomputes it, compares in constant time, refuses timestamps older than five
minutes and ignores an ``id`` it has already processed (a replay repeats the id).
"""

import hashlib
import hmac
import ipaddress
import json
import secrets
import socket
import time
import urllib.error
import urllib.request
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from .access import restricted_ids
from .models import EVENTS, WebhookDelivery, WebhookEndpoint

EVENT_NAMES = [name for name, _ in EVENTS]
SIGNATURE_HEADER = "Selection-Signature"
TOLERANCE_SECONDS = 300


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(secret: str, header: str, body: bytes, *, now: float | None = None) -> bool:
    """The receiver's check (the recipe docs/api.md gives in Python)."""
    parts = dict(p.split("=", 1) for p in (header or "").split(",") if "=" in p)
    if not parts.get("t", "").isdigit() or "v1" not in parts:
        return False
    timestamp = int(parts["t"])
    if abs((now or time.time()) - timestamp) > TOLERANCE_SECONDS:
        return False
    expected = sign(secret, timestamp, body).split("v1=")[1]
    return hmac.compare_digest(expected, parts["v1"])


def check_url(url: str) -> str:
    """https (http only while private addresses are allowed), and, unless
    SELECTION_WEBHOOK_ALLOW_PRIVATE, a host that resolves to public addresses only."""
    parts = urlsplit(url)
    allow_private = settings.SELECTION_WEBHOOK_ALLOW_PRIVATE
    if parts.scheme not in (("https", "http") if allow_private else ("https",)) \
            or not parts.hostname or parts.username or parts.password:
        raise ValidationError({"url": "Give an https:// address without credentials."})
    if not allow_private:
        try:
            infos = socket.getaddrinfo(parts.hostname, parts.port or 443)
        except (socket.gaierror, UnicodeError):
            raise ValidationError({"url": "The host name does not resolve."}) from None
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if not address.is_global:
                raise ValidationError({"url": "The address is private or local; webhooks "
                                              "go to public addresses only."})
    return url


def register_endpoint(*, url: str, events: list[str], client=None, by=None) -> WebhookEndpoint:
    unknown = [e for e in events if e not in EVENT_NAMES]
    if unknown or not events:
        raise ValidationError({"events": "Choose from " + ", ".join(EVENT_NAMES) + "."})
    return WebhookEndpoint.objects.create(
        url=check_url(url.strip()), events=[e for e in EVENT_NAMES if e in events],
        secret="whsec_" + secrets.token_urlsafe(32), client=client, created_by=by)


def body_of(delivery: WebhookDelivery) -> bytes:
    return json.dumps({"id": delivery.event_id, "event": delivery.event,
                       "created_at": delivery.created_at.isoformat(),
                       "data": delivery.payload}, sort_keys=True,
                      separators=(",", ":")).encode()


def backoff(attempts: int) -> timedelta:
    """Wait after the n-th failed attempt: base x 2^(n-1) (30 s, 1 min, 2 min, ...)."""
    return timedelta(seconds=settings.SELECTION_WEBHOOK_BACKOFF_SECONDS * 2 ** (attempts - 1))


def emit(event: str, data: dict, *, opening_id: int | None, event_id: str) -> int:
    """Queues the event for every active endpoint that asked for it (and may see the
    opening); returns how many deliveries were queued. Sent after the transaction commits."""
    created = []
    for endpoint in WebhookEndpoint.objects.filter(active=True).select_related("client"):
        if event not in endpoint.events:
            continue
        client = endpoint.client
        if client is not None:
            ids = restricted_ids(client)
            if not client.is_active or (ids is not None and opening_id not in ids):
                continue
        if WebhookDelivery.objects.filter(endpoint=endpoint, event_id=event_id).exists():
            continue
        created.append(WebhookDelivery.objects.create(
            endpoint=endpoint, event=event, event_id=event_id, payload=data))
    for delivery in created:
        transaction.on_commit(lambda pk=delivery.pk: deliver.enqueue(pk))
    return len(created)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _post(url: str, body: bytes, headers: dict) -> int:
    """The response status (0 when the address could not be reached)."""
    opener = urllib.request.build_opener(_NoRedirects)
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with opener.open(request, timeout=settings.SELECTION_WEBHOOK_TIMEOUT_SECONDS) as answer:
            return answer.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, OSError, ValueError):
        return 0


def attempt_delivery(delivery: WebhookDelivery) -> WebhookDelivery:
    """One attempt: POSTs the signed body; on failure schedules the next attempt or, after
    SELECTION_WEBHOOK_MAX_ATTEMPTS, marks the delivery failed."""
    endpoint = delivery.endpoint
    body = body_of(delivery)
    headers = {"Content-Type": "application/json", "User-Agent": "Selection-Webhooks/1",
               "Selection-Event": delivery.event, "Selection-Delivery": str(delivery.pk),
               SIGNATURE_HEADER: sign(endpoint.secret, int(time.time()), body)}
    try:
        check_url(endpoint.url)
    except ValidationError:
        code = 0
    else:
        code = _post(endpoint.url, body, headers)
    delivery.attempts += 1
    delivery.last_status_code = code or None
    delivery.last_error = "" if code else "The address could not be reached."
    if 200 <= code < 300:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = (
            WebhookDelivery.DELIVERED, timezone.now(), None)
    elif delivery.attempts >= settings.SELECTION_WEBHOOK_MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = WebhookDelivery.FAILED, None
    else:
        delivery.next_attempt_at = timezone.now() + backoff(delivery.attempts)
    delivery.save()
    if delivery.next_attempt_at and default_task_backend.supports_defer:
        deliver.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    return delivery


@task()
def deliver(delivery_id: int) -> str:
    """The task: one attempt of a pending delivery; returns its status afterwards."""
    delivery = (WebhookDelivery.objects.select_related("endpoint")
                .filter(pk=delivery_id, status=WebhookDelivery.PENDING).first())
    if delivery is None:
        return "gone"
    return attempt_delivery(delivery).status


def send_due() -> int:
    """Attempts every pending delivery whose time has come (for task backends that cannot
    run a task later; ``manage.py send_webhooks``). Returns how many were attempted.

    With a backend that can (django-tasks-db), each retry is already a queued task, so this
    does nothing: attempting here as well would send the event twice and shorten the backoff.
    """
    if default_task_backend.supports_defer:
        return 0
    due = WebhookDelivery.objects.select_related("endpoint").filter(
        status=WebhookDelivery.PENDING, next_attempt_at__lte=timezone.now())
    count = 0
    for delivery in due:
        attempt_delivery(delivery)
        count += 1
    return count


def replay(delivery: WebhookDelivery) -> WebhookDelivery:
    """Sends the same event again as a new delivery (same ``id``, so receivers can tell)."""
    copy = WebhookDelivery.objects.create(
        endpoint=delivery.endpoint, event=delivery.event, event_id=delivery.event_id,
        payload=delivery.payload)
    transaction.on_commit(lambda: deliver.enqueue(copy.pk))
    return copy
