"""The validity-on-hires page: figures equal predictive_validity on the same data, the
small-n message, the correction for HR only, and query counts that do not grow with the
number of candidates."""

from datetime import date

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.imports import import_performance
from assessments.models import PsychometricScale, PsychometricScore
from interviews.models import Answer, Interview, Question, Scorecard
from reports.stats import applicant_sd_ratio, predictive_validity
from selection.hires import start_hire
from tests import factories


def _people(opening, library, interviewer, *, hires: int, others: int, seed: int = 3):
    """``hires`` started hires with a 12-month outcome and ``others`` applicants, all with a
    psychometric score on discovery and an interview; returns (hire z, outcomes, all z)."""
    rng = np.random.default_rng(seed)
    scale = PsychometricScale.objects.create(instrument="Sales Inventory", scale="Discovery",
                                             dimension=library["discovery"])
    question = Question.objects.create(dimension=library["discovery"], text="Tell me.",
                                       best_case="A real example.")
    z_hires, outcomes, z_all, rows = [], [], [], ["producer,period,performance,review_months"]
    for n in range(hires + others):
        hired = n < hires
        app = factories.make_application(opening, f"P{n}", "Person",
                                         stage="hired" if hired else "screening")
        z = round(float(rng.normal(0.5 if hired else 0.0, 0.6 if hired else 1.0)), 3)
        PsychometricScore.objects.create(scale=scale, candidate=app.candidate, score_type="t",
                                         score=50 + 10 * z, z_score=z)
        z_all.append(z)
        if n < hires + 3:   # interviews only for the hires and a few others
            card = Scorecard.objects.create(
                interview=Interview.objects.create(application=app, interviewer=interviewer),
                state=Scorecard.SUBMITTED, version=1, recommendation="yes")
            Answer.objects.create(scorecard=card, question=question, sort_order=0,
                                  rating=int(np.clip(round(3 + z), 1, 5)))
        if hired:
            producer = start_hire(app, start_date=date(2025, 1, 6))
            outcome = round(100 + 15 * z + float(rng.normal(0, 10)), 2)
            z_hires.append(z)
            outcomes.append(outcome)
            rows.append(f"{producer.email},2026-01,{outcome},12")
    if hires:
        import_performance(("\n".join(rows) + "\n").encode())
    return np.array(z_hires), np.array(outcomes), np.array(z_all)


def _url(opening):
    return f"/reports/profiles/{opening.role_profile_id}/validity/"


def _discovery_row(response):
    return next(r for r in response.context["rows"]
                if r["key"].startswith("instrument:") and r["key"].endswith(":discovery"))


def test_correlations_on_the_page_equal_predictive_validity(client, manager, opening, library,
                                                            interviewer):
    z, outcome, z_all = _people(opening, library, interviewer, hires=12, others=8)
    client.force_login(manager)
    response = client.get(_url(opening))
    assert response.status_code == 200
    row = _discovery_row(response)
    expected = predictive_validity(z, outcome)
    assert row["result"].n == 12
    assert row["result"].pearson_r == pytest.approx(expected.pearson_r, abs=1e-12)
    assert row["result"].spearman_rho == pytest.approx(expected.spearman_rho, abs=1e-12)
    assert row["result"].pearson_ci_low == pytest.approx(expected.pearson_ci_low, abs=1e-12)
    assert row["offered_ratio"] == pytest.approx(applicant_sd_ratio(z_all, z), abs=1e-12)
    assert row["result"].corrected_r is None
    # The interview is an instrument too: each hire's one rating on discovery, 3 + z rounded.
    interview = next(r for r in response.context["rows"] if r["key"] == "interview:discovery")
    ratings = np.clip(np.round(3 + z), 1, 5)
    expected = predictive_validity(ratings, outcome)
    assert interview["label"] == "Interviews' mean rating (1-5)"
    assert interview["result"].n == 12
    assert interview["result"].pearson_r == pytest.approx(expected.pearson_r, abs=1e-12)
    assert interview["result"].spearman_rho == pytest.approx(expected.spearman_rho, abs=1e-12)
    text = response.content.decode()
    assert "Read this first: range restriction" in text
    assert "reached the top quartile within 12 months" in text
    assert "Not enough hires" not in text


def test_small_n_message_below_ten_hires(client, hr, opening, library, interviewer):
    _people(opening, library, interviewer, hires=9, others=2)
    client.force_login(hr)
    response = client.get(_url(opening))
    text = response.content.decode()
    assert "Not enough hires to tell yet" in text
    assert "9 hires have an outcome at 12 months" in text
    assert response.context["rows"] == []
    assert "Pearson r" not in text and "top quartile" not in text


def test_correction_shown_only_when_hr_enters_the_ratio(client, hr, manager, opening, library,
                                                         interviewer):
    z, outcome, _ = _people(opening, library, interviewer, hires=12, others=8)
    client.force_login(manager)
    key = _discovery_row(client.get(_url(opening)))["key"]
    as_manager = client.get(_url(opening), {f"u-{key}": "1.5"})
    assert _discovery_row(as_manager)["result"].corrected_r is None
    assert "Corrected r" not in as_manager.content.decode()
    client.force_login(hr)
    plain = client.get(_url(opening))
    assert "Corrected r" not in plain.content.decode()
    assert "use the computed ratios" in plain.content.decode()
    corrected = client.get(_url(opening), {f"u-{key}": "1.5", "u-overall": "nonsense"})
    expected = predictive_validity(z, outcome, restricted_sd_ratio=1.5)
    assert _discovery_row(corrected)["result"].corrected_r == pytest.approx(expected.corrected_r)
    assert "Corrected r" in corrected.content.decode()
    assert "not an SD ratio" in corrected.content.decode()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["validity", "pipeline"])
def test_query_count_does_not_grow_with_candidates(client, hr, library, interviewer, manager,
                                                   page):
    small = factories.make_opening(library["profile"], manager=manager, slug="small")
    _people(small, library, interviewer, hires=10, others=0, seed=1)
    client.force_login(hr)
    url = (f"/reports/profiles/{small.role_profile_id}/{page}/" if page == "validity"
           else f"/reports/openings/{small.slug}/pipeline/")
    before = _queries(client, url)
    scale = PsychometricScale.objects.get()
    for n in range(190):
        app = factories.make_application(small, f"X{n}", "Extra", stage="applied")
        PsychometricScore.objects.create(scale=scale, candidate=app.candidate, score_type="t",
                                         score=50, z_score=0.0)
    assert _queries(client, url) == before


def test_weight_suggestion_on_the_page_links_to_the_editor_and_changes_nothing(
        client, hr, opening, library, interviewer):
    """30 hires: discovery ratings rise with the outcome, the other two requirements' do
    not, so discovery's interval lies wholly above theirs and only it is named."""
    from competencies.models import RoleProfilePage

    questions = {slug: Question.objects.create(dimension=library[slug], text=f"About {slug}.",
                                               best_case="An example.")
                 for slug in ("discovery", "negotiating", "resilience")}
    rows = ["producer,period,performance,review_months"]
    for n in range(30):
        app = factories.make_application(opening, f"H{n}", "Hire", stage="hired")
        card = Scorecard.objects.create(
            interview=Interview.objects.create(application=app, interviewer=interviewer),
            state=Scorecard.SUBMITTED, version=1, recommendation="yes")
        ratings = {"discovery": 1 + n // 6, "negotiating": [3, 1, 5, 2, 4][n % 5],
                   "resilience": [2, 5, 1, 4, 3][n % 5]}
        for k, (slug, rating) in enumerate(ratings.items()):
            Answer.objects.create(scorecard=card, question=questions[slug], sort_order=k,
                                  rating=rating)
        producer = start_hire(app, start_date=date(2025, 1, 6))
        rows.append(f"{producer.email},2026-01,{60 + 2 * n},12")
    import_performance(("\n".join(rows) + "\n").encode())
    revisions = RoleProfilePage.objects.get(pk=opening.role_profile_id).revisions.count()
    client.force_login(hr)
    response = client.get(_url(opening))
    assert [(s["row"]["key"], s["direction"]) for s in response.context["suggestions"]] == [
        ("level:discovery", "above")]
    text = response.content.decode()
    assert "What the data says about the profile's weights" in text
    assert f'href="/cms/pages/{opening.role_profile_id}/edit/"' in text
    assert "goes through the approval workflow" in text
    assert RoleProfilePage.objects.get(pk=opening.role_profile_id).revisions.count() == revisions
