"""Psychometric and performance imports: row errors, all-or-nothing, idempotence, formats."""

import math
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from assessments.csvfile import ImportRefused
from assessments.imports import import_performance, import_psychometrics, to_z
from assessments.models import PerformanceRecord, PsychometricScale, PsychometricScore
from selection.models import Producer
from tests import factories

pytestmark = pytest.mark.django_db

HEADER = "person,instrument,scale,score,score_type,norm_mean,norm_sd\n"


@pytest.fixture
def scales(library):
    drive = PsychometricScale.objects.create(instrument="SPI", scale="Drive",
                                             dimension=library["resilience"])
    grit = PsychometricScale.objects.create(instrument="SPI", scale="Grit",
                                            dimension=library["resilience"])
    return drive, grit


@pytest.fixture
def people(application):
    producer = factories.make_producer(1, "100")
    producer.external_id = "EMP-1"
    producer.save()
    return application.candidate, producer


def test_z_scores():
    assert to_z("t", 65) == 1.5
    assert to_z("sten", 7.5) == 1.0
    assert to_z("percentile", 50) == 0.0
    assert to_z("percentile", 100) == pytest.approx(2.5758, abs=1e-4)   # clipped to 99.5
    assert to_z("percentile", 0) == pytest.approx(-2.5758, abs=1e-4)
    assert to_z("raw", 30, 20, 5) == 2.0


def test_broken_file_lists_every_bad_row_and_imports_nothing(scales, people):
    candidate, producer = people
    data = (
        HEADER
        + f"{candidate.email},SPI,Drive,55,T-score,,\n"          # row 2: fine
        + f"{candidate.email},SPI,Grit,fifty,T-score,,\n"         # row 3: bad number
        + "nobody@example.com,SPI,Drive,55,T-score,,\n"           # row 4: unknown person
        + "EMP-1,SPI,Charisma,55,T-score,,\n"                     # row 5: unknown scale
        + "EMP-1,SPI,Drive,120,percentile,,\n"                    # row 6: percentile > 100
        + f"{candidate.email},SPI,Drive,60,T-score,,\n"           # row 7: duplicate of row 2
        + "EMP-1,SPI,Grit,31,raw,,\n"                             # row 8: raw without norms
        + "EMP-1,SPI,Grit,31,zscore,,\n"                          # row 9: unknown score type
    ).encode()
    with pytest.raises(ImportRefused) as refused:
        import_psychometrics(data)
    errors = refused.value.errors
    assert "row 3, column score: 'fifty' is not a number" in errors
    assert any(e.startswith("row 4, column person: no candidate or producer") for e in errors)
    assert any(e.startswith("row 5, column scale: 'SPI / Charisma' is not mapped") for e in errors)
    assert "row 6, column score: 120 is outside 0-100 for a Percentile" in errors
    assert any(e.startswith("row 7, column person: duplicate of row 2") for e in errors)
    assert any(e.startswith("row 8, column norm_mean: missing") for e in errors)
    assert any(e.startswith("row 9, column score_type:") for e in errors)
    assert not any(e.startswith("row 2") for e in errors)
    assert not PsychometricScore.objects.exists()


def test_missing_column_is_reported_on_the_header_row(scales):
    with pytest.raises(ImportRefused) as refused:
        import_psychometrics(b"person,instrument,scale,score\nx@y.z,SPI,Drive,50\n")
    assert refused.value.errors == ["row 1, column score_type: missing column"]


def test_import_twice_changes_nothing_then_updates(scales, people):
    candidate, producer = people
    data = (HEADER + f"{candidate.email},SPI,Drive,60,T-score,,\n"
            + "EMP-1,SPI,Grit,7.5,sten,,\n"
            + f"{producer.email.upper()},SPI,Drive,30,raw,20,5\n").encode()
    first = import_psychometrics(data)
    assert (first.created, first.updated, first.unchanged) == (3, 0, 0)
    second = import_psychometrics(data)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 3)
    z = {(s.scale.scale, s.candidate_id or s.producer_id): s.z_score
         for s in PsychometricScore.objects.select_related("scale")}
    assert z == {("Drive", candidate.pk): 1.0, ("Grit", producer.pk): 1.0,
                 ("Drive", producer.pk): 2.0}
    third = import_psychometrics(data.replace(b",60,", b",40,"))
    assert (third.created, third.updated, third.unchanged) == (0, 1, 2)
    assert PsychometricScore.objects.get(candidate=candidate).z_score == -1.0


def test_bom_semicolon_and_decimal_comma(scales, people):
    candidate, _ = people
    data = ("\ufeffPerson;Instrument;Scale;Score;Score type\n"
            f"{candidate.email};SPI;Drive;84,1;percentile\n").encode()
    assert import_psychometrics(data).created == 1
    score = PsychometricScore.objects.get()
    assert score.score == 84.1 and math.isclose(score.z_score, 0.99858, abs_tol=1e-4)


def test_upload_over_the_size_limit_is_refused(scales, settings):
    settings.SELECTION_IMPORT_MAX_BYTES = 50
    with pytest.raises(ImportRefused) as refused:
        import_psychometrics((HEADER + "x@y.z,SPI,Drive,50,T,,\n" * 5).encode())
    assert "the limit is 50 bytes" in refused.value.errors[0]


def test_not_utf8_is_refused(scales):
    with pytest.raises(ImportRefused) as refused:
        import_psychometrics((HEADER + "zoë@x.y,SPI,Drive,50,T,,\n").encode("latin-1"))
    assert "not UTF-8" in refused.value.errors[0]


def test_performance_latest_period_and_tiers(groups):
    producers = [factories.make_producer(n, "0") for n in range(8)]
    rows = ["producer,period,performance,tier"]
    for n, p in enumerate(producers):
        rows.append(f"{p.email},FY2025,{100 + n * 10},")
        rows.append(f"{p.email},FY2024,{50 + n},")
    rows[-1] = rows[-1] + "top"          # an imported tier on an earlier period is history
    rows.append(f"{producers[0].email},FY2026,10,top")   # latest period with an imported tier
    data = ("\n".join(rows) + "\n").encode()
    result = import_performance(data)
    assert (result.created, result.updated, result.unchanged) == (17, 0, 0)
    p0 = Producer.objects.get(pk=producers[0].pk)
    assert (p0.performance, p0.performance_period, p0.tier, p0.tier_source) == (
        Decimal("10.00"), "FY2026", "top", "imported")
    tiers = dict(Producer.objects.values_list("email", "tier"))
    assert tiers[producers[7].email] == "top" and tiers[producers[6].email] == "top"
    assert tiers[producers[1].email] == "bottom"
    assert Producer.objects.get(pk=producers[3].pk).tier_source == "computed"
    again = import_performance(data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 17)
    assert PerformanceRecord.objects.count() == 17


def test_performance_row_errors(groups, application):
    factories.make_producer(1, "0")
    data = ("producer,period,performance,tier\n"
            "p1@example.com,FY2025,abc,\n"
            f"{application.candidate.email},FY2025,100,\n"
            "p1@example.com,,100,\n"
            "p1@example.com,FY2024,100,best\n"
            "p1@example.com,FY2023,100.123,\n").encode()
    with pytest.raises(ImportRefused) as refused:
        import_performance(data)
    errors = refused.value.errors
    assert errors[0].startswith("row 2, column performance: 'abc' is not a number")
    assert errors[1].startswith("row 3, column producer: no producer with email")
    assert errors[2].startswith("row 4, column period:")
    assert errors[3].startswith("row 5, column tier: 'best'")
    assert errors[4].startswith("row 6, column performance:")
    assert not PerformanceRecord.objects.exists()


def test_commands_print_errors_and_fail(scales, people, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "nobody@example.com,SPI,Drive,55,T,,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing imported: 1 problem"):
        call_command("import_psychometrics", str(bad))
    assert "row 2, column person" in capsys.readouterr().err
    good = tmp_path / "good.csv"
    good.write_text(f"producer,period,performance\n{people[1].email},FY2025,99.5\n")
    call_command("import_performance", str(good))
    assert "1 created" in capsys.readouterr().out


def test_upload_page_shows_row_errors_and_refuses_large_files(client, hr, scales, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .conftest import login

    login(client, hr)
    bad = SimpleUploadedFile("bad.csv", (HEADER + "nobody@x.y,SPI,Drive,<b>1</b>,T,,\n").encode())
    page = client.post("/assessments/imports/psychometrics/", {"file": bad})
    assert page.status_code == 400
    assert b"Nothing was imported from bad.csv" in page.content
    assert b"row 2, column score: &#x27;&lt;b&gt;1&lt;/b&gt;&#x27; is not a number" in page.content
    settings.SELECTION_IMPORT_MAX_BYTES = 10
    big = SimpleUploadedFile("big.csv", HEADER.encode())
    page = client.post("/assessments/imports/performance/", {"file": big})
    assert page.status_code == 413 and b"the limit is 10 bytes" in page.content
