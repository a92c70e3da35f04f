"""API clients: create, rotate, revoke, and recognise a token. One function per change.

A token reads ``sel_<key id>_<secret>``. Only the SHA-256 of the secret is stored (the
secret is 256 random bits, so a fast hash is enough); the whole token is shown once,
when the client is created or its secret rotated.
"""

import hashlib
import hmac
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import SCOPES, ApiClient

PREFIX = "sel_"
SCOPE_NAMES = [name for name, _ in SCOPES]


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _new_secret(client: ApiClient) -> str:
    secret = secrets.token_urlsafe(32)
    client.secret_hash = _hash(secret)
    return f"{PREFIX}{client.key_id}_{secret}"


def _check_scopes(scopes) -> list[str]:
    unknown = [s for s in scopes if s not in SCOPE_NAMES]
    if unknown or not scopes:
        raise ValidationError({"scopes": "Choose at least one of " + ", ".join(SCOPE_NAMES)
                               + (f" (unknown: {', '.join(unknown)})" if unknown else "")})
    return [s for s in SCOPE_NAMES if s in scopes]


@transaction.atomic
def create_client(*, name: str, scopes, openings=(), by=None) -> tuple[ApiClient, str]:
    """A new client and its token (the only time the token is readable)."""
    name = (name or "").strip()
    if not name or len(name) > 120:
        raise ValidationError({"name": "Give the client a name of up to 120 characters."})
    client = ApiClient(name=name, scopes=_check_scopes(scopes), created_by=by,
                       key_id=secrets.token_hex(6))
    token = _new_secret(client)
    client.save()
    client.openings.set(openings)
    return client, token


def rotate_secret(client: ApiClient) -> str:
    """A new secret for the client; the old token stops working at once."""
    if not client.is_active:
        raise ValidationError("A revoked client cannot be given a new secret.")
    token = _new_secret(client)
    client.rotated_at = timezone.now()
    client.save(update_fields=["secret_hash", "rotated_at"])
    return token


def revoke(client: ApiClient) -> None:
    """Stops the client's token at once (the call log stays)."""
    if client.revoked_at is None:
        client.revoked_at = timezone.now()
        client.save(update_fields=["revoked_at"])


def client_for_token(token: str) -> ApiClient | None:
    """The active client this token belongs to, or None (wrong, rotated or revoked)."""
    if not token or not token.startswith(PREFIX) or len(token) > 200:
        return None
    key_id, _, secret = token[len(PREFIX):].partition("_")
    if not key_id or not secret:
        return None
    client = ApiClient.objects.filter(key_id=key_id, revoked_at__isnull=True).first()
    if client is None or not hmac.compare_digest(client.secret_hash, _hash(secret)):
        return None
    return client
