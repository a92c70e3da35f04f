"""Matrix rows for the integration API and HR's integration pages.

The API (/api/v1/) is token-authenticated: a session, whoever holds it, opens nothing
there (401), so every visitor kind of the matrix is refused. What a *token* may reach,
scope by scope and opening by opening, is the API's own matrix in
tests/api/test_contract.py. The OpenAPI document and the docs are for staff and HR when
DEBUG is off, as in this test run.
"""

DENY, LOGIN, OK = "deny", "login", "ok"
VISITORS = ["anonymous", "candidate", "interviewer", "outsider", "other_manager", "manager",
            "hr", "superuser"]
TOKEN_ONLY = dict.fromkeys(VISITORS, DENY)
HR_ONLY = dict(zip(VISITORS, [LOGIN, LOGIN, DENY, DENY, DENY, DENY, OK, OK], strict=True))
DOCS = HR_ONLY


def objects() -> dict:
    """An API client, a webhook endpoint and a delivery for the HR pages' paths."""
    from api.clients import create_client
    from api.models import ApiClient, WebhookDelivery, WebhookEndpoint

    client = ApiClient.objects.filter(name="Matrix ATS").first() or create_client(
        name="Matrix ATS", scopes=["openings:read"])[0]
    endpoint, _ = WebhookEndpoint.objects.get_or_create(
        url="http://127.0.0.1:9/matrix", defaults={"events": ["decision.recorded"],
                                                  "secret": "whsec_matrix"})
    delivery = WebhookDelivery.objects.filter(event_id="matrix").first() or (
        WebhookDelivery.objects.create(endpoint=endpoint, event="decision.recorded",
                                       event_id="matrix", payload={}))
    return {"client": client.pk, "endpoint": endpoint.pk, "delivery": delivery.pk}


A = "/api/v1"
MATRIX: dict = {
    "api:openapi-json": ("GET", lambda o: f"{A}/openapi.json", DOCS),
    "api:openapi-view": ("GET", lambda o: f"{A}/docs", DOCS),
    "api:api-root": ("GET", lambda o: f"{A}/", TOKEN_ONLY),
    "api:list_openings": ("GET", lambda o: f"{A}/openings", TOKEN_ONLY),
    "api:get_opening": ("GET", lambda o: f"{A}/openings/{o.slug}", TOKEN_ONLY),
    "api:put_candidate": ("PUT", lambda o: f"{A}/candidates/x1", TOKEN_ONLY),
    "api:get_candidate": ("GET", lambda o: f"{A}/candidates/x1", TOKEN_ONLY),
    "api:put_application": ("PUT", lambda o: f"{A}/candidates/x1/applications/{o.slug}",
                            TOKEN_ONLY),
    "api:get_application": ("GET", lambda o: f"{A}/applications/{o.app}", TOKEN_ONLY),
    "api:post_stage": ("POST", lambda o: f"{A}/applications/{o.app}/stage", TOKEN_ONLY),
    "api:post_withdraw": ("POST", lambda o: f"{A}/applications/{o.app}/withdraw", TOKEN_ONLY),
    "api:list_tests": ("GET", lambda o: f"{A}/sjt-tests", TOKEN_ONLY),
    "api:invite_to_sjt": ("POST", lambda o: f"{A}/applications/{o.app}/invitations/sjt",
                          TOKEN_ONLY),
    "api:get_invitation": ("GET", lambda o: f"{A}/invitations/1", TOKEN_ONLY),
    "api:list_invitations": ("GET", lambda o: f"{A}/applications/{o.app}/invitations",
                             TOKEN_ONLY),
    "api:invite_to_references": (
        "POST", lambda o: f"{A}/applications/{o.app}/invitations/references", TOKEN_ONLY),
    "api:get_reference_invitation": (
        "GET", lambda o: f"{A}/applications/{o.app}/invitations/references", TOKEN_ONLY),
    "api:get_results": ("GET", lambda o: f"{A}/applications/{o.app}/results", TOKEN_ONLY),
    "api:get_report_pdf": ("GET", lambda o: f"{A}/applications/{o.app}/report.pdf",
                           TOKEN_ONLY),
    "api:bulk_producers": ("POST", lambda o: f"{A}/producers/bulk", TOKEN_ONLY),
    "api:list_endpoints": ("GET", lambda o: f"{A}/webhooks", TOKEN_ONLY),
    "api:create_endpoint": ("POST", lambda o: f"{A}/webhooks", TOKEN_ONLY),
    "api:delete_endpoint": ("DELETE", lambda o: f"{A}/webhooks/1", TOKEN_ONLY),
    "api:list_deliveries": ("GET", lambda o: f"{A}/webhooks/1/deliveries", TOKEN_ONLY),
    "integrations:clients": ("GET", lambda o: "/integrations/", HR_ONLY),
    "integrations:client_rotate": (
        "POST", lambda o: f"/integrations/clients/{objects()['client']}/rotate/", HR_ONLY),
    "integrations:client_revoke": (
        "POST", lambda o: f"/integrations/clients/{objects()['client']}/revoke/", HR_ONLY),
    "integrations:calls": ("GET", lambda o: "/integrations/calls/", HR_ONLY),
    "integrations:webhooks": ("GET", lambda o: "/integrations/webhooks/", HR_ONLY),
    "integrations:webhook_toggle": (
        "POST", lambda o: f"/integrations/webhooks/{objects()['endpoint']}/toggle/", HR_ONLY),
    "integrations:delivery_replay": (
        "POST", lambda o: f"/integrations/deliveries/{objects()['delivery']}/replay/", HR_ONLY),
}
