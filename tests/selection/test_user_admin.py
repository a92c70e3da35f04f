"""HR manages staff accounts in the workspace but cannot make or take over a superuser.

Every attack goes through the real Wagtail user views at /cms/users/.
"""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import PASSWORD

User = get_user_model()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Accounts made here need no slow password hashing (the checks still compare hashes)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def add_url():
    return reverse("wagtailusers_users:add")  # /cms/users/new/


def edit_url(user):
    return reverse("wagtailusers_users:edit", args=[user.pk])  # /cms/users/edit/<pk>/


def delete_url(user):
    return reverse("wagtailusers_users:delete", args=[user.pk])


def bulk_url(action, *users):
    ids = "&".join(f"id={u.pk}" for u in users)
    return reverse("wagtail_bulk_action", args=["auth", "user", action]) + "?" + ids


def signed_in(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def account_state():
    """Everything about every account that an attack could change."""
    return {
        u.pk: (u.username, u.email, u.first_name, u.last_name, u.password, u.is_superuser,
               u.is_staff, u.is_active, tuple(sorted(u.groups.values_list("name", flat=True))))
        for u in User.objects.all()
    }


def new_person(**extra):
    data = {"username": "newbie@example.com", "email": "newbie@example.com",
            "first_name": "New", "last_name": "Person",
            "groups": [Group.objects.get(name="Interviewer").pk]}
    data.update(extra)
    return data


def edit_data(user, **extra):
    data = {"username": user.username, "email": user.email, "first_name": user.first_name,
            "last_name": user.last_name or "Person", "is_active": "on",
            "groups": list(user.groups.values_list("pk", flat=True))}
    data.update(extra)
    return data


def test_hr_cannot_create_a_superuser(client, hr, superuser):
    before = account_state()
    response = signed_in(client, hr).post(add_url(), new_person(
        is_superuser="on", password1="Takeover-2026!", password2="Takeover-2026!"))
    assert response.status_code == 403
    assert account_state() == before
    assert not User.objects.filter(email="newbie@example.com").exists()


def test_hr_cannot_set_the_superusers_password(client, hr, superuser):
    before = account_state()
    response = signed_in(client, hr).post(edit_url(superuser), edit_data(
        superuser, password1="Takeover-2026!", password2="Takeover-2026!"))
    assert response.status_code == 403
    assert account_state() == before
    superuser.refresh_from_db()
    assert superuser.check_password(PASSWORD)
    assert not superuser.check_password("Takeover-2026!")


@pytest.mark.parametrize("change", [
    {"email": "attacker@example.com"},  # then a reset link would go to the attacker
    {"is_active": ""},
    {"last_name": "Renamed"},
])
def test_hr_cannot_edit_a_superuser_in_any_way(client, hr, superuser, change):
    client = signed_in(client, hr)
    assert client.get(edit_url(superuser)).status_code == 403
    before = account_state()
    response = client.post(edit_url(superuser), edit_data(superuser, **change))
    assert response.status_code == 403
    assert account_state() == before


def test_hr_cannot_delete_a_superuser(client, hr, superuser):
    client = signed_in(client, hr)
    before = account_state()
    assert client.get(delete_url(superuser)).status_code == 403
    assert client.post(delete_url(superuser)).status_code == 403
    assert account_state() == before


def test_hr_cannot_set_a_staff_members_password(client, hr, interviewer):
    before = account_state()
    response = signed_in(client, hr).post(edit_url(interviewer), edit_data(
        interviewer, password1="Takeover-2026!", password2="Takeover-2026!"))
    assert response.status_code == 403
    assert account_state() == before


def test_hr_cannot_make_a_staff_member_a_superuser(client, hr, interviewer):
    before = account_state()
    response = signed_in(client, hr).post(edit_url(interviewer),
                                          edit_data(interviewer, is_superuser="on"))
    assert response.status_code == 403
    assert account_state() == before


def test_hr_forms_offer_no_administrator_flag_no_password_and_only_staff_groups(
        client, hr, interviewer):
    client = signed_in(client, hr)
    for path in (add_url(), edit_url(interviewer)):
        response = client.get(path)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="is_superuser"' not in html
        assert 'name="password1"' not in html
        offered = {g.pk for g in response.context["form"].fields["groups"].queryset}
        assert offered == set(Group.objects.filter(
            name__in=["HR", "Hiring manager", "Interviewer"]).values_list("pk", flat=True))


def test_hr_cannot_put_someone_in_a_group_outside_the_staff_groups(client, hr):
    editors = Group.objects.get_or_create(name="Editors")[0]
    before = account_state()
    response = signed_in(client, hr).post(add_url(),
                                          new_person(groups=[editors.pk]))
    assert response.status_code == 200  # the form again, with the error
    assert response.context["form"].errors["groups"]
    assert account_state() == before


def test_hr_invites_a_new_interviewer_who_chooses_their_own_password(
        client, hr, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(client, hr).post(add_url(), new_person())
    assert response.status_code == 302
    person = User.objects.get(email="newbie@example.com")
    assert list(person.groups.values_list("name", flat=True)) == ["Interviewer"]
    assert not person.is_superuser
    assert not person.has_usable_password()
    assert EmailAddress.objects.filter(user=person, verified=True, primary=True).exists()
    assert [m.to for m in mailoutbox] == [["newbie@example.com"]]
    assert "/accounts/password/reset/key/" in mailoutbox[0].body


def test_an_address_already_in_use_is_refused(client, hr, superuser):
    before = account_state()
    response = signed_in(client, hr).post(add_url(), new_person(
        username="second@example.com", email=superuser.email.upper()))
    assert response.status_code == 200
    assert "Another account already uses this email address." in str(
        response.context["form"].errors["email"])
    assert account_state() == before


def test_hr_edits_a_staff_member_and_their_other_groups_stay(client, hr, interviewer):
    editors = Group.objects.get_or_create(name="Editors")[0]
    interviewer.groups.add(editors)
    manager_group = Group.objects.get(name="Hiring manager")
    response = signed_in(client, hr).post(edit_url(interviewer), edit_data(
        interviewer, last_name="Moved", groups=[manager_group.pk]))
    assert response.status_code == 302
    interviewer.refresh_from_db()
    assert interviewer.last_name == "Moved"
    assert set(interviewer.groups.values_list("name", flat=True)) == {"Hiring manager",
                                                                      "Editors"}
    assert interviewer.check_password(PASSWORD)


def test_bulk_actions_cannot_touch_a_superuser(client, hr, superuser, interviewer):
    client = signed_in(client, hr)
    before = account_state()
    response = client.post(
        bulk_url("set_active_state", superuser, interviewer),
        {"mark_as_active": "False"})
    assert response.status_code == 403
    hr_group = Group.objects.get(name="HR")
    response = client.post(bulk_url("assign_role", superuser),
                           {"role": hr_group.pk})
    assert response.status_code == 403
    assert account_state() == before


def test_bulk_assign_role_is_limited_to_the_staff_groups(client, hr, interviewer):
    moderators = Group.objects.get_or_create(name="Moderators")[0]
    before = account_state()
    response = signed_in(client, hr).post(
        bulk_url("assign_role", interviewer), {"role": moderators.pk})
    assert response.status_code == 403
    assert account_state() == before


def test_hr_may_still_assign_a_staff_group_in_bulk(client, hr, interviewer):
    manager_group = Group.objects.get(name="Hiring manager")
    response = signed_in(client, hr).post(
        bulk_url("assign_role", interviewer), {"role": manager_group.pk})
    assert response.status_code == 302
    assert interviewer.groups.filter(name="Hiring manager").exists()


def test_a_superuser_keeps_the_full_forms(client, superuser):
    client = signed_in(client, superuser)
    html = client.get(add_url()).content.decode()
    assert 'name="is_superuser"' in html and 'name="password1"' in html
    response = client.post(add_url(), new_person(
        is_superuser="on", password1="Second-Admin-2026!", password2="Second-Admin-2026!"))
    assert response.status_code == 302
    second = User.objects.get(email="newbie@example.com")
    assert second.is_superuser and second.check_password("Second-Admin-2026!")
