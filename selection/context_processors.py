"""Template context shared by every page."""

from django.conf import settings

from .access import is_hr


def roles(request) -> dict:
    user = getattr(request, "user", None)
    return {"user_is_hr": bool(user and is_hr(user))}


def branding(request) -> dict:
    """The product's name and the company's, for the app's and the admin's headers."""
    return {
        "product_name": settings.WAGTAIL_SITE_NAME,
        "company_name": settings.SELECTION_COMPANY_NAME,
    }
