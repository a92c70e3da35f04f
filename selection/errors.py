"""Error pages in the app's own layout, never with a traceback."""

import sys

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string


def _wants_json(request) -> bool:
    """True for a page's script (the autosaves), which reads a JSON error, not a page."""
    return (request.headers.get("X-Autosave") == "1"
            or "application/json" in request.headers.get("Accept", "")
            or request.content_type == "application/json")


def bad_request(request, exception=None):
    """400 for a request Django could not read (too large, too many fields, bad host).

    Usually raised before any view runs (the CSRF check reads the form first), so the
    autosave scripts get their JSON error here. The page is rendered without the
    request: a bad Host header must not break the error page too.
    """
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
        message = "What was sent is larger than this page accepts, so nothing was saved."
    else:
        message = "The request could not be read, so nothing was saved."
    if _wants_json(request):
        return JsonResponse({"ok": False, "title": "Not saved", "error": message}, status=400)
    return HttpResponse(render_to_string("errors/400.html", {"message": message}), status=400)


def permission_denied(request, exception=None):
    message = str(exception) if exception and str(exception) else "You do not have access here."
    return render(request, "errors/403.html", {"message": message}, status=403)


def not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def database_unavailable() -> HttpResponse:
    """A 503 page rendered without the database; broken connections are dropped."""
    for connection in connections.all(initialized_only=True):
        connection.close_if_unusable_or_obsolete()
    response = HttpResponse(render_to_string("errors/503.html"), status=503)
    response["Retry-After"] = "30"
    return response


def is_database_outage(exception) -> bool:
    """True when a database error comes from a lost or refused connection.

    Errors on a working connection (a bad query, a missing table) are bugs, not outages,
    and keep their 500.
    """
    if not isinstance(exception, OperationalError | InterfaceError):
        return False
    for connection in connections.all(initialized_only=True):
        if connection.connection is None or not connection.is_usable():
            return True
    return False


def server_error(request):
    """500 page; 503 when the cause is an unreachable database (the error is still logged)."""
    if is_database_outage(sys.exc_info()[1]):
        return database_unavailable()
    return HttpResponse(render_to_string("errors/500.html"), status=500)
