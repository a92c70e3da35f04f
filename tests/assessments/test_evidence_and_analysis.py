"""instrument_scores() for the calibration engine, and the SJT item analysis page."""

import numpy as np
import pytest

from assessments import delivery, roleplay
from assessments.evidence import InstrumentScore, instrument_scores
from assessments.models import PsychometricScale, PsychometricScore, SJTAttempt
from reports.stats import internal_consistency
from tests import factories

from .conftest import login, options_of

pytestmark = pytest.mark.django_db


def complete(test, person_kwargs, ratings, by):
    invitation, _ = delivery.invite(test=test, by=by, **person_kwargs)
    delivery.start_attempt(invitation)
    data = {}
    for scenario, options, values in zip(test.scenarios.order_by("sort_order"),
                                         options_of(test), ratings, strict=True):
        data.update({f"s{scenario.pk}-o{o}": str(v) for o, v in zip(options, values,
                                                                     strict=True)})
    return delivery.save_answers(invitation=invitation, data=data, submit=True)


def test_instrument_scores(sjt_test, exercise, application, manager, interviewer, library,
                           django_assert_num_queries):
    producer = factories.make_producer(1, "120")
    complete(sjt_test, {"producer": producer}, [[5, 4, 2, 1], [3, 5, 1, 3]], manager)
    # an unfinished attempt does not count
    invitation, _ = delivery.invite(test=sjt_test, by=manager, candidate=application.candidate)
    delivery.start_attempt(invitation)
    card, _ = roleplay.assign_assessor(exercise=exercise, assessor=interviewer, by=manager,
                                       application=application)
    d, n = library["discovery"].pk, library["negotiating"].pk
    roleplay.save_scorecard(scorecard=card, ratings={d: (4, ""), n: (2, "")}, notes="",
                            submit=True)
    draft, _ = roleplay.assign_assessor(exercise=exercise, assessor=manager, by=manager,
                                        application=application)
    roleplay.save_scorecard(scorecard=draft, ratings={d: (1, ""), n: (1, "")}, notes="")
    scale = PsychometricScale.objects.create(instrument="SPI", scale="Grit",
                                             dimension=library["resilience"])
    PsychometricScore.objects.create(scale=scale, candidate=application.candidate,
                                     score_type="t", score=60, z_score=1.0)
    # three instruments, and the hires' links (no hire: nothing more to read)
    with django_assert_num_queries(4):
        scores = instrument_scores()
    c = application.candidate.pk
    assert set(scores) == {
        InstrumentScore("producer", producer.pk, "sjt:judgment", d, 1.0),
        InstrumentScore("producer", producer.pk, "sjt:judgment", n, 1.0),
        InstrumentScore("candidate", c, "roleplay:discovery-call", d, 4.0),
        InstrumentScore("candidate", c, "roleplay:discovery-call", n, 2.0),
        InstrumentScore("candidate", c, "psychometric:SPI/Grit", library["resilience"].pk, 1.0),
    }
    only = instrument_scores([library["resilience"].pk])
    assert [s.instrument for s in only] == ["psychometric:SPI/Grit"]


def test_item_analysis_page_matches_reports_stats(sjt_test, manager, client, hr):
    answers = [
        [[5, 4, 2, 1], [3, 5, 1, 3]],
        [[4, 4, 2, 2], [3, 4, 2, 3]],
        [[1, 2, 4, 5], [1, 1, 5, 5]],
        [[3, 3, 3, 3], [3, 5, 1, 2]],
    ]
    for n, ratings in enumerate(answers):
        complete(sjt_test, {"producer": factories.make_producer(n, "100")}, ratings, manager)
    scenarios = list(sjt_test.scenarios.order_by("sort_order"))
    matrix = np.array([[a.scenario_scores[str(s.pk)] for s in scenarios]
                       for a in SJTAttempt.objects.order_by("pk")])
    expected = internal_consistency(matrix)
    login(client, hr)
    page = client.get(f"/assessments/tests/{sjt_test.pk}/analysis/")
    assert page.status_code == 200
    text = page.content.decode()
    assert f"<strong>{expected.alpha:.2f}</strong>" in text
    assert f"{expected.ci_low:.2f} to {expected.ci_high:.2f}" in text
    assert "n = 4 people, k = 2 scenarios" in text
    assert f'<td class="num">{matrix[:, 0].mean():.2f}</td>' in text


def test_item_analysis_shows_difficulty_and_flags_an_easy_scenario(sjt_test, manager, client,
                                                                  hr):
    from assessments.analysis import item_analysis

    scenarios = list(sjt_test.scenarios.order_by("sort_order"))
    keys = [[o.key for o in s.options.order_by("sort_order")] for s in scenarios]
    rng = np.random.default_rng(4)
    for n in range(6):  # everyone answers the first scenario exactly as keyed
        other = [int(v) for v in rng.integers(1, 6, size=len(keys[1]))]
        complete(sjt_test, {"producer": factories.make_producer(n, "100")}, [keys[0], other],
                 manager)
    analysis = item_analysis(sjt_test)
    first, second = analysis.scenarios
    assert first.difficulty == 1.0 and "almost everyone gets this right" in first.difficulty_flag
    matrix = np.array([[a.scenario_scores[str(s.pk)] for s in scenarios]
                       for a in SJTAttempt.objects.order_by("pk")])
    # rate-each scores are already shares of the maximum: difficulty equals the mean
    assert second.difficulty == pytest.approx(matrix[:, 1].mean())
    assert second.difficulty_flag == "" or second.difficulty <= 0.10
    login(client, hr)
    text = client.get(f"/assessments/tests/{sjt_test.pk}/analysis/").content.decode()
    assert "Difficulty (share of maximum)" in text and "proportion of the maximum" in text
    assert "almost everyone gets this right" in text
