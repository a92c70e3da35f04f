"""The pipeline against the profile and the funnel per source, on hand-computed cases."""

from datetime import UTC, datetime, timedelta

import pytest

from reports.calibration.evidence import DimensionInfo
from reports.hiring_report.headline import Requirement, headline
from reports.validity.funnel import funnel_csv_rows, source_funnel
from reports.validity.levels import CandidateLevels
from reports.validity.pipeline import (
    PipelineEntry,
    headline_words,
    requirement_rows,
    source_rows,
    stage_rows,
)
from selection.models import StageChange
from tests import factories

DIMS = [DimensionInfo(1, "territory", "Territory planning", "competency", 1.0, 4, 3, True),
        DimensionInfo(2, "drive", "Drive", "trait", 1.0, 3, None, False)]


def _entry(stage, source, territory, drive):
    reqs = [Requirement("Territory planning", 1.0, 4.0, True, territory, None, 3),
            Requirement("Drive", 1.0, 3.0, False, drive, None, None)]
    cards = int(territory is not None or drive is not None)
    head = headline(reqs, submitted_scorecards=cards, assessment_weight=0.33)
    levels = CandidateLevels(0, 0, head, {}, {}, cards, None)
    return PipelineEntry(stage, source, levels, (4.0, 3.0), (1.0, 1.0))


@pytest.fixture
def entries():
    return [
        _entry("interviewing", "Referral", 2.0, 4.0),   # knock-out missed
        _entry("screening", "Job board", 4.0, 3.0),     # gap 0: reaches the target
        _entry("applied", "Job board", None, None),     # no evidence: could still reach it
        _entry("assessment", "Agency", 2.5, 5.0),       # knock-out missed, gap +0.25
    ]


def test_reach_and_could_reach(entries):
    assert [e.reaches for e in entries] == [False, True, False, False]
    assert [e.could_reach for e in entries] == [False, True, True, False]
    stages = [("applied", "Applied"), ("screening", "Screening"),
              ("interviewing", "Interviewing"), ("assessment", "Assessment")]
    assert stage_rows(entries, stages) == [
        {"stage": "Applied", "n": 1, "reaches": 0, "could_reach": 1},
        {"stage": "Screening", "n": 1, "reaches": 1, "could_reach": 1},
        {"stage": "Interviewing", "n": 1, "reaches": 0, "could_reach": 0},
        {"stage": "Assessment", "n": 1, "reaches": 0, "could_reach": 0},
    ]


def test_requirement_shares_by_stage_and_source(entries):
    rows = requirement_rows(entries, DIMS, [("screening", "Screening")],
                            ["Agency", "Job board", "Referral"])
    territory, drive = rows
    assert territory["all"] == {"n": 4, "assessed": 3, "at_target": 1, "ko_assessed": 3,
                                "ko_met": 1}
    assert territory["sources"][1] == {"n": 2, "assessed": 1, "at_target": 1,
                                       "ko_assessed": 1, "ko_met": 1}
    assert drive["all"]["at_target"] == 3 and drive["all"]["ko_met"] is None
    assert (territory["trainable"], drive["trainable"]) == (True, False)


def test_headline_warns_when_no_one_past_screening_meets_a_knock_out(entries):
    sources = source_rows(entries, ["Agency", "Job board", "Referral"])
    assert [s["source"] for s in sources] == ["Job board", "Agency", "Referral"]
    words = headline_words(entries, DIMS, sources)
    assert words["far"] is True
    assert words["text"] == (
        "No candidate past screening meets the knock-out on Territory planning (2 rated); "
        "1 of 4 reach the weighted target. Closest sources: Job board (1 of 1 assessed reach "
        "it), Agency (0 of 1 assessed reach it).")


def test_headline_quiet_when_the_pipeline_is_near(entries):
    near = [_entry("interviewing", "Referral", 4.5, 4.0)] * 3 + entries[1:3]
    words = headline_words(near, DIMS, source_rows(near, ["Job board", "Referral"]))
    assert words["far"] is False
    assert words["text"].startswith("4 of 5 reach the weighted target.")


def test_funnel_counts_pass_rates_and_days_in_stage(opening):
    start = datetime(2026, 1, 1, tzinfo=UTC)

    referral, agency = factories.source("referral", "Referral"), factories.source("agency",
                                                                                  "Agency")

    def app(name, source, moves):
        a = factories.make_application(opening, name, "Src", stage=moves[-1][0])
        a.candidate.source = source
        a.candidate.save()
        previous = ""
        for stage, day in moves:
            StageChange.objects.create(application=a, from_stage=previous, to_stage=stage,
                                       changed_at=start + timedelta(days=day))
            previous = stage

    app("A", referral, [("applied", 0), ("screening", 2), ("interviewing", 5),
                        ("rejected", 6)])
    app("B", referral, [("applied", 0)])
    app("C", agency, [("applied", 0), ("hired", 10)])
    app("D", None, [("applied", 0), ("screening", 1)])
    funnel = source_funnel([opening])
    rows = {r["source"]: r for r in funnel["rows"]}
    assert list(rows) == ["Agency", "Not recorded", "Referral"]
    assert rows["Referral"]["counts"] == [2, 1, 1, 0, 0, 0, 0]
    assert rows["Not recorded"]["counts"] == [1, 1, 0, 0, 0, 0, 0]
    assert rows["Agency"]["counts"] == [1, 1, 1, 1, 1, 1, 1]  # hired counts as every stage
    first = rows["Referral"]["steps"][0]
    assert (first["k"], first["n"], first["rate"]) == (1, 2, 0.5)
    assert first["interval"] == pytest.approx((0.0945, 0.9055), abs=1e-4)
    assert rows["Referral"]["steps"][3]["rate"] is None or rows["Referral"]["steps"][3]["n"] == 0
    days = {d["stage"]: (d["n"], d["median"]) for d in funnel["days"]}
    assert days["applied"] == (3, 2.0)      # A 2 days, C 10 days, D 1 day
    assert days["screening"] == (1, 3.0)
    assert days["interviewing"] == (1, 1.0)
    # The same stays per source: Referral's A (B has not left Applied), Agency's C; D is
    # still in screening, so "Not recorded" has one ended stay, in Applied.
    per_source = {s: [(st["days"]["n"], st["days"]["median"]) for st in rows[s]["steps"][:3]]
                  for s in rows}
    assert per_source == {"Referral": [(1, 2.0), (1, 3.0), (1, 1.0)],
                          "Agency": [(1, 10.0), (0, None), (0, None)],
                          "Not recorded": [(1, 1.0), (0, None), (0, None)]}
    # The CSV carries them, a row per source and step.
    csv_rows = funnel_csv_rows(funnel)
    assert csv_rows[0][-2:] == ["median days in from stage", "stays in from stage"]
    referral = [r for r in csv_rows if r[0] == "Referral"]
    assert referral[0] == ["Referral", "applied", "screening", 2, 1, 0.5, 0.0945, 0.9055, 2.0, 1]
    assert referral[1][-2:] == [3.0, 1] and referral[3][-2:] == [None, 0]


def test_funnel_csv_is_formula_safe(client, hr, opening):
    a = factories.make_application(opening, "Eve", "Formula", stage="applied")
    a.candidate.source = factories.source("formula", "=HYPERLINK(1)")
    a.candidate.save()
    client.force_login(hr)
    response = client.get(f"/reports/profiles/{opening.role_profile_id}/pipeline.csv")
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode()
    assert "'=HYPERLINK(1)" in body and "\n=HYPERLINK" not in body


def test_an_openings_csv_is_its_own_funnel(client, hr, opening, library, manager):
    other = factories.make_opening(library["profile"], manager=manager, slug="other")
    factories.make_application(opening, "Ann", "Here", stage="applied")
    for n in range(3):
        factories.make_application(other, f"Ola{n}", "There", stage="applied")
    client.force_login(hr)
    page = client.get(f"/reports/openings/{opening.slug}/pipeline/").content.decode()
    assert f'href="/reports/openings/{opening.slug}/pipeline.csv"' in page

    def applied(url):
        response = client.get(url)
        assert response["Content-Type"].startswith("text/csv")
        lines = response.content.decode().splitlines()
        return sum(int(line.split(",")[3]) for line in lines[1:] if ",applied," in line)

    assert applied(f"/reports/openings/{opening.slug}/pipeline.csv") == 1
    assert applied(f"/reports/profiles/{opening.role_profile_id}/pipeline.csv") == 4
