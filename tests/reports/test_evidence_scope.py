"""A recalibration reads the opening's candidates and the producers, nobody else."""

import numpy as np
import pytest

from assessments.evidence import instrument_scores
from reports.calibration.evidence import evidence_for_opening, opening_candidates
from tests import factories
from tests.reports.report_helpers import add_candidates


@pytest.mark.django_db
def test_only_the_openings_candidates_and_producers_are_read(cohort_opening, library):
    other = factories.make_opening(library["profile"], slug="other-opening")
    outsiders = add_candidates(other, 3)
    dims = [d.pk for d in cohort_opening.test_dims]
    everyone = instrument_scores(dims)
    scoped = instrument_scores(dims, candidate_ids=opening_candidates(cohort_opening))
    outsider_ids = {a.candidate_id for a in outsiders}
    assert any(s.person_id in outsider_ids for s in everyone if s.person_kind == "candidate")
    assert not any(s.person_id in outsider_ids for s in scoped if s.person_kind == "candidate")
    producers = [s for s in everyone if s.person_kind == "producer"]
    assert [s for s in scoped if s.person_kind == "producer"] == producers
    # the figures are those computed from every score
    loaded = evidence_for_opening(cohort_opening)
    unscoped = evidence_for_opening(cohort_opening, instrument_scores=everyone)
    assert np.array_equal(loaded.scores.candidates, unscoped.scores.candidates, equal_nan=True)
    assert np.array_equal(loaded.scores.producers, unscoped.scores.producers, equal_nan=True)
