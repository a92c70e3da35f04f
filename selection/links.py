"""Absolute addresses for emails, built from SELECTION_BASE_URL.

A link mailed to someone is never built from the Host header of the request that caused
the mail: anyone can send any Host, and a password-reset link pointing at their server
would hand them the reset key.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings


class ConfiguredSite:
    """This site as emails name it (the ``current_site`` of allauth's templates)."""

    def __init__(self):
        self.name = settings.WAGTAIL_SITE_NAME
        self.domain = urlsplit(settings.SELECTION_BASE_URL).netloc

    def __str__(self) -> str:
        return self.domain


def absolute_url(path: str) -> str:
    """The full address of ``path`` (which starts with one slash) on this site."""
    if not path.startswith("/") or path.startswith("//"):
        raise ValueError(f"Not a path on this site: {path!r}")
    return settings.SELECTION_BASE_URL + path


def rebase(url: str) -> str:
    """``url`` with its scheme and host replaced by SELECTION_BASE_URL's; path and query kept."""
    parts = urlsplit(url)
    return absolute_url(urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment)))
