"""Who may open an uploaded document: whoever its collection's view restrictions accept.

The root collection carries a staff-groups restriction (migration 0002), so every document
is private. Wagtail's own check answers a refusal by reversing a front-end login URL this
project does not mount (it would crash), so the check is made here first: anonymous
visitors are sent to the allauth login, signed-in people without access get a 403.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse


def refuse_unless_allowed(document, request):
    """before_serve_document hook: None to serve, else the refusal."""
    for restriction in document.collection.get_view_restrictions():
        if restriction.accept_request(request):
            continue
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse(settings.LOGIN_URL))
        raise PermissionDenied("This document is for staff only.")
    return None
