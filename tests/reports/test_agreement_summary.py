"""Interviewer agreement: the summary is the median per-dimension ICC, not the pooled ICC
that counts dimension difficulty as agreement; the warning follows the summary."""

import numpy as np

from reports.calibration.compute import calibrate_opening
from reports.calibration.evidence import (
    DimensionInfo,
    OpeningEvidence,
    RatingMatrices,
    RatingTable,
    ScoreMatrices,
)
from reports.calibration.interviewers import interviewer_agreement
from reports.stats import rater_agreement


def _evidence(dimension_matrices):
    dims = [DimensionInfo(i + 1, f"d{i}", f"Dimension {i}", "skill", 1.0, 3, None)
            for i in range(len(dimension_matrices))]
    n_raters = dimension_matrices[0].shape[1]
    raters = list(range(1, n_raters + 1))
    tables = {d.id: RatingTable(list(range(m.shape[0])), raters, m)
              for d, m in zip(dims, dimension_matrices, strict=True)}
    overall = RatingTable(list(range(sum(m.shape[0] for m in dimension_matrices))), raters,
                          np.vstack(dimension_matrices))
    scores = ScoreMatrices([d.id for d in dims], np.empty((0, len(dims))),
                           np.empty((0, len(dims))), {}, {})
    return OpeningEvidence(1, dims, [], [], scores, RatingMatrices(tables, overall, {}),
                           {r: f"Interviewer {r}" for r in raters}, [])


def test_difficulty_without_agreement_is_warned_about():
    # Nobody agrees about candidates; the dimensions differ in how hard they are rated.
    rng = np.random.default_rng(11)
    mats = [np.clip(np.round(d + rng.normal(scale=0.8, size=(20, 3))), 1, 5)
            for d in (1.5, 3.0, 4.5)]
    assert rater_agreement(np.vstack(mats)).icc2 > 0.5  # the pooled figure looked fine
    agreement, warnings = interviewer_agreement(_evidence(mats))
    summary = agreement["summary"]
    assert summary["form"] == "icc2" and summary["label"] == "ICC(2,1)" and not summary["split"]
    assert summary["value"] < 0.2
    assert summary["value"] == np.median([r["summary_value"] for r in agreement["by_dimension"]])
    assert any(w.startswith("Interviewers agree poorly overall (median per-dimension ICC(2,1) =")
               for w in warnings)
    row = agreement["by_dimension"][0]
    assert row["ci"]["icc2"] == list(rater_agreement(mats[0]).ci["icc2"])
    assert row["summary_n"] == 20


def test_real_agreement_gives_no_warning_and_split_panels_use_icc1():
    rng = np.random.default_rng(12)
    truth = rng.normal(size=(20, 1))
    mats = [np.round(3 + 1.2 * truth + rng.normal(scale=0.3, size=(20, 4))) for _ in range(2)]
    agreement, warnings = interviewer_agreement(_evidence(mats))
    assert agreement["summary"]["form"] == "icc2" and agreement["summary"]["value"] > 0.7
    assert not any("agree poorly" in w for w in warnings)
    for m in mats:  # interviewers 1-2 saw the first ten candidates, 3-4 the rest
        m[:10, 2:] = np.nan
        m[10:, :2] = np.nan
    agreement, warnings = interviewer_agreement(_evidence(mats))
    summary = agreement["summary"]
    assert summary["split"] and summary["form"] == "icc1" and summary["label"] == "ICC(1)"
    assert "panel was split" in summary["reason"]
    assert summary["value"] > 0.7 and not any("agree poorly" in w for w in warnings)
    assert all(np.isnan(r["icc2"]) for r in agreement["by_dimension"])  # nobody rated by all
    # the pooled ICC is not shown, so its "needs targets rated by every rater" note is not either
    assert not any("ICC" in w for w in agreement["overall"]["warnings"])


def test_calibration_payload_and_page_show_the_summary(client, hr, cohort_opening):
    payload = calibrate_opening(cohort_opening)
    summary = payload["interviewers"]["summary"]
    rows = payload["interviewers"]["by_dimension"]
    assert summary["form"] == "icc2"
    assert summary["value"] == np.median([r["icc2"] for r in rows])
    assert all(len(r["ci"]["icc2"]) == 2 for r in rows)
    client.force_login(hr)
    html = client.get(f"/reports/openings/{cohort_opening.slug}/calibration/").content.decode()
    assert "Median per-dimension ICC(2,1)" in html
    assert "Every interviewer rated every candidate" in html


def test_calibration_page_shows_spearman_intervals_labelled_concurrent(client, hr,
                                                                      cohort_opening):
    validity = calibrate_opening(cohort_opening)["validity"]
    row = next(r for r in validity["rows"] if r["dimension"] == "discovery")
    assert row["spearman_ci_low"] < row["spearman_rho"] < row["spearman_ci_high"]
    client.force_login(hr)
    html = client.get(f"/reports/openings/{cohort_opening.slug}/calibration/").content.decode()
    assert "Spearman ρ [95 % CI]" in html and "Concurrent validity on current producers" in html
    low = f"{row['spearman_ci_low']:.2f}".replace("-", "−")
    assert f"[{low}, " in html
    assert "Thorndike" not in html and "No range-restriction correction is applied" in html
