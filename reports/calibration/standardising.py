"""Instrument scores put on a common scale, column by column (the rule is in ``evidence``).

At 5,000 producers a recalibration standardises some 75,000 scores. Here they are five
arrays (``Columns``), and every step is an array operation: repeats are averaged with one
``np.bincount`` over all the scores, and each instrument and dimension pair is z-scored
with one slice of the result. No Python object is made per score or per person.

The figures are exactly those of the straightforward per-person computation (each
person's repeats averaged with ``np.mean``, the producers' mean and SD taken over the
producers in the order they first appear), so the tests can compare with ``==``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

PRESTANDARDISED_PREFIX = "psychometric"

# np.add.reduce sums fewer than 8 numbers one after the other, as np.bincount does;
# from 8 on it sums pairwise, so longer repeats are averaged with np.mean itself.
SEQUENTIAL_SUM = 8


def is_prestandardised(instrument: str) -> bool:
    """Psychometric results arrive as z-scores against the vendor norm."""
    return instrument.lower().startswith(PRESTANDARDISED_PREFIX)


class Columns(NamedTuple):
    """Scores as columns: entry i of every array is one score."""

    instrument_names: list[str]  # ``instrument`` holds positions in this list
    producer: np.ndarray         # bool: a producer's score (else a candidate's)
    person_id: np.ndarray        # int
    instrument: np.ndarray       # int
    dimension_id: np.ndarray     # int
    score: np.ndarray            # float, NaN where there is none


def columns_of(scores: Iterable) -> Columns:
    """``scores`` as columns.

    Columns already (``assessments.evidence.ScoreColumns``, or anything with its fields)
    are taken as they are; any other iterable holds objects with ``person_kind``
    ("producer" or "candidate"), ``person_id``, ``instrument``, ``dimension_id`` and
    ``score`` attributes, read once each.
    """
    if hasattr(scores, "instrument_names"):
        return Columns(list(scores.instrument_names), np.asarray(scores.producer, bool),
                       np.asarray(scores.person_id, np.int64),
                       np.asarray(scores.instrument, np.intp),
                       np.asarray(scores.dimension_id, np.int64),
                       np.asarray(scores.score, float))
    names: dict[str, int] = {}
    producer, person_id, instrument, dimension_id, score = [], [], [], [], []
    for s in scores:
        code = names.get(s.instrument)
        if code is None:
            code = names[s.instrument] = len(names)
        producer.append(s.person_kind == "producer")
        person_id.append(s.person_id)
        instrument.append(code)
        dimension_id.append(s.dimension_id)
        score.append(s.score)
    return Columns(list(names), np.array(producer, bool), np.array(person_id, np.int64),
                   np.array(instrument, np.intp), np.array(dimension_id, np.int64),
                   np.array(score, float))


@dataclass(frozen=True)
class Standardised:
    """The z-scores of every pair kept, one entry per pair and person.

    Pair k is ``pairs[k]`` (instrument, dimension id), ordered by dimension and then
    instrument; its people are entries ``bounds[k]:bounds[k + 1]`` of ``producer``,
    ``person_id`` and ``z``, in the order they first appear in the scores.
    """

    pairs: list[tuple[str, int]]
    bounds: np.ndarray
    producer: np.ndarray
    person_id: np.ndarray
    z: np.ndarray
    reference: dict[tuple[str, int], dict]  # pair -> {"mean", "sd", "n"} or {"norm": ...}
    warnings: list[str]

    def pair_index(self) -> np.ndarray:
        """For every entry, the position of its pair in ``pairs``."""
        return np.repeat(np.arange(len(self.pairs)), np.diff(self.bounds))


def standardised(columns: Columns, *, dimension_ids: Iterable[int] | None = None,
                 labels: dict[int, str] | None = None) -> Standardised:
    """z-scores against the producers of every (instrument, dimension) pair.

    Only the given dimensions (all when None); scores that are missing or not finite are
    left out. A pair that cannot be standardised is left out with a warning.
    """
    keep = np.isfinite(columns.score)
    if dimension_ids is not None:
        keep &= np.isin(columns.dimension_id, np.fromiter(dimension_ids, np.int64))
    producer, person_id, instrument, dimension_id, score = (
        a[keep] for a in columns[1:])
    names = sorted(set(columns.instrument_names))
    rank = np.array([names.index(n) for n in columns.instrument_names] or [0], np.int64)

    # pairs, ordered by dimension then instrument name
    dims, dim_code = np.unique(dimension_id, return_inverse=True)
    pair_keys, pair = np.unique(dim_code * len(names) + rank[instrument],
                                return_inverse=True)
    # one entry per pair and person: the mean of their repeats
    people, person_code = np.unique(person_id, return_inverse=True)
    cell_keys, first, cell, count = np.unique(
        (pair * len(people) + person_code) * 2 + producer, return_index=True,
        return_inverse=True, return_counts=True)
    value = np.bincount(cell, weights=score, minlength=len(cell_keys)) / count
    many = np.flatnonzero(count >= SEQUENTIAL_SUM)
    if many.size:
        grouped = np.argsort(cell, kind="stable")
        starts = np.concatenate(([0], np.cumsum(count)))
        for k in many:
            value[k] = float(np.mean(score[grouped[starts[k]:starts[k + 1]]]))
    # entries grouped by pair, people in the order they first appear
    order = np.lexsort((first, pair[first]))
    first, value = first[order], value[order]
    entry_pair, entry_producer, entry_person = pair[first], producer[first], person_id[first]
    bounds = np.searchsorted(entry_pair, np.arange(len(pair_keys) + 1))

    kept, z = [], np.empty_like(value)
    pairs, reference, warnings = [], {}, []
    for k, key in enumerate(pair_keys.tolist()):
        lo, hi = int(bounds[k]), int(bounds[k + 1])
        instrument_name, dim = names[key % len(names)], int(dims[key // len(names)])
        values = value[lo:hi]
        if is_prestandardised(instrument_name):
            z[lo:hi] = values
            reference[(instrument_name, dim)] = {"norm": "published"}
        else:
            producers = values[entry_producer[lo:hi]]
            if producers.size < 2 or np.ptp(producers) == 0:
                why = ("fewer than two producers have a score" if producers.size < 2
                       else "every producer scored the same")
                name = (labels or {}).get(dim, f"dimension {dim}")
                warnings.append(f"{instrument_name} scores on {name} were left out: {why}.")
                continue
            mean, sd = float(producers.mean()), float(producers.std(ddof=1))
            z[lo:hi] = (values - mean) / sd
            reference[(instrument_name, dim)] = {"mean": mean, "sd": sd,
                                                 "n": int(producers.size)}
        pairs.append((instrument_name, dim))
        kept.append((lo, hi))
    take = np.concatenate([np.arange(lo, hi) for lo, hi in kept]) if kept else \
        np.zeros(0, np.intp)
    return Standardised(
        pairs=pairs,
        bounds=np.concatenate(([0], np.cumsum([hi - lo for lo, hi in kept], dtype=np.intp))),
        producer=entry_producer[take], person_id=entry_person[take], z=z[take],
        reference=reference, warnings=warnings,
    )


def by_person(result: Standardised, *, producers: bool, ids: Sequence[int]) -> np.ndarray:
    """Pairs x people: the z-score of each of the given producers (or candidates) on
    each pair kept, NaN where they have none. Rows follow ``result.pairs``, columns ``ids``."""
    ids = np.asarray(ids, np.int64)
    wanted, column = np.unique(ids, return_inverse=True)
    out = np.full((len(result.pairs), len(wanted) + 1), np.nan)  # the last: nobody's
    mine = result.producer == producers
    where = np.minimum(np.searchsorted(wanted, result.person_id), max(len(wanted) - 1, 0))
    hit = mine & (wanted[where] == result.person_id) if len(wanted) else mine & False
    out[result.pair_index()[hit], where[hit]] = result.z[hit]
    return out[:, column.reshape(-1)]
