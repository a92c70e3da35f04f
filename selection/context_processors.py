"""Template context shared by every page."""

from .access import is_hr
from .models import HiringTeamMember


def roles(request) -> dict:
    """``user_is_hr``, and ``user_manages`` (HR or a hiring manager: the Openings menu)."""
    user = getattr(request, "user", None)
    hr = bool(user and is_hr(user))
    manages = hr or bool(
        user and user.is_authenticated and HiringTeamMember.objects.filter(
            user=user, role=HiringTeamMember.HIRING_MANAGER).exists()
    )
    return {"user_is_hr": hr, "user_manages": manages}
