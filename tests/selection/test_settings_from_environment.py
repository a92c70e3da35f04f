"""Settings read the environment and refuse an unsafe production start."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_settings(**env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"}}
    environment.update(env)
    code = (
        "import selection.settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, "
        "s.DATABASES['default']['ENGINE'], s.ALLOWED_HOSTS)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_debug_off_without_secret_key_refuses_to_start():
    result = load_settings(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_debug_off_with_secret_key_is_production_safe():
    result = load_settings(DEBUG="false", SECRET_KEY="x" * 50, ALLOWED_HOSTS="hire.example.com")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:3] == ["False", "True", "31536000"]
    assert "hire.example.com" in result.stdout


def test_database_url_selects_postgresql():
    result = load_settings(DATABASE_URL="postgres://u@127.0.0.1:5432/x")
    assert "django.db.backends.postgresql" in result.stdout


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
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "SQLITE_PATH"}}
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
