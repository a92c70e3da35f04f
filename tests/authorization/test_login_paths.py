"""Every URL that takes a password ends in the allauth login, so the second factor is never skipped.

The login URLs are discovered from the URL resolver (login view classes, pattern names,
the admin's ``login`` method), so a login page that a dependency mounts later is checked
without anyone remembering to list it here. Each is tried in three states of the visitor:
a user without a second factor, a user with TOTP active, and a user half logged in
(password given to allauth, code not yet).
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.views import LoginView as AllauthLoginView
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.views import LoginView as DjangoLoginView
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import PASSWORD

# Pages that answer 200 only with a full session (the superuser may open all three).
BEHIND_LOGIN = ["/", "/cms/", "/django-admin/"]
KNOWN_LOGIN_PATHS = {"/accounts/login/", "/cms/login/", "/django-admin/login/"}


def walk(resolver=None, prefix=""):
    """(route, name, callback) of every URL pattern, third-party ones included."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from walk(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry.name or "", entry.callback


def takes_a_password(name: str, callback) -> bool:
    view_class = getattr(callback, "view_class", None)
    if view_class is not None and issubclass(view_class, DjangoLoginView | AllauthLoginView):
        return True
    return "login" in name or getattr(callback, "__name__", "") == "login"


def concrete(route: str) -> str:
    """A path for a route: regex anchors removed, every parameter set to 1."""
    path = re.sub(r"<[^>]+>|\(\?P<[^>]+>[^)]+\)", "1", route.lstrip("^").rstrip("$"))
    return "/" + path


def login_paths() -> list[str]:
    return sorted({concrete(route) for route, name, callback in walk()
                   if takes_a_password(name, callback)})


def password_post(user) -> dict:
    """What every known login form reads: allauth's ``login``, Django's ``username``."""
    return {"login": user.email, "username": user.username, "email": user.email,
            "password": PASSWORD}


def session_user(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def open_pages(client: Client) -> list[str]:
    return [page for page in BEHIND_LOGIN if client.get(page).status_code == 200]


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def totp_superuser(superuser):
    """The superuser with TOTP really activated (allauth's own API, stored in the database)."""
    TOTP.activate(superuser, generate_totp_secret())
    return superuser


def test_the_resolver_shows_every_known_login_page():
    """Discovery finds the login pages we know of; anything new it finds is checked too."""
    assert KNOWN_LOGIN_PATHS <= set(login_paths())


def test_no_second_factor_logs_in_only_through_allauth(superuser):
    """A password works for a user without a second factor only on the allauth login.

    Everywhere else it is dropped and the visitor lands on the allauth login form.
    """
    wrong = []
    for path in login_paths():
        cache.clear()
        client = Client()
        response = client.post(path, password_post(superuser), follow=True)
        if path == reverse("account_login"):
            if session_user(client) != str(superuser.pk):
                wrong.append(f"{path}: the allauth login did not log in")
            continue
        if session_user(client) is not None or open_pages(client):
            wrong.append(f"{path}: a password gave a session outside allauth")
        if response.resolver_match.view_name != "account_login":
            wrong.append(f"{path}: ended at {response.resolver_match.view_name}, "
                         "not the allauth login")
    assert not wrong, "\n".join(wrong)


def test_totp_active_a_password_alone_gives_no_session(totp_superuser):
    wrong = []
    for path in login_paths():
        cache.clear()
        client = Client()
        client.post(path, password_post(totp_superuser), follow=True)
        if session_user(client) is not None:
            wrong.append(f"{path}: logged in without the code")
        if opened := open_pages(client):
            wrong.append(f"{path}: {opened} answered 200 without the code")
    assert not wrong, "\n".join(wrong)


def test_half_logged_in_no_login_page_completes_the_login(totp_superuser):
    """Password given to allauth, code not yet: no login URL finishes the job."""
    wrong = []
    for path in login_paths():
        cache.clear()
        client = Client()
        response = client.post(reverse("account_login"), password_post(totp_superuser))
        assert response["Location"] == reverse("mfa_authenticate")
        client.post(path, password_post(totp_superuser), follow=True)
        if session_user(client) is not None:
            wrong.append(f"{path}: completed a half-done login without the code")
        if opened := open_pages(client):
            wrong.append(f"{path}: {opened} answered 200 without the code")
    assert not wrong, "\n".join(wrong)


def test_repeated_wrong_passwords_then_the_right_one_give_no_session(superuser):
    """The allauth failed-login limit holds on every login URL (the others take no password)."""
    wrong = []
    for path in login_paths():
        cache.clear()
        client = Client()
        for _ in range(15):
            client.post(path, {**password_post(superuser), "password": "wrong"})
        client.post(path, password_post(superuser), follow=True)
        if session_user(client) is not None:
            wrong.append(f"{path}: 15 wrong passwords, then the right one logged in")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", sorted(KNOWN_LOGIN_PATHS - {"/accounts/login/"}))
@pytest.mark.parametrize(("asked", "kept"), [
    ("/openings/", "/openings/"),
    ("https://evil.example/", None),
    ("//evil.example/x", None),
    ("", None),
])
def test_dependency_logins_hand_over_with_a_safe_next(db, client, path, asked, kept):
    response = client.get(path, {"next": asked} if asked else {})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == reverse("account_login")
    target = parse_qs(location.query)["next"][0]
    default = "/" + path.strip("/").split("/")[0] + "/"
    assert target == (kept or default)


@pytest.mark.parametrize("path", [
    "/cms/password_reset/", "/cms/password_reset/done/",
    "/cms/password_reset/confirm/MQ/set-password/", "/cms/password_reset/complete/",
])
def test_wagtail_password_reset_hands_over_to_allauth(client, superuser, path):
    from django.core import mail

    response = client.post(path, {"email": superuser.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password")
    assert mail.outbox == []
