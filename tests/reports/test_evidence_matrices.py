"""Turning hand-made evidence lists into matrices: z-scoring, combining, tiers, gaps."""

from dataclasses import dataclass

import numpy as np
import pytest

from reports.calibration.evidence import (
    combine,
    instrument_coverage,
    rating_matrices,
    score_matrices,
    standardise,
    standardise_against_producers,
)


@dataclass(frozen=True)
class Score:
    person_kind: str
    person_id: int
    instrument: str
    dimension_id: int
    score: float


@dataclass(frozen=True)
class Rating:
    application_id: int
    candidate_id: int
    interviewer_id: int
    dimension_id: int
    rating: float


def test_instrument_scores_are_z_scored_against_the_producers_only():
    # SJT on dimension 1: producers 1, 2, 3 = 1, 2, 3 (mean 2, sample SD 1); candidate 9 = 5
    # is scored against that reference: z = 3.
    scores = [Score("producer", 1, "sjt:a", 1, 1.0), Score("producer", 2, "sjt:a", 1, 2.0),
              Score("producer", 3, "sjt:a", 1, 3.0), Score("candidate", 9, "sjt:a", 1, 5.0)]
    z, reference, warnings = standardise_against_producers(scores)
    assert z[("sjt:a", 1)] == {("producer", 1): -1.0, ("producer", 2): 0.0,
                               ("producer", 3): 1.0, ("candidate", 9): 3.0}
    assert reference[("sjt:a", 1)] == {"mean": 2.0, "sd": 1.0, "n": 3}
    assert warnings == []


def test_adding_candidates_leaves_producer_figures_unchanged():
    producers = [Score("producer", p, "sjt:a", 1, float(p * p)) for p in range(1, 6)]
    producers += [Score("producer", p, "roleplay:r", 2, float(7 - p)) for p in range(1, 5)]
    few = producers + [Score("candidate", 9, "sjt:a", 1, 4.0)]
    many = few + [Score("candidate", c, "sjt:a", 1, 100.0 + c) for c in range(10, 40)]
    many += [Score("candidate", c, "roleplay:r", 2, -50.0) for c in range(10, 40)]
    a = score_matrices(few, producer_ids=[1, 2, 3, 4, 5], candidate_ids=[9], dimension_ids=[1, 2])
    b = score_matrices(many, producer_ids=[1, 2, 3, 4, 5], candidate_ids=[9, *range(10, 40)],
                       dimension_ids=[1, 2])
    np.testing.assert_array_equal(a.producers, b.producers)
    np.testing.assert_array_equal(a.candidates[0], b.candidates[0])
    assert a.reference == b.reference


def test_an_instrument_no_producer_took_cannot_be_compared():
    scores = [Score("candidate", c, "sjt:new", 1, float(c)) for c in range(5)]
    z, reference, warnings = standardise_against_producers(scores, labels={1: "Discovery"})
    assert z == {} and reference == {}
    assert warnings == ["sjt:new scores on Discovery were left out: fewer than two producers "
                        "have a score."]


def test_psychometric_scores_are_taken_as_given_z_scores():
    scores = [Score("producer", 1, "psychometric:Inv/Drive", 1, 0.4),
              Score("producer", 2, "psychometric:Inv/Drive", 1, 1.9)]
    z, _ = standardise(scores)
    assert z[("psychometric:Inv/Drive", 1)] == {("producer", 1): 0.4, ("producer", 2): 1.9}


def test_repeated_scores_are_averaged_before_z_scoring():
    # producer 1 has 1 and 3 (mean 2); producer 2 has 4; mean 3, SD sqrt(2).
    scores = [Score("producer", 1, "roleplay:x", 1, 1.0),
              Score("producer", 1, "roleplay:x", 1, 3.0),
              Score("producer", 2, "roleplay:x", 1, 4.0)]
    z, _ = standardise(scores)
    assert z[("roleplay:x", 1)][("producer", 1)] == pytest.approx(-1 / np.sqrt(2))


def test_an_instrument_that_cannot_be_standardised_is_dropped_with_a_warning():
    scores = [Score("producer", 1, "sjt:a", 1, 2.0), Score("producer", 2, "sjt:a", 1, 2.0),
              Score("producer", 1, "sjt:b", 2, 5.0)]
    z, warnings = standardise(scores, labels={1: "Discovery", 2: "Drive"})
    assert z == {}
    assert any("sjt:a scores on Discovery" in w and "every producer scored the same" in w
               for w in warnings)
    assert any("sjt:b scores on Drive" in w and "fewer than two producers" in w
               for w in warnings)


def test_combined_score_is_the_mean_of_the_available_instrument_z_scores():
    combined = combine({
        ("sjt:a", 1): {("producer", 1): 1.0, ("producer", 2): -1.0},
        ("psychometric:p", 1): {("producer", 1): 0.0},
        ("sjt:a", 2): {("producer", 2): 0.5},
    })
    assert combined[1] == {("producer", 1): 0.5, ("producer", 2): -1.0}
    assert combined[2] == {("producer", 2): 0.5}


def test_matrices_follow_the_given_rows_and_columns_with_nan_for_missing():
    scores = [
        Score("producer", 10, "psychometric:p", 1, 1.0),
        Score("producer", 20, "psychometric:p", 1, -1.0),
        Score("producer", 20, "psychometric:p", 2, 0.3),
        Score("candidate", 5, "psychometric:p", 2, 0.7),
        Score("candidate", 5, "psychometric:p", 99, 9.9),  # not a dimension of the opening
        Score("producer", 30, "psychometric:p", 1, 2.0),  # not a listed producer
    ]
    m = score_matrices(scores, producer_ids=[20, 10], candidate_ids=[5, 6], dimension_ids=[1, 2])
    np.testing.assert_array_equal(m.producers, [[-1.0, 0.3], [1.0, np.nan]])
    np.testing.assert_array_equal(m.candidates, [[np.nan, 0.7], [np.nan, np.nan]])
    assert m.instruments == {1: ["psychometric:p"], 2: ["psychometric:p"]}
    np.testing.assert_array_equal(m.producer_by_instrument[("psychometric:p", 1)], [-1.0, 1.0])
    np.testing.assert_array_equal(m.candidate_by_instrument[("psychometric:p", 2)], [0.7, np.nan])


def _coverage_world():
    """Four producers and two candidates on dimensions 1 and 2.

    Roleplay on dim 1: producers 1, 2, 3 (3 of 4) and candidate 8.
    SJT on dim 2: producers 1, 2 (2 of 4) and candidate 9.
    Psychometric inventory P, scales A (dim 1) and B (dim 2): producer 4 on A only; nobody else.
    """
    scores = [Score("producer", p, "roleplay:call", 1, float(p)) for p in (1, 2, 3)]
    scores += [Score("candidate", 8, "roleplay:call", 1, 2.5)]
    scores += [Score("producer", 1, "sjt:t", 2, 0.2), Score("producer", 2, "sjt:t", 2, 0.8),
               Score("candidate", 9, "sjt:t", 2, 0.5)]
    scores += [Score("producer", 4, "psychometric:P/A", 1, 0.1)]
    return score_matrices(scores, producer_ids=[1, 2, 3, 4], candidate_ids=[8, 9],
                          dimension_ids=[1, 2])


def test_instrument_coverage_names_what_most_producers_have_and_the_candidate_lacks():
    m = _coverage_world()
    rows = np.arange(4)
    # candidate 8 has the roleplay; half the producers have the SJT (0.5 counts as "most")
    assert instrument_coverage(m, 0, rows, [1, 2]) == (
        ["roleplay:call"], [{"instrument": "sjt:t", "producer_share": 0.5}])
    # candidate 9 lacks the roleplay, which 3 of 4 producers have; 1 of 4 has inventory P
    assert instrument_coverage(m, 1, rows, [1, 2]) == (
        ["sjt:t"], [{"instrument": "roleplay:call", "producer_share": 0.75}])
    # only the dimensions the comparison uses count
    assert instrument_coverage(m, 1, rows, [2]) == (["sjt:t"], [])
    # only the producers compared count: without producer 3 the roleplay is 2 of 3
    assert instrument_coverage(m, 1, np.array([0, 1, 3]), [1, 2])[1] == [
        {"instrument": "roleplay:call", "producer_share": pytest.approx(2 / 3)}]
    # with nobody to compare with, nothing is "missing"
    assert instrument_coverage(m, 1, np.arange(0), [1, 2]) == (["sjt:t"], [])
    # a candidate with no instrument on these dimensions is not compared: no gap list
    assert instrument_coverage(m, 0, rows, [2])[0] == []
    assert instrument_coverage(m, 0, rows, [2]) == ([], [])


def test_z_scores_use_everyone_with_the_instrument_even_people_outside_the_rows():
    # Producer 3 (e.g. another role) still shapes the scale: values 0, 1, 2 -> z -1, 0, 1.
    scores = [Score("producer", 1, "sjt:a", 1, 0.0), Score("producer", 2, "sjt:a", 1, 1.0),
              Score("producer", 3, "sjt:a", 1, 2.0)]
    m = score_matrices(scores, producer_ids=[1, 2], candidate_ids=[], dimension_ids=[1])
    np.testing.assert_allclose(m.producers[:, 0], [-1.0, 0.0])
    assert m.candidates.shape == (0, 1)


def test_rating_tables_per_dimension_and_overall():
    ratings = [
        Rating(100, 1, 7, 1, 4), Rating(100, 1, 8, 1, 3),
        Rating(101, 2, 7, 1, 2), Rating(101, 2, 8, 1, 2),
        Rating(100, 1, 7, 2, 5),  # only interviewer 7 asked about dimension 2
        Rating(999, 9, 7, 1, 1),  # another opening's application: ignored
    ]
    m = rating_matrices(ratings, application_ids=[100, 101], dimension_ids=[1, 2])
    t1 = m.by_dimension[1]
    assert t1.targets == [100, 101] and t1.rater_ids == [7, 8]
    np.testing.assert_array_equal(t1.matrix, [[4, 3], [2, 2]])
    t2 = m.by_dimension[2]
    assert t2.targets == [100] and t2.rater_ids == [7]
    assert m.overall.targets == [(100, 1), (100, 2), (101, 1)]
    np.testing.assert_array_equal(m.overall.matrix, [[4, 3], [5, np.nan], [2, 2]])
    assert m.candidate_means == {100: {1: 3.5, 2: 5.0}, 101: {1: 2.0}}


def test_no_ratings_gives_empty_tables():
    m = rating_matrices([], application_ids=[1], dimension_ids=[1])
    assert m.overall.matrix.shape == (0, 0)
    assert m.by_dimension[1].rater_ids == []
    assert m.candidate_means == {}
