"""Settings read the environment and refuse an unsafe production start."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


CONTROLLED = {"DEBUG", "SECRET_KEY", "DATABASE_URL", "SQLITE_PATH", "ALLOWED_HOSTS",
              "SELECTION_BASE_URL", "SECURE_SSL_REDIRECT", "SECURE_COOKIES", "SECURE_HSTS_SECONDS"}
PRODUCTION = {"SECRET_KEY": "x" * 50, "SELECTION_BASE_URL": "https://hire.example.com"}


def load_settings(**env) -> subprocess.CompletedProcess:
    """Imports the settings in a fresh process with only ``env`` of the variables they read."""
    environment = {k: v for k, v in os.environ.items() if k not in CONTROLLED}
    environment.update(env)
    code = (
        "import json, selection.settings as s; "
        "print(json.dumps({name: getattr(s, name) for name in ["
        "'DEBUG', 'SESSION_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', 'ALLOWED_HOSTS', "
        "'SECRET_KEY', 'SELECTION_BASE_URL', 'WAGTAILADMIN_BASE_URL']} "
        "| {'ENGINE': s.DATABASES['default']['ENGINE']}))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def loaded(**env) -> dict:
    result = load_settings(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_debug_is_off_unless_the_environment_turns_it_on():
    settings = loaded(**PRODUCTION)
    assert settings["DEBUG"] is False
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["SECURE_HSTS_SECONDS"] == 31536000
    assert "*" not in settings["ALLOWED_HOSTS"]
    assert settings["ALLOWED_HOSTS"] == ["hire.example.com", "127.0.0.1", "localhost"]
    assert settings["SECRET_KEY"] == "x" * 50


@pytest.mark.parametrize("debug", [None, "", "0", "false"])
def test_without_debug_on_no_secret_key_refuses_to_start(debug):
    env = {"SELECTION_BASE_URL": "https://hire.example.com"}
    if debug is not None:
        env["DEBUG"] = debug
    result = load_settings(**env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_without_debug_on_no_base_url_refuses_to_start():
    result = load_settings(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "SELECTION_BASE_URL must be set" in result.stderr


@pytest.mark.parametrize("value", ["hire.example.com", "https://hire.example.com/app",
                                   "ftp://hire.example.com", "https://hire.example.com/?a=1",
                                   "https://"])
def test_base_url_is_a_scheme_and_a_host_only(value):
    result = load_settings(**PRODUCTION | {"SELECTION_BASE_URL": value})
    assert result.returncode != 0
    assert "SELECTION_BASE_URL must be a scheme and a host only" in result.stderr


def test_base_url_is_the_wagtail_base_url_too():
    settings = loaded(**PRODUCTION | {"SELECTION_BASE_URL": "https://hire.example.com:8443/"})
    assert settings["SELECTION_BASE_URL"] == "https://hire.example.com:8443"
    assert settings["WAGTAILADMIN_BASE_URL"] == "https://hire.example.com:8443"


def test_debug_on_is_a_developer_machine():
    settings = loaded(DEBUG="1")
    assert settings["DEBUG"] is True
    assert settings["SELECTION_BASE_URL"] == "http://127.0.0.1:8000"
    assert settings["WAGTAILADMIN_BASE_URL"] == "http://127.0.0.1:8000"


def test_explicit_allowed_hosts_win():
    settings = loaded(**PRODUCTION, ALLOWED_HOSTS="a.example.com, b.example.com")
    assert settings["ALLOWED_HOSTS"] == ["a.example.com", "b.example.com"]


def test_database_url_selects_postgresql():
    assert loaded(DEBUG="1", DATABASE_URL="postgres://u@127.0.0.1:5432/x")["ENGINE"] == (
        "django.db.backends.postgresql")


SQLITE_PROBE = (
    "import json, django; django.setup(); "
    "from django.db import connection; "
    "cursor = connection.cursor(); "
    "pragma = lambda name: cursor.execute(f'PRAGMA {name}').fetchone()[0]; "
    "options = connection.settings_dict['OPTIONS']; "
    "print(json.dumps({'name': str(connection.settings_dict['NAME']), "
    "'journal_mode': pragma('journal_mode'), 'synchronous': pragma('synchronous'), "
    "'busy_timeout': pragma('busy_timeout'), "
    "'transaction_mode': options.get('transaction_mode'), 'timeout': options.get('timeout'), "
    "'in_transaction_mode': connection.transaction_mode}))"
)


def probe_sqlite(**env) -> dict:
    """Opens the configured SQLite database in a fresh process and reads its pragmas."""
    environment = {k: v for k, v in os.environ.items() if k not in CONTROLLED}
    environment.update(DJANGO_SETTINGS_MODULE="selection.settings", DEBUG="1", **env)
    result = subprocess.run([sys.executable, "-c", SQLITE_PROBE], cwd=ROOT, env=environment,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("chosen_by", ["SQLITE_PATH", "DATABASE_URL"])
def test_sqlite_runs_in_wal_mode_however_it_is_chosen(tmp_path, chosen_by):
    path = tmp_path / "x.sqlite3"
    env = ({"SQLITE_PATH": str(path)} if chosen_by == "SQLITE_PATH"
           else {"DATABASE_URL": f"sqlite:///{path}"})
    probe = probe_sqlite(**env)
    assert probe["name"] == str(path)
    assert probe["journal_mode"] == "wal"
    assert probe["synchronous"] == 1  # NORMAL
    assert probe["busy_timeout"] == 20000
    assert probe["transaction_mode"] == "IMMEDIATE"
    assert probe["in_transaction_mode"] == "IMMEDIATE"
    assert probe["timeout"] == 20


def test_sqlite_options_in_the_url_take_precedence(tmp_path):
    probe = probe_sqlite(DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}?timeout=60")
    assert probe["timeout"] == 60 and probe["busy_timeout"] == 60000
    assert probe["journal_mode"] == "wal"
