"""HR's dashboard: imports and their age, and openings without producers to compare with.

Calibration compares like with like: a candidate's SJT or roleplay scores are read against
producers who took the same test or exercise. An opening is listed when one of the
instruments its candidates took has fewer than ``SELECTION_MIN_COHORT`` tiered producers
in the top cohort, or in both the middle and the bottom one, or when its candidates have
taken no instrument yet. Every figure is read in a fixed number of queries.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Count, Max, Q
from django.urls import reverse

from selection.dashboard import DashboardPanel, Row, age, open_openings
from selection.models import Producer

from .models import PerformanceRecord, PsychometricScore, RoleplayScorecard, SJTInvitation

DONE_SJT = Q(attempt__completed_at__isnull=False)
DONE_ROLEPLAY = Q(status=RoleplayScorecard.SUBMITTED)


def _producer_cohorts() -> dict[tuple[str, int], dict[str, int]]:
    """(instrument kind, instrument id) -> producers with finished evidence, per tier.

    A hire with a tier counts with what they finished as the candidate they were
    (``assessments.evidence``: a hire's candidate evidence is theirs as a producer). Five
    queries, whatever the number of producers and hires.
    """
    hires: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for producer_id, tier, candidate_id in (Producer.objects.exclude(tier="")
                                            .filter(hire__isnull=False)
                                            .values_list("pk", "tier", "hire__candidate_id")):
        hires[candidate_id].append((producer_id, tier))
    people: dict[tuple[str, int], set[tuple[int, str]]] = defaultdict(set)
    for kind, model, field in (("sjt", SJTInvitation, "test_id"),
                               ("roleplay", RoleplayScorecard, "exercise_id")):
        done = DONE_SJT if kind == "sjt" else DONE_ROLEPLAY
        own = (model.objects.filter(done, producer__isnull=False).exclude(producer__tier="")
               .values_list(field, "producer_id", "producer__tier").distinct())
        for instrument_id, producer_id, tier in own:
            people[(kind, instrument_id)].add((producer_id, tier))
        if not hires:
            continue
        for instrument_id, candidate_id in (model.objects.filter(done, candidate__in=list(hires))
                                            .values_list(field, "candidate_id").distinct()):
            people[(kind, instrument_id)].update(hires[candidate_id])
    cohorts: dict[tuple[str, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for key, found in people.items():
        for _, tier in found:
            cohorts[key][tier] += 1
    return cohorts


def _instruments_by_opening(opening_ids) -> dict[int, dict[tuple[str, int], str]]:
    """Opening id -> {(kind, id): instrument name} its candidates have finished."""
    found: dict[int, dict[tuple[str, int], str]] = defaultdict(dict)
    sjt = (SJTInvitation.objects.filter(DONE_SJT, candidate__applications__opening__in=opening_ids)
           .values_list("candidate__applications__opening_id", "test_id", "test__title")
           .distinct())
    for opening_id, test_id, title in sjt:
        found[opening_id][("sjt", test_id)] = title
    roleplay = (RoleplayScorecard.objects
                .filter(DONE_ROLEPLAY, application__opening__in=opening_ids)
                .values_list("application__opening_id", "exercise_id", "exercise__title")
                .distinct())
    for opening_id, exercise_id, title in roleplay:
        found[opening_id][("roleplay", exercise_id)] = title
    return found


def too_few(tiers: dict[str, int], minimum: int) -> bool:
    """True when top, or both middle and bottom, have fewer than ``minimum`` producers."""
    top = tiers.get(Producer.TOP, 0)
    others = max(tiers.get(Producer.MIDDLE, 0), tiers.get(Producer.BOTTOM, 0))
    return top < minimum or others < minimum


def comparison_gaps() -> list[tuple[object, str]]:
    """(opening, why) for each open opening that cannot yet be compared with producers."""
    minimum = settings.SELECTION_MIN_COHORT
    openings = open_openings()
    cohorts = _producer_cohorts()
    instruments = _instruments_by_opening([o.pk for o in openings])
    gaps = []
    for opening in openings:
        taken = instruments.get(opening.pk, {})
        if not taken:
            gaps.append((opening, "no candidate has finished a test or roleplay yet"))
            continue
        short = [
            f"{name}: {t.get('top', 0)} top, {t.get('middle', 0)} middle, "
            f"{t.get('bottom', 0)} bottom"
            for key, name in sorted(taken.items(), key=lambda kv: kv[1])
            if too_few(t := cohorts.get(key, {}), minimum)
        ]
        if short:
            gaps.append((opening, "; ".join(short) + f" (at least {minimum} in a cohort "
                                                     "are needed)"))
    return gaps


class ProducerComparisonPanel(DashboardPanel):
    name = "producer-comparison"
    heading = "Openings without producers to compare with"
    empty = "Every open opening's instruments have enough producers to compare with."
    order = 130

    def rows(self) -> list[Row]:
        url = reverse("assessments:producer_list")
        return [Row(opening.title, url, why, badge="too few producers", tone="warn")
                for opening, why in comparison_gaps()]


def import_summaries() -> list[Row]:
    """The latest psychometric and performance imports: when, and how much they hold."""
    scores = PsychometricScore.objects.aggregate(
        last=Max("imported_at"), producers=Count("producer", distinct=True),
        candidates=Count("candidate", distinct=True), n=Count("pk"))
    records = PerformanceRecord.objects.aggregate(
        last=Max("imported_at"), producers=Count("producer", distinct=True),
        period=Max("period"), n=Count("pk"))
    rows = [
        Row("Psychometric results", reverse("assessments:import_psychometrics"),
            f"last imported {age(scores['last'])} ago; {scores['n']} scores of "
            f"{scores['producers']} producers and {scores['candidates']} candidates"
            if scores["last"] else "nothing imported yet",
            badge="" if scores["last"] else "none", tone="" if scores["last"] else "warn"),
        Row("Producer performance", reverse("assessments:import_performance"),
            f"last imported {age(records['last'])} ago; {records['n']} figures of "
            f"{records['producers']} producers, latest period {records['period']}"
            if records["last"] else "nothing imported yet",
            badge="" if records["last"] else "none", tone="" if records["last"] else "warn"),
    ]
    return rows


class ImportsPanel(DashboardPanel):
    name = "imports"
    heading = "Imports"
    order = 160

    def rows(self) -> list[Row]:
        return import_summaries()
