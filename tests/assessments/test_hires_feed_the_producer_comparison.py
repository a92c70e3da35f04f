"""A hire is a producer by a link: their candidate evidence feeds the producer comparison.

Hand-made cases: the judgment-test scores are written straight onto completed attempts, so
the expected z-scores can be worked out by hand.
"""

import math

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.evidence import InstrumentScore, instrument_scores, producer_sjt_totals
from assessments.models import PsychometricScale, PsychometricScore, SJTAttempt, SJTInvitation
from reports.calibration.evidence import evidence_for_opening
from selection.models import Producer
from tests import factories

pytestmark = pytest.mark.django_db


def attempt(test, *, discovery: float, total: float, candidate=None, producer=None):
    """A completed attempt at ``test`` scoring ``discovery`` on the discovery dimension."""
    invitation = SJTInvitation.objects.create(
        test=test, test_revision=test.live_revision, candidate=candidate, producer=producer,
        email=(candidate or producer).email)
    dimension = test.scenarios.first().dimensions.first()
    return SJTAttempt.objects.create(
        invitation=invitation, time_limit_minutes=30, completed_at=timezone.now(),
        completion=SJTAttempt.SUBMITTED, dimension_scores={str(dimension.pk): discovery},
        total_score=total, items_answered=8, items_total=8)


def hire(opening, n: int, tier: str = "middle") -> Producer:
    """A producer with a tier, hired through an application to ``opening``."""
    application = factories.make_application(opening, f"Hired{n}", "Candidate", stage="hired")
    return Producer.objects.create(
        first_name=f"Hired{n}", last_name="Candidate", email=f"hired{n}@example.com",
        tier=tier, hire=application)


@pytest.fixture
def reference(sjt_test):
    """Two ordinary producers who took the test as producers: 0.2 and 0.6."""
    p1 = factories.make_producer(1, "130", tier="top")
    p2 = factories.make_producer(2, "70", tier="bottom")
    attempt(sjt_test, producer=p1, discovery=0.2, total=10)
    attempt(sjt_test, producer=p2, discovery=0.6, total=14)
    return p1, p2


def row(evidence, producer) -> int:
    return [p.id for p in evidence.producers].index(producer.pk)


def test_a_hire_with_only_candidate_scores_joins_the_cohort_with_exactly_those(
        sjt_test, opening, library, reference):
    hired = hire(opening, 1)
    attempt(sjt_test, candidate=hired.hire.candidate, discovery=0.7, total=15)
    discovery = library["discovery"].pk

    scores = instrument_scores([discovery])
    assert [s for s in scores if s.person_kind == "producer" and s.person_id == hired.pk] == [
        InstrumentScore("producer", hired.pk, "sjt:judgment", discovery, 0.7)]
    # the evidence stays the candidate's too
    assert InstrumentScore("candidate", hired.hire.candidate_id, "sjt:judgment", discovery,
                           0.7) in scores

    evidence = evidence_for_opening(opening)
    # producers 0.2, 0.6 and the hire's 0.7: mean 0.5, SD sqrt(0.07)
    sd = math.sqrt(((0.2 - 0.5) ** 2 + (0.6 - 0.5) ** 2 + (0.7 - 0.5) ** 2) / 2)
    assert evidence.scores.reference[("sjt:judgment", discovery)]["n"] == 3
    column = evidence.scores.dimension_ids.index(discovery)
    assert evidence.scores.producers[row(evidence, hired), column] == pytest.approx(0.2 / sd)
    assert evidence.scores.producers[row(evidence, hired), column] == pytest.approx(0.7559289)
    assert evidence.tiers[row(evidence, hired)] == "middle"
    totals = producer_sjt_totals([sjt_test.pk])
    assert list(totals) == [sjt_test.pk] and sorted(totals[sjt_test.pk]) == [10.0, 14.0, 15.0]


def test_the_producers_own_evidence_wins_instrument_by_instrument(
        sjt_test, opening, library, reference):
    hired = hire(opening, 1)
    candidate = hired.hire.candidate
    attempt(sjt_test, candidate=candidate, discovery=0.7, total=15)
    attempt(sjt_test, producer=hired, discovery=0.3, total=11)
    # a psychometric result taken only as the candidate still counts for the producer
    scale = PsychometricScale.objects.create(instrument="SPI", scale="Grit",
                                             dimension=library["resilience"])
    PsychometricScore.objects.create(scale=scale, candidate=candidate, score_type="t",
                                     score=60, z_score=1.0)

    mine = {(s.instrument, s.score) for s in instrument_scores()
            if s.person_kind == "producer" and s.person_id == hired.pk}
    assert mine == {("sjt:judgment", 0.3), ("psychometric:SPI/Grit", 1.0)}
    assert sorted(producer_sjt_totals()[sjt_test.pk]) == [10.0, 11.0, 14.0]

    evidence = evidence_for_opening(opening)
    discovery = evidence.scores.dimension_ids.index(library["discovery"].pk)
    values = np.array([0.2, 0.6, 0.3])
    expected = (0.3 - values.mean()) / values.std(ddof=1)
    assert evidence.scores.producers[row(evidence, hired), discovery] == pytest.approx(expected)


def test_a_hire_without_a_tier_is_not_in_the_comparison_yet(sjt_test, opening, reference):
    hired = hire(opening, 1, tier="")
    attempt(sjt_test, candidate=hired.hire.candidate, discovery=0.7, total=15)
    assert not [s for s in instrument_scores() if s.person_kind == "producer"
                and s.person_id == hired.pk]
    assert sorted(producer_sjt_totals()[sjt_test.pk]) == [10.0, 14.0]


def _queries(fn) -> int:
    with CaptureQueriesContext(connection) as queries:
        fn()
    return len(queries)


def test_the_queries_do_not_grow_with_the_number_of_hires(sjt_test, opening, library,
                                                          reference):
    dims = [library["discovery"].pk]
    evidence_for_opening(opening)  # the opening's pinned profile is read once, first
    hired = hire(opening, 1)
    attempt(sjt_test, candidate=hired.hire.candidate, discovery=0.7, total=15)
    one = (_queries(lambda: instrument_scores(dims)), _queries(producer_sjt_totals),
           _queries(lambda: evidence_for_opening(opening)))
    for n in range(2, 6):
        more = hire(opening, n)
        attempt(sjt_test, candidate=more.hire.candidate, discovery=0.1 * n, total=n)
    five = (_queries(lambda: instrument_scores(dims)), _queries(producer_sjt_totals),
            _queries(lambda: evidence_for_opening(opening)))
    assert one == five
    assert one[:2] == (7, 2)
    assert sum(s.person_kind == "producer" for s in instrument_scores(dims)) == 2 + 5


def test_hrs_dashboard_counts_a_hire_among_the_producers_who_took_the_test(
        sjt_test, opening, reference):
    from assessments.dashboard import _producer_cohorts

    before = dict(_producer_cohorts()[("sjt", sjt_test.pk)])
    assert before == {"top": 1, "bottom": 1}
    hired = hire(opening, 1)
    attempt(sjt_test, candidate=hired.hire.candidate, discovery=0.7, total=15)
    unranked = hire(opening, 2, tier="")  # no outcome yet: in no cohort
    attempt(sjt_test, candidate=unranked.hire.candidate, discovery=0.5, total=12)
    both = hire(opening, 3, tier="top")  # took it as candidate and as producer: counted once
    attempt(sjt_test, candidate=both.hire.candidate, discovery=0.5, total=12)
    attempt(sjt_test, producer=both, discovery=0.4, total=12)
    assert dict(_producer_cohorts()[("sjt", sjt_test.pk)]) == {"top": 2, "middle": 1,
                                                               "bottom": 1}
