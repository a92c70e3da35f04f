"""Each instrument's result reaches the band's 1-5 scale by a documented rule that rises with
the score (``evidence.LEVEL_RULE``), printed in the report's appendix on the page and in the
PDF; and the producer comparison stands beside the band, never in it (issue 14)."""

import pytest
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st

from reports.hiring_report.evidence import (
    LEVEL_RULE,
    instrument_levels,
    psychometric_level,
    sjt_level,
)
from reports.hiring_report.headlines import band_for
from tests.reports.report_helpers import pdf_text, squash

scores = st.floats(min_value=-10, max_value=10, allow_nan=False)


@pytest.mark.parametrize("method,score,level", [
    ("rate_each", 0.0, 1.0), ("rate_each", 0.5, 3.0), ("rate_each", 1.0, 5.0),
    ("rate_each", 0.58, 1 + 4 * 0.58),
    ("most_least", -2.0, 1.0), ("most_least", 0.0, 3.0), ("most_least", 1.5, 4.5),
    ("most_least", 2.0, 5.0),
])
def test_judgment_test_scores_by_hand(method, score, level):
    assert sjt_level(score, method) == pytest.approx(level)


@pytest.mark.parametrize("z,level", [(-3, 1.0), (-1, 2.0), (0, 3.0), (1, 4.0), (2.5, 5.0),
                                     (4, 5.0)])
def test_psychometric_z_by_hand(z, level):
    assert psychometric_level(z) == pytest.approx(level)


@given(scores, scores, st.sampled_from(["rate_each", "most_least", "psychometric"]))
def test_every_mapping_rises_with_the_score_and_stays_on_the_scale(a, b, instrument):
    low, high = sorted((a, b))

    def level(x):
        return psychometric_level(x) if instrument == "psychometric" else sjt_level(x, instrument)

    assert 1.0 <= level(low) <= level(high) <= 5.0


def test_instrument_levels_apply_the_rule_and_leave_an_incomplete_test_out():
    roleplays = [{"ratings": [{"dimension_id": 1, "rating": 4}, {"dimension_id": 2, "rating": 2}]},
                 {"ratings": [{"dimension_id": 1, "rating": 3}]}]
    sjt = [{"method": "rate_each", "complete": True,
            "dimensions": [{"dimension_id": 1, "score": 0.75}]},
           {"method": "most_least", "complete": True,
            "dimensions": [{"dimension_id": 2, "score": -0.5}]},
           {"method": "rate_each", "complete": False,  # answered below the threshold
            "dimensions": [{"dimension_id": 1, "score": 0.0}]}]
    psychometrics = [{"dimension_id": 1, "z": 0.5}, {"dimension_id": 1, "z": 1.5},
                     {"dimension_id": 3, "z": -4.0}]
    levels = instrument_levels(sjt, roleplays, psychometrics)
    # roleplay mean 3.5 for dimension 1, then the complete rate-each test: 1 + 4 x 0.75 = 4
    assert levels["behavioural"] == {1: [3.5, 4.0], 2: [2.0, 2.5]}
    assert levels["psychometric"] == {1: pytest.approx(4.0), 3: 1.0}


def _dims():
    return [{"id": n, "slug": f"d{n}", "name": f"D{n}", "weight": 1.0, "target": 3,
             "kind": "competency", "knock_out": None, "instruments": []} for n in (1, 2)]


def _cand(usable: bool, top: float | None):
    return {"dimensions": [{"dimension": f"d{n}", "interview_mean": 4.0,
                            "percentiles": {"top": 50.0}} for n in (1, 2)],
            "model_usable": usable, "group": 0,
            "posterior": {"top": top, "middle": None if top is None else 0.1,
                          "bottom": None if top is None else 1 - top - 0.1}}


def test_the_producer_comparison_is_beside_the_band_never_in_it():
    """Property 4: a usable comparison that calls the candidate a likely top producer, a
    usable one that calls them a likely bottom producer and an unusable one leave the band
    and its reason as they are; only the sentence's own clause about the comparison differs."""
    levels = {"behavioural": {1: [2.0]}, "psychometric": {}}
    made = [band_for(_dims(), _cand(usable, top), levels, 0.33, n_scorecards=2,
                     recommendations=[("Yes", 2)])[1]
            for usable, top in ((True, 0.9), (True, 0.05), (False, None))]
    assert {(b["key"], b["label"], b["reason"]) for b in made} == {
        (made[0]["key"], made[0]["label"], made[0]["reason"])}
    assert made[0]["key"] == "fit"
    assert "P(top) 90 %" in made[0]["sentence"] and "P(top) 5 %" in made[1]["sentence"]
    assert "cannot tell yet" in made[2]["sentence"] and "P(top)" not in made[2]["sentence"]
    head = made[0]["sentence"].split("; compared with")[0]
    assert made[2]["sentence"].startswith(head)


@pytest.mark.django_db
def test_the_report_prints_the_level_rule_in_its_appendix(client, cohort_opening, manager):
    ada = cohort_opening.applications_by_name["Ada"]
    base = f"/reports/openings/{cohort_opening.slug}/candidates/{ada.pk}/"
    client.force_login(manager)
    html = client.get(base + "report/").content.decode()
    response = client.get(base + "report.pdf")
    assert response.status_code == 200
    text = squash(pdf_text(response.content))
    for line in LEVEL_RULE:
        assert escape(line) in html, line
        assert squash(line) in text, line
    assert squash("From each instrument to the 1-5 scale") in text
    # The appendix no longer describes the rule the band replaced (psychometrics as a share
    # of a behavioural level that mixed interviews with tests).
    assert squash("gives psychometrics w of the total") not in text


@pytest.mark.django_db
def test_the_report_page_shows_the_producer_comparison_only_when_it_is_usable(
        client, cohort_opening, manager, interviewer):
    from interviews.models import Answer, Interview, Question, Scorecard
    from reports.hiring_report.gather import candidate_report
    from tests import factories

    ada = cohort_opening.applications_by_name["Ada"]
    # Interviews only: nothing to compare with the producers.
    noor = factories.make_application(cohort_opening, "Noor", "Interviewonly",
                                      stage="calibration")
    card = Scorecard.objects.create(
        interview=Interview.objects.create(application=noor, interviewer=interviewer),
        state=Scorecard.SUBMITTED, version=1)
    for order, question in enumerate(Question.objects.filter(
            dimension__in=cohort_opening.test_dims)):
        Answer.objects.create(scorecard=card, question=question, sort_order=order, rating=4)
    client.force_login(manager)
    html = {}
    for application in (ada, noor):
        url = f"/reports/openings/{cohort_opening.slug}/candidates/{application.pk}/report/"
        html[application.candidate.first_name] = client.get(url).content.decode()
    assert candidate_report(ada, reader=manager).fit["usable"]
    assert not candidate_report(noor, reader=manager).fit["usable"]
    assert "<strong>Producer comparison:</strong>" in html["Ada"]
    assert "<strong>Producer comparison:</strong>" not in html["Noor"]
    # Both get a band and the sentence; Noor's says why there is no comparison.
    for name in ("Ada", "Noor"):
        assert 'class="band band-' in html[name]
    assert "no test, roleplay or psychometric result to compare with the producers" in \
        html["Noor"]
