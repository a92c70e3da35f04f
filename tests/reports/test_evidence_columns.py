"""Scores as columns give exactly the figures of a plain per-cell computation.

``per_cell_*`` below work person by person and cell by cell with dictionaries and one
``np.mean`` per cell (the combination rule as ``reports.calibration.evidence`` states it).
The module aggregates columns with array operations; the figures must be equal, not close.
The random evidence has what real evidence has and more: repeats (up to ten, past the
length where numpy stops summing one value after the other), missing and infinite scores,
dimensions of no interest, producers outside the rows, candidates asked for in any order
(one asked for twice, one with no score), an instrument only one producer took and one
every producer scored the same on.
"""

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pytest

from assessments.evidence import InstrumentScore, ScoreColumns, instrument_score_columns
from reports.calibration.evidence import (
    evidence_for_opening,
    opening_candidates,
    rating_matrices,
    score_matrices,
)
from tests.reports.test_evidence_matrices import Score  # hand-made, read by attribute

INSTRUMENTS = ["sjt:a", "sjt:b", "roleplay:call", "psychometric:Inv/Drive",
               "psychometric:Inv/Grit"]
DIMENSIONS = [4, 1, 3]  # the opening's order, not sorted
LABELS = {1: "Discovery", 3: "Drive", 4: "Grit"}


@dataclass(frozen=True)
class Rating:
    application_id: int
    interviewer_id: int
    dimension_id: int
    rating: float | None


def random_scores(seed: int) -> list[Score]:
    rng = np.random.default_rng(seed)
    scores = []
    for kind, ids in (("producer", range(1, 121)), ("candidate", range(500, 540))):
        for pid in ids:
            for instrument in INSTRUMENTS:
                for dim in (1, 2, 3, 4):  # dimension 2 is not the opening's
                    if rng.random() < 0.3:
                        continue
                    repeats = 10 if rng.random() < 0.02 else int(rng.integers(1, 4))
                    for _ in range(repeats):  # scales far apart: rounding shows
                        value = float(rng.normal(3, 1.2) * 10.0 ** rng.integers(-3, 4))
                        scores.append(Score(kind, pid, instrument, dim, value))
    scores += [Score("producer", 7, "sjt:a", 1, None), Score("producer", 8, "sjt:a", 1, math.inf),
               Score("producer", 9, "roleplay:call", 3, math.nan),
               Score("producer", 1, "sjt:solo", 1, 2.0),
               Score("candidate", 500, "sjt:solo", 1, 1.0),
               Score("producer", 1, "sjt:flat", 3, 2.0), Score("producer", 2, "sjt:flat", 3, 2.0),
               Score("candidate", 501, "sjt:flat", 3, 5.0)]
    order = rng.permutation(len(scores))
    return [scores[i] for i in order]


def per_cell(scores, producer_ids, candidate_ids, dimension_ids, labels):
    """The combination rule, one person and one cell at a time."""
    raw = defaultdict(lambda: defaultdict(list))
    for s in scores:
        if s.dimension_id not in dimension_ids or s.score is None or not math.isfinite(s.score):
            continue
        raw[(s.instrument, s.dimension_id)][(s.person_kind, s.person_id)].append(s.score)
    z, reference, warnings = {}, {}, []
    for instrument, dim in sorted(raw, key=lambda pair: (pair[1], pair[0])):
        values = {person: float(np.mean(v)) for person, v in raw[(instrument, dim)].items()}
        if instrument.startswith("psychometric"):
            z[(instrument, dim)], reference[(instrument, dim)] = values, {"norm": "published"}
            continue
        producers = np.array([v for (kind, _), v in values.items() if kind == "producer"])
        if len(producers) < 2 or producers.max() == producers.min():
            why = ("fewer than two producers have a score" if len(producers) < 2
                   else "every producer scored the same")
            warnings.append(f"{instrument} scores on {labels[dim]} were left out: {why}.")
            continue
        mean, sd = float(producers.mean()), float(producers.std(ddof=1))
        z[(instrument, dim)] = {person: (v - mean) / sd for person, v in values.items()}
        reference[(instrument, dim)] = {"mean": mean, "sd": sd, "n": len(producers)}

    def rows(kind, ids):
        by_instrument = {pair: np.array([cells.get((kind, i), np.nan) for i in ids])
                         for pair, cells in z.items()}
        combined = np.full((len(ids), len(dimension_ids)), np.nan)
        for r, i in enumerate(ids):
            for c, dim in enumerate(dimension_ids):
                present = [cells[(kind, i)] for (_, d), cells in z.items()
                           if d == dim and (kind, i) in cells]
                if present:
                    combined[r, c] = float(np.mean(present))
        return by_instrument, combined

    producer_by_instrument, producers = rows("producer", producer_ids)
    candidate_by_instrument, candidates = rows("candidate", candidate_ids)
    return {"producers": producers, "candidates": candidates, "reference": reference,
            "warnings": warnings, "producer_by_instrument": producer_by_instrument,
            "candidate_by_instrument": candidate_by_instrument}


def as_columns(scores) -> ScoreColumns:
    """The scores as the database loader hands them over."""
    names = list(dict.fromkeys(s.instrument for s in scores))
    return ScoreColumns(
        instrument_names=names,
        producer=np.array([s.person_kind == "producer" for s in scores]),
        person_id=np.array([s.person_id for s in scores]),
        instrument=np.array([names.index(s.instrument) for s in scores]),
        dimension_id=np.array([s.dimension_id for s in scores]),
        score=np.array([s.score for s in scores], dtype=float),
    )


def assert_same_arrays(a: dict, b: dict):
    assert list(a) == list(b)
    for key in a:
        assert np.array_equal(a[key], b[key], equal_nan=True), key


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_columns_give_exactly_the_per_cell_figures(seed):
    scores = random_scores(seed)
    producer_ids = list(range(1, 101))  # producers 101-120 shape the scale but are no row
    candidate_ids = [539, *range(500, 530), 999, 512]
    expected = per_cell(scores, producer_ids, candidate_ids, DIMENSIONS, LABELS)
    for given in (as_columns(scores), scores):
        m = score_matrices(given, producer_ids=producer_ids, candidate_ids=candidate_ids,
                           dimension_ids=DIMENSIONS, labels=LABELS)
        assert np.array_equal(m.producers, expected["producers"], equal_nan=True)
        assert np.array_equal(m.candidates, expected["candidates"], equal_nan=True)
        assert m.reference == expected["reference"]
        assert m.warnings == expected["warnings"]
        assert_same_arrays(m.producer_by_instrument, expected["producer_by_instrument"])
        assert_same_arrays(m.candidate_by_instrument, expected["candidate_by_instrument"])
        assert m.instruments == {dim: sorted({i for i, d in expected["reference"] if d == dim})
                                 for dim in DIMENSIONS}
    assert m.warnings == [
        "sjt:solo scores on Discovery were left out: fewer than two producers have a score.",
        "sjt:flat scores on Drive were left out: every producer scored the same."]
    assert np.isfinite(m.candidates).sum() > 60
    assert np.isnan(m.candidates[candidate_ids.index(999)]).all()


def test_columns_turn_back_into_the_same_rows():
    scores = random_scores(4)[:300]
    columns = as_columns(scores)
    assert columns.rows() == [
        InstrumentScore(s.person_kind, s.person_id, s.instrument, s.dimension_id,
                        None if s.score is None or math.isnan(s.score) else s.score)
        for s in scores]
    assert len(columns) == 300


def test_no_scores_at_all():
    m = score_matrices(as_columns([]), producer_ids=[1, 2], candidate_ids=[],
                       dimension_ids=[1])
    assert m.producers.shape == (2, 1) and np.isnan(m.producers).all()
    assert m.candidates.shape == (0, 1)
    assert m.reference == {} and m.warnings == [] and m.instruments == {1: []}


def per_cell_ratings(ratings, application_ids, dimension_ids):
    cells = defaultdict(lambda: defaultdict(list))
    for r in ratings:
        if (r.application_id in application_ids and r.dimension_id in dimension_ids
                and r.rating is not None and math.isfinite(r.rating)):
            cells[(r.application_id, r.dimension_id)][r.interviewer_id].append(r.rating)
    targets = sorted(cells, key=lambda t: (application_ids.index(t[0]),
                                           dimension_ids.index(t[1])))

    def table(keys):
        raters = sorted({rater for key in keys for rater in cells[key]})
        matrix = np.full((len(keys), len(raters)), np.nan)
        for i, key in enumerate(keys):
            for rater, values in cells[key].items():
                matrix[i, raters.index(rater)] = float(np.mean(values))
        return raters, matrix

    means = defaultdict(dict)
    for app, dim in targets:
        means[app][dim] = float(np.mean([np.mean(v) for v in cells[(app, dim)].values()]))
    return targets, table, dict(means)


def test_rating_tables_give_exactly_the_per_cell_figures():
    rng = np.random.default_rng(8)
    ratings = [Rating(int(app), int(rater), int(dim), float(rng.uniform(1, 5)))
               for app in range(10, 60) for rater in range(1, 11) for dim in (1, 2, 3, 4)
               for _ in range(10 if rng.random() < 0.03 else int(rng.integers(0, 3)))]
    ratings += [Rating(10, 1, 1, None), Rating(11, 2, 1, math.nan), Rating(99, 1, 1, 3.0)]
    ratings = [ratings[i] for i in rng.permutation(len(ratings))]
    application_ids = [int(a) for a in rng.permutation(np.arange(10, 60))]
    dimension_ids = [3, 1, 4]
    m = rating_matrices(ratings, application_ids=application_ids, dimension_ids=dimension_ids)
    targets, table, means = per_cell_ratings(ratings, application_ids, dimension_ids)
    raters, matrix = table(targets)
    assert m.overall.targets == targets and m.overall.rater_ids == raters
    assert np.array_equal(m.overall.matrix, matrix, equal_nan=True)
    for dim in dimension_ids:
        mine = [t for t in targets if t[1] == dim]
        raters, matrix = table(mine)
        assert m.by_dimension[dim].targets == [app for app, _ in mine]
        assert m.by_dimension[dim].rater_ids == raters
        assert np.array_equal(m.by_dimension[dim].matrix, matrix, equal_nan=True)
    assert m.candidate_means == means
    assert list(m.candidate_means) == list(means)
    assert max(len(row) for row in means.values()) == 3


@pytest.mark.django_db
def test_the_loaded_columns_give_the_figures_of_the_same_scores_as_objects(cohort_opening):
    dims = [d.pk for d in cohort_opening.test_dims]
    columns = instrument_score_columns(dims, candidate_ids=opening_candidates(cohort_opening))
    assert isinstance(columns.score, np.ndarray) and len(columns) > 100
    objects = [Score(*row) for row in columns.rows()]
    loaded = evidence_for_opening(cohort_opening)
    given = evidence_for_opening(cohort_opening, instrument_scores=objects)
    assert np.array_equal(loaded.scores.producers, given.scores.producers, equal_nan=True)
    assert np.array_equal(loaded.scores.candidates, given.scores.candidates, equal_nan=True)
    assert loaded.scores.reference == given.scores.reference
    assert_same_arrays(loaded.scores.candidate_by_instrument,
                       given.scores.candidate_by_instrument)
