"""Every candidate's evidence levels on the 1-5 scale and band, loaded in a fixed number of
queries for a whole opening (the hiring report loads them one candidate at a time).

The levels and the band follow the hiring report's rules exactly: assessment levels by
``reports.hiring_report.evidence.instrument_levels`` and the band by
``reports.hiring_report.headline.headline``; only the loading is done in bulk.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from statistics import fmean

from reports.hiring_report.evidence import instrument_levels
from reports.hiring_report.headline import Headline, Requirement, headline

RECOMMENDATION_SCORES = {"strong_no": 1, "no": 2, "yes": 3, "strong_yes": 4}
BAND_SCORES = {"poor_fit": 1, "mixed": 2, "fit": 3, "strong_fit": 4}


@dataclass(frozen=True)
class CandidateLevels:
    """One application's levels per dimension id, its band and interview summary."""

    application_id: int
    candidate_id: int
    head: Headline
    interview: dict[int, float]
    assessment: dict[int, float]
    scorecards: int
    recommendation: float | None  # mean of strong no = 1 ... strong yes = 4


def assessment_levels(candidate_ids: list[int]) -> dict[int, dict]:
    """Per candidate id: ``instrument_levels`` of their tests, roleplays and psychometrics."""
    from django.conf import settings

    from assessments.models import PsychometricScore, RoleplayRating, SJTAttempt
    from assessments.sjt import is_complete

    sjt, roleplays, psychometrics = defaultdict(list), defaultdict(list), defaultdict(list)
    threshold = settings.SELECTION_SJT_MIN_COMPLETE
    for attempt in SJTAttempt.objects.filter(
        invitation__candidate_id__in=candidate_ids, completed_at__isnull=False,
    ).select_related("invitation__test"):
        sjt[attempt.invitation.candidate_id].append({
            "method": attempt.invitation.test.scoring_method,
            "complete": is_complete(attempt.items_answered, attempt.items_total, threshold),
            "dimensions": [{"dimension_id": int(d), "score": v}
                           for d, v in (attempt.dimension_scores or {}).items()
                           if v is not None],
        })
    ratings = defaultdict(list)
    for cid, dim, rating in RoleplayRating.objects.filter(
        scorecard__candidate_id__in=candidate_ids, scorecard__status="submitted",
        rating__isnull=False,
    ).values_list("scorecard__candidate_id", "dimension_id", "rating"):
        ratings[cid].append({"dimension_id": dim, "rating": rating})
    for cid, rows in ratings.items():
        roleplays[cid].append({"ratings": rows})
    for cid, dim, z in PsychometricScore.objects.filter(
        candidate_id__in=candidate_ids,
    ).values_list("candidate_id", "scale__dimension_id", "z_score"):
        psychometrics[cid].append({"dimension_id": dim, "z": z})
    return {cid: instrument_levels(sjt[cid], roleplays[cid], psychometrics[cid])
            for cid in candidate_ids}


def scorecard_summary(application_ids: list[int]) -> dict[int, tuple[int, float | None]]:
    """Per application: submitted scorecards and the mean recommendation (1-4) or None."""
    from interviews.models import Scorecard

    cards: dict[int, list] = defaultdict(list)
    for app_id, rec in Scorecard.objects.filter(
        interview__application_id__in=application_ids, state__in=Scorecard.FINAL_STATES,
    ).values_list("interview__application_id", "recommendation"):
        cards[app_id].append(RECOMMENDATION_SCORES.get(rec))
    out = {}
    for app_id in application_ids:
        scores = [s for s in cards.get(app_id, []) if s is not None]
        out[app_id] = (len(cards.get(app_id, [])), fmean(scores) if scores else None)
    return out


def opening_levels(evidence, weight: float) -> list[CandidateLevels]:
    """Levels, band and recommendation of every application in ``evidence`` (OpeningEvidence)."""
    apps = evidence.applications
    levels = assessment_levels([a.candidate_id for a in apps])
    cards = scorecard_summary([a.application_id for a in apps])
    out = []
    for app in apps:
        interview = evidence.ratings.candidate_means.get(app.application_id, {})
        found = levels.get(app.candidate_id, {"behavioural": {}, "psychometric": {}})
        assessment = {}
        for d in evidence.dimensions:
            parts = list(found["behavioural"].get(d.id, []))
            if found["psychometric"].get(d.id) is not None:
                parts.append(found["psychometric"][d.id])
            if parts:
                assessment[d.id] = fmean(parts)
        requirements = [
            Requirement(name=d.name, weight=d.weight, target=float(d.target),
                        trainable=d.trainable, interview=_finite(interview.get(d.id)),
                        assessment=assessment.get(d.id), knock_out=d.knock_out)
            for d in evidence.dimensions
        ]
        count, recommendation = cards[app.application_id]
        head = headline(requirements, submitted_scorecards=count, assessment_weight=weight)
        out.append(CandidateLevels(app.application_id, app.candidate_id, head,
                                   {k: v for k, v in interview.items() if _finite(v) is not None},
                                   assessment, count, recommendation))
    return out


def _finite(value) -> float | None:
    if value is None:
        return None
    value = float(value)
    return value if value == value and abs(value) != float("inf") else None
