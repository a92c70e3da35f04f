"""One candidate's own evidence for the hiring report, read from the interviews and
assessments apps: submitted scorecards with SAR note excerpts, judgment tests,
roleplays, psychometric scales, and probe questions from the question bank.

Everything here is plain data (dicts of strings and numbers), so the PDF and the
browser page render the same thing. Only submitted (or amended) interview scorecards
and submitted roleplay scorecards appear: drafts are never shown.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import fmean

from reports.pdf.markup import excerpt

NOTE_LIMIT = 600
SAR_LABELS = {"situation": "S", "action": "A", "result": "R", "learned": "L"}


def load_evidence(applications, *, withheld_exercises=None) -> dict[int, dict]:
    """The raw evidence of many applications at once, by application id.

    A bounded number of queries whatever the number of candidates (a packet of 200 costs
    what one report costs): ``{"cards", "attempts", "roleplays", "psychometrics"}`` per
    application, for the functions below. ``withheld_exercises(candidate_id)``: roleplay
    exercise slugs the reader may not see for that candidate.
    """
    from assessments.models import (
        PsychometricScore,
        ReferenceRequest,
        RoleplayScorecard,
        SJTAttempt,
    )
    from interviews.selectors import final_scorecards_by_application

    applications = list(applications)
    by_candidate: dict[int, dict] = defaultdict(lambda: defaultdict(list))
    candidate_ids = [a.candidate_id for a in applications]
    for attempt in (SJTAttempt.objects.filter(invitation__candidate_id__in=candidate_ids,
                                              completed_at__isnull=False)
                    .select_related("invitation__test").order_by("completed_at", "pk")):
        by_candidate[attempt.invitation.candidate_id]["attempts"].append(attempt)
    for card in (RoleplayScorecard.objects.filter(candidate_id__in=candidate_ids,
                                                  status=RoleplayScorecard.SUBMITTED)
                 .select_related("exercise", "assessor").prefetch_related("ratings__dimension")
                 .order_by("exercise__title", "pk")):
        hidden = withheld_exercises(card.candidate_id) if withheld_exercises else ()
        if card.exercise.slug not in hidden:
            by_candidate[card.candidate_id]["roleplays"].append(card)
    for score in (PsychometricScore.objects.filter(candidate_id__in=candidate_ids)
                  .select_related("scale__dimension")
                  .order_by("scale__instrument", "scale__scale", "pk")):
        by_candidate[score.candidate_id]["psychometrics"].append(score)
    cards = final_scorecards_by_application(a.pk for a in applications)
    requested = set(ReferenceRequest.objects.filter(application__in=applications)
                    .values_list("application_id", flat=True))
    return {
        a.pk: {"cards": cards.get(a.pk, []),
               "references_requested": a.pk in requested,
               "attempts": by_candidate[a.candidate_id]["attempts"],
               "roleplays": by_candidate[a.candidate_id]["roleplays"],
               "psychometrics": by_candidate[a.candidate_id]["psychometrics"]}
        for a in applications
    }


def interview_evidence(application, cards: list) -> dict:
    """Each interviewer's submitted ratings with SAR excerpts, and this candidate's spreads.

    ``cards``: the application's final scorecards (``load_evidence``).
    """
    from interviews.models import Scorecard
    from interviews.selectors import dimension_spreads
    out = []
    for card in cards:
        person = card.interview.interviewer
        answers = []
        for answer in card.answers.all():
            notes = [(SAR_LABELS[f], excerpt(getattr(answer, f), NOTE_LIMIT))
                     for f in answer.NOTE_FIELDS if getattr(answer, f).strip()]
            answers.append({
                "question": excerpt(answer.question.text, 160),
                "dimension": answer.question.dimension.name,
                "dimension_id": answer.question.dimension_id,
                "rating": answer.rating,
                "notes": notes,
            })
        out.append({
            "interviewer": person.get_full_name() or person.email,
            "state": card.get_state_display(),
            "amended": card.state == Scorecard.AMENDED,
            "submitted_at": card.submitted_at,
            "recommendation": card.get_recommendation_display() if card.recommendation else "",
            "rationale": excerpt(card.rationale, NOTE_LIMIT),
            "answers": answers,
        })
    spreads = [
        {
            "dimension": s.dimension.name,
            "ratings": [(p.get_full_name() or p.email, v) for p, v in s.by_interviewer],
            "mean": s.mean, "spread": s.spread, "disagreement": s.disagreement,
            "target": s.target_level,
        }
        for s in dimension_spreads(cards, application.opening.requirements)
    ]
    return {"scorecards": out, "spreads": spreads}


def recommendation_summary(interviews: dict) -> str:
    """The interviewers' recommendations in a few words, strongest yes first: "2 yes · 1 no".

    Counts the submitted scorecards in ``interviews`` (``interview_evidence``, so only
    those this reader may see): "withheld" while blind scoring hides them, "no scorecard"
    before any is submitted, "N not given" for scorecards submitted without one.
    """
    from interviews.models import Scorecard

    if interviews.get("withheld"):
        return "withheld"
    cards = interviews["scorecards"]
    if not cards:
        return "no scorecard"
    counts = defaultdict(int)
    for card in cards:
        counts[card["recommendation"]] += 1
    parts = [f"{counts[label]} {label.lower()}"
             for _, label in reversed(Scorecard.RECOMMENDATIONS) if counts[label]]
    if counts[""]:
        parts.append(f"{counts['']} not given")
    return " · ".join(parts)


def withheld_interviews(reason: str) -> dict:
    """The interview section of a reader who may not see this candidate's scorecards yet."""
    return {"scorecards": [], "spreads": [], "withheld": reason}


def interview_summaries(application_ids: list[int]) -> dict[int, dict]:
    """Per application: how many interview scorecards are submitted and the interviewers'
    recommendations as ``[(label, count)]`` in the order ``interview_evidence`` lists the
    cards (one query for any number of applications)."""
    from interviews.models import Scorecard

    labels = dict(Scorecard.RECOMMENDATIONS)
    out = {pk: {"n_scorecards": 0, "recommendations": {}} for pk in application_ids}
    rows = (Scorecard.objects.filter(interview__application_id__in=application_ids,
                                     state__in=Scorecard.FINAL_STATES)
            .order_by("interview__interviewer__last_name", "pk")
            .values_list("interview__application_id", "recommendation"))
    for app_id, recommendation in rows:
        out[app_id]["n_scorecards"] += 1
        if recommendation:
            counts = out[app_id]["recommendations"]
            counts[labels[recommendation]] = counts.get(labels[recommendation], 0) + 1
    return {pk: {"n_scorecards": v["n_scorecards"],
                 "recommendations": list(v["recommendations"].items())}
            for pk, v in out.items()}


def recommendation_counts(scorecards: list[dict]) -> list[tuple[str, int]]:
    """``[(label, count)]`` of the recommendations on ``interview_evidence`` cards."""
    counts: dict[str, int] = {}
    for card in scorecards:
        if card["recommendation"]:
            counts[card["recommendation"]] = counts.get(card["recommendation"], 0) + 1
    return list(counts.items())


def sjt_results(attempts: list, names: dict[int, str], *, with_producers: bool = True,
                producer_totals: dict[int, list[float]] | None = None) -> list[dict]:
    """Completed judgment-test attempts: total and per-dimension scores on the test's scale,
    how many items were answered, whether that is enough to count (``complete``), and
    where the total falls among the producers who took the same test
    (``producer_percentile`` of ``producer_n``; complete attempts only).

    ``attempts``: the candidate's completed attempts (``load_evidence``);
    ``producer_totals``: ``producer_sjt_totals()``, when a packet read them once for all.
    """
    from django.conf import settings

    threshold = settings.SELECTION_SJT_MIN_COMPLETE
    out = [_sjt_row(attempt, names, threshold) for attempt in attempts]
    if with_producers and out:
        _add_producer_percentiles({0: out}, producer_totals)
    return out


def sjt_results_by_candidate(candidate_ids: list[int], names: dict[int, str],
                             *, with_producers: bool = True) -> dict[int, list[dict]]:
    """``sjt_results`` for many candidates in a fixed number of queries, by candidate id."""
    from django.conf import settings

    from assessments.models import SJTAttempt

    threshold = settings.SELECTION_SJT_MIN_COMPLETE
    attempts = (
        SJTAttempt.objects.filter(invitation__candidate_id__in=candidate_ids,
                                  completed_at__isnull=False)
        .select_related("invitation__test").order_by("completed_at", "pk")
    )
    out: dict[int, list[dict]] = defaultdict(list)
    for attempt in attempts:
        out[attempt.invitation.candidate_id].append(_sjt_row(attempt, names, threshold))
    if with_producers and out:
        _add_producer_percentiles(out)
    return dict(out)


def _sjt_row(attempt, names: dict[int, str], threshold: float) -> dict:
    from assessments.models import JudgmentTest
    from assessments.sjt import answered_note, is_complete

    test = attempt.invitation.test
    scores = attempt.dimension_scores or {}
    complete = is_complete(attempt.items_answered, attempt.items_total, threshold)
    return {
        "test": test.title,
        "test_id": test.pk,
        "method": test.scoring_method,
        "scale": "0 to 1" if test.scoring_method == JudgmentTest.RATE_EACH else "−2 to +2",
        "completed_at": attempt.completed_at,
        "completion": attempt.get_completion_display(),
        "total": attempt.total_score,
        "answered": attempt.items_answered, "items": attempt.items_total,
        "complete": complete,
        "answered_note": answered_note(attempt.items_answered, attempt.items_total,
                                       complete, threshold),
        "dimensions": [
            {"dimension_id": int(d), "name": names.get(int(d), f"Dimension {d}"),
             "score": v}
            for d, v in scores.items() if v is not None
        ],
    }


def producer_sjt_totals(test_ids=None) -> dict[int, list[float]]:
    """The producers' complete judgment-test totals, by test id (``test_ids``: only these
    tests; None: every test), hires with a tier counted with their candidate attempt where
    they have none as a producer (``assessments.evidence.producer_sjt_totals``). Two
    queries."""
    from assessments.evidence import producer_sjt_totals as totals

    return totals(test_ids)


def _add_producer_percentiles(results: dict[int, list[dict]],
                              totals: dict[int, list[float]] | None = None) -> None:
    """Where each total falls among the producers' complete attempts at the same test:
    ``scipy.stats.percentileofscore(kind="mean")``, the calibration's percentile.
    ``totals``: ``producer_sjt_totals()`` when a caller already has them."""
    from scipy.stats import percentileofscore

    from reports.calibration.wording import sjt_total_words

    if totals is None:
        totals = producer_sjt_totals({a["test_id"] for rows in results.values() for a in rows})
    for attempts in results.values():
        for a in attempts:
            cohort = totals.get(a["test_id"], [])
            a["producer_n"] = len(cohort)
            a["producer_percentile"] = (
                float(percentileofscore(cohort, a["total"], kind="mean"))
                if cohort and a["total"] is not None else None)
            a["total_words"] = sjt_total_words(a["total"], a["scale"], a["producer_percentile"],
                                               a["producer_n"])


def roleplay_results(cards: list) -> list[dict]:
    """Submitted roleplay scorecards: assessor, ratings per dimension, notes excerpt.

    ``cards``: the candidate's submitted scorecards the reader may see (``load_evidence``).
    """
    return [_roleplay_row(card) for card in cards]


def roleplay_results_by_candidate(candidate_ids: list[int], *,
                                  hidden=frozenset()) -> dict[int, list[dict]]:
    """``roleplay_results`` for many candidates in a fixed number of queries.

    ``hidden``: (candidate id, exercise slug) pairs the reader may not see yet.
    """
    from assessments.models import RoleplayScorecard

    cards = (
        RoleplayScorecard.objects.filter(candidate_id__in=candidate_ids,
                                         status=RoleplayScorecard.SUBMITTED)
        .select_related("exercise", "assessor").prefetch_related("ratings__dimension")
        .order_by("exercise__title", "pk")
    )
    out: dict[int, list[dict]] = defaultdict(list)
    for card in cards:
        if (card.candidate_id, card.exercise.slug) not in hidden:
            out[card.candidate_id].append(_roleplay_row(card))
    return dict(out)


def _roleplay_row(card) -> dict:
    return {
        "exercise": card.exercise.title,
        "assessor": card.assessor.get_full_name() or card.assessor.email,
        "notes": excerpt(card.notes, NOTE_LIMIT),
        "ratings": [
            {"dimension_id": r.dimension_id, "name": r.dimension.name, "rating": r.rating,
             "notes": excerpt(r.notes, 240)}
            for r in card.ratings.all() if r.rating is not None
        ],
    }


def psychometric_results(scores: list) -> list[dict]:
    """Imported psychometric scales: as given and as a z-score against the vendor norm.

    ``scores``: the candidate's scores (``load_evidence``).
    """
    return [_psychometric_row(s) for s in scores]


def psychometric_results_by_candidate(candidate_ids: list[int]) -> dict[int, list[dict]]:
    """``psychometric_results`` for many candidates in one query, by candidate id."""
    from assessments.models import PsychometricScore

    scores = (
        PsychometricScore.objects.filter(candidate_id__in=candidate_ids)
        .select_related("scale__dimension").order_by("scale__instrument", "scale__scale", "pk")
    )
    out: dict[int, list[dict]] = defaultdict(list)
    for s in scores:
        out[s.candidate_id].append(_psychometric_row(s))
    return dict(out)


def _psychometric_row(s) -> dict:
    return {"instrument": s.scale.instrument, "scale": s.scale.scale,
            "dimension_id": s.scale.dimension_id, "dimension": s.scale.dimension.name,
            "score_type": s.get_score_type_display(), "score": s.score, "z": s.z_score}


# How each instrument's result becomes a level on the band's 1-5 scale: the report's
# appendix (page and PDF) prints these lines; ``instrument_levels`` applies them.
LEVEL_RULE = [
    "Interview: the mean of the submitted interview ratings, already on 1-5.",
    "Roleplay: the mean of the assessors' ratings, already on 1-5.",
    "Judgment test scored rate-each (0 to 1, 1 matching the experts' key): 1 + 4 × score, "
    "so 0.5 reads 3.",
    "Judgment test scored most/least (-2 to +2 per scenario): 3 + score.",
    "Psychometric scale (a z-score against the vendor's norm): 3 + z, so one standard "
    "deviation above the norm reads 4.",
    "Each mapping rises with the score and is clipped to 1-5. A requirement's assessment "
    "level is the mean of its instrument levels; a judgment test answered below the "
    "completeness threshold is left out.",
]


def sjt_level(score: float, method: str) -> float:
    """A judgment-test score on the 1-5 scale (``LEVEL_RULE``): rate-each scores run from 0
    to 1, most/least scores from -2 to +2."""
    return _clip(1 + 4 * float(score) if method == "rate_each" else 3 + float(score))


def psychometric_level(z: float) -> float:
    """A psychometric z-score on the 1-5 scale (``LEVEL_RULE``)."""
    return _clip(3 + float(z))


def instrument_levels(sjt: list[dict], roleplays: list[dict], psychometrics: list[dict]) -> dict:
    """Per dimension id: the behavioural and psychometric levels on the 1-5 scale.

    Roleplay ratings are already 1-5 (mean over assessors). A judgment-test score becomes
    1 + 4 x score (rate-each, 0 to 1) or 3 + score (most/least, -2 to +2). A psychometric
    z-score becomes 3 + z, so one standard deviation above the vendor's norm reads as 4.
    Everything is clipped to 1-5 (``LEVEL_RULE``, ``sjt_level``, ``psychometric_level``).
    A judgment test answered below the completeness threshold (``complete`` false) is left
    out.
    """
    behavioural: dict[int, list[float]] = defaultdict(list)
    psychometric: dict[int, list[float]] = defaultdict(list)
    roleplay: dict[int, list[float]] = defaultdict(list)
    for card in roleplays:
        for r in card["ratings"]:
            roleplay[r["dimension_id"]].append(float(r["rating"]))
    for dim, values in roleplay.items():
        behavioural[dim].append(fmean(values))
    for attempt in sjt:
        if not attempt.get("complete", True):
            continue
        for d in attempt["dimensions"]:
            behavioural[d["dimension_id"]].append(sjt_level(d["score"], attempt["method"]))
    for s in psychometrics:
        psychometric[s["dimension_id"]].append(psychometric_level(s["z"]))
    return {
        "behavioural": {d: v for d, v in behavioural.items()},
        "psychometric": {d: fmean(v) for d, v in psychometric.items()},
    }


def _clip(level: float) -> float:
    return min(5.0, max(1.0, level))


def probe_questions(dimension_ids: list[int], *, per_dimension: int = 2) -> dict[int, list[dict]]:
    """Published questions from the SAR question bank for these dimensions, with probes."""
    from interviews.models import Question

    found: dict[int, list[dict]] = defaultdict(list)
    questions = Question.objects.filter(dimension_id__in=dimension_ids, live=True).order_by("pk")
    for q in questions:
        if len(found[q.dimension_id]) >= per_dimension:
            continue
        found[q.dimension_id].append({
            "text": q.text,
            "probes": [(label, text) for label, text in q.probes if text.strip()],
            "red_flags": excerpt(q.red_flags, 240),
        })
    return dict(found)
