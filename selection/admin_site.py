"""The Django admin is for superusers only; HR works in Wagtail at /cms/.

Both admins come with their own password-only login (and Wagtail with its own password
reset). Those views are routed to allauth, where the second factor is always asked and
failed logins are rate limited; see ``selection/urls.py``.
"""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def superuser_only(request) -> bool:
    user = request.user
    return user.is_active and user.is_superuser


def safe_next(request, default: str) -> str:
    """The ``next`` parameter when it stays on this site, otherwise ``default``."""
    target = request.GET.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def login_through_accounts(request, default: str = "/django-admin/"):
    """Sends a dependency's login page to the allauth login, keeping a safe ``next``.

    Whatever the method, nothing is authenticated here: a password posted to this URL is
    dropped, so it can neither skip the second factor nor the failed-login rate limit.
    """
    target = safe_next(request, default)
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")


def password_reset_through_accounts(request):
    """Wagtail's password reset pages hand over to allauth's (rate limited, one flow)."""
    return redirect("account_reset_password")
