"""Generated hostile CSV files: an import succeeds completely or refuses with row errors.

Files are uploaded through the real HR page. A refused file must leave every table the
import touches exactly as it was (row counts and a checksum of every row), answer 400
with errors of the documented form ('row N, column X: ...'), and never crash.
"""

import csv
import io
import math
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import event, given
from hypothesis import strategies as st

from assessments.imports import import_candidates, import_performance, import_psychometrics
from assessments.models import PerformanceRecord, PsychometricScale, PsychometricScore
from selection.models import Application, Candidate, CandidateSource, Producer
from tests import factories
from tests.security.conftest import FUZZ, assert_no_live_markup, fingerprint

pytestmark = pytest.mark.django_db

TABLES = (PsychometricScore, PerformanceRecord, Producer, Candidate, PsychometricScale,
          Application, CandidateSource)
ERROR_FORM = re.compile(
    r"^(row \d+(, column [a-z0-9_]+)?: .+|The file (is|has) .+)$", re.DOTALL
)

NUMBERS = st.one_of(
    st.sampled_from(["55", "50.5", "55,5", "7", "0", "100", "-1", "1e308", "1e400", "-1e400",
                     "nan", "NaN", "inf", "-Infinity", "1e-320", "99999999.99", "100000000",
                     "0x10", "1_000", " 42 ", "", "١٢", "²", "5" * 5000]),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(max_size=12),
)
UNICODE = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30
)


@pytest.fixture
def world(library, application, hr):
    """Two mapped scales, a candidate and two producers (one keyed by external id)."""
    PsychometricScale.objects.create(instrument="SPI", scale="Drive",
                                     dimension=library["resilience"])
    PsychometricScale.objects.create(instrument="SPI", scale="Grit",
                                     dimension=library["discovery"])
    first = factories.make_producer(1, "100", "top")
    first.external_id = "EMP-1"
    first.save()
    factories.make_producer(2, "80")
    return {"candidate": application.candidate.email, "hr": hr}


@pytest.fixture
def candidate_world(world, application):
    """Two active sources and one switched off; a closed opening beside the open one."""
    factories.source("referral", "Referral")
    factories.source("job-board", "Job board")
    factories.source("print-ad", "Print ad", active=False)
    closed = factories.make_opening(application.opening.role_profile, slug="closed-one")
    closed.status = "closed"
    closed.save()
    return world


def _people(draw) -> str:
    return draw(st.sampled_from([
        "ada.lovelace@example.com", "ADA.LOVELACE@EXAMPLE.COM", "EMP-1", "p2@example.com",
        "nobody@example.com", "EMP-404", "", "  ", "p1@example.com\x00", "=cmd|' /C calc'!A0",
        "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
    ]) | UNICODE)


CLEAN = {
    "person": ["ada.lovelace@example.com", "EMP-1", "P2@example.com"],
    "producer": ["EMP-1", "p2@example.com", "P1@EXAMPLE.COM"],
    "instrument": ["SPI", "spi"], "scale": ["Drive", "grit"],
    "score_type": ["T-score", "sten", "Percentile", "raw"],
    "tier": ["top", "", "Bottom"], "period": ["FY2024", "FY2025", "2025-Q1"],
    "email": ["ada.lovelace@example.com", "New.Person@example.com", "x@example.org"],
    "first_name": ["Ada", "Zoë", "<script>alert(1)</script>"], "last_name": ["Lovelace", "O'Neil"],
    "phone": ["", "020 7946 0000"], "external_id": ["", "ATS-7"],
    "source": ["", "referral", "Referral", "JOB-BOARD"], "opening": ["", "ae-test", "AE-TEST"],
}


def _cells(draw, columns: list[str], clean: bool = False) -> list[str]:
    if clean:  # values the importer accepts (duplicates may still refuse the file)
        return [draw(st.sampled_from(CLEAN.get(c, ["7", "8", " 9 ", "1e1", "6.5"])))
                for c in columns]
    options = {
        "person": lambda: _people(draw),
        "producer": lambda: _people(draw),
        "instrument": lambda: draw(st.sampled_from(["SPI", "spi", "Other", ""]) | UNICODE),
        "scale": lambda: draw(st.sampled_from(["Drive", "GRIT", "Charm", ""]) | UNICODE),
        "score_type": lambda: draw(st.sampled_from(
            ["T-score", "t", "sten", "percentile", "raw", "RAW", "z", ""]) | UNICODE),
        "tier": lambda: draw(st.sampled_from(["top", "Middle", "bottom", "", "best"])),
        "period": lambda: draw(st.sampled_from(["FY2024", "FY2025", "2025-Q1", "", "x" * 41,
                                                "FY\x002025"]) | UNICODE),
        "email": lambda: _people(draw),
        "source": lambda: draw(st.sampled_from(["referral", "Job board", "print-ad", "",
                                                "<b>unclosed"]) | UNICODE),
        "opening": lambda: draw(st.sampled_from(["ae-test", "closed-one", "nope", ""])
                                | UNICODE),
        "external_id": lambda: draw(st.sampled_from(["ATS-1", "", "a b", "x" * 65])),
    }
    return [options.get(c, lambda: draw(NUMBERS))() for c in columns]


@st.composite
def csv_files(draw, required: list[str], optional: list[str]) -> bytes:
    """A file as people and tools really send them, and worse."""
    kind = draw(st.sampled_from(["table", "table", "table", "table", "empty", "binary"]))
    if kind == "empty":
        return draw(st.sampled_from([b"", b"\n\n", b"\xef\xbb\xbf", b",,,\n"]))
    if kind == "binary":
        return draw(st.binary(min_size=1, max_size=300))
    columns = list(required) + draw(st.lists(st.sampled_from(optional), unique=True))
    columns += draw(st.lists(st.sampled_from(["extra", "notes", "Score"]), max_size=2))
    if draw(st.integers(0, 3)) == 0:  # drop or shuffle columns
        columns = draw(st.permutations(columns))
        if draw(st.booleans()) and columns:
            columns = columns[: draw(st.integers(0, len(columns) - 1))]
    rows = []
    clean = draw(st.booleans())
    for _ in range(draw(st.integers(0, 6))):
        cells = _cells(draw, columns, clean)
        cut = None if clean else draw(st.sampled_from([None, None, None, -1, 1]))
        if cut == -1:
            cells = cells[:-1]
        elif cut == 1:
            cells = [*cells, draw(UNICODE)]
        rows.append(cells)
    if rows and not clean and draw(st.booleans()):
        rows.append(draw(st.sampled_from(rows)))  # a duplicate key
    delimiter = draw(st.sampled_from([",", ";"]))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter,
                        lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    header = [c.replace("_", draw(st.sampled_from(["_", " ", "-"]))) for c in columns]
    writer.writerow([c.upper() if draw(st.booleans()) else c for c in header])
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-8", "latin-1"]))
    return out.getvalue().encode(encoding, errors="replace")


def _upload(client, kind: str, data: bytes):
    return client.post(f"/assessments/imports/{kind}/",
                       {"file": SimpleUploadedFile("hostile.csv", data, "text/csv")})


def _check_outcome(response, before: dict, after: dict) -> None:
    assert response.status_code in (200, 400), response.status_code
    assert_no_live_markup(response.content.decode(), "the import page")
    if response.status_code == 400:
        assert after == before, "a refused import changed the database"
        errors = response.context["errors"]
        assert errors
        for error in errors:
            assert ERROR_FORM.match(error), error
    else:
        result = response.context["result"]
        assert result.rows >= 1
        assert not response.context.get("errors")


def _data_rows(data: bytes) -> int:
    """Non-blank rows after the header, as the importer counts them."""
    text = data.decode("utf-8-sig")
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") \
        else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[1:]
    return sum(1 for r in rows if any(c.strip() for c in r))


@FUZZ
@given(data=csv_files(["person", "instrument", "scale", "score", "score_type"],
                      ["norm_mean", "norm_sd"]))
def test_psychometric_file_is_all_or_nothing(client, world, data):
    client.force_login(world["hr"])
    before = fingerprint(*TABLES)
    response = _upload(client, "psychometrics", data)
    after = fingerprint(*TABLES)
    _check_outcome(response, before, after)
    event(f"answered {response.status_code}")
    if response.status_code == 200:
        assert response.context["result"].rows == _data_rows(data)
        for z in PsychometricScore.objects.values_list("z_score", flat=True):
            assert math.isfinite(z), "an imported score became an infinite z-score"
        again = import_psychometrics(data)
        assert again.created == again.updated == 0, "re-importing the same file changed rows"


@FUZZ
@given(data=csv_files(["producer", "period", "performance"], ["tier"]))
def test_performance_file_is_all_or_nothing(client, world, data):
    client.force_login(world["hr"])
    before = fingerprint(*TABLES)
    response = _upload(client, "performance", data)
    after = fingerprint(*TABLES)
    _check_outcome(response, before, after)
    event(f"answered {response.status_code}")
    if response.status_code == 200:
        assert response.context["result"].rows == _data_rows(data)
        again = import_performance(data)
        assert again.created == again.updated == 0, "re-importing the same file changed rows"


@FUZZ
@given(data=csv_files(["first_name", "last_name", "email"],
                      ["phone", "external_id", "source", "opening"]))
def test_candidate_file_is_all_or_nothing(client, candidate_world, data):
    world = candidate_world
    """Names and phones get the generic hostile cells (numbers and any text)."""
    client.force_login(world["hr"])
    before = fingerprint(*TABLES)
    response = _upload(client, "candidates", data)
    after = fingerprint(*TABLES)
    _check_outcome(response, before, after)
    event(f"answered {response.status_code}")
    if response.status_code == 200:
        assert response.context["result"].rows == _data_rows(data)
        again = import_candidates(data)
        assert again.created == again.updated == again.applications == 0, \
            "re-importing the same file changed rows"


RAW_OVERFLOW = (b"person,instrument,scale,score,score_type,norm_mean,norm_sd\n"
                b"EMP-1,SPI,Drive,1e308,raw,-1e308,0.5\n")


def test_raw_score_that_overflows_is_refused_not_stored_as_infinity(client, world):
    client.force_login(world["hr"])
    before = fingerprint(*TABLES)
    response = _upload(client, "psychometrics", RAW_OVERFLOW)
    assert response.status_code == 400
    assert fingerprint(*TABLES) == before
    assert response.context["errors"][0].startswith("row 2, column score")


def test_a_cell_larger_than_the_csv_field_limit_is_refused_not_a_crash(client, world):
    client.force_login(world["hr"])
    data = b"producer,period,performance\nEMP-1,FY2025,\"" + b"9" * 200_000 + b"\"\n"
    before = fingerprint(*TABLES)
    response = _upload(client, "performance", data)
    assert response.status_code == 400
    assert fingerprint(*TABLES) == before
    assert response.context["errors"][0].startswith("row 2")


def test_a_nul_character_in_a_stored_cell_is_refused(client, world):
    """PostgreSQL cannot store NUL in text; the file must be refused on every database."""
    client.force_login(world["hr"])
    before = fingerprint(*TABLES)
    response = _upload(client, "performance",
                       b"producer,period,performance\nEMP-1,FY\x002025,101\n")
    assert response.status_code == 400
    assert fingerprint(*TABLES) == before
    assert response.context["errors"][0].startswith("row 2: contains a NUL")


def test_a_hostile_file_name_and_cells_are_shown_as_text(client, world):
    client.force_login(world["hr"])
    data = b"producer,period,performance\n<script>alert(1)</script>,FY2025,<b>unclosed\n"
    response = client.post("/assessments/imports/performance/", {"file": SimpleUploadedFile(
        '"><img src=x onerror=alert(1)>.csv', data, "text/csv")})
    assert response.status_code == 400
    html = response.content.decode()
    assert_no_live_markup(html, "the refused import")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
