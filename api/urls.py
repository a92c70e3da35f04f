"""The API's URLs, each operation wrapped to refuse oversized bodies and log the call."""

from django.urls import URLPattern, URLResolver

from .service import logged
from .v1 import api


def _wrapped(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            _wrapped(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name not in ("openapi-json",
                                                                 "openapi-view"):
            entry.callback = logged(entry.callback, prefix + str(entry.pattern))
    return patterns


patterns, app_name, namespace = api.urls
urlpatterns = _wrapped(patterns)
