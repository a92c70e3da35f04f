"""Template context shared by every page."""

from django.conf import settings

from .access import is_hr
from .models import HiringTeamMember
from .panels import nav_count


def roles(request) -> dict:
    """``user_is_hr``, ``user_manages`` (HR or a hiring manager: the Openings menu) and
    ``nav_due``, the number of things due shown beside My work."""
    user = getattr(request, "user", None)
    hr = bool(user and is_hr(user))
    manages = hr or bool(
        user and user.is_authenticated and HiringTeamMember.objects.filter(
            user=user, role=HiringTeamMember.HIRING_MANAGER).exists()
    )
    due = nav_count(user) if user is not None else 0
    return {"user_is_hr": hr, "user_manages": manages, "nav_due": due}


def branding(request) -> dict:
    """The product's name and the company's, for the app's and the admin's headers."""
    return {
        "product_name": settings.WAGTAIL_SITE_NAME,
        "company_name": settings.SELECTION_COMPANY_NAME,
    }
