"""Opening an admin area you may not use ends on the app's 403 page, never in a redirect loop.

The test client follows redirects (at most 20, and it stops on a cycle), as a browser
would before it gives up with ERR_TOO_MANY_REDIRECTS.
"""

import pytest
from django.test import Client

HOME, LOGIN_FORM, REFUSED = "home", "login form", "refused"

EXPECTED = {
    # visitor: (/cms/, /django-admin/)
    "anonymous": (LOGIN_FORM, LOGIN_FORM),
    "interviewer": (REFUSED, REFUSED),
    "manager": (REFUSED, REFUSED),
    "hr": (HOME, REFUSED),
    "superuser": (HOME, HOME),
}
AREAS = {0: ["/cms/", "/cms/snippets/", "/cms/login/"],
         1: ["/django-admin/", "/django-admin/auth/user/", "/django-admin/login/"]}


def where_it_ends(client: Client, path: str) -> str:
    response = client.get(path, follow=True)  # raises RedirectCycleError on a loop
    view = response.resolver_match.view_name if response.resolver_match else None
    if response.status_code == 403:
        html = response.content.decode()
        assert 'href="/"' in html, f"{path}: the 403 page has no link home"
        assert "Not allowed" in html, f"{path}: not the app's own 403 page"
        return REFUSED
    if response.status_code == 200 and view == "account_login":
        return LOGIN_FORM
    if response.status_code == 200:
        return HOME
    return f"status {response.status_code} at {view}"


@pytest.mark.parametrize("visitor", list(EXPECTED))
def test_admin_areas_end_on_a_page(request, groups, visitor):
    client = Client()
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor),
                           backend="django.contrib.auth.backends.ModelBackend")
    wrong = []
    for area, paths in AREAS.items():
        for path in paths:
            got = where_it_ends(client, path)
            if got != EXPECTED[visitor][area]:
                wrong.append(f"{visitor} {path}: expected {EXPECTED[visitor][area]}, got {got}")
    assert not wrong, "\n".join(wrong)


def test_a_manager_signing_out_through_the_cms_gets_a_page_and_can_sign_out(manager):
    client = Client()
    client.force_login(manager, backend="django.contrib.auth.backends.ModelBackend")
    assert client.post("/cms/logout/", follow=True).status_code == 403
    client.post("/accounts/logout/", follow=True)
    assert "_auth_user_id" not in client.session
