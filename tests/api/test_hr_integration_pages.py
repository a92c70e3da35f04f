"""HR's integration pages: a client's token is shown once and works; revoking stops it;
the call log shows every call."""

import re

from api.models import ApiClient, WebhookEndpoint
from tests.api.conftest import Api


def test_hr_creates_a_client_and_sees_its_token_once(client, hr, opening):
    client.force_login(hr)
    response = client.post("/integrations/", {"name": "Greenhouse", "scopes": [
        "openings:read"], "openings": [opening.pk]})
    assert response.status_code == 200
    token = re.search(r'value="(sel_[^"]+)"', response.content.decode()).group(1)
    record = ApiClient.objects.get(name="Greenhouse")
    assert list(record.openings.all()) == [opening]
    assert token not in client.get("/integrations/").content.decode()
    assert Api(token).get("/openings").status_code == 200


def test_hr_revokes_a_client_and_its_token_stops(client, hr, make_api):
    ats = make_api()
    client.force_login(hr)
    client.post(f"/integrations/clients/{ats.record.pk}/revoke/")
    assert ats.get("/openings").status_code == 401


def test_a_new_secret_replaces_the_old_token(client, hr, make_api):
    ats = make_api()
    client.force_login(hr)
    page = client.post(f"/integrations/clients/{ats.record.pk}/rotate/").content.decode()
    new = re.search(r'value="(sel_[^"]+)"', page).group(1)
    assert ats.get("/openings").status_code == 401
    assert Api(new).get("/openings").status_code == 200


def test_the_call_log_lists_calls_without_values(client, hr, make_api, application):
    ats = make_api()
    ats.get(f"/applications/{application.pk}")
    client.force_login(hr)
    page = client.get(f"/integrations/calls/?client={ats.record.pk}").content.decode()
    assert "GET /api/v1/applications/&lt;application_id&gt;" in page
    assert application.candidate.email not in page


def test_hr_registers_a_webhook_and_sees_its_secret(client, hr, settings):
    settings.SELECTION_WEBHOOK_ALLOW_PRIVATE = True
    client.force_login(hr)
    page = client.post("/integrations/webhooks/", {
        "url": "http://127.0.0.1:9/hooks", "events": ["decision.recorded"]}).content.decode()
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.secret in page and endpoint.events == ["decision.recorded"]


def test_a_private_webhook_address_is_refused_in_production(client, hr, settings):
    settings.SELECTION_WEBHOOK_ALLOW_PRIVATE = False
    client.force_login(hr)
    page = client.post("/integrations/webhooks/", {
        "url": "https://127.0.0.1/hooks", "events": ["decision.recorded"]}).content.decode()
    assert "private or local" in page and not WebhookEndpoint.objects.exists()
