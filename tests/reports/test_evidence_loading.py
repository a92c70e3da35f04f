"""Loading an opening's evidence from the real assessments and interviews models."""

import numpy as np

from reports.calibration.evidence import evidence_for_opening
from tests import factories


def test_evidence_follows_the_pinned_profile_and_the_opening(cohort_opening, interviewer,
                                                             interviewer2):
    ev = evidence_for_opening(cohort_opening)
    assert [d.slug for d in ev.dimensions] == ["discovery", "negotiating", "resilience"]
    assert [(d.weight, d.target, d.knock_out) for d in ev.dimensions] == [
        (3.0, 4, 2), (2.0, 3, None), (1.0, 4, 3)]
    assert len(ev.producers) == 36
    assert sorted(set(ev.tiers)) == ["bottom", "middle", "top"]
    assert ev.scores.producers.shape == (36, 3)
    assert not np.isnan(ev.scores.producers).any()
    # Candidates are ordered by pipeline stage: interviewing, assessment, calibration.
    assert [a.name for a in ev.applications] == ["Bo Middleton", "Cy Lowe", "Ada Lovelace"]
    ada = ev.applications.index(next(a for a in ev.applications if a.name == "Ada Lovelace"))
    # Psychometric z-scores come through unchanged.
    np.testing.assert_allclose(ev.scores.candidates[ada], [1.1, 0.1, 1.0])
    assert ev.scores.instruments[cohort_opening.test_dims[0].pk] == [
        "psychometric:Sales Inventory/Discovery questioning"]
    assert ev.warnings == []


def test_interview_ratings_become_targets_by_raters(cohort_opening, interviewer, interviewer2):
    ev = evidence_for_opening(cohort_opening)
    discovery = cohort_opening.test_dims[0].pk
    table = ev.ratings.by_dimension[discovery]
    assert table.rater_ids == sorted([interviewer.pk, interviewer2.pk])
    assert table.matrix.shape == (3, 2)
    assert ev.ratings.overall.matrix.shape == (6, 2)  # 3 candidates x 2 rated dimensions
    assert ev.rater_names[interviewer.pk] == interviewer.get_full_name() or interviewer.email
    negotiating = cohort_opening.test_dims[1].pk
    assert ev.ratings.by_dimension[negotiating].rater_ids == []


def test_draft_scorecards_do_not_count(cohort_opening):
    from interviews.models import Scorecard

    Scorecard.objects.update(state=Scorecard.DRAFT)
    ev = evidence_for_opening(cohort_opening)
    assert ev.ratings.overall.rater_ids == []


def test_producers_without_a_tier_are_left_out(cohort_opening):
    factories.make_producer(999, "100.0", "")
    ev = evidence_for_opening(cohort_opening)
    assert len(ev.producers) == 36
