"""Cursor pagination: an opaque cursor names the last id seen; pages never skip or repeat."""

import base64

from .errors import ApiError

MAX_LIMIT = 200


def decode(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor.encode() + b"==").decode()
        kind, _, value = text.partition(":")
        if kind != "after" or not value.isdigit() or len(value) > 18:
            raise ValueError
        return int(value)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "invalid_cursor", "The cursor is not one this API gave out; "
                       "start again without it.") from exc


def encode(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"after:{last_id}".encode()).decode().rstrip("=")


def page(queryset, cursor: str | None, limit: int) -> tuple[list, str | None]:
    """Up to ``limit`` rows after the cursor in id order, and the cursor of the next page."""
    limit = max(1, min(limit, MAX_LIMIT))
    rows = list(queryset.filter(pk__gt=decode(cursor)).order_by("pk")[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (encode(rows[-1].pk) if more else None)
