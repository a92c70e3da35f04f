"""API clients with chosen scopes, and a test client that sends their token."""

import pytest
from django.test import Client

from tests.reports.conftest import cohort_opening, interviewer2  # noqa: F401

ALL_SCOPES = ["openings:read", "candidates:write", "results:read", "producers:write",
              "webhooks:manage"]


class Api:
    """A Django test client that talks JSON to /api/v1/ with one token."""

    def __init__(self, token: str | None):
        self.client = Client()
        self.token = token

    def _headers(self, extra):
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return {**headers, **(extra or {})}

    def get(self, path, headers=None, **params):
        return self.client.get("/api/v1" + path, params, headers=self._headers(headers))

    def send(self, method, path, body=None, headers=None):
        import json

        data = "" if body is None else (body if isinstance(body, str | bytes)
                                         else json.dumps(body))
        return getattr(self.client, method.lower())(
            "/api/v1" + path, data=data, content_type="application/json",
            headers=self._headers(headers))

    def put(self, path, body=None, **kw):
        return self.send("PUT", path, body, **kw)

    def post(self, path, body=None, **kw):
        return self.send("POST", path, body, **kw)


@pytest.fixture
def make_api(hr):
    from api.clients import create_client

    def make(scopes=ALL_SCOPES, openings=(), name="ATS"):
        client, token = create_client(name=name, scopes=scopes, openings=openings, by=hr)
        api = Api(token)
        api.record = client
        return api

    return make


@pytest.fixture
def ats(make_api):
    """A client with every scope and no opening restriction."""
    return make_api()
