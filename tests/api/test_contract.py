"""The contract test: it reads the live OpenAPI document and attacks every operation.

For every operation: no token and forged tokens get 401; a token without the operation's
scope gets 403; a client limited to another opening gets 404 for this opening's objects;
junk bodies, injection strings, huge numbers and oversized bodies get a 4xx JSON error
with a stable code, never a 500 (ninja validates every answer against its response model,
so a 2xx that broke the schema would be a 500 here too); and no URL names a person.
"""

import json
import re

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories
from tests.api.conftest import ALL_SCOPES, Api

# The scope each operation needs (any one of them): the API's contract, written out.
SCOPES = {
    "list_openings": ["openings:read"], "get_opening": ["openings:read"],
    "put_candidate": ["candidates:write"], "get_candidate": ["candidates:write"],
    "put_application": ["candidates:write"],
    "get_application": ["candidates:write", "results:read"],
    "post_stage": ["candidates:write"], "post_withdraw": ["candidates:write"],
    "list_tests": ["candidates:write", "openings:read"],
    "invite_to_sjt": ["candidates:write"],
    "get_invitation": ["candidates:write", "results:read"],
    "list_invitations": ["candidates:write", "results:read"],
    "invite_to_references": ["candidates:write"],
    "get_reference_invitation": ["candidates:write", "results:read"],
    "get_results": ["results:read"], "get_report_pdf": ["results:read"],
    "bulk_producers": ["producers:write"],
    "list_endpoints": ["webhooks:manage"], "create_endpoint": ["webhooks:manage"],
    "delete_endpoint": ["webhooks:manage"], "list_deliveries": ["webhooks:manage"],
}
# A well-formed body for each operation that takes one.
BODIES = {
    "put_candidate": {"first_name": "Ada", "last_name": "Lovelace", "email": "c1@example.com"},
    "post_stage": {"stage": "assessment"},
    "invite_to_sjt": {"test_id": 1, "send_email": False},
    "invite_to_references": {"send_email": False},
    "bulk_producers": {"producers": [{"external_id": "e1", "first_name": "P",
                                      "last_name": "R", "email": "e1@example.com"}]},
    "create_endpoint": {"url": "http://127.0.0.1:9/h", "events": ["decision.recorded"]},
}
PATH_PARAMS = {"slug", "external_id", "opening_slug", "application_id", "invitation_id",
               "endpoint_id"}
HOSTILE = ["' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "a" * 300,
           "=HYPERLINK(\"x\")", "\u202e\u0000", "99999999999999999999999", "-1", "0"]


@pytest.fixture
def world(opening, application, library, manager):
    """This opening with one candidate (external id 'c-1'), another opening with one."""
    application.candidate.external_id = "c-1"
    application.candidate.save()
    other = factories.make_opening(library["profile"], manager=manager, slug="elsewhere")
    elsewhere = factories.make_application(other, "Bea", "Elsewhere")
    elsewhere.candidate.external_id = "c-2"
    elsewhere.candidate.save()
    return {"slug": opening.slug, "external_id": "c-1", "opening_slug": opening.slug,
            "application_id": application.pk, "invitation_id": 1, "endpoint_id": 1,
            "other_application": elsewhere.pk, "other_opening": other}


def operations():
    """(operation name, method, path template) of every operation in the live document."""
    from api.v1 import api

    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            name = op["operationId"].rsplit("_routes_", 1)[-1].split("_", 1)[1]
            yield name, method.upper(), path.removeprefix("/api/v1"), op


def fill(template: str, values: dict) -> str:
    return re.sub(r"{(\w+)}", lambda m: str(values[m.group(1)]), template)


def call(api: Api, method: str, path: str, body=None):
    if method == "GET":
        return api.get(path)
    return api.send(method, path, {} if body is None else body)


def assert_json_error(response, *statuses):
    assert response.status_code in statuses, (response.status_code, response.content[:300])
    body = response.json()
    assert isinstance(body["code"], str) and isinstance(body["message"], str)


def test_the_document_lists_every_operation_and_names_no_person(ats):
    ops = list(operations())
    assert {name for name, *_ in ops} == set(SCOPES)
    for _name, _method, path, _op in ops:
        params = set(re.findall(r"{(\w+)}", path))
        assert params <= PATH_PARAMS, path
        assert not re.search(r"email|name|phone", path)


def test_the_document_is_served_to_staff_and_hr_only(client, hr, interviewer):
    assert client.get("/api/v1/openapi.json").status_code == 302
    client.force_login(interviewer)
    assert client.get("/api/v1/openapi.json").status_code == 403
    client.force_login(hr)
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert client.get("/api/v1/docs").status_code == 200


def test_every_operation_refuses_a_missing_or_forged_token(world, ats):
    for token in [None, "sel_nothing_here", ats.token + "x", ats.token.upper()]:
        api = Api(token)
        for name, method, template, _op in operations():
            response = call(api, method, fill(template, world))
            assert_json_error(response, 401)
            assert response["WWW-Authenticate"].startswith("Bearer"), name


def test_every_operation_refuses_a_token_without_its_scope(world, make_api):
    for name, method, template, _op in operations():
        others = [s for s in ALL_SCOPES if s not in SCOPES[name]]
        response = call(make_api(scopes=others), method, fill(template, world))
        assert_json_error(response, 403)
        assert response.json()["code"] == "insufficient_scope", name


def test_every_operation_accepts_its_own_scope(world, make_api):
    for name, method, template, _op in operations():
        api = make_api(scopes=SCOPES[name][:1])
        response = call(api, method, fill(template, world), BODIES.get(name))
        assert response.status_code not in (401, 403, 500), (name, response.status_code)


def test_a_client_of_another_opening_reaches_nothing_here(world, make_api):
    fenced = make_api(openings=[world["other_opening"]])
    for name, method, template, _op in operations():
        if not re.search(r"{(application_id|slug|opening_slug|external_id)}", template):
            continue
        response = call(fenced, method, fill(template, world), BODIES.get(name))
        assert response.status_code == 404, name
        assert_json_error(response, 404)
    # ... and its own opening is open to it
    own = fenced.get(f"/applications/{world['other_application']}")
    assert own.status_code == 200


def test_hostile_path_values_get_a_json_4xx(world, ats):
    from urllib.parse import quote

    for name, method, template, _op in operations():
        for hostile in HOSTILE:
            quoted = quote(hostile, safe="")
            path = re.sub(r"{(\w+)}", lambda _m, q=quoted: q, template)
            if path == template:
                continue
            response = call(ats, method, path)
            assert 400 <= response.status_code < 500, (name, hostile, response.status_code)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                              max_size=4),
    max_leaves=12)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(junk=JSON)
def test_junk_bodies_never_break_an_operation(world, ats, junk):
    for name, method, template, op in operations():
        if method not in ("POST", "PUT") or "requestBody" not in op:
            continue
        response = call(ats, method, fill(template, world), junk)
        assert response.status_code < 500, (name, junk, response.content[:300])
        if response.status_code >= 400:
            assert "code" in response.json()


def test_broken_json_and_wrong_types_are_refused(world, ats):
    path = "/candidates/c-9"
    for raw in ['{"first_name":', "[]", "null", '{"first_name": 5, "last_name": [], '
                '"email": {}}', '{"first_name": "A", "last_name": "B", "email": "a@b.c", '
                '"phone": "' + "9" * 500 + '"}']:
        assert_json_error(ats.put(path, raw), 400, 422)


def test_an_oversized_body_is_refused_before_it_is_read(world, ats, settings):
    settings.SELECTION_API_MAX_BODY_BYTES = 10_000
    big = {"producers": [{"external_id": f"e{n}", "first_name": "A" * 50, "last_name": "B",
                          "email": f"e{n}@example.com"} for n in range(200)]}
    response = ats.post("/producers/bulk", big)
    assert_json_error(response, 413)
    assert response.json()["code"] == "body_too_large"


def test_injection_strings_are_stored_and_returned_as_text(world, ats):
    name = "<img src=x onerror=alert(1)>'; DROP TABLE selection_candidate;--"
    response = ats.put("/candidates/c-inj", {"first_name": name, "last_name": "=1+2",
                                             "email": "inj@example.com"})
    assert response.status_code == 201
    back = ats.get("/candidates/c-inj")
    assert back.json()["first_name"] == name
    assert back["Content-Type"].startswith("application/json")
    assert json.loads(back.content)["last_name"] == "=1+2"


def test_a_captured_webhook_replayed_later_fails_verification():
    import time

    from api.webhooks import sign, verify

    body = b'{"id":"stage-change-1"}'
    captured = sign("whsec_x", int(time.time()), body)
    assert verify("whsec_x", captured, body)
    assert not verify("whsec_x", captured, body, now=time.time() + 301)


def test_sessions_do_not_open_the_api(world, hr, superuser):
    browser = Client()
    browser.force_login(superuser)
    assert browser.get("/api/v1/openings").status_code == 401
