"""Producers and their performance from the API, in bulk: every row valid, or nothing.

Producer fields are checked by the model's own validation; the performance figures go
through the very code the CSV import uses (``assessments.imports.import_performance``),
fed the rows as a CSV file, so a figure the import refuses is refused here with the same
words. Row numbers in errors become item indexes (item 0 is the first producer).
"""

import csv
import io
import re

from django.core.exceptions import ValidationError
from django.db import transaction

from selection.models import Producer

from .errors import ApiError

PRODUCER_FIELDS = ("first_name", "last_name", "email", "role_title", "region", "hire_date")
ROW = re.compile(r"^row (\d+)")


def _producer_errors(index: int, producer: Producer) -> list[dict]:
    try:
        producer.full_clean(validate_unique=False)
    except ValidationError as exc:
        return [{"item": index, "field": field, "message": message}
                for field, messages in exc.message_dict.items() for message in messages]
    return []


def _performance_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["producer", "period", "performance", "tier", "review_months"])
    for row in rows:
        review = row.get("review_months")
        writer.writerow([row["external_id"], row.get("period") or "",
                         row.get("performance") or "", row.get("tier") or "",
                         "" if review is None else review])
    return out.getvalue().encode()


def _item_errors(messages: list[str], indexes: list[int]) -> list[dict]:
    """The CSV import's 'row N, column c: ...' as {'item', 'field', 'message'}."""
    out = []
    for message in messages:
        match = ROW.match(message)
        if match:
            index = indexes[int(match.group(1)) - 2]
            field = message.split("column ", 1)[1].split(":", 1)[0] if "column " in message \
                else ""
            out.append({"item": index, "field": field,
                        "message": message.split(": ", 1)[-1]})
        else:
            out.append({"item": None, "field": "", "message": message})
    return out


def _upsert_rows(rows: list[dict]) -> tuple[dict, list[dict]]:
    existing = {p.external_id: p for p in Producer.objects.filter(
        external_id__in=[r["external_id"] for r in rows])}
    by_email = {p.email: p for p in Producer.objects.filter(
        email__in=[r["email"] for r in rows])}
    # A producer without an external id (a hire who started through Selection, or one
    # typed in the workspace) is matched by email the first time and keeps the id after.
    adopted = set()
    for row in rows:
        match = by_email.get(row["email"])
        if match is not None and not match.external_id and row["external_id"] not in existing:
            match.external_id = row["external_id"]
            existing[row["external_id"]] = match
            adopted.add(row["external_id"])
    emails = {email: p.external_id for email, p in by_email.items()}
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    errors, seen = [], {}
    for index, row in enumerate(rows):
        external_id = row["external_id"]
        if external_id in seen:
            errors.append({"item": index, "field": "external_id",
                           "message": f"duplicate of item {seen[external_id]}"})
            continue
        seen[external_id] = index
        if emails.get(row["email"], external_id) != external_id:
            errors.append({"item": index, "field": "email",
                           "message": "another producer already has this email address"})
            continue
        producer = existing.get(external_id) or Producer(external_id=external_id)
        values = {f: row.get(f) if f == "hire_date" else (row.get(f) or "").strip()
                  for f in PRODUCER_FIELDS}
        if (producer.pk and external_id not in adopted
                and all(getattr(producer, f) == v for f, v in values.items())):
            counts["unchanged"] += 1
            continue
        for f, v in values.items():
            setattr(producer, f, v)
        problems = _producer_errors(index, producer)
        if problems:
            errors += problems
            continue
        counts["updated" if producer.pk else "created"] += 1
        producer.save()
    return counts, errors


def upsert_producers(rows: list[dict]) -> dict:
    """Creates or updates producers by external id and imports their performance rows.

    Returns the counts; ApiError 400 ``invalid_rows`` with every row's problems, and
    nothing saved, when any row is wrong.
    """
    from assessments.csvfile import ImportRefused
    from assessments.imports import import_performance

    with transaction.atomic():
        counts, errors = _upsert_rows(rows)
        with_figures = [(i, r) for i, r in enumerate(rows) if r.get("period")]
        if not errors and with_figures:
            try:
                result = import_performance(_performance_csv([r for _, r in with_figures]))
            except ImportRefused as refused:
                errors = _item_errors(list(refused.errors), [i for i, _ in with_figures])
            else:
                counts["performance"] = {"created": result.created, "updated": result.updated,
                                         "unchanged": result.unchanged}
        if errors:
            transaction.set_rollback(True)
            raise ApiError(400, "invalid_rows", f"{len(errors)} problem(s); nothing was "
                           "saved. Fix the items listed and send the whole batch again.",
                           errors)
    return counts
