"""What the references say about a candidate, as plain data for the page and the report.

References are their own instrument: a table per dimension (mean, range, n referees), the
comments, the rehire answers, and a flag where the referees' mean and the interviewers'
mean on the same dimension are ``CONTRADICTION`` points or more apart. They are never mixed
into the producer comparison (producers have no references).

Who may read them follows the one blind-scoring rule (``interviews.selectors``): anyone who
interviews the candidate and has not submitted sees no reference answers either.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import mean

from interviews.evidence import interview_ratings
from interviews.selectors import may_see_scorecards
from selection.models import Application

from ..models import Referee, ReferenceRequest
from .questionnaire import REHIRE

CONTRADICTION = 2.0


@dataclass(frozen=True)
class DimensionRow:
    dimension_id: int
    dimension: str
    mean: float
    low: int
    high: int
    n: int
    interview_mean: float | None
    interview_n: int
    contradicts: bool


@dataclass
class ReferenceEvidence:
    request: ReferenceRequest | None
    referees: list[Referee]
    rows: list[DimensionRow] = field(default_factory=list)
    comments: list[dict] = field(default_factory=list)
    rehire: list[tuple[str, int]] = field(default_factory=list)
    answered: int = 0

    @property
    def contradictions(self) -> list[DimensionRow]:
        return [r for r in self.rows if r.contradicts]


def may_read_references(user, application: Application) -> bool:
    """The blind rule of the scorecards, applied to reference answers."""
    return may_see_scorecards(user, application)


def reference_evidence(application: Application) -> ReferenceEvidence:
    """The candidate's referees and, from the answered ones, the summary. Three queries."""
    request = ReferenceRequest.objects.filter(application=application).first()
    referees = list(request.referees.all()) if request else []
    evidence = ReferenceEvidence(request=request, referees=referees)
    answered = [r for r in referees if r.submitted_at]
    evidence.answered = len(answered)
    if not answered:
        return evidence
    ratings: dict[int, list[int]] = defaultdict(list)
    names: dict[int, str] = {}
    for question in request.questions:
        names[question["dimension_id"]] = question["dimension"]
        for referee in answered:
            answer = referee.answers.get(f"q{question['id']}", {})
            if answer.get("rating"):
                ratings[question["dimension_id"]].append(answer["rating"])
            if answer.get("comment"):
                evidence.comments.append({"referee": referee, "dimension": question["dimension"],
                                          "question": question["text"],
                                          "text": answer["comment"]})
    interview = interview_means(application)
    for dimension_id, values in ratings.items():
        theirs = interview.get(dimension_id)
        iv_mean = mean(theirs) if theirs else None
        referee_mean = mean(values)
        evidence.rows.append(DimensionRow(
            dimension_id=dimension_id, dimension=names[dimension_id], mean=referee_mean,
            low=min(values), high=max(values), n=len(values), interview_mean=iv_mean,
            interview_n=len(theirs or []),
            contradicts=iv_mean is not None and abs(referee_mean - iv_mean) >= CONTRADICTION,
        ))
    evidence.rows.sort(key=lambda r: r.dimension)
    labels = dict(REHIRE)
    counts = defaultdict(int)
    for referee in answered:
        counts[referee.answers.get("rehire", "")] += 1
    evidence.rehire = [(labels[k], counts[k]) for k in labels if counts[k]]
    for referee in answered:
        for name, label in (("rehire_comment", "Would rehire"),
                            ("anything_else", "Anything else")):
            if referee.answers.get(name):
                evidence.comments.append({"referee": referee, "dimension": label,
                                          "question": "", "text": referee.answers[name]})
    return evidence


def interview_means(application: Application) -> dict[int, list[float]]:
    """Per dimension, each interviewer's mean rating of this candidate (submitted cards)."""
    by_dimension: dict[int, list[float]] = defaultdict(list)
    for rating in interview_ratings(application.opening):
        if rating.application_id == application.pk:
            by_dimension[rating.dimension_id].append(rating.rating)
    return by_dimension


def status_counts(referees: list[Referee]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for referee in referees:
        counts[referee.status] += 1
    return dict(counts)
