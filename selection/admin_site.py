"""The Django admin is for superusers only; HR works in Wagtail at /cms/."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def superuser_only(request) -> bool:
    user = request.user
    return user.is_active and user.is_superuser


def login_through_accounts(request):
    """Sends the admin's login to the allauth login, so the second factor is always asked."""
    target = request.GET.get("next", "/django-admin/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/django-admin/"
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")
