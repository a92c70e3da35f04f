"""Importing psychometric results and producer performance: all rows valid, or nothing.

Every row is checked first (errors are collected for all rows), then the rows are
written in one transaction with bulk operations, keyed so that importing the same file
again changes nothing.
"""

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import connection, transaction
from django.utils import timezone
from scipy.stats import norm

from selection.models import Candidate, Producer
from selection.producers import assign_tiers

from .csvfile import ImportRefused, Table, parse_number, read_table
from .models import PerformanceRecord, PsychometricScale, PsychometricScore
from .signals import evidence_changed

PSYCHOMETRIC_COLUMNS = ["person", "instrument", "scale", "score", "score_type"]
PSYCHOMETRIC_OPTIONAL = ["norm_mean", "norm_sd"]
PERFORMANCE_COLUMNS = ["producer", "period", "performance"]
PERFORMANCE_OPTIONAL = ["tier", "review_months"]
REVIEW_POINTS = {"3": 3, "6": 6, "12": 12}

SCORE_TYPES = {
    "t": PsychometricScore.T_SCORE, "t-score": PsychometricScore.T_SCORE,
    "t score": PsychometricScore.T_SCORE, "tscore": PsychometricScore.T_SCORE,
    "sten": PsychometricScore.STEN,
    "percentile": PsychometricScore.PERCENTILE, "pct": PsychometricScore.PERCENTILE,
    "raw": PsychometricScore.RAW,
}
RANGES = {
    PsychometricScore.T_SCORE: (0, 100),
    PsychometricScore.STEN: (1, 10),
    PsychometricScore.PERCENTILE: (0, 100),
}
PERCENTILE_CLIP = (0.5, 99.5)  # norm.ppf(0) is -inf; clipping keeps z within about ±2.58


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged

    def __str__(self) -> str:
        return (f"{self.rows} rows: {self.created} created, {self.updated} updated, "
                f"{self.unchanged} unchanged")


def to_z(score_type: str, score: float, norm_mean: float | None = None,
         norm_sd: float | None = None) -> float:
    """The score as a z-score: T (x-50)/10; sten (x-5.5)/2; percentile norm.ppf(p/100) with p
    clipped to [0.5, 99.5]; raw (x-mean)/sd with the norm group's mean and SD."""
    if score_type == PsychometricScore.T_SCORE:
        return (score - 50.0) / 10.0
    if score_type == PsychometricScore.STEN:
        return (score - 5.5) / 2.0
    if score_type == PsychometricScore.PERCENTILE:
        low, high = PERCENTILE_CLIP
        return float(norm.ppf(min(max(score, low), high) / 100.0))
    if score_type == PsychometricScore.RAW:
        return (score - norm_mean) / norm_sd
    raise ValueError(f"Unknown score type {score_type!r}.")


class PersonIndex:
    """Candidates and producers by lower-cased email and by external id, loaded once."""

    def __init__(self, producers_only: bool = False):
        self.by_key: dict[str, set[tuple[str, int]]] = {}
        kinds = [("producer", Producer)] + ([] if producers_only else [("candidate", Candidate)])
        for kind, model in kinds:
            for pk, email, external in model.objects.values_list("pk", "email", "external_id"):
                self.by_key.setdefault(email.lower(), set()).add((kind, pk))
                if external:
                    self.by_key.setdefault(f"id:{external}", set()).add((kind, pk))

    def find(self, value: str) -> tuple[str, int] | str:
        """(kind, pk), or a problem text when nobody or more than one person matches."""
        key = value.lower() if "@" in value else f"id:{value}"
        found = self.by_key.get(key, set())
        if not value:
            return "empty; give an email address or an external id"
        if not found:
            return f"no candidate or producer with email or external id '{value}'"
        if len(found) > 1:
            return f"'{value}' matches both a candidate and a producer"
        return next(iter(found))


def import_psychometrics(data: bytes) -> ImportResult:
    """Imports a psychometric results file (see PSYCHOMETRIC_COLUMNS); ImportRefused if bad."""
    table = read_table(data, required=PSYCHOMETRIC_COLUMNS, optional=PSYCHOMETRIC_OPTIONAL)
    people = PersonIndex()
    scales = {(s.instrument.casefold(), s.scale.casefold()): s
              for s in PsychometricScale.objects.all()}
    errors: list[str] = []
    parsed: dict[tuple, dict] = {}
    first_line: dict[tuple, int] = {}
    for line, row in table.rows:
        values = _psychometric_row(table, line, row, people, scales, errors)
        if values is None:
            continue
        key = (values["kind"], values["pk"], values["scale"].pk)
        if key in first_line:
            errors.append(f"row {line}, column person: duplicate of row {first_line[key]} "
                          "(same person, instrument and scale)")
            continue
        first_line[key] = line
        parsed[key] = values
    if errors:
        raise ImportRefused(errors)
    return _write_psychometrics(parsed)


def _psychometric_row(table: Table, line: int, row: dict, people, scales, errors) -> dict | None:
    problems = []

    def problem(column: str, text: str) -> None:
        problems.append(f"row {line}, column {column}: {text}")

    person = people.find(row["person"])
    if isinstance(person, str):
        problem("person", person)
    scale = scales.get((row["instrument"].casefold(), row["scale"].casefold()))
    if scale is None:
        problem("scale", f"'{row['instrument']} / {row['scale']}' is not mapped to a trait yet; "
                "HR maps it once under Assessments > Psychometric scales")
    score_type = SCORE_TYPES.get(row["score_type"].strip().lower())
    if score_type is None:
        problem("score_type", f"'{row['score_type']}' is not one of T-score, sten, percentile, raw")
    numbers = {}
    columns = ["score"] + (["norm_mean", "norm_sd"] if score_type == PsychometricScore.RAW else [])
    for column in columns:
        text = row.get(column, "")
        if not text:
            problem(column, "empty" if column == "score" else "missing; raw scores need the "
                    "norm group's mean and SD (columns norm_mean and norm_sd)")
            continue
        try:
            numbers[column] = parse_number(text, decimal_comma=table.delimiter == ";")
        except ValueError:
            problem(column, f"'{text}' is not a number")
    score = numbers.get("score")
    if score is not None and score_type in RANGES:
        low, high = RANGES[score_type]
        if not low <= score <= high:
            problem("score", f"{score:g} is outside {low}-{high} for a "
                    f"{dict(PsychometricScore.SCORE_TYPES)[score_type]}")
    if score_type == PsychometricScore.RAW and numbers.get("norm_sd") is not None:
        if numbers["norm_sd"] <= 0:
            problem("norm_sd", "the standard deviation must be greater than 0")
    if problems:
        errors.extend(problems)
        return None
    mean, sd = numbers.get("norm_mean"), numbers.get("norm_sd")
    z_score = to_z(score_type, score, mean, sd)
    if not math.isfinite(z_score):  # e.g. raw 1e308 with a tiny SD overflows
        errors.append(f"row {line}, column score: {score:g} with norm mean {mean:g} and SD "
                      f"{sd:g} gives no finite z-score; check the norm columns")
        return None
    return {
        "kind": person[0], "pk": person[1], "scale": scale, "score_type": score_type,
        "score": score, "norm_mean": mean, "norm_sd": sd, "z_score": z_score,
    }


@transaction.atomic
def _write_psychometrics(parsed: dict[tuple, dict]) -> ImportResult:
    result = ImportResult()
    scale_ids = {key[2] for key in parsed}
    existing = {}
    for score in PsychometricScore.objects.filter(scale_id__in=scale_ids):
        kind = "candidate" if score.candidate_id else "producer"
        existing[(kind, score.candidate_id or score.producer_id, score.scale_id)] = score
    fields = ["score_type", "score", "norm_mean", "norm_sd", "z_score"]
    now = timezone.now()
    new, changed = [], []
    for key, values in parsed.items():
        current = existing.get(key)
        if current is None:
            person = {f"{values['kind']}_id": values["pk"]}
            new.append(PsychometricScore(
                scale=values["scale"], imported_at=now, **person,
                **{f: values[f] for f in fields},
            ))
        elif any(getattr(current, f) != values[f] for f in fields):
            for f in fields:
                setattr(current, f, values[f])
            current.imported_at = now
            changed.append(current)
        else:
            result.unchanged += 1
    PsychometricScore.objects.bulk_create(new, batch_size=1000)
    PsychometricScore.objects.bulk_update(changed, [*fields, "imported_at"], batch_size=1000)
    result.created, result.updated = len(new), len(changed)
    if new or changed:
        evidence_changed()
    return result


def import_performance(data: bytes) -> ImportResult:
    """Imports producer performance per period (see PERFORMANCE_COLUMNS); ImportRefused if bad.

    Each producer's latest period (periods sort as text, e.g. 'FY2024' < 'FY2025',
    '2025-Q1' < '2025-Q2') sets their current performance; a tier in that row is kept as
    an imported tier, otherwise tiers are computed from performance.
    """
    table = read_table(data, required=PERFORMANCE_COLUMNS, optional=PERFORMANCE_OPTIONAL)
    people = PersonIndex(producers_only=True)
    tiers = dict(Producer.TIERS)
    hires = set(Producer.objects.filter(hire__isnull=False).values_list("pk", flat=True))
    review_lines: dict[tuple[int, int], tuple[int, str]] = {}
    errors: list[str] = []
    parsed: dict[tuple, dict] = {}
    first_line: dict[tuple, int] = {}
    for line, row in table.rows:
        problems = []
        person = people.find(row["producer"])
        if isinstance(person, str):
            problems.append(f"row {line}, column producer: {person.replace('candidate or ', '')}")
        period = row["period"]
        if not period or len(period) > 40:
            problems.append(f"row {line}, column period: give a period of up to 40 characters, "
                            "e.g. FY2025")
        figure = _decimal(row["performance"], decimal_comma=table.delimiter == ";")
        if figure is None:
            problems.append(f"row {line}, column performance: '{row['performance']}' is not a "
                            "number with at most 2 decimals below 100,000,000")
        tier = row.get("tier", "").lower()
        if tier and tier not in tiers:
            problems.append(f"row {line}, column tier: '{row['tier']}' is not top, middle, "
                            "bottom or empty")
        review = _review_point(row, line, person, hires, problems)
        if problems:
            errors.extend(problems)
            continue
        key = (person[1], period)
        if key in first_line:
            errors.append(f"row {line}, column period: duplicate of row {first_line[key]} "
                          "(same producer and period)")
            continue
        first_line[key] = line
        if review is not None:
            taken = review_lines.setdefault((person[1], review), (line, period))
            if taken[0] != line:
                errors.append(f"row {line}, column review_months: row {taken[0]} already gives "
                              f"this producer's {review}-month review")
                continue
        parsed[key] = {"figure": figure, "tier": tier, "review_months": review}
    errors += _review_clashes(review_lines)
    if errors:
        raise ImportRefused(errors)
    return _write_performance(parsed)


def _review_point(row: dict, line: int, person, hires: set[int], problems: list) -> int | None:
    """The review point (3, 6 or 12 months) of a hire's row; None when the column is empty."""
    text = row.get("review_months", "").strip().lower().removesuffix("months").strip()
    if not text:
        return None
    review = REVIEW_POINTS.get(text.removesuffix("m").strip())
    if review is None:
        problems.append(f"row {line}, column review_months: '{row['review_months']}' is not "
                        "3, 6, 12 or empty")
    elif not isinstance(person, str) and person[1] not in hires:
        problems.append(f"row {line}, column review_months: this producer was not hired "
                        "through the platform (no start recorded), so there is no review "
                        "point to record")
    return review


def _review_clashes(review_lines: dict) -> list[str]:
    """Rows whose review point is already stored for that producer under another period."""
    if not review_lines:
        return []
    stored = {
        (producer_id, months): period for producer_id, months, period in
        PerformanceRecord.objects.filter(
            producer_id__in={p for p, _ in review_lines}, review_months__isnull=False,
        ).values_list("producer_id", "review_months", "period")
    }
    return [
        f"row {line}, column review_months: the {months}-month review of this producer is "
        f"already recorded for period '{stored[(pid, months)]}'"
        for (pid, months), (line, period) in review_lines.items()
        if stored.get((pid, months), period) != period
    ]


def _decimal(text: str, *, decimal_comma: bool) -> Decimal | None:
    try:
        number = parse_number(text, decimal_comma=decimal_comma)
        value = Decimal(str(number)).quantize(Decimal("0.01"))
    except (ValueError, InvalidOperation):
        return None
    return value if abs(value) < Decimal("1e8") and value == Decimal(str(number)) else None


@transaction.atomic
def _write_performance(parsed: dict[tuple, dict]) -> ImportResult:
    result = ImportResult()
    producer_ids = {key[0] for key in parsed}
    existing = {(r.producer_id, r.period): r for r in
                PerformanceRecord.objects.filter(producer_id__in=producer_ids)}
    now = timezone.now()
    new, changed = [], []
    for (producer_id, period), values in parsed.items():
        current = existing.get((producer_id, period))
        if current is None:
            new.append(PerformanceRecord(producer_id=producer_id, period=period,
                                         imported_at=now, **values))
        elif (current.figure, current.tier, current.review_months) != (
            values["figure"], values["tier"], values["review_months"]
        ):
            current.figure, current.tier = values["figure"], values["tier"]
            current.review_months = values["review_months"]
            current.imported_at = now
            changed.append(current)
        else:
            result.unchanged += 1
    PerformanceRecord.objects.bulk_create(new, batch_size=1000)
    PerformanceRecord.objects.bulk_update(changed, ["figure", "tier", "review_months",
                                                    "imported_at"],
                                          batch_size=1000)
    result.created, result.updated = len(new), len(changed)
    _apply_latest(producer_ids)
    if new or changed:
        evidence_changed()
    return result


def _apply_latest(producer_ids: set[int]) -> None:
    """Sets each producer's current performance and tier from their latest period."""
    latest = {}
    for producer_id, period, figure, tier in (
        PerformanceRecord.objects.filter(producer_id__in=producer_ids)
        .order_by("producer_id", "period").values_list("producer_id", "period", "figure", "tier")
    ):
        latest[producer_id] = (period, figure, tier)
    changed = []
    for producer in Producer.objects.filter(pk__in=producer_ids):
        period, figure, tier = latest[producer.pk]
        before = (producer.performance, producer.performance_period, producer.tier,
                  producer.tier_source)
        producer.performance, producer.performance_period = figure, period
        if tier:
            producer.tier, producer.tier_source = tier, Producer.IMPORTED
        elif producer.tier_source == Producer.IMPORTED:
            producer.tier_source = ""
        if before != (producer.performance, producer.performance_period, producer.tier,
                      producer.tier_source):
            changed.append(producer)
    _update_rows(Producer, changed, ["performance", "performance_period", "tier", "tier_source"])
    assign_tiers()


def _update_rows(model, objects: list, fields: list[str]) -> None:
    """UPDATE ... WHERE pk = ? for each object with one executemany (bulk_update builds a
    CASE expression per row and field, which is slow for thousands of rows)."""
    if not objects:
        return
    meta, quote = model._meta, connection.ops.quote_name
    columns = [meta.get_field(name) for name in fields]
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(meta.db_table), ", ".join(f"{quote(c.column)} = %s" for c in columns),
        quote(meta.pk.column),
    )
    params = [
        [c.get_db_prep_save(getattr(obj, c.attname), connection) for c in columns] + [obj.pk]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
