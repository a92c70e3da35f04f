"""Superusers and HR set up TOTP before they reach anything (SELECTION_REQUIRE_MFA_FOR_STAFF)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
SETUP = "/accounts/2fa/totp/activate/"
# Pages of every kind: the app, HR's pages, both admins, a POST that would change data.
ELSEWHERE = ["/", "/openings/", "/interviews/", "/people/invite/", "/reports/fairness/",
             "/assessments/producers/", "/cms/", "/cms/snippets/selection/candidate/",
             "/django-admin/", "/accounts/email/", "/accounts/password/change/"]


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def required(db, settings):
    settings.SELECTION_REQUIRE_MFA_FOR_STAFF = True


def log_in(user) -> tuple[Client, object]:
    """Through the real allauth login form; returns the client and the last response."""
    client = Client()
    response = client.post(reverse("account_login"),
                           {"login": user.email, "password": PASSWORD}, follow=True)
    assert client.session["_auth_user_id"] == str(user.pk)
    return client, response


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


@pytest.mark.parametrize("who", ["superuser", "hr"])
def test_staff_without_totp_are_sent_to_set_it_up_and_reach_nothing_else(
        required, request, who):
    user = request.getfixturevalue(who)
    client, response = log_in(user)
    assert SETUP in [url for url, _ in response.redirect_chain]
    stopped = []
    for path in ELSEWHERE:
        got = client.get(path)
        if got.status_code != 302 or got["Location"] != SETUP:
            stopped.append(f"GET {path}: {got.status_code} {got.get('Location')}")
    invite = client.post("/people/invite/", {"email": "x@example.com", "first_name": "X",
                                             "last_name": "Y", "group": "HR"})
    assert invite["Location"] == SETUP
    assert not get_user_model().objects.filter(email="x@example.com").exists()
    assert not stopped, "\n".join(stopped)
    # What stays open: the two-factor pages and signing out.
    assert client.get("/accounts/2fa/").status_code == 200
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("who", ["superuser", "hr"])
def test_after_activating_totp_through_allauth_everything_opens(
        required, settings, request, who):
    # One 30-second step of slack, so that a slow machine crossing a step boundary between
    # computing the code and allauth checking it does not fail the test.
    settings.MFA_TOTP_TOLERANCE = 1
    user = request.getfixturevalue(who)
    client, _ = log_in(user)
    # allauth asks for the password again before a second factor is added.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(SETUP)
    assert page.status_code == 200, page.get("Location")
    secret = client.session[SECRET_SESSION_KEY]
    done = client.post(SETUP, {"code": current_code(secret)})
    assert done.status_code == 302, done.content.decode()[:2000]
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert client.get(done["Location"]).status_code == 200  # the recovery codes
    for path in ["/", "/cms/"]:
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("who", ["manager", "interviewer"])
def test_managers_and_interviewers_are_not_asked(required, request, who):
    client, response = log_in(request.getfixturevalue(who))
    assert response.status_code == 200
    assert SETUP not in [url for url, _ in response.redirect_chain]
    assert client.get("/interviews/").status_code == 200


def test_with_the_setting_off_staff_go_straight_in(settings, superuser, hr):
    settings.SELECTION_REQUIRE_MFA_FOR_STAFF = False
    for user, page in [(superuser, "/django-admin/"), (hr, "/cms/")]:
        client, response = log_in(user)
        assert SETUP not in [url for url, _ in response.redirect_chain]
        assert client.get(page).status_code == 200


def test_staff_cannot_switch_the_required_totp_off(settings, superuser, interviewer):
    settings.SELECTION_REQUIRE_MFA_FOR_STAFF = True
    staff = TOTP.activate(superuser, generate_totp_secret()).instance
    other = TOTP.activate(interviewer, generate_totp_secret()).instance
    assert get_adapter().can_delete_authenticator(staff) is False
    assert get_adapter().can_delete_authenticator(other) is True
    settings.SELECTION_REQUIRE_MFA_FOR_STAFF = False
    assert get_adapter().can_delete_authenticator(staff) is True


def setting_from_environment(**env) -> str:
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"DEBUG", "SECRET_KEY", "SELECTION_REQUIRE_MFA_FOR_STAFF"}}
    environment.update(SECRET_KEY="x" * 50, SELECTION_BASE_URL="https://hire.example.com", **env)
    result = subprocess.run(
        [sys.executable, "-c",
         "import selection.settings as s; print(s.SELECTION_REQUIRE_MFA_FOR_STAFF)"],
        cwd=ROOT, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(("env", "expected"), [
    ({"DEBUG": "0"}, "True"),
    ({"DEBUG": "1"}, "False"),
    ({"DEBUG": "1", "SELECTION_REQUIRE_MFA_FOR_STAFF": "1"}, "True"),
    ({"DEBUG": "0", "SELECTION_REQUIRE_MFA_FOR_STAFF": "0"}, "False"),
])
def test_required_by_default_when_debug_is_off(env, expected):
    assert setting_from_environment(**env) == expected
