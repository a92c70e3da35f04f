"""Settings read the environment and refuse an unsafe production start."""

import os
import subprocess
import sys
from pathlib import Path

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


def test_default_database_is_sqlite_in_wal_mode():
    result = load_settings()
    assert "django.db.backends.sqlite3" in result.stdout
    source = (ROOT / "selection" / "settings.py").read_text()
    assert "journal_mode=WAL" in source
