"""Reading interviews: my interviews, what each person may see, scorecard summaries."""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from selection.access import is_hr
from selection.models import Application, HiringTeamMember

from .models import Answer, Interview, Scorecard

CANCELLED = "cancelled-interview"

DISAGREEMENT = 2  # points between the lowest and highest interviewer on a dimension


def my_interviews(user) -> list[Interview]:
    """The user's interviews, unfinished ones first, with candidate, opening and scorecard."""
    interviews = (
        Interview.objects.filter(interviewer=user)
        .select_related("application__candidate", "application__opening", "scorecard")
        .annotate(
            question_count=Count("scorecard__answers"),
            rated_count=Count(
                "scorecard__answers", filter=Q(scorecard__answers__rating__isnull=False)
            ),
        )
        .order_by("-created_at", "pk")
    )
    return sorted(interviews, key=lambda i: i.scorecard.is_final)


def own_interview_pending(user, application: Application) -> bool:
    """True when the user interviews this candidate and has not submitted yet."""
    return Scorecard.objects.filter(
        interview__application=application, interview__interviewer=user, state=Scorecard.DRAFT
    ).exclude(interview__status=Interview.CANCELLED).exists()


def may_see_scorecards(user, application: Application) -> bool:
    """The blind-scoring rule: who may see other people's ratings and notes on a candidate.

    Anyone who interviews the candidate and has not submitted sees nobody else's, even
    when they manage the opening; a cancelled interview's draft is not pending (it
    will never be submitted) and counts as taking part. Otherwise the opening's managers
    see them, and so do
    interviewers who have submitted their own and are still on the opening's hiring team
    (someone taken off the team keeps their own card only). Everything that shows
    scorecard content, or figures computed from it, asks here or in
    ``scorecards_hidden_from`` (the same rule for many candidates at once).
    """
    return application.pk not in scorecards_hidden_from(user, [application])


def scorecards_hidden_from(user, applications) -> set[int]:
    """Ids of the applications whose scorecards (and figures from them) ``user`` may not see.

    The rule of ``may_see_scorecards``, in three queries whatever the number of candidates.
    """
    applications = list(applications)
    if not user.is_authenticated:
        return {a.pk for a in applications}
    mine: dict[int, set[str]] = defaultdict(set)
    for application_id, state, status in Scorecard.objects.filter(
        interview__application__in=[a.pk for a in applications], interview__interviewer=user
    ).values_list("interview__application_id", "state", "interview__status"):
        # A cancelled interview's draft will never be submitted: it is not pending.
        mine[application_id].add(CANCELLED if status == Interview.CANCELLED else state)
    roles: dict[int, set[str]] = defaultdict(set)
    for opening_id, role in HiringTeamMember.objects.filter(
        opening_id__in={a.opening_id for a in applications}, user=user
    ).values_list("opening_id", "role"):
        roles[opening_id].add(role)
    hr = is_hr(user)
    hidden = set()
    for application in applications:
        states, held = mine[application.pk], roles[application.opening_id]
        if Scorecard.DRAFT in states:
            hidden.add(application.pk)
        elif hr or HiringTeamMember.HIRING_MANAGER in held:
            continue
        elif not (states and HiringTeamMember.INTERVIEWER in held):
            hidden.add(application.pk)
    return hidden


def answers_for(scorecard: Scorecard) -> list[Answer]:
    """The scorecard's questions in order, each with its question and dimension (one query)."""
    return list(
        scorecard.answers.select_related("question__dimension").order_by("sort_order", "pk")
    )


def _final_scorecards():
    return (
        Scorecard.objects.filter(state__in=Scorecard.FINAL_STATES)
        .select_related("interview__interviewer")
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=Answer.objects.select_related("question__dimension").order_by(
                    "sort_order", "pk"
                ),
            ),
            Prefetch("amendments", queryset=_amendments()),
        )
        .order_by("interview__interviewer__last_name", "pk")
    )


def final_scorecards(application: Application, *, exclude_user=None) -> list[Scorecard]:
    """Submitted or amended scorecards of a candidate, with answers and amendments loaded."""
    qs = _final_scorecards().filter(interview__application=application)
    if exclude_user is not None:
        qs = qs.exclude(interview__interviewer=exclude_user)
    return list(qs)


def final_scorecards_by_application(application_ids) -> dict[int, list[Scorecard]]:
    """``final_scorecards`` of many applications at once (three queries), by application id."""
    out: dict[int, list[Scorecard]] = defaultdict(list)
    for card in _final_scorecards().filter(interview__application_id__in=list(application_ids)):
        out[card.interview.application_id].append(card)
    return dict(out)


def _amendments():
    from .models import Amendment

    return Amendment.objects.select_related("amended_by")


@dataclass
class DimensionSpread:
    """Interviewers' ratings on one dimension for one candidate."""

    dimension: object
    by_interviewer: list = field(default_factory=list)  # (interviewer, mean of their ratings)
    target_level: int | None = None

    @property
    def values(self) -> list[float]:
        return [value for _, value in self.by_interviewer]

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.values) if self.values else None

    @property
    def sd(self) -> float | None:
        """Sample standard deviation; None with fewer than two interviewers."""
        return statistics.stdev(self.values) if len(self.values) > 1 else None

    @property
    def low(self) -> float | None:
        return min(self.values) if self.values else None

    @property
    def high(self) -> float | None:
        return max(self.values) if self.values else None

    @property
    def spread(self) -> float | None:
        return self.high - self.low if self.values else None

    @property
    def disagreement(self) -> bool:
        return self.spread is not None and self.spread >= DISAGREEMENT


def dimension_spreads(scorecards: list[Scorecard], requirements=()) -> list[DimensionSpread]:
    """Per dimension: each interviewer's mean rating and the spread across interviewers."""
    sums: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    dims, people = {}, {}
    for card in scorecards:
        person = card.interview.interviewer
        people[person.pk] = person
        for answer in card.answers.all():
            if answer.rating is None:
                continue
            dims[answer.question.dimension_id] = answer.question.dimension
            sums[answer.question.dimension_id][person.pk].append(answer.rating)
    targets = {r.dimension_id: r.target_level for r in requirements}
    order = [r.dimension_id for r in requirements if r.dimension_id in sums]
    order += sorted((d for d in sums if d not in order), key=lambda d: dims[d].name)
    return [
        DimensionSpread(
            dimension=dims[d], target_level=targets.get(d),
            by_interviewer=[(people[p], statistics.fmean(r)) for p, r in sums[d].items()],
        )
        for d in order
    ]


def recommendation_counts(scorecards: list[Scorecard]) -> list[tuple[str, int]]:
    counts = defaultdict(int)
    for card in scorecards:
        counts[card.recommendation] += 1
    return [(label, counts[key]) for key, label in Scorecard.RECOMMENDATIONS if counts[key]]


def interview_status(application: Application) -> list[Interview]:
    """Who interviews the candidate and how far each is (no content: safe for anyone)."""
    return list(
        Interview.objects.filter(application=application)
        .select_related("interviewer", "scorecard")
        .order_by("interviewer__last_name", "pk")
    )
