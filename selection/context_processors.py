"""Template context shared by every page."""

from .access import is_hr


def roles(request) -> dict:
    user = getattr(request, "user", None)
    return {"user_is_hr": bool(user and is_hr(user))}
