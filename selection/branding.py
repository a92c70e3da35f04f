"""The product's face: the favicon at /favicon.ico and initials avatars for the admin."""

from functools import lru_cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

AVATAR_COLOURS = ["#1f5fbf", "#1d7a46", "#a15c00", "#6b3fa0", "#0f6e7a", "#b3261e"]


@lru_cache(maxsize=1)
def _favicon_bytes() -> bytes:
    return Path(finders.find("selection/brand/favicon.ico")).read_bytes()


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request) -> HttpResponse:
    """Browsers ask every site for /favicon.ico; this answers with the product's mark."""
    return HttpResponse(_favicon_bytes(), content_type="image/x-icon")


def initials(user) -> str:
    """Up to two letters for a person: first and last name, else the email's first letter."""
    first = (getattr(user, "first_name", "") or "").strip()
    last = (getattr(user, "last_name", "") or "").strip()
    letters = (first[:1] + last[:1]) or (getattr(user, "email", "") or "?")[:1]
    return letters.upper() or "?"


def initials_avatar_url(user, size: int = 50) -> str:
    """A data: URL of an SVG circle with the person's initials (no request leaves the site)."""
    from urllib.parse import quote

    from django.utils.html import escape

    colour = AVATAR_COLOURS[(getattr(user, "pk", 0) or 0) % len(AVATAR_COLOURS)]
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">'
        f'<circle cx="20" cy="20" r="20" fill="{colour}"/>'
        '<text x="20" y="25.5" font-family="system-ui,sans-serif" font-size="15" '
        f'font-weight="600" fill="#fff" text-anchor="middle">{escape(initials(user))}</text>'
        "</svg>"
    )
    return "data:image/svg+xml," + quote(svg)


def company_name() -> str:
    """The hiring company's name as candidates and interviewers read it in emails and
    invitations: ``SELECTION_COMPANY_NAME``, or "the hiring team" when it is not set."""
    from django.conf import settings

    return settings.SELECTION_COMPANY_NAME or "the hiring team"
