"""The email transport is chosen by environment, never by code: SMTP with its server and
login, or any django-anymail backend with its ANYMAIL_* settings."""

import json
import os
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class SmtpSink(socketserver.StreamRequestHandler):
    """Just enough SMTP to take one message: it keeps what came after DATA."""

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self.reply("220 sink ESMTP")
        while line := self.rfile.readline():
            verb = line.decode().strip().split(" ")[0].upper()
            if verb == "DATA":
                self.reply("354 go on")
                body = []
                while (part := self.rfile.readline()) not in (b".\r\n", b""):
                    body.append(part.decode())
                self.server.messages.append("".join(body))
                self.reply("250 kept")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # EHLO, MAIL FROM, RCPT TO, RSET, NOOP
                self.reply("250 ok")


def run_with(env: dict, code: str) -> str:
    """Runs ``code`` with the settings loaded under ``env``; returns what it printed."""
    full = {k: v for k, v in os.environ.items()
            if not k.startswith(("EMAIL_", "ANYMAIL_"))}
    full.update(DEBUG="1", DJANGO_SETTINGS_MODULE="selection.settings", **env)
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        cwd=ROOT, env=full, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_smtp_server_named_by_environment_receives_the_email():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SmtpSink)
    server.messages = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        run_with(
            {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
             "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(server.server_address[1])},
            "from django.core.mail import send_mail\n"
            "send_mail('Interview moved', 'New time.', None, ['ines@example.com'])",
        )
    finally:
        server.shutdown()
        server.server_close()
    message, = server.messages
    assert "Subject: Interview moved" in message and "To: ines@example.com" in message


def test_smtp_login_and_encryption_come_from_the_environment():
    out = run_with(
        {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
         "EMAIL_HOST": "smtp.example.com", "EMAIL_PORT": "587",
         "EMAIL_HOST_USER": "selection", "EMAIL_HOST_PASSWORD": "s3cret",
         "EMAIL_USE_TLS": "true", "EMAIL_TIMEOUT": "12"},
        "import json; from django.core.mail import get_connection\n"
        "c = get_connection()\n"
        "print(json.dumps([type(c).__module__, c.host, c.port, c.username, c.password,"
        " c.use_tls, c.use_ssl, c.timeout]))",
    )
    assert json.loads(out) == ["django.core.mail.backends.smtp", "smtp.example.com", 587,
                               "selection", "s3cret", True, False, 12]


def test_anymail_settings_come_from_anymail_variables():
    out = run_with(
        {"ANYMAIL_MAILGUN_API_KEY": "key-123", "ANYMAIL_MAILGUN_SENDER_DOMAIN": "mg.example.com"},
        "import json; from django.conf import settings; print(json.dumps(settings.ANYMAIL))",
    )
    assert json.loads(out) == {"MAILGUN_API_KEY": "key-123",
                               "MAILGUN_SENDER_DOMAIN": "mg.example.com"}


def test_the_console_is_the_default():
    out = run_with({}, "from django.conf import settings; print(settings.EMAIL_BACKEND)")
    assert out.strip() == "django.core.mail.backends.console.EmailBackend"
