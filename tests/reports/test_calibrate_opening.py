"""calibrate_opening on real producers, candidates, scores and interview ratings."""

import json

from reports.calibration.compute import calibrate_opening

KEYS = {"format", "opening", "computed_at", "min_cohort", "dimensions", "cohorts", "differences",
        "discriminating", "fit_basis", "candidates", "interviewers", "validity", "warnings",
        "groups", "top_share_note", "reference", "cohort_summary"}


def _candidate(payload, name):
    return next(c for c in payload["candidates"] if c["name"] == name)


def test_payload_is_plain_json_with_every_part(cohort_opening):
    payload = calibrate_opening(cohort_opening)
    assert set(payload) == KEYS
    json.dumps(payload, allow_nan=False)  # NaN became None
    assert payload["cohorts"]["top"] == {"producers": 12, "with_scores": 12}
    assert payload["cohorts"]["candidates"] == {"applications": 3, "with_scores": 3}
    assert [d["slug"] for d in payload["dimensions"]] == ["discovery", "negotiating", "resilience"]
    assert payload["dimensions"][0]["n_producers"] == 36


def test_top_producers_separate_on_the_dimensions_built_to_differ(cohort_opening):
    payload = calibrate_opening(cohort_opening)
    assert payload["discriminating"] == ["discovery", "resilience"]
    assert payload["fit_basis"]["basis"] == "discriminating"
    assert payload["fit_basis"]["dimensions"] == ["discovery", "resilience"]
    rows = {(r["dimension"], r["comparison"]): r for r in payload["differences"]}
    top_bottom = rows[("discovery", "top_vs_bottom")]
    assert top_bottom["n_a"] == 12 and top_bottom["n_b"] == 12
    assert top_bottom["hedges_g"] > 2 and top_bottom["p_holm"] < 0.001
    assert not rows[("negotiating", "top_vs_middle")]["discriminating"]


def test_candidate_fit_places_a_top_like_candidate_with_the_top(cohort_opening):
    payload = calibrate_opening(cohort_opening)
    ada, cy = _candidate(payload, "Ada Lovelace"), _candidate(payload, "Cy Lowe")
    assert ada["posterior"]["top"] > 0.5 > cy["posterior"]["top"]
    assert cy["posterior"]["bottom"] > 0.5
    assert abs(sum(ada["posterior"].values()) - 1) < 1e-9
    assert ada["closer_than_top_share"] > cy["closer_than_top_share"]
    assert ada["stage"] == "calibration" and ada["stage_label"] == "Calibration"
    discovery = ada["dimensions"][0]
    assert discovery["dimension"] == "discovery" and discovery["z"] == 1.1
    assert discovery["percentiles"]["bottom"] == 100.0
    assert discovery["interview_mean"] == 4.5


def test_knock_outs_come_from_interview_ratings(cohort_opening):
    payload = calibrate_opening(cohort_opening)
    # Cy's interview means: discovery 1.5 (knock-out 2), resilience 1.5 (knock-out 3).
    assert _candidate(payload, "Cy Lowe")["knock_outs"] == ["Discovery questioning", "Resilience"]
    assert _candidate(payload, "Ada Lovelace")["knock_outs"] == []


def test_interviewer_agreement_overall_and_per_dimension(cohort_opening, interviewer,
                                                         interviewer2):
    payload = calibrate_opening(cohort_opening)
    overall = payload["interviewers"]["overall"]
    assert overall["n_raters"] == 2 and overall["n_targets"] == 6 and overall["n_complete"] == 6
    assert 0 < overall["icc2"] <= 1
    lenient = {p["interviewer_id"]: p["leniency"] for p in overall["leniency"]}
    # Interviewer 1 rated 0.5 higher on average on the pairs they share (4 of 6 differ by 1).
    assert lenient[interviewer.pk] > 0 > lenient[interviewer2.pk]
    by_dim = {row["dimension"]: row for row in payload["interviewers"]["by_dimension"]}
    assert set(by_dim) == {"discovery", "resilience"}
    assert by_dim["discovery"]["n_targets"] == 3


def test_fewer_than_two_interviewers_is_a_plain_warning(cohort_opening, interviewer2):
    from interviews.models import Scorecard

    Scorecard.objects.filter(interview__interviewer=interviewer2).update(state=Scorecard.DRAFT)
    payload = calibrate_opening(cohort_opening)
    assert any("Only one interviewer" in w for w in payload["warnings"])


def test_small_cohorts_and_missing_evidence_are_warned_about(cohort_opening):
    from assessments.models import PsychometricScore

    PsychometricScore.objects.filter(scale__dimension__slug="negotiating").delete()
    payload = calibrate_opening(cohort_opening, min_n=20)
    text = " ".join(payload["warnings"])
    assert "Only 12 top producers have scores (at least 20" in text
    assert "No producer has a test, roleplay or psychometric score on Negotiating" in text
    assert {r["dimension"] for r in payload["differences"]} == {"discovery", "resilience"}
    # Cohorts of 12 are below 20: no verdicts, and no fall-back to every scored dimension.
    assert payload["discriminating"] == []
    assert payload["fit_basis"]["basis"] == "none"
    assert payload["fit_basis"]["dimensions"] == []
    (group,) = payload["groups"]
    assert not group["usable"]
    assert group["message"].startswith(
        "With 12 top, 12 middle and 12 bottom producers, no probabilities are shown")
    assert "each tier needs at least 20" in group["message"]
    for cand in payload["candidates"]:
        assert cand["posterior"] == {"top": None, "middle": None, "bottom": None}
        assert cand["closer_than_top_share"] is None and cand["expectancy"] is None
        # the percentiles stay, as description
        assert cand["dimensions"][0]["percentiles"]["top"] is not None


def test_a_usable_model_reports_its_quality_and_each_candidates_expectancy(cohort_opening):
    payload = calibrate_opening(cohort_opening)
    (group,) = payload["groups"]
    assert group["usable"] and group["n_candidates"] == 3
    assert group["producers"] == {"top": 12, "middle": 12, "bottom": 12}
    v = group["validation"]
    assert v["brier"] <= v["baseline_brier"] - 0.01 and v["auc_top"] > 0.7
    assert f"Brier {v['brier']:.2f} against {v['baseline_brier']:.2f}" in group["message"]
    ada = _candidate(payload, "Ada Lovelace")
    row = ada["expectancy"]
    assert row["low"] <= ada["posterior"]["top"] <= row["high"] and row["n"] >= row["n_top"]
    assert row in v["expectancy"]
    ref = {(r["instrument"], r["dimension"]): r for r in payload["reference"]}
    assert ref[("psychometric:Sales Inventory/Discovery questioning", "discovery")] == {
        "instrument": "psychometric:Sales Inventory/Discovery questioning",
        "dimension": "discovery", "norm": "published"}


def test_concurrent_validity_is_labelled_and_counted(cohort_opening):
    validity = calibrate_opening(cohort_opening)["validity"]
    assert validity["kind"] == "concurrent"
    assert validity["n_producers_with_outcome"] == 36
    discovery = next(r for r in validity["rows"] if r["dimension"] == "discovery")
    assert discovery["n"] == 36 and discovery["pearson_r"] > 0.5
    assert discovery["pearson_ci_low"] < discovery["pearson_r"] < discovery["pearson_ci_high"]


def test_an_opening_without_any_evidence_still_calibrates(opening, application):
    payload = calibrate_opening(opening)
    json.dumps(payload, allow_nan=False)
    assert payload["differences"] == [] and payload["fit_basis"]["basis"] == "none"
    assert payload["candidates"][0]["posterior"] == {"top": None, "middle": None, "bottom": None}
    assert any("No interview scorecard" in w for w in payload["warnings"])
