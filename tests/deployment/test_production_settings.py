"""Production settings pass Django's deployment checks; responses carry the safety headers."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_reports_nothing():
    env = dict(os.environ, DEBUG="0", SECRET_KEY=secrets.token_urlsafe(64),
               ALLOWED_HOSTS="hire.example.com", SELECTION_BASE_URL="https://hire.example.com")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_pages_carry_csp_frame_denial_and_no_server_header(client, groups):
    response = client.get(reverse("account_login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Server" not in response


def test_hsts_over_https(client, settings, groups):
    settings.SECURE_HSTS_SECONDS = 31536000
    assert "Strict-Transport-Security" not in client.get(reverse("account_login"))
    response = client.get(reverse("account_login"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_error_pages_show_no_traceback(settings, groups, interviewer):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    client.force_login(interviewer, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get("/openings/does-not-exist/")
    assert response.status_code == 404
    assert b"Traceback" not in response.content
    assert b"Not found" in response.content


def test_server_error_page_is_plain(rf):
    from selection.errors import server_error

    try:
        raise ValueError("secret detail")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"secret detail" not in response.content
    assert b"Something went wrong" in response.content


@pytest.mark.django_db(transaction=True)
def test_lost_database_connection_gives_503_then_recovers(client, interviewer):
    """A real fault: the server side of our connection is killed mid-session."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (CI runs the suite on it)")
    import psycopg

    client.force_login(interviewer, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse("home")).status_code == 200
    pid = connection.connection.info.backend_pid
    settings_dict = connection.settings_dict
    with psycopg.connect(
        host=settings_dict["HOST"], port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"], dbname="postgres", autocommit=True,
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    response = client.get(reverse("home"))
    assert response.status_code == 503
    assert b"Temporarily unavailable" in response.content
    assert client.get(reverse("home")).status_code == 200
