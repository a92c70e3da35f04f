"""The fast evidence aggregation gives exactly the figures of the straightforward one.

``reference_*`` below is the aggregation as it was written first (one ``np.mean`` per
person and cell); the module now sums arrays per instrument. Equality is exact.
"""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from reports.calibration.evidence import rating_matrices, score_matrices


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
    interviewer_id: int
    dimension_id: int
    rating: float


def reference_matrices(scores, producer_ids, candidate_ids, dimension_ids):
    raw = defaultdict(lambda: defaultdict(list))
    for s in scores:
        raw[(s.instrument, s.dimension_id)][(s.person_kind, s.person_id)].append(s.score)
    z = {}
    for key, per_person in sorted(raw.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        people = list(per_person)
        values = np.array([np.mean(per_person[p]) for p in people])
        if key[0].startswith("psychometric"):
            z[key] = dict(zip(people, values.tolist(), strict=True))
            continue
        prod = values[[p[0] == "producer" for p in people]]
        if prod.size < 2 or np.ptp(prod) == 0:
            continue
        z[key] = dict(zip(people, ((values - prod.mean()) / prod.std(ddof=1)).tolist(),
                          strict=True))
    collected = defaultdict(lambda: defaultdict(list))
    for (_, dim), per_person in z.items():
        for person, v in per_person.items():
            collected[dim][person].append(v)

    def matrix(kind, ids):
        out = np.full((len(ids), len(dimension_ids)), np.nan)
        for j, dim in enumerate(dimension_ids):
            for i, pid in enumerate(ids):
                zs = collected.get(dim, {}).get((kind, pid))
                if zs:
                    out[i, j] = float(np.mean(zs))
        return out

    return matrix("producer", producer_ids), matrix("candidate", candidate_ids)


def random_scores(rng, n_producers=300, n_candidates=80, dims=(1, 2, 3, 4)):
    instruments = ["sjt:a", "sjt:b", "roleplay:call", "psychometric:Inv/Drive",
                   "psychometric:Inv/Grit"]
    scores = []
    for kind, n in (("producer", n_producers), ("candidate", n_candidates)):
        for pid in range(1, n + 1):
            for instrument in instruments:
                for dim in dims:
                    if rng.random() < 0.35:
                        continue
                    for _ in range(rng.integers(1, 4)):  # repeated scores
                        scores.append(Score(kind, pid, instrument, dim,
                                            float(rng.normal(3, 1.2))))
    return scores


def test_score_matrices_equal_the_reference_exactly():
    rng = np.random.default_rng(21)
    scores = random_scores(rng)
    producers, candidates = list(range(1, 301)), list(range(1, 81))
    fast = score_matrices(scores, producer_ids=producers, candidate_ids=candidates,
                          dimension_ids=[1, 2, 3, 4])
    slow_p, slow_c = reference_matrices(scores, producers, candidates, [1, 2, 3, 4])
    assert np.array_equal(fast.producers, slow_p, equal_nan=True)
    assert np.array_equal(fast.candidates, slow_c, equal_nan=True)
    assert np.isfinite(fast.candidates).sum() > 200


def test_rating_means_equal_the_reference_exactly():
    rng = np.random.default_rng(5)
    ratings = [Rating(app, rater, dim, float(rng.integers(1, 6)))
               for app in range(1, 40) for rater in range(1, 5) for dim in (1, 2, 3)
               for _ in range(rng.integers(0, 3))]
    tables = rating_matrices(ratings, application_ids=list(range(1, 40)), dimension_ids=[1, 2, 3])
    cells = defaultdict(lambda: defaultdict(list))
    for r in ratings:
        cells[(r.application_id, r.dimension_id)][r.interviewer_id].append(r.rating)
    for (app, dim), per_rater in cells.items():
        expected = float(np.mean([np.mean(v) for v in per_rater.values()]))
        assert tables.candidate_means[app][dim] == expected
        row = tables.by_dimension[dim].targets.index(app)
        for rater, values in per_rater.items():
            col = tables.by_dimension[dim].rater_ids.index(rater)
            assert tables.by_dimension[dim].matrix[row, col] == float(np.mean(values))
