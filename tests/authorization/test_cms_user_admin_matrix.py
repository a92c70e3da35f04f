"""The workspace's user admin (list, add, edit, delete, bulk) for every kind of visitor.

Each visitor runs every row in a fresh database. A row a visitor may not use must also
leave every account exactly as it was.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from tests import factories

User = get_user_model()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Accounts made here need no slow password hashing (the checks still compare hashes)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

OK, LOGIN, DENY = "ok", "login", "deny"
VISITORS = ["anonymous", "interviewer", "manager", "hr", "superuser"]


def expect(anonymous, interviewer, manager, hr, superuser):
    return dict(zip(VISITORS, [anonymous, interviewer, manager, hr, superuser], strict=True))


SUPERUSER_ONLY = expect(LOGIN, DENY, DENY, DENY, OK)
HR_AND_SUPERUSER = expect(LOGIN, DENY, DENY, OK, OK)


def users_url(action, *args):
    return reverse(f"wagtailusers_users:{action}", args=args)


def bulk_url(action, *users):
    ids = "&".join(f"id={u.pk}" for u in users)
    return reverse("wagtail_bulk_action", args=["auth", "user", action]) + "?" + ids


def profile(user, **changes):
    data = {"username": user.username, "email": user.email, "first_name": user.first_name,
            "last_name": "Person", "is_active": "on",
            "groups": list(user.groups.values_list("pk", flat=True))}
    data.update(changes)
    return data


def newcomer(**extra):
    return {"username": "new@example.com", "email": "new@example.com", "first_name": "New",
            "last_name": "Comer", "groups": [Group.objects.get(name="Interviewer").pk],
            **extra}


# name -> (method, path builder, data builder, expectations). `t` holds the targets: a
# staff member and a second superuser (the visiting superuser may not delete itself).
ROWS = {
    "list": ("GET", lambda t: users_url("index"), None, HR_AND_SUPERUSER),
    "add form": ("GET", lambda t: users_url("add"), None, HR_AND_SUPERUSER),
    # A superuser's full form asks for a password; HR's form has none (a link is mailed).
    "add a staff member": ("POST", lambda t: users_url("add"), lambda t: newcomer(**(
        {"password1": "Pw-for-new-2026!", "password2": "Pw-for-new-2026!"}
        if t.visitor_is_superuser else {})), HR_AND_SUPERUSER),
    "add a superuser": ("POST", lambda t: users_url("add"),
                        lambda t: newcomer(is_superuser="on", password1="Pw-for-new-2026!",
                                           password2="Pw-for-new-2026!"), SUPERUSER_ONLY),
    "edit form of a staff member": ("GET", lambda t: users_url("edit", t.staff.pk), None,
                                    HR_AND_SUPERUSER),
    "edit a staff member": ("POST", lambda t: users_url("edit", t.staff.pk),
                            lambda t: profile(t.staff, last_name="Edited"), HR_AND_SUPERUSER),
    "set a staff member's password": (
        "POST", lambda t: users_url("edit", t.staff.pk),
        lambda t: profile(t.staff, password1="Pw-for-staff-2026!",
                          password2="Pw-for-staff-2026!"), SUPERUSER_ONLY),
    "edit form of a superuser": ("GET", lambda t: users_url("edit", t.admin.pk), None,
                                 SUPERUSER_ONLY),
    "edit a superuser": ("POST", lambda t: users_url("edit", t.admin.pk),
                         lambda t: profile(t.admin, email="taken@example.com"),
                         SUPERUSER_ONLY),
    "set a superuser's password": (
        "POST", lambda t: users_url("edit", t.admin.pk),
        lambda t: profile(t.admin, password1="Pw-for-admin-2026!",
                          password2="Pw-for-admin-2026!"), SUPERUSER_ONLY),
    # Nobody but a superuser holds auth.delete_user.
    "delete form of a staff member": ("GET", lambda t: users_url("delete", t.staff.pk), None,
                                      SUPERUSER_ONLY),
    "delete a staff member": ("POST", lambda t: users_url("delete", t.staff.pk), None,
                              SUPERUSER_ONLY),
    "delete a superuser": ("POST", lambda t: users_url("delete", t.admin.pk), None,
                           SUPERUSER_ONLY),
    "deactivate a superuser in bulk": (
        "POST", lambda t: bulk_url("set_active_state", t.admin),
        lambda t: {"mark_as_active": "False"}, SUPERUSER_ONLY),
    "give a superuser a group in bulk": (
        "POST", lambda t: bulk_url("assign_role", t.admin),
        lambda t: {"role": Group.objects.get(name="HR").pk}, SUPERUSER_ONLY),
    "give a staff member a staff group in bulk": (
        "POST", lambda t: bulk_url("assign_role", t.staff),
        lambda t: {"role": Group.objects.get(name="Hiring manager").pk}, HR_AND_SUPERUSER),
}


class Targets:
    def __init__(self, visitor_is_superuser: bool):
        self.visitor_is_superuser = visitor_is_superuser
        self.staff = factories.make_user("staff@example.com", "Interviewer")
        self.admin = factories.make_user("admin2@example.com", None, superuser=True)


def account_state():
    return {
        u.pk: (u.username, u.email, u.last_name, u.password, u.is_superuser, u.is_active,
               tuple(sorted(u.groups.values_list("name", flat=True))))
        for u in User.objects.all()
    }


def outcome(response, signed_in: bool) -> str:
    if response.status_code in (401, 403, 404):
        return DENY
    if response.status_code in (301, 302):
        if "/login/" in response["Location"]:
            # Wagtail sends a signed-in person without workspace access back to the login.
            return DENY if signed_in else LOGIN
        if response["Location"] == reverse("wagtailadmin_home"):
            return DENY  # Wagtail's own refusal: back to the dashboard with a message
        return OK
    if response.status_code == 200:
        return OK
    return f"error {response.status_code}"


@pytest.mark.parametrize("kind", VISITORS)
@pytest.mark.parametrize("row", list(ROWS))
def test_user_admin_matrix(client, request, groups, kind, row):
    method, path, data, expected = ROWS[row]
    targets = Targets(visitor_is_superuser=kind == "superuser")
    if kind == "anonymous":
        visitor = None
    else:
        visitor = request.getfixturevalue(kind)
        client.force_login(visitor, backend="django.contrib.auth.backends.ModelBackend")
    before = account_state()

    if method == "GET":
        response = client.get(path(targets))
    else:
        response = client.post(path(targets), data(targets) if data else {})

    got = outcome(response, signed_in=visitor is not None)
    assert got == expected[kind], f"{kind} {row}: expected {expected[kind]}, got {got} " \
                                  f"[{response.status_code}]"
    if got == OK and method == "POST":
        assert response.status_code == 302, "an allowed POST that did not save"
        assert account_state() != before
    if got != OK:
        assert account_state() == before
