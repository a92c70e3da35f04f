"""Accounts: invitation only, email login, rate limits, TOTP with recovery codes."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests.factories import PASSWORD


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_public_signup_is_closed(client, groups):
    response = client.post(
        reverse("account_signup"),
        {"email": "stranger@example.com", "password1": "x-Long-pass-123",
         "password2": "x-Long-pass-123"},
    )
    assert not get_user_model().objects.filter(email="stranger@example.com").exists()
    assert b"Sign Up Closed" in response.content or response.status_code in (302, 403)


def test_hr_invites_a_colleague_who_gets_a_link(client, hr):
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(
        reverse("invite_user"),
        {"email": "New.Person@Example.com", "first_name": "New", "last_name": "Person",
         "group": "Interviewer"},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="new.person@example.com")
    assert not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == ["Interviewer"]
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_inviting_an_existing_address_is_refused_at_the_field(client, hr, interviewer):
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(
        reverse("invite_user"),
        {"email": interviewer.email, "first_name": "A", "last_name": "B", "group": "HR"},
    )
    assert response.status_code == 200
    assert b"already has an account" in response.content


@pytest.mark.parametrize("who", ["interviewer", "manager"])
def test_only_hr_invites(client, request, who):
    client.force_login(request.getfixturevalue(who),
                       backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(
        reverse("invite_user"),
        {"email": "x@example.com", "first_name": "X", "last_name": "Y", "group": "HR"},
    )
    assert response.status_code == 403
    assert not get_user_model().objects.filter(email="x@example.com").exists()


def test_repeated_failed_logins_are_rate_limited(client, interviewer):
    url = reverse("account_login")
    for _ in range(5):
        response = client.post(url, {"login": interviewer.email, "password": "wrong"})
        assert response.status_code == 200
    # Even the right password is refused while the limit holds.
    response = client.post(url, {"login": interviewer.email, "password": PASSWORD})
    assert b"Too many failed login attempts" in response.content
    assert "_auth_user_id" not in client.session


def current_code(secret: str) -> str:
    counter = next(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counter))


def test_totp_is_asked_after_the_password(client, interviewer):
    secret = generate_totp_secret()
    TOTP.activate(interviewer, secret)
    response = client.post(
        reverse("account_login"), {"login": interviewer.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(interviewer.pk)


def test_a_recovery_code_works_once(client, interviewer):
    TOTP.activate(interviewer, generate_totp_secret())
    codes = RecoveryCodes.activate(interviewer).get_unused_codes()
    assert len(codes) >= 8
    for expected_login in (True, False):
        client.logout()
        client.post(reverse("account_login"),
                    {"login": interviewer.email, "password": PASSWORD})
        client.post(reverse("mfa_authenticate"), {"code": codes[0]})
        assert ("_auth_user_id" in client.session) is expected_login
    assert Authenticator.objects.filter(user=interviewer).count() == 2


def test_two_factor_setup_page_needs_login(client, interviewer):
    assert client.get(reverse("mfa_activate_totp")).status_code == 302
    client.post(reverse("account_login"), {"login": interviewer.email, "password": PASSWORD})
    # Turning on a second factor asks for the password again first.
    assert client.get(reverse("mfa_activate_totp")).status_code == 302
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    assert b"svg" in response.content.lower()
