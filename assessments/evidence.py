"""Scores per person, instrument and dimension, for the calibration engine in reports/.

Only completed SJT attempts, submitted roleplay scorecards and imported psychometric
scores count. At most seven queries in all, whatever the number of people.

**Hires are producers, by a link.** A producer hired with this platform (``Producer.hire``)
keeps their evidence where it was taken, on the candidate they were; it is never copied.
Once the producer has a tier (their outcomes are in), the hire's candidate evidence (the
candidate's completed SJT attempts, submitted roleplay scorecards and psychometric
results) counts as the producer's, instrument by instrument, wherever the producer has
none of their own on that instrument: the producer-side evidence wins where both exist (a
test taken as a producer is the same person later, under the conditions the other
producers had). An instrument is one judgment test, one roleplay exercise or one
psychometric inventory (all its scales together). So the producer comparison grows with
every hire whose performance arrives, and an amended candidate scorecard shows there too.
"""

from collections import defaultdict
from typing import NamedTuple

from django.db.models import Avg, Q

from .models import PsychometricScore, RoleplayRating, RoleplayScorecard, SJTAttempt


class InstrumentScore(NamedTuple):
    """One score (a named tuple: a recalibration makes some 100,000 of them at 5,000
    producers, and a tuple is several times cheaper to make and read than a dataclass)."""

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
    scores, and every producer's; None reads every candidate's. A hired producer with a
    tier also gets their candidate evidence on the instruments they have none of their
    own on (see the module's docstring): three more queries and one for the links, however
    many hires there are.
    """
    wanted = None if dimension_ids is None else {int(d) for d in dimension_ids}
    scores = _read(wanted, lambda field: _people(field, candidate_ids))
    return scores + hires_scores(scores, wanted)


def _read(wanted: set[int] | None, who) -> list[InstrumentScore]:
    """The three instruments' scores of the people ``who(field prefix)`` selects."""
    sources = (_sjt_scores(who("invitation__")), _roleplay_scores(wanted, who("scorecard__")),
               _psychometric_scores(wanted, who("")))
    return [
        score
        for source in sources
        for score in source
        if wanted is None or score.dimension_id in wanted
    ]


def instrument_family(instrument: str) -> str:
    """One test, exercise or inventory: a psychometric inventory's scales are one."""
    return instrument.split("/", 1)[0]


def hired_candidates() -> dict[int, list[int]]:
    """Candidate id -> the producers with a tier who were hired as that candidate (one
    query). Without a tier a hire has no outcome yet and is in no cohort."""
    from selection.models import Producer

    out: dict[int, list[int]] = defaultdict(list)
    for producer_id, candidate_id in (Producer.objects.exclude(tier="")
                                      .filter(hire__isnull=False).order_by("pk")
                                      .values_list("pk", "hire__candidate_id")):
        out[candidate_id].append(producer_id)
    return dict(out)


def hires_scores(own: list[InstrumentScore], wanted: set[int] | None,
                 hires: dict[int, list[int]] | None = None) -> list[InstrumentScore]:
    """The hired producers' candidate evidence as theirs, on each instrument where ``own``
    (the scores already read) has none of that producer's own.

    ``hires``: ``hired_candidates()`` when the caller has it. Four queries at most (none
    but the links' when there is no hire), whatever the number of hires.
    """
    hires = hired_candidates() if hires is None else hires
    if not hires:
        return []
    hired = {p for producers in hires.values() for p in producers}
    theirs = {(s.person_id, instrument_family(s.instrument)) for s in own
              if s.person_id in hired and s.person_kind == "producer"}
    ids = list(hires)
    found = _read(wanted, lambda field: Q(**{f"{field}candidate__in": ids}))
    return [
        InstrumentScore("producer", producer_id, s.instrument, s.dimension_id, s.score)
        for s in found if s.person_kind == "candidate"
        for producer_id in hires.get(s.person_id, ())
        if (producer_id, instrument_family(s.instrument)) not in theirs
    ]


def producer_sjt_totals(test_ids=None) -> dict[int, list[float]]:
    """The producers' complete judgment-test totals, by test id (``test_ids``: only these
    tests; None: every test). A hired producer with a tier who never took a test as a
    producer counts with the attempt they completed as the candidate they were. Two
    queries, whatever the number of producers and hires."""
    from django.conf import settings

    from .sjt import is_complete

    hires = hired_candidates()
    who = Q(invitation__producer__isnull=False)
    if hires:
        who |= Q(invitation__candidate__in=list(hires))
    rows = SJTAttempt.objects.filter(who, completed_at__isnull=False,
                                     total_score__isnull=False)
    if test_ids is not None:
        rows = rows.filter(invitation__test_id__in=list(test_ids))
    rows = list(rows.values_list("invitation__test_id", "invitation__producer_id",
                                 "invitation__candidate_id", "total_score", "items_answered",
                                 "items_total"))
    threshold = settings.SELECTION_SJT_MIN_COMPLETE
    taken = {(producer_id, test_id) for test_id, producer_id, *_ in rows if producer_id}
    totals: dict[int, list[float]] = defaultdict(list)
    for test_id, producer_id, candidate_id, total, answered, items in rows:
        if not is_complete(answered, items, threshold):
            continue
        if producer_id:
            totals[test_id].append(float(total))
            continue
        for hired in hires.get(candidate_id, ()):
            if (hired, test_id) not in taken:
                totals[test_id].append(float(total))
    return dict(totals)


def _people(field: str, candidate_ids) -> Q:
    """Producers, and the given candidates (everyone when ``candidate_ids`` is None)."""
    if candidate_ids is None:
        return Q()
    return Q(**{f"{field}producer__isnull": False}) | Q(**{f"{field}candidate__in": candidate_ids})


def _sjt_scores(who: Q) -> list[InstrumentScore]:
    rows = SJTAttempt.objects.filter(who, completed_at__isnull=False).values_list(
        "invitation__test__slug", "invitation__candidate_id", "invitation__producer_id",
        "dimension_scores",
    )
    scores = []
    for slug, candidate_id, producer_id, by_dimension in rows:
        kind, pk = _person(candidate_id, producer_id)
        for dimension_id, value in (by_dimension or {}).items():
            scores.append(InstrumentScore(kind, pk, f"sjt:{slug}", int(dimension_id), value))
    return scores


def _roleplay_scores(wanted: set[int] | None, who: Q) -> list[InstrumentScore]:
    ratings = RoleplayRating.objects.filter(
        who,
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


def _psychometric_scores(wanted: set[int] | None, who: Q) -> list[InstrumentScore]:
    scores = PsychometricScore.objects.filter(who)
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
