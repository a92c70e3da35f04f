"""Tokens: shown once, stored hashed, rotated and revoked with immediate effect; every
call is logged for HR."""

from api.clients import revoke, rotate_secret
from api.models import ApiCall, ApiClient


def test_the_secret_is_stored_only_as_a_hash(ats):
    stored = ApiClient.objects.get(pk=ats.record.pk)
    secret = ats.token.split("_", 2)[2]
    assert secret not in stored.secret_hash and len(stored.secret_hash) == 64
    assert ats.get("/openings").status_code == 200


def test_a_revoked_token_fails_at_once(ats):
    assert ats.get("/openings").status_code == 200
    revoke(ats.record)
    response = ats.get("/openings")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_rotating_stops_the_old_token_and_starts_the_new(ats):
    old = ats.token
    ats.token = rotate_secret(ats.record)
    assert ats.get("/openings").status_code == 200
    ats.token = old
    assert ats.get("/openings").status_code == 401


def test_no_token_and_a_made_up_token_are_refused(ats):
    ats.token = None
    assert ats.get("/openings").status_code == 401
    for forged in ["sel_", "sel_abc_def", "Bearer", "x" * 5000, "sel_" + "a" * 12 + "_"]:
        ats.token = forged
        assert ats.get("/openings").status_code == 401, forged


def test_every_call_is_logged_with_its_route_and_status(ats, make_api, opening):
    ats.get("/openings")
    ats.get("/openings/no-such-opening")
    calls = list(ApiCall.objects.filter(client=ats.record).order_by("pk")
                 .values_list("method", "endpoint", "status"))
    assert calls == [("GET", "openings", 200), ("GET", "openings/<slug>", 404)]
    narrow = make_api(scopes=["producers:write"])
    narrow.get("/openings")
    assert list(ApiCall.objects.filter(client=narrow.record).values_list(
        "endpoint", "status")) == [("openings", 403)]


def test_the_rate_limit_answers_429_with_retry_after(ats, settings):
    from django.core.cache import cache

    cache.clear()
    settings.SELECTION_API_RATE_LIMIT = 3
    codes = [ats.get("/openings").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = ats.get("/openings")
    assert response.json()["code"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 60
    cache.clear()
