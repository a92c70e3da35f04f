"""The API object: token authentication, the per-client rate limit, JSON errors, ETags,
and the call log around every operation."""

import hashlib
import math
import time

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from selection.access import is_hr

from .clients import client_for_token
from .errors import ApiError, body, forbidden_scope
from .models import ApiCall


class TokenAuth(HttpBearer):
    """``Authorization: Bearer sel_...``; a revoked or rotated token fails at once (401).

    With ``scopes``, a valid token that holds none of them is refused with 403 before
    the request body is read, so a client learns nothing from an operation it may not use.
    """

    def __init__(self, *scopes: str):
        super().__init__()
        self.scopes = scopes

    def authenticate(self, request, token):
        client = client_for_token(token)
        request.api_client = client  # for the call log, also when the scope is missing
        if client is not None and self.scopes and not any(
                s in client.scopes for s in self.scopes):
            raise forbidden_scope(" or ".join(self.scopes))
        if client is not None:
            now = timezone.now()
            if client.last_used_at is None or (now - client.last_used_at).total_seconds() > 60:
                type(client).objects.filter(pk=client.pk).update(last_used_at=now)
        return client


def needs(*scopes: str) -> TokenAuth:
    """The authentication of an operation that any one of ``scopes`` opens."""
    return TokenAuth(*scopes)


class ClientRateLimit(BaseThrottle):
    """``SELECTION_API_RATE_LIMIT`` calls per client per minute, counted in the cache."""

    def allow_request(self, request) -> bool:
        limit = settings.SELECTION_API_RATE_LIMIT
        now = time.time()
        window = int(now // 60)
        self._wait = 60 - (now % 60)
        key = f"api-rate:{request.auth.pk}:{window}"
        cache.add(key, 0, timeout=90)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=90)
            count = 1
        return count <= limit

    def wait(self) -> float:
        return max(1.0, math.ceil(getattr(self, "_wait", 60)))


def docs_for_staff(view):
    """The docs and the OpenAPI document: anyone while DEBUG is on; in production staff
    and HR only (signed-out visitors go to log in, signed-in people who are not staff get 403)."""

    def wrapper(request, *args, **kwargs):
        if not settings.DEBUG:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not (request.user.is_staff or is_hr(request.user)):
                raise PermissionDenied("The API documentation is for staff.")
        return view(request, *args, **kwargs)

    return wrapper


class SelectionAPI(NinjaAPI):
    """Adds an ETag to every successful read and answers 304 when it still matches."""

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(request, data, status=status,
                                           temporal_response=temporal_response)
        if request.method == "GET" and response.status_code == 200:
            tag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
            response["ETag"] = tag
            if tag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
                not_modified = HttpResponse(status=304)
                not_modified["ETag"] = tag
                return not_modified
        return response


def error_response(api, request, status: int, code: str, message: str, details=None):
    return api.create_response(request, body(code, message, details), status=status)


def install_handlers(api: NinjaAPI) -> None:
    """Every refusal as JSON ``{"code", "message"}`` with its status."""

    def on_api_error(request, exc: ApiError):
        return error_response(api, request, exc.status, exc.code, exc.message, exc.details)

    def on_auth(request, exc):
        response = error_response(api, request, 401, "unauthenticated",
                                  "Send a valid token: Authorization: Bearer sel_...")
        response["WWW-Authenticate"] = 'Bearer realm="selection"'
        return response

    def on_throttled(request, exc):
        return error_response(api, request, 429, "rate_limited",
                              "Too many calls from this client; wait and try again.")

    def on_validation(request, exc: NinjaValidationError):
        details = [{"loc": [str(p) for p in e.get("loc", [])], "message": e.get("msg", "")}
                   for e in exc.errors]
        return error_response(api, request, 422, "invalid_input",
                              "The request does not match the schema.", details)

    def on_django_validation(request, exc: DjangoValidationError):
        messages = (exc.message_dict if hasattr(exc, "error_dict")
                    else {"__all__": exc.messages})
        details = [{"loc": [k], "message": m} for k, ms in messages.items() for m in ms]
        return error_response(api, request, 400, "invalid", "; ".join(
            m for ms in messages.values() for m in ms), details)

    def on_http(request, exc: HttpError):
        return error_response(api, request, exc.status_code, "http_error", str(exc))

    def on_404(request, exc):
        return error_response(api, request, 404, "not_found", "No such resource.")

    def on_data_error(request, exc):
        # A value the database cannot store as given (PostgreSQL refuses NUL characters in
        # text, before the query is sent): the client's input, so a 400, never a 500.
        return error_response(api, request, 400, "invalid",
                              "A value in the request cannot be stored as given (for example "
                              "a NUL character).")

    def on_too_big(request, exc):
        return error_response(api, request, 413, "body_too_large",
                              "The request body is larger than this API accepts.")

    api.add_exception_handler(ApiError, on_api_error)
    api.add_exception_handler(AuthenticationError, on_auth)
    api.add_exception_handler(Throttled, on_throttled)
    api.add_exception_handler(NinjaValidationError, on_validation)
    api.add_exception_handler(DjangoValidationError, on_django_validation)
    api.add_exception_handler(HttpError, on_http)
    api.add_exception_handler(Http404, on_404)
    api.add_exception_handler(RequestDataTooBig, on_too_big)
    api.add_exception_handler(DataError, on_data_error)


def logged(view, route: str):
    """Refuses oversized bodies before anything else and records each authenticated call."""

    def wrapper(request, *args, **kwargs):
        started = time.perf_counter()
        size = request.META.get("CONTENT_LENGTH") or "0"
        if not size.isdigit() or int(size) > settings.SELECTION_API_MAX_BODY_BYTES:
            response = HttpResponse(
                b'{"code": "body_too_large", "message": "The request body is larger than '
                b'this API accepts."}', status=413, content_type="application/json")
        else:
            response = view(request, *args, **kwargs)
        client = getattr(request, "api_client", None)
        if client is not None:
            ApiCall.objects.create(
                client_id=client.pk, method=request.method[:8], endpoint=route[:200],
                status=response.status_code,
                duration_ms=round(1000 * (time.perf_counter() - started)))
        response["Cache-Control"] = "private, no-store" if request.method != "GET" else (
            "private, no-cache")
        return response

    wrapper.csrf_exempt = getattr(view, "csrf_exempt", False)
    return wrapper
