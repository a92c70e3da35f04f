"""The evidence calibration works on: instrument scores and interview ratings as matrices.

How instrument scores become one number per person and dimension (the combination rule):

1. Repeated scores of one person on the same instrument and dimension are averaged first.
2. Every instrument and dimension pair is put on a common scale by z-scoring it against the
   producers who have a score on it (the reference): z = (score - mean) / SD, with the
   producers' mean and sample SD (n - 1). Candidates are scored against that reference, so
   adding or removing candidates never moves a producer's figures. Psychometric instruments
   (their name starts with "psychometric") already arrive as z-scores against the vendor's
   norm and are taken as they are. A pair with fewer than two producers, or where every
   producer scored the same, cannot be standardised and is left out (with a warning).
3. A person's score on a dimension is the plain mean of the z-scores they have on it,
   from whichever instruments measured it. With no instrument, the score is missing (NaN).

Interview ratings are kept on their own 1-5 anchored scale: they are not combined with
instrument scores (producers are never interviewed, so they cannot be compared), and
serve the interviewer-agreement figures and the knock-out check.

The functions below ``evidence_for_opening`` are pure: lists in, numpy matrices out.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

PRESTANDARDISED_PREFIX = "psychometric"

Person = tuple[str, int]  # (person_kind, person_id)


@dataclass(frozen=True)
class DimensionInfo:
    """One requirement of the opening's pinned role profile."""

    id: int
    slug: str
    name: str
    kind: str
    weight: float
    target: int
    knock_out: int | None
    trainable: bool = True


@dataclass(frozen=True)
class ProducerInfo:
    id: int
    name: str
    tier: str
    performance: float | None
    metric: str = ""


@dataclass(frozen=True)
class ApplicationInfo:
    application_id: int
    candidate_id: int
    name: str
    stage: str
    stage_label: str


@dataclass(frozen=True)
class ScoreMatrices:
    """Combined z-scores: rows follow the given producer / candidate ids, columns the dims."""

    dimension_ids: list[int]
    producers: np.ndarray
    candidates: np.ndarray
    instruments: dict[int, list[str]]
    producer_by_instrument: dict[tuple[str, int], np.ndarray]
    warnings: list[str] = field(default_factory=list)
    candidate_by_instrument: dict[tuple[str, int], np.ndarray] = field(default_factory=dict)
    # (instrument, dimension id) -> the producers' {"mean", "sd", "n"} the z-scores use
    reference: dict[tuple[str, int], dict] = field(default_factory=dict)


@dataclass(frozen=True)
class RatingTable:
    """Targets x raters ratings (NaN = not rated); raters without a rating are left out."""

    targets: list
    rater_ids: list[int]
    matrix: np.ndarray


@dataclass(frozen=True)
class RatingMatrices:
    by_dimension: dict[int, RatingTable]
    overall: RatingTable
    candidate_means: dict[int, dict[int, float]]  # application id -> dimension id -> mean


@dataclass(frozen=True)
class OpeningEvidence:
    opening_id: int
    dimensions: list[DimensionInfo]
    producers: list[ProducerInfo]
    applications: list[ApplicationInfo]
    scores: ScoreMatrices
    ratings: RatingMatrices
    rater_names: dict[int, str]
    warnings: list[str]

    @property
    def tiers(self) -> list[str]:
        return [p.tier for p in self.producers]


# --- loading from the database ---------------------------------------------------------


def evidence_for_opening(
    opening, *, instrument_scores: list | None = None, interview_ratings: list | None = None
) -> OpeningEvidence:
    """Everything calibration needs for an opening, read from the database.

    Dimensions come from the opening's pinned role-profile revision; producers are those
    with a tier; candidates are the opening's applications. Scores and ratings come from
    ``assessments.evidence`` and ``interviews.evidence`` unless given (a caller that already
    holds them, e.g. an import preview); a missing evidence module gives empty evidence
    and a warning, never an error.
    """
    from django.contrib.auth import get_user_model

    from selection.models import Producer

    warnings: list[str] = []
    dimensions = [
        DimensionInfo(
            id=req.dimension_id, slug=req.dimension.slug, name=req.dimension.name,
            kind=req.dimension.kind, weight=float(req.weight), target=req.target_level,
            knock_out=req.knock_out_minimum, trainable=req.dimension.trainable,
        )
        for req in opening.requirements
    ]
    dim_ids = [d.id for d in dimensions]
    producers = [  # plain rows, not model instances: thousands of them
        ProducerInfo(pk, f"{first} {last}", tier,
                     None if performance is None else float(performance), metric)
        for pk, first, last, tier, performance, metric in Producer.objects.exclude(tier="")
        .order_by("pk").values_list("pk", "first_name", "last_name", "tier", "performance",
                                    "performance_metric")
    ]
    stages = opening.applications.model.STAGES
    stage_order = {key: n for n, (key, _) in enumerate(stages)}
    labels = dict(stages)
    applications = sorted(
        (
            ApplicationInfo(pk, candidate_id, f"{first} {last}".strip(), stage,
                            labels.get(stage, stage))
            for pk, candidate_id, first, last, stage in opening.applications.values_list(
                "pk", "candidate_id", "candidate__first_name", "candidate__last_name", "stage")
        ),
        key=lambda a: (stage_order.get(a.stage, 99), a.name.lower(), a.application_id),
    )
    if instrument_scores is None:
        instrument_scores = _instrument_scores(dim_ids, warnings, opening_candidates(opening))
    if interview_ratings is None:
        interview_ratings = _interview_ratings(opening, warnings)
    scores = score_matrices(
        instrument_scores,
        producer_ids=[p.id for p in producers],
        candidate_ids=[a.candidate_id for a in applications],
        dimension_ids=dim_ids,
        labels={d.id: d.name for d in dimensions},
    )
    ratings = rating_matrices(
        interview_ratings,
        application_ids=[a.application_id for a in applications],
        dimension_ids=dim_ids,
    )
    rater_ids = set(ratings.overall.rater_ids)
    rater_names = {
        u.pk: (u.get_full_name() or u.email)
        for u in get_user_model().objects.filter(pk__in=rater_ids)
    }
    return OpeningEvidence(
        opening_id=opening.pk, dimensions=dimensions, producers=producers,
        applications=applications, scores=scores, ratings=ratings, rater_names=rater_names,
        warnings=warnings + scores.warnings,
    )


def opening_candidates(opening):
    """The opening's candidate ids, as a subquery (the evidence of nobody else is read)."""
    return opening.applications.values("candidate_id")


def _instrument_scores(dimension_ids: list[int], warnings: list[str], candidate_ids) -> list:
    try:
        from assessments.evidence import instrument_scores
    except ImportError:
        warnings.append(
            "Test, roleplay and psychometric results cannot be read yet (the assessments "
            "module is not installed), so there is nothing to compare with the producers."
        )
        return []
    return list(instrument_scores(dimension_ids=dimension_ids, candidate_ids=candidate_ids))


def _interview_ratings(opening, warnings: list[str]) -> list:
    try:
        from interviews.evidence import interview_ratings
    except ImportError:
        warnings.append(
            "Interview scorecards cannot be read yet (the interviews module is not "
            "installed), so interviewer agreement is not shown."
        )
        return []
    return list(interview_ratings(opening))


# --- pure: instrument scores -----------------------------------------------------------


def _mean(values: list[float]) -> float:
    """``np.mean`` of a short list, without numpy's call overhead for the usual single value.

    Exactly ``float(np.mean(values))``: one value is its own mean; longer lists go to numpy.
    """
    return values[0] if len(values) == 1 else float(np.mean(values))


def is_prestandardised(instrument: str) -> bool:
    """Psychometric results arrive as z-scores against the vendor norm."""
    return instrument.lower().startswith(PRESTANDARDISED_PREFIX)


def standardise(
    scores: Iterable, labels: dict[int, str] | None = None
) -> tuple[dict[tuple[str, int], dict[Person, float]], list[str]]:
    """z-scores per (instrument, dimension id) and person, with warnings for what was dropped.

    See ``standardise_against_producers``; this leaves out the reference.
    """
    z, _, warnings = standardise_against_producers(scores, labels)
    return z, warnings


def standardise_against_producers(
    scores: Iterable, labels: dict[int, str] | None = None
) -> tuple[dict[tuple[str, int], dict[Person, float]], dict[tuple[str, int], dict], list[str]]:
    """z-scores against the producers' mean and SD, the reference used, and warnings.

    Repeated scores of a person on one instrument and dimension are averaged first. The
    reference per (instrument, dimension id) is ``{"mean", "sd", "n"}`` over the producers
    with a score (``{"norm": "published"}`` for psychometric scales, taken as they are).
    """
    raw: dict[tuple[str, int], dict[Person, float | list[float]]] = {}
    isfinite = math.isfinite
    for s in scores:
        score = s.score
        if score is None:
            continue
        value = float(score)
        if not isfinite(value):
            continue
        key = (s.instrument, s.dimension_id)
        per_person = raw.get(key)
        if per_person is None:
            per_person = raw[key] = {}
        person = (s.person_kind, s.person_id)
        found = per_person.get(person)
        # One score (the usual case) is kept as it is; a list only for repeats.
        if found is None:
            per_person[person] = value
        elif found.__class__ is list:
            found.append(value)
        else:
            per_person[person] = [found, value]
    out: dict[tuple[str, int], dict[Person, float]] = {}
    reference: dict[tuple[str, int], dict] = {}
    warnings: list[str] = []
    for (instrument, dim), per_person in sorted(raw.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        people = list(per_person)
        values = np.fromiter((v if v.__class__ is float else float(np.mean(v))
                              for v in per_person.values()), float, len(people))
        if is_prestandardised(instrument):
            out[(instrument, dim)] = dict(zip(people, values.tolist(), strict=True))
            reference[(instrument, dim)] = {"norm": "published"}
            continue
        name = (labels or {}).get(dim, f"dimension {dim}")
        producers = values[np.fromiter((p[0] == "producer" for p in people), bool, len(people))]
        if producers.size < 2 or np.ptp(producers) == 0:
            why = (
                "fewer than two producers have a score"
                if producers.size < 2 else "every producer scored the same"
            )
            warnings.append(f"{instrument} scores on {name} were left out: {why}.")
            continue
        mean, sd = float(producers.mean()), float(producers.std(ddof=1))
        z = (values - mean) / sd
        out[(instrument, dim)] = dict(zip(people, z.tolist(), strict=True))
        reference[(instrument, dim)] = {"mean": mean, "sd": sd, "n": int(producers.size)}
    return out, reference, warnings


def combine(z_scores: dict[tuple[str, int], dict[Person, float]]) -> dict[int, dict[Person, float]]:
    """Per dimension and person: the mean of the instrument z-scores the person has."""
    collected: dict[int, dict[Person, list[float]]] = defaultdict(lambda: defaultdict(list))
    for (_, dim), per_person in z_scores.items():
        for person, z in per_person.items():
            collected[dim][person].append(z)
    return {
        dim: {person: _mean(zs) for person, zs in per_person.items()}
        for dim, per_person in collected.items()
    }


def _column(per_person: dict[Person, float], kind: str, ids: Sequence[int]) -> np.ndarray:
    """One instrument's z-scores for the given people (NaN where they have none)."""
    return np.array([per_person.get((kind, pid), np.nan) for pid in ids], dtype=float)


def _combined(columns: dict[tuple[str, int], np.ndarray], n: int,
              dimension_ids: Sequence[int]) -> np.ndarray:
    """Per person and dimension the mean of the instrument z-scores present (``combine``).

    One array operation per instrument: the z-scores are summed in the order ``combine``
    appends them and divided by their count, as ``np.mean`` does for such short lists.
    """
    column = {dim: j for j, dim in enumerate(dimension_ids)}
    total = np.zeros((n, len(dimension_ids)))
    count = np.zeros((n, len(dimension_ids)))
    for (_, dim), values in columns.items():
        ok = np.isfinite(values)
        total[ok, column[dim]] += values[ok]
        count[ok, column[dim]] += 1
    with np.errstate(invalid="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def score_matrices(
    scores: Iterable, *, producer_ids: Sequence[int], candidate_ids: Sequence[int],
    dimension_ids: Sequence[int], labels: dict[int, str] | None = None,
) -> ScoreMatrices:
    """Producers x dimensions and candidates x dimensions matrices of combined z-scores."""
    wanted = set(dimension_ids)
    z_scores, reference, warnings = standardise_against_producers(
        (s for s in scores if s.dimension_id in wanted), labels=labels
    )
    instruments: dict[int, list[str]] = {dim: [] for dim in dimension_ids}
    by_instrument, candidate_by_instrument = {}, {}
    for (instrument, dim), per_person in z_scores.items():
        instruments[dim].append(instrument)
        by_instrument[(instrument, dim)] = _column(per_person, "producer", producer_ids)
        candidate_by_instrument[(instrument, dim)] = _column(per_person, "candidate",
                                                             candidate_ids)
    return ScoreMatrices(
        dimension_ids=list(dimension_ids),
        producers=_combined(by_instrument, len(producer_ids), dimension_ids),
        candidates=_combined(candidate_by_instrument, len(candidate_ids), dimension_ids),
        instruments={dim: sorted(names) for dim, names in instruments.items()},
        producer_by_instrument=by_instrument,
        warnings=warnings,
        candidate_by_instrument=candidate_by_instrument,
        reference=reference,
    )


def instrument_family(instrument: str) -> str:
    """The instrument a score comes from, without the scale: psychometric scales of one
    inventory ("psychometric:Inventory/Drive") belong to one inventory."""
    return instrument.split("/", 1)[0]


def instrument_coverage(
    matrices: ScoreMatrices, candidate: int, producer_rows: np.ndarray,
    dimension_ids: Iterable[int], *, most: float = 0.5,
) -> tuple[list[str], list[dict]]:
    """Which instruments one candidate has, and which ones most producers have but they lack.

    Only the given dimensions count (those the comparison uses), and only the producers in
    ``producer_rows`` (those with scores). Returns the candidate's instrument families and,
    for every family that at least ``most`` of those producers have on some of the
    dimensions while the candidate has it on none, ``{"instrument", "producer_share"}``,
    largest share first (nothing for a candidate with no instrument at all: they are not
    compared). A candidate measured by fewer instruments than the producers has
    noisier dimension scores than theirs (each is a mean over fewer z-scores), so the
    comparison deserves that caution.
    """
    wanted = set(dimension_ids)
    producer_has: dict[str, np.ndarray] = {}
    candidate_has: dict[str, bool] = {}
    n_producers = len(producer_rows)
    for (instrument, dim), values in matrices.producer_by_instrument.items():
        if dim not in wanted:
            continue
        family = instrument_family(instrument)
        has = np.isfinite(values[producer_rows]) if n_producers else np.zeros(0, bool)
        producer_has[family] = producer_has.get(family, np.zeros(n_producers, bool)) | has
        own = matrices.candidate_by_instrument.get((instrument, dim))
        candidate_has[family] = candidate_has.get(family, False) or bool(
            own is not None and np.isfinite(own[candidate]))
    have = sorted(f for f, yes in candidate_has.items() if yes)
    if not have:  # not compared at all: "no scores" says it better than a list of gaps
        return have, []
    lacking = []
    for family, has in producer_has.items():
        share = float(has.mean()) if n_producers else 0.0
        if share >= most and not candidate_has.get(family):
            lacking.append({"instrument": family, "producer_share": share})
    lacking.sort(key=lambda row: (-row["producer_share"], row["instrument"]))
    return have, lacking


# --- pure: interview ratings -----------------------------------------------------------


def _table(cells: dict[tuple, dict[int, list[float]]], targets: list) -> RatingTable:
    rater_ids = sorted({r for target in targets for r in cells.get(target, {})})
    column = {r: j for j, r in enumerate(rater_ids)}
    matrix = np.full((len(targets), len(rater_ids)), np.nan)
    for i, target in enumerate(targets):
        for rater, values in cells.get(target, {}).items():
            matrix[i, column[rater]] = _mean(values)
    return RatingTable(targets=targets, rater_ids=rater_ids, matrix=matrix)


def rating_matrices(
    ratings: Iterable, *, application_ids: Sequence[int], dimension_ids: Sequence[int]
) -> RatingMatrices:
    """Targets x raters tables per dimension (targets = applications) and overall.

    Overall, each (application, dimension) pair is one target, so interviewers who split
    the questions still meet on the pairs they both rated. Only targets with at least one
    rating are rows.
    """
    order = {a: n for n, a in enumerate(application_ids)}
    dims = list(dimension_ids)
    cells: dict[tuple[int, int], dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    for r in ratings:
        if r.application_id not in order or r.dimension_id not in dims:
            continue
        if r.rating is None or not np.isfinite(float(r.rating)):
            continue
        cells[(r.application_id, r.dimension_id)][r.interviewer_id].append(float(r.rating))
    pairs = sorted(cells, key=lambda t: (order[t[0]], dims.index(t[1])))
    by_dimension = {}
    for dim in dims:
        targets = [t for t in pairs if t[1] == dim]
        table = _table(cells, targets)
        by_dimension[dim] = RatingTable([t[0] for t in targets], table.rater_ids, table.matrix)
    means: dict[int, dict[int, float]] = defaultdict(dict)
    for app, dim in pairs:
        means[app][dim] = _mean([_mean(v) for v in cells[(app, dim)].values()])
    return RatingMatrices(
        by_dimension=by_dimension, overall=_table(cells, pairs), candidate_means=dict(means)
    )
