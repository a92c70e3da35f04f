"""What the calibration session shows per candidate: interview evidence and decisions."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from selection.models import Application, Decision

from .models import Amendment, Answer, Interview, Scorecard
from .selectors import (
    DimensionSpread,
    dimension_spreads,
    recommendation_counts,
    scorecards_hidden_from,
)

SESSION_STAGES = [
    Application.INTERVIEWING, Application.ASSESSMENT, Application.CALIBRATION,
    Application.OFFER, Application.HIRED, Application.REJECTED,
]


@dataclass
class CandidateRow:
    application: Application
    interviews: list = field(default_factory=list)
    scorecards: list = field(default_factory=list)
    spreads: list[DimensionSpread] = field(default_factory=list)
    recommendations: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    blind: bool = False
    form: object = None

    @property
    def submitted(self) -> int:
        return sum(1 for i in self.interviews if i.scorecard.is_final)


def calibration_rows(user, opening) -> list[CandidateRow]:
    """Candidates who reached interviews (calibration stage first), with their evidence.

    A fixed number of queries for the whole opening. A candidate whose scorecards the user
    may not see (``selectors.scorecards_hidden_from``: they interview the candidate and
    have not submitted) is shown blind: status only, no ratings or notes.
    """
    applications = list(
        Application.objects.filter(opening=opening, stage__in=SESSION_STAGES)
        .select_related("candidate", "opening")
    )
    ids = [a.pk for a in applications]
    interviews = defaultdict(list)
    for interview in (
        Interview.objects.filter(application_id__in=ids)
        .select_related("interviewer", "scorecard").order_by("interviewer__last_name", "pk")
    ):
        interviews[interview.application_id].append(interview)
    cards = defaultdict(list)
    for card in (
        Scorecard.objects.filter(
            interview__application_id__in=ids, state__in=Scorecard.FINAL_STATES
        )
        .select_related("interview__interviewer")
        .prefetch_related(
            Prefetch("answers", queryset=Answer.objects.select_related("question__dimension")),
            Prefetch("amendments", queryset=Amendment.objects.select_related("amended_by")),
        )
        .order_by("interview__interviewer__last_name", "pk")
    ):
        cards[card.interview.application_id].append(card)
    decisions = defaultdict(list)
    for decision in (Decision.objects.filter(application_id__in=ids)
                     .select_related("decided_by").prefetch_related("reasons")):
        decisions[decision.application_id].append(decision)
    requirements = opening.requirements
    hidden = scorecards_hidden_from(user, applications)
    rows = []
    for application in applications:
        blind = application.pk in hidden
        shown = [] if blind else cards[application.pk]
        rows.append(CandidateRow(
            application=application, interviews=interviews[application.pk], scorecards=shown,
            spreads=dimension_spreads(shown, requirements),
            recommendations=recommendation_counts(shown),
            decisions=decisions[application.pk], blind=blind,
        ))
    order = [Application.CALIBRATION] + [s for s in SESSION_STAGES if s != Application.CALIBRATION]
    rows.sort(key=lambda r: order.index(r.application.stage))
    return [r for r in rows if r.interviews or r.decisions
            or r.application.stage == Application.CALIBRATION]
