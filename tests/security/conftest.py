"""Shared pieces for the hostile-input tests: payloads, database fingerprints, fixtures."""

import hashlib

import pytest
from hypothesis import HealthCheck, settings

# Everything a person can type that a careless page, PDF or spreadsheet would obey.
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<font size=80>BIG</font>",
    '<img src="/etc/passwd">',
    "<b>unclosed",
    '=HYPERLINK("http://x")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=cmd",
]
# One string carrying every payload, for fields that hold one value.
ALL_PAYLOADS = " ".join(PAYLOADS)
# What must never reach an HTML page unescaped.
LIVE_HTML = ["<script>alert(1)</script>", "<img src=x onerror", "<font size=80>",
             '<img src="/etc/passwd">', "<b>unclosed"]

FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])


def fingerprint(*models) -> dict[str, tuple[int, str]]:
    """Row count and a checksum of every row of each model's table, to prove nothing changed."""
    result = {}
    for model in models:
        rows = list(model.objects.order_by("pk").values_list())
        digest = hashlib.sha256(repr(rows).encode()).hexdigest()
        result[model._meta.db_table] = (len(rows), digest)
    return result


def assert_no_live_markup(html: str, where: str) -> None:
    for fragment in LIVE_HTML:
        assert fragment not in html, f"{fragment!r} appears unescaped in {where}"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def hostile(groups, hr, manager, interviewer):
    """An opening whose every typed text is a hostile payload (see hostile_world.py)."""
    from tests import factories
    from tests.security import hostile_world

    users = {"hr": hr, "manager": manager, "interviewer": interviewer,
             "interviewer2": factories.make_user("interviewer2@example.com", "Interviewer")}
    return hostile_world.build(users)
