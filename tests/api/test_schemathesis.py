"""Schemathesis against the live OpenAPI document, in-process (no network server).

A short run: every operation, positive and negative data, a few examples each. With a
valid all-scopes token no answer is a 500 or breaks the document's response schema; the
same generated request without a token gets 401 and with a token lacking the operation's
scope gets 403. The hand-written attacks stay in test_contract.py.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.api.conftest import ALL_SCOPES
from tests.api.test_contract import SCOPES, world  # noqa: F401

EXAMPLES = 4
CHECKS = [not_a_server_error, response_schema_conformance]


@pytest.fixture
def wsgi_app():
    """Django's WSGI handler, keeping the test's transaction open between requests (as
    Django's test client does)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def live_schema(app):
    from api.v1 import api

    schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
    schema.app = app
    return schema


def operation_name(operation) -> str:
    return operation.definition.raw["operationId"].rsplit("_routes_", 1)[-1].split("_", 1)[1]


def _without_token(case) -> dict:
    return {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}


def sent_token(response) -> bool:
    return "Authorization" in response.request.headers


def expect(response, status, message, failures):
    if response.status_code != status:
        failures.append(message.format(response.status_code))


def exercise(operation, mode, tokens, failures, path_parameters=None):
    """Runs a few generated cases of one operation in one generation mode."""
    name = operation_name(operation)
    label = f"{operation.label} [{mode.value}]"

    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
    @hypothesis_settings(max_examples=EXAMPLES, deadline=None, database=None,
                         phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    def run(case):
        case.headers = _without_token(case)
        response = case.call(headers={"Authorization": f"Bearer {tokens['all']}"})
        if not sent_token(response):  # a negative case that drops the required header
            expect(response, 401, f"{label}: {{}} when the case dropped the token", failures)
            return
        try:
            case.validate_response(response, checks=CHECKS)
        except (Failure, FailureGroup) as exc:
            failures.append(f"{label}: {exc}")
        expect(case.call(), 401, f"{label}: {{}} without a token", failures)
        wrong = case.call(headers={"Authorization": f"Bearer {tokens[name]}"})
        expect(wrong, 403, f"{label}: {{}} with a token lacking its scope", failures)

    run()


def test_schemathesis_finds_no_500_no_schema_break_and_no_open_door(
        wsgi_app, make_api, world, settings):  # noqa: F811
    settings.SELECTION_API_RATE_LIMIT = 1_000_000
    schema = live_schema(wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    tokens = {"all": make_api(scopes=ALL_SCOPES).token}
    for operation in operations:
        name = operation_name(operation)
        assert name in SCOPES, f"{name}: say which scopes open it in test_contract.SCOPES"
        others = [s for s in ALL_SCOPES if s not in SCOPES[name]]
        tokens[name] = make_api(scopes=others, name=f"no {name}").token
    failures: list[str] = []
    for operation in operations:
        known = {p.name: world[p.name] for p in operation.path_parameters if p.name in world}
        exercise(operation, GenerationMode.POSITIVE, tokens, failures, known or None)
        exercise(operation, GenerationMode.POSITIVE, tokens, failures)
        exercise(operation, GenerationMode.NEGATIVE, tokens, failures)
    assert len(operations) >= len(SCOPES) - 3
    assert not failures, "\n".join(failures[:20])
