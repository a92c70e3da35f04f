"""Importing psychometric results, producer performance and candidates: all rows valid, or
nothing.

Every row is checked first (errors are collected for all rows), then the rows are
written in one transaction with bulk operations, keyed so that importing the same file
again changes nothing.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.utils import timezone
from scipy.stats import norm

from selection.models import EXTERNAL_ID, Candidate, CandidateSource, Opening, Producer
from selection.pipeline import add_application
from selection.producers import assign_tiers

from .csvfile import ImportRefused, Table, parse_number, read_table
from .models import PerformanceRecord, PsychometricScale, PsychometricScore
from .signals import evidence_changed

PSYCHOMETRIC_COLUMNS = ["person", "instrument", "scale", "score", "score_type"]
PSYCHOMETRIC_OPTIONAL = ["norm_mean", "norm_sd"]
PERFORMANCE_COLUMNS = ["producer", "period", "performance"]
PERFORMANCE_OPTIONAL = ["tier", "review_months"]
REVIEW_POINTS = {"3": 3, "6": 6, "12": 12}
CANDIDATE_COLUMNS = ["first_name", "last_name", "email"]
CANDIDATE_OPTIONAL = ["phone", "external_id", "source", "opening"]
CANDIDATE_TEXT = ["first_name", "last_name", "email", "phone", "external_id"]

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


@dataclass
class CandidateImportResult(ImportResult):
    """Candidates created, updated and unchanged, the applications added, and per changed
    row what happened (for the result page)."""

    applications: int = 0
    changes: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{super().__str__()}; {self.applications} applications added"


def _shown(text: str, limit: int = 60) -> str:
    """A cell as an error message quotes it: long values are cut."""
    return text if len(text) <= limit else text[:limit] + "…"


class CandidateIndex:
    """Stored candidates by lower-cased email and by external id, loaded once."""

    def __init__(self):
        self.by_email: dict[str, list[int]] = {}
        self.by_external: dict[str, int] = {}
        self.rows: dict[int, tuple[str, int | None]] = {}
        for pk, email, external, source_id in Candidate.objects.values_list(
                "pk", "email", "external_id", "source_id"):
            self.by_email.setdefault(email.casefold(), []).append(pk)
            if external:
                self.by_external[external] = pk
            self.rows[pk] = (external or "", source_id)


def import_candidates(data: bytes) -> CandidateImportResult:
    """Imports candidates keyed by email (see CANDIDATE_COLUMNS); ImportRefused if bad.

    A stored candidate with the row's email (in any case) is updated, otherwise one is
    created. Empty optional cells keep what is stored. ``source`` is the slug or name of
    an active candidate source (a candidate's current source is accepted even when
    switched off); ``opening`` the slug of an opening that is not closed, to which the
    candidate is added at Applied unless they are on it already.
    """
    table = read_table(data, required=CANDIDATE_COLUMNS, optional=CANDIDATE_OPTIONAL)
    index = CandidateIndex()
    sources: dict[str, CandidateSource] = {}
    for source in CandidateSource.objects.all():
        sources.setdefault(source.slug.casefold(), source)
        sources.setdefault(source.name.casefold(), source)
    openings = {o.slug.casefold(): o for o in Opening.objects.only("pk", "slug", "title",
                                                                    "status")}
    errors: list[str] = []
    parsed: list[dict] = []
    email_lines: dict[str, int] = {}
    external_lines: dict[str, int] = {}
    for line, row in table.rows:
        values = _candidate_row(line, row, index, sources, openings, errors)
        if values is None:
            continue
        for key, seen, column in ((values["email"].casefold(), email_lines, "email"),
                                  (values["external_id"], external_lines, "external_id")):
            if key and key in seen:
                errors.append(f"row {line}, column {column}: duplicate of row {seen[key]} "
                              f"(same {column.replace('_', ' ')})")
                values = None
                break
        if values is None:
            continue
        email_lines[values["email"].casefold()] = line
        if values["external_id"]:
            external_lines[values["external_id"]] = line
        parsed.append(values)
    if errors:
        raise ImportRefused(errors)
    return _write_candidates(parsed)


def _candidate_row(line: int, row: dict, index: CandidateIndex, sources: dict,
                   openings: dict, errors: list) -> dict | None:
    problems = []

    def problem(column: str, text: str) -> None:
        problems.append(f"row {line}, column {column}: {text}")

    for column in CANDIDATE_TEXT:
        text = row.get(column, "")
        limit = Candidate._meta.get_field(column).max_length
        if len(text) > limit:
            problem(column, f"{len(text):,} characters; at most {limit}")
        elif not text and column in CANDIDATE_COLUMNS:
            problem(column, "empty" + ("; the email address is the key of the import, every "
                                       "row needs one" if column == "email" else ""))
    email = row["email"]
    if email and len(email) <= Candidate._meta.get_field("email").max_length:
        try:
            validate_email(email)
        except ValidationError:
            problem("email", f"'{_shown(email)}' is not an email address")
    matches = index.by_email.get(email.casefold(), [])
    if len(matches) > 1:
        problem("email", f"'{_shown(email)}' matches {len(matches)} stored candidates whose "
                "emails differ only in capitals; merge them in the HR workspace first")
    pk = matches[0] if len(matches) == 1 else None
    stored_external, stored_source = index.rows.get(pk, ("", None))
    external = row.get("external_id", "")
    if external:
        holder = index.by_external.get(external)
        if not EXTERNAL_ID.fullmatch(external):
            problem("external_id", f"'{_shown(external)}' is not 1 to 64 letters, digits, "
                    "dots, colons, underscores or hyphens")
        elif stored_external and stored_external != external:
            problem("external_id", f"this candidate's external id is '{stored_external}'; the "
                    "import does not change an external id (the applicant-tracking system "
                    "uses it)")
        elif holder is not None and holder != pk:
            problem("external_id", f"'{external}' is another candidate's external id")
    source = None
    if row.get("source"):
        source = sources.get(row["source"].casefold())
        if source is None or not (source.active or source.pk == stored_source):
            active = [f"{s.name} ({s.slug})" for s in
                      sorted({s.pk: s for s in sources.values() if s.active}.values(),
                             key=lambda s: (s.order, s.name))]
            why = "unknown source" if source is None else "switched-off source"
            problem("source", f"{why} '{_shown(row['source'])}'; use one of: "
                    + (", ".join(active) if active else "(none: every source is switched off)")
                    + ", or leave it empty")
    opening = None
    if row.get("opening"):
        opening = openings.get(row["opening"].casefold())
        if opening is None:
            problem("opening", f"no opening with the slug '{_shown(row['opening'])}'")
        elif opening.status == Opening.CLOSED:
            problem("opening", f"'{opening.slug}' ({opening.title}) is closed; reopen it or "
                    "leave the cell empty")
    if problems:
        errors.extend(problems)
        return None
    return {"line": line, "pk": pk, "email": email, "first_name": row["first_name"],
            "last_name": row["last_name"], "phone": row.get("phone", ""),
            "external_id": external, "source": source, "opening": opening}


@transaction.atomic
def _write_candidates(parsed: list[dict]) -> CandidateImportResult:
    """Saves each new or changed candidate (one by one, so the search index follows) and
    adds the applications."""
    result = CandidateImportResult()
    stored = Candidate.objects.in_bulk([v["pk"] for v in parsed if v["pk"]])
    for values in parsed:
        candidate = stored.get(values["pk"])
        created = candidate is None
        if created:
            candidate = Candidate(email=values["email"])
        wanted = {"first_name": values["first_name"], "last_name": values["last_name"]}
        wanted.update({f: values[f] for f in ("phone", "external_id") if values[f]})
        if values["source"] is not None:
            wanted["source_id"] = values["source"].pk
        changed = created or any(getattr(candidate, f) != v for f, v in wanted.items())
        if changed:
            for f, v in wanted.items():
                setattr(candidate, f, v)
            candidate.save()
        what = ["created" if created else "updated"] if changed else []
        if values["opening"] is not None:
            _, added = add_application(candidate, values["opening"])
            if added:
                result.applications += 1
                what.append(f"added to {values['opening'].title} at Applied")
        if created:
            result.created += 1
        elif changed:
            result.updated += 1
        else:
            result.unchanged += 1
        if what:
            result.changes.append(f"row {values['line']}: {candidate.full_name} "
                                  f"<{candidate.email}>: {', '.join(what)}")
    return result
