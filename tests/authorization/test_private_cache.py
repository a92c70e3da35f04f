"""Whatever a signed-in person is shown carries ``Cache-Control: private, no-store``.

The pages come from the authorization matrix, which classifies every URL pattern of the
project: each one a visitor may open is requested as that visitor, plus pages of the
third-party areas (Wagtail, the Django admin, allauth).
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from selection.middleware import PrivateCacheMiddleware
from tests.authorization.test_authorization_matrix import MATRIX, OK, visitor_client

SIGNED_IN = ["interviewer", "manager", "hr", "superuser"]
THIRD_PARTY_PAGES = {
    "interviewer": ["/accounts/2fa/", "/accounts/email/"],
    "manager": ["/accounts/2fa/"],
    "hr": ["/cms/", "/cms/snippets/selection/candidate/", "/cms/pages/"],
    "superuser": ["/cms/", "/cms/users/", "/django-admin/", "/django-admin/auth/user/"],
}


def directives(response) -> set[str]:
    return {part.strip().split("=")[0].lower()
            for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_every_page_a_signed_in_person_opens_is_private_and_not_stored(demo):
    wrong, seen = [], 0
    for kind in SIGNED_IN:
        client = visitor_client(kind, demo)
        requests = [(method, build(demo)) for method, build, expected in MATRIX.values()
                    if expected[kind] == OK]
        requests += [("GET", path) for path in THIRD_PARTY_PAGES[kind]]
        for method, path in requests:
            response = getattr(client, method.lower())(path)
            seen += 1
            if not {"private", "no-store"} <= directives(response):
                wrong.append(f"{kind}: {method} {path} [{response.status_code}]: "
                             f"Cache-Control {response.get('Cache-Control')!r}")
    assert seen > 40  # the matrix really supplied pages
    assert not wrong, "\n".join(wrong)


def test_refusals_and_downloads_are_not_stored_either(demo):
    client = visitor_client("interviewer", demo)
    refused = client.get("/cms/")
    assert refused.status_code == 403
    assert {"private", "no-store"} <= directives(refused)
    manager = visitor_client("manager", demo)
    packet = manager.get(f"/reports/openings/{demo.slug}/packets/{demo.packet}/packet.pdf")
    assert packet.status_code == 200
    assert {"private", "no-store"} <= directives(packet)


@pytest.mark.parametrize(("already", "kept"), [
    ("no-cache, must-revalidate, max-age=0", {"no-cache", "must-revalidate", "max-age"}),
    ("public, max-age=3600", {"max-age"}),
    ("", set()),
])
def test_stricter_directives_are_kept_and_public_goes(superuser, already, kept):
    def view(request):
        response = HttpResponse("page")
        if already:
            response["Cache-Control"] = already
        return response

    request = RequestFactory().get("/")
    request.user = superuser
    got = directives(PrivateCacheMiddleware(view)(request))
    assert got == {"private", "no-store"} | kept


def test_anonymous_responses_are_left_to_their_views():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    response = PrivateCacheMiddleware(lambda request: HttpResponse("public page"))(request)
    assert "Cache-Control" not in response
