"""Links in emails are built from SELECTION_BASE_URL, never from the request's Host header.

Each request here carries ``Host: evil.example`` and ALLOWED_HOSTS lets it through, so what
is proved is where the mailed link comes from, not that Django rejects unknown hosts.
Before the fix, every one of these mails linked to http://evil.example/... (a password
reset link there hands its key to whoever runs evil.example).
"""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from assessments import delivery
from assessments.models import SJTInvitation
from tests.assessments.conftest import make_test

BASE = "https://hire.example.com"
EVIL = {"HTTP_HOST": "evil.example"}
URL = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture(autouse=True)
def _hostile_host_allowed(settings):
    settings.ALLOWED_HOSTS = ["evil.example", "testserver"]
    settings.SELECTION_BASE_URL = BASE
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


def mailed_links(message) -> list[str]:
    """Every absolute URL in the mail, after checking the mail names no other host."""
    texts = [message.subject, message.body,
             *(content for content, _ in getattr(message, "alternatives", []))]
    for text in texts:
        assert "evil.example" not in text, text
    links = [url for text in texts for url in URL.findall(text)]
    assert links, message.body
    for url in links:
        assert url.startswith(BASE + "/"), url
    return links


def test_password_reset_link(client, interviewer):
    response = client.post(reverse("account_reset_password"), {"email": interviewer.email},
                           **EVIL)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    (link,) = mailed_links(mail.outbox[0])
    assert "/accounts/password/reset/key/" in link
    # The rebuilt link still works: it leads to the form for a new password.
    opened = client.get(link.removeprefix(BASE), follow=True, **EVIL)
    assert opened.status_code == 200
    assert b"password1" in opened.content


def test_invitation_link(client, hr):
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(
        reverse("invite_user"),
        {"email": "new.person@example.com", "first_name": "New", "last_name": "Person",
         "group": "Interviewer"},
        **EVIL,
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.person@example.com"]
    (link,) = mailed_links(mail.outbox[0])
    assert "/accounts/password/reset/key/" in link


def test_candidate_sjt_link(client, manager, application, library):
    test = make_test(library)
    client.force_login(manager, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(reverse("assessments:invite_candidate", args=[application.pk]),
                           {"test": test.pk}, **EVIL)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [application.candidate.email]
    (link,) = set(mailed_links(mail.outbox[0]))  # the same link in the text and HTML parts
    invitation = SJTInvitation.objects.get(candidate=application.candidate)
    assert invitation_of(link) == invitation
    # The link is also shown to the manager on the candidate's page, to pass on by hand
    # (signed afresh for each page, so the same invitation rather than the same string).
    page = client.get(application.get_absolute_url(), **EVIL).content.decode()
    assert "evil.example" not in page
    (shown,) = re.findall(r"https?://[^\s\"'<>]*/assessments/t/[^\s\"'<>]+", page)
    assert invitation_of(shown) == invitation


def invitation_of(link: str) -> SJTInvitation:
    assert link.startswith(BASE + "/assessments/t/"), link
    return delivery.invitation_for_token(link.removeprefix(BASE + "/assessments/t/").rstrip("/"))
