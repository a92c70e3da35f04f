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
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from django.db.models import Avg, Q

from .models import PsychometricScore, RoleplayRating, RoleplayScorecard, SJTAttempt


class InstrumentScore(NamedTuple):
    """One score, as a row (``instrument_scores``); a recalibration reads them as columns
    (``instrument_score_columns``) and makes no object per score."""

    person_kind: str   # "producer" or "candidate"
    person_id: int     # Producer.pk or Candidate.pk
    instrument: str    # e.g. "sjt:ae-judgment", "roleplay:discovery-call",
    #                    "psychometric:Sales Potential Inventory/Drive"
    dimension_id: int
    score: float       # on the instrument's own scale (SJT: 0-1 rate_each or -2..2 most_least
    #                    per dimension; roleplay: mean rating 1-5 across submitted assessors;
    #                    psychometric: the z-score)


@dataclass(frozen=True)
class ScoreColumns:
    """Scores as columns: entry i of every array is one score (one ``InstrumentScore``).

    At 5,000 producers a recalibration reads some 75,000 scores; as five arrays they cost
    no Python object each, and the calibration aggregates them with array operations.
    """

    instrument_names: list[str]  # ``instrument`` holds positions in this list
    producer: np.ndarray         # bool: a producer's score (else a candidate's)
    person_id: np.ndarray        # int: Producer.pk or Candidate.pk
    instrument: np.ndarray       # int: position in ``instrument_names``
    dimension_id: np.ndarray     # int
    score: np.ndarray            # float, NaN where there is none

    def __len__(self) -> int:
        return len(self.score)

    def rows(self) -> list[InstrumentScore]:
        names = self.instrument_names
        return [
            InstrumentScore("producer" if producer else "candidate", person_id,
                            names[instrument], dimension_id, None if score != score else score)
            for producer, person_id, instrument, dimension_id, score in zip(
                self.producer.tolist(), self.person_id.tolist(), self.instrument.tolist(),
                self.dimension_id.tolist(), self.score.tolist(), strict=True)
        ]


class _Columns:
    """Scores gathered column by column while the rows are read (lists of plain numbers,
    no object per score), then turned into ``ScoreColumns``."""

    def __init__(self) -> None:
        self.names: dict[str, int] = {}
        self.producer: list[bool] = []
        self.person_id: list[int] = []
        self.instrument: list[int] = []
        self.dimension_id: list[int] = []
        self.score: list[float | None] = []

    def add(self, producer: bool, person_id: int, code: int, dimension_id: int,
            score: float | None) -> None:
        """One score (the judgment tests' loop, the longest, appends to the lists itself)."""
        self.producer.append(producer)
        self.person_id.append(person_id)
        self.instrument.append(code)
        self.dimension_id.append(dimension_id)
        self.score.append(score)

    def code(self, name: str) -> int:
        code = self.names.get(name)
        if code is None:
            code = self.names[name] = len(self.names)
        return code

    def columns(self) -> ScoreColumns:
        return ScoreColumns(
            instrument_names=list(self.names),
            producer=np.array(self.producer, dtype=bool),
            person_id=np.array(self.person_id, dtype=np.int64),
            instrument=np.array(self.instrument, dtype=np.intp),
            dimension_id=np.array(self.dimension_id, dtype=np.int64),
            score=np.array(self.score, dtype=float),
        )


def instrument_scores(dimension_ids: list[int] | None = None,
                      candidate_ids=None) -> list[InstrumentScore]:
    """Every score on the given dimensions (all dimensions when None), as rows.

    ``instrument_score_columns`` as a list of ``InstrumentScore``, in the same order.
    """
    return instrument_score_columns(dimension_ids, candidate_ids).rows()


def instrument_score_columns(dimension_ids: list[int] | None = None,
                             candidate_ids=None) -> ScoreColumns:
    """Every score on the given dimensions (all dimensions when None), as columns.

    ``candidate_ids`` (ids or a ``values("candidate_id")`` subquery): only these candidates'
    scores, and every producer's; None reads every candidate's. A hired producer with a
    tier also gets their candidate evidence on the instruments they have none of their
    own on (see the module's docstring): three more queries and one for the links, however
    many hires there are. The judgment tests' scores come first, then the roleplays', the
    psychometric scales' and the hires'.
    """
    wanted = None if dimension_ids is None else {int(d) for d in dimension_ids}
    scores = _Columns()
    _read(scores, wanted, lambda field: _people(field, candidate_ids))
    _add_hires_scores(scores, wanted)
    return scores.columns()


def _read(out: _Columns, wanted: set[int] | None, who) -> None:
    """Adds the three instruments' scores of the people ``who(field prefix)`` selects."""
    _sjt_scores(out, wanted, who("invitation__"))
    _roleplay_scores(out, wanted, who("scorecard__"))
    _psychometric_scores(out, wanted, who(""))


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


def _add_hires_scores(scores: _Columns, wanted: set[int] | None,
                      hires: dict[int, list[int]] | None = None) -> None:
    """Adds the hired producers' candidate evidence as theirs, on each instrument where
    ``scores`` (those already read) has none of that producer's own.

    ``hires``: ``hired_candidates()`` when the caller has it. Four queries at most (none
    but the links' when there is no hire), whatever the number of hires.
    """
    hires = hired_candidates() if hires is None else hires
    if not hires:
        return
    hired = {p for producers in hires.values() for p in producers}
    names = list(scores.names)
    theirs = {(person_id, instrument_family(names[code]))
              for producer, person_id, code in zip(scores.producer, scores.person_id,
                                                    scores.instrument, strict=True)
              if producer and person_id in hired}
    found = _Columns()
    ids = list(hires)
    _read(found, wanted, lambda field: Q(**{f"{field}candidate__in": ids}))
    found_names = list(found.names)
    for producer, candidate_id, code, dimension_id, score in zip(
            found.producer, found.person_id, found.instrument, found.dimension_id,
            found.score, strict=True):
        if producer:
            continue
        instrument = found_names[code]
        for producer_id in hires.get(candidate_id, ()):
            if (producer_id, instrument_family(instrument)) not in theirs:
                scores.add(True, producer_id, scores.code(instrument), dimension_id, score)


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


def _sjt_scores(out: _Columns, wanted: set[int] | None, who: Q) -> None:
    rows = SJTAttempt.objects.filter(who, completed_at__isnull=False).order_by("pk").values_list(
        "invitation__test__slug", "invitation__candidate_id", "invitation__producer_id",
        "dimension_scores",
    )
    producer, person, instrument = out.producer.append, out.person_id.append, \
        out.instrument.append
    dimension, score = out.dimension_id.append, out.score.append
    for slug, candidate_id, producer_id, by_dimension in rows:
        if not by_dimension:
            continue
        code = out.code(f"sjt:{slug}")
        for dimension_id, value in by_dimension.items():
            dimension_id = int(dimension_id)
            if wanted is not None and dimension_id not in wanted:
                continue
            producer(not candidate_id)
            person(candidate_id or producer_id)
            instrument(code)
            dimension(dimension_id)
            score(value)


def _roleplay_scores(out: _Columns, wanted: set[int] | None, who: Q) -> None:
    ratings = RoleplayRating.objects.filter(
        who,
        scorecard__status=RoleplayScorecard.SUBMITTED, rating__isnull=False,
    )
    if wanted is not None:
        ratings = ratings.filter(dimension_id__in=wanted)
    rows = (
        ratings.values_list(
            "scorecard__exercise__slug", "scorecard__candidate_id", "scorecard__producer_id",
            "dimension_id",
        )
        .annotate(mean=Avg("rating"))
        .order_by()
    )
    codes: dict[str, int] = {}
    for slug, candidate_id, producer_id, dimension_id, mean in rows:
        code = codes.get(slug)
        if code is None:
            code = codes[slug] = out.code(f"roleplay:{slug}")
        out.add(not candidate_id, candidate_id or producer_id, code, dimension_id, mean)


def _psychometric_scores(out: _Columns, wanted: set[int] | None, who: Q) -> None:
    scores = PsychometricScore.objects.filter(who)
    if wanted is not None:
        scores = scores.filter(scale__dimension_id__in=wanted)
    rows = scores.order_by("pk").values_list(
        "scale_id", "scale__instrument", "scale__scale", "scale__dimension_id",
        "candidate_id", "producer_id", "z_score",
    )
    codes: dict[int, int] = {}
    for scale_id, instrument, scale, dimension_id, candidate_id, producer_id, z in rows:
        code = codes.get(scale_id)
        if code is None:
            code = codes[scale_id] = out.code(f"psychometric:{instrument}/{scale}")
        out.add(not candidate_id, candidate_id or producer_id, code, dimension_id, z)


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
