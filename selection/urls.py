"""Root URLs: the app at /, the HR workspace (Wagtail) at /cms/, accounts at /accounts/."""

from django.contrib import admin
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .admin_site import login_through_accounts, password_reset_through_accounts, superuser_only
from .branding import favicon

admin.site.has_permission = superuser_only

urlpatterns = [
    # The Django admin's and Wagtail's own password-only logins would skip the second
    # factor and the failed-login rate limit: both hand over to the allauth login, and
    # Wagtail's password reset to allauth's. These must come before the admins' includes.
    path("django-admin/login/", login_through_accounts, name="admin_login_redirect"),
    path("cms/login/", login_through_accounts, {"default": "/cms/"}, name="cms_login_redirect"),
    re_path(r"^cms/password_reset/", password_reset_through_accounts,
            name="cms_password_reset_redirect"),
    path("favicon.ico", favicon, name="favicon"),
    path("django-admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("interviews/", include("interviews.urls")),
    path("assessments/", include("assessments.urls")),
    path("reports/", include("reports.urls")),
    # The integration API: token-authenticated, the top floor (it may import every app).
    path("api/v1/", include(("api.urls", "api"), namespace="api")),
    path("integrations/", include("api.hr_urls")),
    path("", include("selection.hiring_urls")),
]

handler403 = "selection.errors.permission_denied"
handler404 = "selection.errors.not_found"
handler500 = "selection.errors.server_error"
handler400 = "selection.errors.bad_request"
