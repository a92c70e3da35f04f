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

The functions below ``evidence_for_opening`` are pure: lists or columns in, numpy matrices
out; the instrument scores are aggregated as columns (``standardising``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from reports.calibration.standardising import (  # noqa: F401 (is_prestandardised: public)
    PRESTANDARDISED_PREFIX,
    SEQUENTIAL_SUM,
    by_person,
    columns_of,
    is_prestandardised,
    standardised,
)

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
    opening, *, instrument_scores=None, interview_ratings: list | None = None
) -> OpeningEvidence:
    """Everything calibration needs for an opening, read from the database.

    Dimensions come from the opening's pinned role-profile revision; producers are those
    with a tier; candidates are the opening's applications. Scores and ratings come from
    ``assessments.evidence`` and ``interviews.evidence`` unless given (a caller that already
    holds them, e.g. an import preview: a list, or ``ScoreColumns``); a missing evidence
    module gives empty evidence and a warning, never an error.
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


def _instrument_scores(dimension_ids: list[int], warnings: list[str], candidate_ids):
    """The scores as columns (``assessments.evidence.ScoreColumns``), or [] without them."""
    try:
        from assessments.evidence import instrument_score_columns
    except ImportError:
        warnings.append(
            "Test, roleplay and psychometric results cannot be read yet (the assessments "
            "module is not installed), so there is nothing to compare with the producers."
        )
        return []
    return instrument_score_columns(dimension_ids=dimension_ids, candidate_ids=candidate_ids)


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
    ``scores``: objects with person_kind, person_id, instrument, dimension_id and score,
    or ``assessments.evidence.ScoreColumns``. Per pair, its people in the order they first
    appear (``score_matrices`` does the same without a dictionary per pair).
    """
    result = standardised(columns_of(scores), labels=labels)
    kinds = np.where(result.producer, "producer", "candidate").tolist()
    people = list(zip(kinds, result.person_id.tolist(), strict=True))
    z = result.z.tolist()
    bounds = result.bounds.tolist()
    out = {pair: dict(zip(people[bounds[k]:bounds[k + 1]], z[bounds[k]:bounds[k + 1]],
                          strict=True))
           for k, pair in enumerate(result.pairs)}
    return out, result.reference, result.warnings


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
    """Producers x dimensions and candidates x dimensions matrices of combined z-scores.

    ``scores``: as ``standardise_against_producers`` takes them; columns
    (``assessments.evidence.ScoreColumns``) cost no Python object per score.
    """
    result = standardised(columns_of(scores), dimension_ids=dimension_ids, labels=labels)
    producer_rows = by_person(result, producers=True, ids=producer_ids)
    candidate_rows = by_person(result, producers=False, ids=candidate_ids)
    instruments: dict[int, list[str]] = {dim: [] for dim in dimension_ids}
    by_instrument, candidate_by_instrument = {}, {}
    for k, (instrument, dim) in enumerate(result.pairs):
        instruments[dim].append(instrument)
        by_instrument[(instrument, dim)] = producer_rows[k]
        candidate_by_instrument[(instrument, dim)] = candidate_rows[k]
    return ScoreMatrices(
        dimension_ids=list(dimension_ids),
        producers=_combined(by_instrument, len(producer_ids), dimension_ids),
        candidates=_combined(candidate_by_instrument, len(candidate_ids), dimension_ids),
        instruments={dim: sorted(names) for dim, names in instruments.items()},
        producer_by_instrument=by_instrument,
        warnings=result.warnings,
        candidate_by_instrument=candidate_by_instrument,
        reference=result.reference,
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


def _table(targets: list, rater: np.ndarray, rows: np.ndarray, value: np.ndarray) -> RatingTable:
    """Targets x raters: ``value[k]`` is rater ``rater[k]``'s rating of target ``rows[k]``;
    the raters are those with a rating here, by id."""
    rater_ids, column = np.unique(rater, return_inverse=True)
    matrix = np.full((len(targets), len(rater_ids)), np.nan)
    matrix[rows, column] = value
    return RatingTable(targets=targets, rater_ids=rater_ids.tolist(), matrix=matrix)


def _group_means(group: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Per group 0..n-1 the mean of its values, exactly ``np.mean`` over them in the order
    given (summed one after the other below ``SEQUENTIAL_SUM`` values, as numpy does)."""
    count = np.bincount(group, minlength=n)
    means = np.bincount(group, weights=values, minlength=n) / np.maximum(count, 1)
    for g in np.flatnonzero(count >= SEQUENTIAL_SUM):
        means[g] = float(np.mean(values[group == g]))
    return means


def rating_matrices(
    ratings: Iterable, *, application_ids: Sequence[int], dimension_ids: Sequence[int]
) -> RatingMatrices:
    """Targets x raters tables per dimension (targets = applications) and overall.

    Overall, each (application, dimension) pair is one target, so interviewers who split
    the questions still meet on the pairs they both rated. Only targets with at least one
    rating are rows. A rater's repeated ratings of one target are averaged; a candidate's
    mean on a dimension is the mean of their raters' means (raters in the order they first
    appear). ``ratings``: objects with application_id, interviewer_id, dimension_id and
    rating, read once each; the rest is array operations.
    """
    dims = list(dimension_ids)
    application, rater, dimension, rating = [], [], [], []
    for r in ratings:
        application.append(r.application_id)
        rater.append(r.interviewer_id)
        dimension.append(r.dimension_id)
        rating.append(r.rating)
    application = np.array(application, np.int64)
    rater = np.array(rater, np.int64)
    dimension = np.array(dimension, np.int64)
    rating = np.array(rating, float)
    # the position of each rating's application and dimension in the order asked for
    app_ids = np.array(application_ids, np.int64)
    app_sorted = np.argsort(app_ids, kind="stable")
    dim_ids = np.array(dims, np.int64)
    dim_sorted = np.argsort(dim_ids, kind="stable")
    app_at = app_sorted[np.minimum(np.searchsorted(app_ids[app_sorted], application),
                                   max(len(app_ids) - 1, 0))] if len(app_ids) else application
    dim_at = dim_sorted[np.minimum(np.searchsorted(dim_ids[dim_sorted], dimension),
                                   max(len(dim_ids) - 1, 0))] if len(dim_ids) else dimension
    keep = np.isfinite(rating)
    keep &= (app_ids[app_at] == application) if len(app_ids) else False
    keep &= (dim_ids[dim_at] == dimension) if len(dim_ids) else False
    app_at, dim_at, rater, rating = app_at[keep], dim_at[keep], rater[keep], rating[keep]

    # targets: (application, dimension) pairs, in the applications' then dimensions' order
    pair_keys, pair = np.unique(app_at * max(len(dims), 1) + dim_at, return_inverse=True)
    # cells: one rater on one target, the mean of their ratings
    raters, rater_code = np.unique(rater, return_inverse=True)
    cell_keys, first, cell = np.unique(pair * max(len(raters), 1) + rater_code,
                                       return_index=True, return_inverse=True)
    cell_mean = _group_means(cell, rating, len(cell_keys))
    order = np.lexsort((first, pair[first]))  # per target, raters as they first appear
    cell_pair, cell_rater = pair[first][order], rater[first][order]
    cell_mean = cell_mean[order]

    pair_app = app_ids[pair_keys // max(len(dims), 1)] if len(pair_keys) else pair_keys
    pair_dim = dim_ids[pair_keys % max(len(dims), 1)] if len(pair_keys) else pair_keys
    targets = list(zip(pair_app.tolist(), pair_dim.tolist(), strict=True))
    by_dimension = {}
    for dim in dims:
        rows = np.flatnonzero(pair_dim == dim)
        mine = np.isin(cell_pair, rows)
        table = _table([targets[i][0] for i in rows.tolist()], cell_rater[mine],
                       np.searchsorted(rows, cell_pair[mine]), cell_mean[mine])
        by_dimension[dim] = table
    means: dict[int, dict[int, float]] = defaultdict(dict)
    for (app, dim), mean in zip(targets, _group_means(cell_pair, cell_mean,
                                                      len(targets)).tolist(), strict=True):
        means[app][dim] = mean
    return RatingMatrices(
        by_dimension=by_dimension,
        overall=_table(targets, cell_rater, cell_pair, cell_mean),
        candidate_means=dict(means),
    )
