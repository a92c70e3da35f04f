"""Who may open the HR workspace, the Django admin and the library."""

import pytest
from django.urls import reverse

from competencies.models import Competency
from tests.factories import PASSWORD


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return _login


def test_hr_opens_the_wagtail_admin(login, hr):
    assert login(hr).get("/cms/").status_code == 200


@pytest.mark.parametrize("who", ["interviewer", "manager"])
def test_interviewers_and_managers_cannot_open_the_wagtail_admin(login, request, who):
    response = login(request.getfixturevalue(who)).get("/cms/")
    # Wagtail answers a signed-in person without admin access with a redirect to login.
    assert response.status_code in (302, 403)
    assert b"Dashboard" not in response.content


def test_anonymous_is_sent_to_login_from_cms(client, groups):
    response = client.get("/cms/")
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_interviewer_cannot_add_to_the_library(login, interviewer, library):
    client = login(interviewer)
    before = Competency.objects.count()
    response = client.post(
        "/cms/snippets/competencies/competency/add/",
        {"name": "Sneaky", "slug": "sneaky", "category": "x", "definition": "x",
         **{f"level_{n}": "x" for n in range(1, 6)}},
    )
    assert response.status_code in (302, 403)
    assert Competency.objects.count() == before


def test_hr_adds_a_competency_as_a_draft_with_a_revision(login, hr, library):
    client = login(hr)
    response = client.post(
        "/cms/snippets/competencies/competency/add/",
        {"name": "Forecasting", "slug": "forecasting", "category": "Deal management",
         "definition": "Calls the number and hits it.",
         **{f"level_{n}": f"Level {n} behaviour" for n in range(1, 6)}},
    )
    assert response.status_code == 302, response.content[:2000]
    item = Competency.objects.get(slug="forecasting")
    assert item.live is False
    assert item.has_unpublished_changes
    assert item.revisions.count() == 1
    assert item.kind == "competency"


def test_django_admin_is_for_superusers_only(login, hr, superuser):
    # Refused outright: a redirect to the login page would loop straight back here.
    assert login(hr).get("/django-admin/").status_code == 403
    assert login(superuser).get("/django-admin/").status_code == 200


def test_hr_cannot_publish_a_role_profile_directly(hr, library):
    profile = library["profile"]
    assert not profile.permissions_for_user(hr).can_publish()
    assert profile.permissions_for_user(hr).can_edit()


def test_password_login_works_with_email(client, interviewer):
    response = client.post(
        reverse("account_login"), {"login": interviewer.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
