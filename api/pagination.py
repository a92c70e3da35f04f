"""Cursor pagination: an opaque cursor names the last id seen; pages never skip or repeat
(oldest first, or newest first for logs such as webhook deliveries)."""

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


def page(queryset, cursor: str | None, limit: int, *,
         newest_first: bool = False) -> tuple[list, str | None]:
    """Up to ``limit`` rows past the cursor in id order (descending with ``newest_first``),
    and the cursor of the next page (None on the last page)."""
    limit = max(1, min(limit, MAX_LIMIT))
    last = decode(cursor)
    if newest_first:
        queryset = queryset.order_by("-pk")
        if last:
            queryset = queryset.filter(pk__lt=last)
    else:
        queryset = queryset.filter(pk__gt=last).order_by("pk")
    rows = list(queryset[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (encode(rows[-1].pk) if more else None)
