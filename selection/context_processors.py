"""Template context shared by every page."""

from django.conf import settings

from .access import is_hr
from .models import HiringTeamMember
from .panels import nav_counts


def roles(request) -> dict:
    """``user_is_hr``, ``user_manages`` (HR or a hiring manager: the Openings menu) and
    ``nav_due``, the number of things due shown beside My work, and ``nav_due_items``, the
    number of each kind ("1 interview this week", "2 scorecards to write")."""
    user = getattr(request, "user", None)
    hr = bool(user and is_hr(user))
    manages = hr or bool(
        user and user.is_authenticated and HiringTeamMember.objects.filter(
            user=user, role=HiringTeamMember.HIRING_MANAGER).exists()
    )
    items = nav_counts(user) if user is not None else []
    return {"user_is_hr": hr, "user_manages": manages,
            "nav_due": sum(due.number for due in items), "nav_due_items": items}


def branding(request) -> dict:
    """The product's name and the company's, for the app's and the admin's headers."""
    return {
        "product_name": settings.WAGTAIL_SITE_NAME,
        "company_name": settings.SELECTION_COMPANY_NAME,
    }
