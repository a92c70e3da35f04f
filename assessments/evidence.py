"""Scores per person, instrument and dimension, for the calibration engine in reports/.

Only completed SJT attempts, submitted roleplay scorecards and imported psychometric
scores count. Three queries in all, whatever the number of people.
"""

from dataclasses import dataclass

from django.db.models import Avg, Q

from .models import PsychometricScore, RoleplayRating, RoleplayScorecard, SJTAttempt


@dataclass(frozen=True)
class InstrumentScore:
    person_kind: str   # "producer" or "candidate"
    person_id: int     # Producer.pk or Candidate.pk
    instrument: str    # e.g. "sjt:ae-judgment", "roleplay:discovery-call",
    #                    "psychometric:Sales Potential Inventory/Drive"
    dimension_id: int
    score: float       # on the instrument's own scale (SJT: 0-1 rate_each or -2..2 most_least
    #                    per dimension; roleplay: mean rating 1-5 across submitted assessors;
    #                    psychometric: the z-score)


def _person(candidate_id, producer_id) -> tuple[str, int]:
    return ("candidate", candidate_id) if candidate_id else ("producer", producer_id)


def instrument_scores(dimension_ids: list[int] | None = None,
                      candidate_ids=None) -> list[InstrumentScore]:
    """Every score on the given dimensions (all dimensions when None).

    ``candidate_ids`` (ids or a ``values("candidate_id")`` subquery): only these candidates'
    scores, and every producer's; None reads every candidate's.
    """
    wanted = None if dimension_ids is None else {int(d) for d in dimension_ids}
    sources = (_sjt_scores(candidate_ids), _roleplay_scores(wanted, candidate_ids),
               _psychometric_scores(wanted, candidate_ids))
    return [
        score
        for source in sources
        for score in source
        if wanted is None or score.dimension_id in wanted
    ]


def _people(field: str, candidate_ids) -> Q:
    """Producers, and the given candidates (everyone when ``candidate_ids`` is None)."""
    if candidate_ids is None:
        return Q()
    return Q(**{f"{field}producer__isnull": False}) | Q(**{f"{field}candidate__in": candidate_ids})


def _sjt_scores(candidate_ids=None) -> list[InstrumentScore]:
    rows = SJTAttempt.objects.filter(
        _people("invitation__", candidate_ids), completed_at__isnull=False).values_list(
        "invitation__test__slug", "invitation__candidate_id", "invitation__producer_id",
        "dimension_scores",
    )
    scores = []
    for slug, candidate_id, producer_id, by_dimension in rows:
        kind, pk = _person(candidate_id, producer_id)
        for dimension_id, value in (by_dimension or {}).items():
            scores.append(InstrumentScore(kind, pk, f"sjt:{slug}", int(dimension_id), value))
    return scores


def _roleplay_scores(wanted: set[int] | None, candidate_ids=None) -> list[InstrumentScore]:
    ratings = RoleplayRating.objects.filter(
        _people("scorecard__", candidate_ids),
        scorecard__status=RoleplayScorecard.SUBMITTED, rating__isnull=False,
    )
    if wanted is not None:
        ratings = ratings.filter(dimension_id__in=wanted)
    rows = (
        ratings.values(
            "scorecard__exercise__slug", "scorecard__candidate_id", "scorecard__producer_id",
            "dimension_id",
        )
        .annotate(mean=Avg("rating"))
        .order_by()
    )
    return [
        InstrumentScore(
            *_person(row["scorecard__candidate_id"], row["scorecard__producer_id"]),
            f"roleplay:{row['scorecard__exercise__slug']}", row["dimension_id"],
            float(row["mean"]),
        )
        for row in rows
    ]


def _psychometric_scores(wanted: set[int] | None, candidate_ids=None) -> list[InstrumentScore]:
    scores = PsychometricScore.objects.filter(_people("", candidate_ids))
    if wanted is not None:
        scores = scores.filter(scale__dimension_id__in=wanted)
    rows = scores.values_list(
        "scale__instrument", "scale__scale", "scale__dimension_id", "candidate_id",
        "producer_id", "z_score",
    )
    return [
        InstrumentScore(*_person(candidate_id, producer_id),
                        f"psychometric:{instrument}/{scale}", dimension_id, z)
        for instrument, scale, dimension_id, candidate_id, producer_id, z in rows
    ]


def instrument_titles(instruments) -> dict[str, str]:
    """Readable names for instrument keys ("sjt:slug", "roleplay:slug", "psychometric:Name").

    At most two queries, whatever the number of keys. An unknown key keeps its own text.
    """
    from .models import JudgmentTest, RoleplayExercise

    keys = set(instruments)
    slugs = {"sjt": set(), "roleplay": set()}
    for key in keys:
        kind, _, rest = key.partition(":")
        if kind in slugs:
            slugs[kind].add(rest)
    tests = dict(JudgmentTest.objects.filter(slug__in=slugs["sjt"]).values_list("slug", "title")
                 ) if slugs["sjt"] else {}
    exercises = dict(RoleplayExercise.objects.filter(slug__in=slugs["roleplay"]).values_list(
        "slug", "title")) if slugs["roleplay"] else {}
    titles = {}
    for key in keys:
        kind, _, rest = key.partition(":")
        if kind == "sjt":
            titles[key] = f"the situational-judgment test “{tests.get(rest, rest)}”"
        elif kind == "roleplay":
            titles[key] = f"the roleplay “{exercises.get(rest, rest)}”"
        elif kind == "psychometric":
            titles[key] = f"the psychometric inventory “{rest.split('/', 1)[0]}”"
        else:
            titles[key] = key
    return titles
