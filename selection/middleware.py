"""Response headers every page carries, and a clean answer when the database is down."""

import functools
import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

from .accounts import lacks_required_two_factor
from .admin_site import superuser_only

logger = logging.getLogger(__name__)


def outage_answer(exception):
    """The 503 page when ``exception`` is a lost database connection, else None."""
    from .errors import database_unavailable, is_database_outage

    if not is_database_outage(exception):
        return None
    logger.error("Database unavailable: %s", exception)
    return database_unavailable()


def answers_503_when_the_database_is_down(process_view):
    """Our middleware reads ``request.user`` (a session query) before any view runs.

    Django hands exceptions from a view to ``process_exception``, but not exceptions from
    another middleware's ``process_view``: a lost connection there would be a 500. This
    gives those methods the same 503 as a view.
    """

    @functools.wraps(process_view)
    def wrapper(self, request, *args, **kwargs):
        try:
            return process_view(self, request, *args, **kwargs)
        except Exception as exc:
            response = outage_answer(exc)
            if response is None:
                raise
            return response

    return wrapper

# The Wagtail admin ships its own scripts and inline styles; it gets a looser policy.
CMS_POLICY = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'; frame-ancestors 'self'; "
    "object-src 'none'; base-uri 'self'"
)


class SecurityHeadersMiddleware:
    """Adds the content security policy and removes server identification."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            cms = request.path.startswith(("/cms/", "/django-admin/"))
            response["Content-Security-Policy"] = (
                CMS_POLICY if cms else settings.CONTENT_SECURITY_POLICY
            )
        response.headers.pop("Server", None)
        response.headers.pop("X-Powered-By", None)
        return response


class PrivateCacheMiddleware:
    """Nothing a signed-in person is shown is kept by a shared cache or the browser.

    Every response to a signed-in request gets ``Cache-Control: private, no-store``, so a
    candidate's page cannot come back from the back/forward cache after logout. Directives a
    view set already are kept (``no-cache``, ``must-revalidate``, ...); ``public`` goes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 503:
            return response  # the database is down: reading the user would fail again
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class DatabaseUnavailableMiddleware:
    """Answers 503 with a plain page while the database cannot be reached.

    The page is rendered without touching the database, and the broken connection is
    closed so that the next request reconnects once the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return outage_answer(exception)


class RequireTwoFactorMiddleware:
    """Superusers and HR without TOTP are sent to set it up, and reach nothing else until then.

    Only while ``SELECTION_REQUIRE_MFA_FOR_STAFF`` is on. What stays open: signing out,
    confirming the password again (allauth asks before a second factor is added) and the
    two-factor pages themselves. Static files are served before any view is reached.
    """

    OPEN = {
        "account_logout", "account_reauthenticate", "mfa_reauthenticate", "mfa_index",
        "mfa_activate_totp", "mfa_view_recovery_codes", "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    @answers_503_when_the_database_is_down
    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.view_name in self.OPEN:
            return None
        if not lacks_required_two_factor(request.user):
            return None
        messages.warning(request, "Your role needs two-factor authentication. Set up an "
                                  "authenticator app to continue.")
        return redirect("mfa_activate_totp")


class StaffAreaMiddleware:
    """Signed-in people who may not use an admin area get the 403 page, not a login page.

    Wagtail (/cms/) and the Django admin answer a signed-in visitor without access by
    sending them to the login page, which sends a signed-in visitor straight back: a
    redirect loop in the browser. Here they are refused with the app's own 403 page.
    Anonymous visitors still go to the login page.
    """

    # The login hand-overs are ours, not the admins' pages. (Signing out is at
    # /accounts/logout/; Wagtail's own logout also needs admin access.)
    EXEMPT = {"admin_login_redirect", "cms_login_redirect", "cms_password_reset_redirect"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    @answers_503_when_the_database_is_down
    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or request.resolver_match.view_name in self.EXEMPT:
            return None
        if request.path.startswith(reverse("admin:index")) and not superuser_only(request):
            raise PermissionDenied("The Django admin is for superusers only.")
        if request.path.startswith(reverse("wagtailadmin_home")) and not user.has_perm(
            "wagtailadmin.access_admin"
        ):
            raise PermissionDenied("The HR workspace is for HR only.")
        return None
