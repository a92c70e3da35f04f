"""Demo interviews: the question bank, kits and plans, and scorecards for ae-nordics."""

import random
import statistics
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from competencies.models import Dimension
from selection.models import Application, Opening

from . import planning, scoring
from .demo_content import QUESTIONS
from .models import Interview, InterviewKit, Question, Scorecard

MANAGERS = {"ae-nordics": "manager@demo.selection", "sdr-london": "manager2@demo.selection"}
# How each demo interviewer tends to rate: a lenient, a neutral and a strict one.
LENIENCY = {
    "interviewer@demo.selection": 0.0,
    "interviewer2@demo.selection": 0.45,
    "interviewer3@demo.selection": -0.35,
}
BLIND_DEMO = "interviewer@demo.selection"

SITUATIONS = [
    "Renewal at a mid-sized logistics firm, at risk after a price increase; six weeks left.",
    "New-logo deal with a regional bank; a buying group of five and a six-month cycle.",
    "Inbound lead from a manufacturer who had already stalled with a competitor.",
    "Inherited a territory half-way through the quarter with a stale pipeline.",
    "Software scale-up entering the Nordics; the champion was their head of operations.",
    "Hospital group buying through procurement with a fixed tender deadline.",
]
ACTIONS = {
    "low": [
        "Stayed general ('I always build rapport'); no concrete steps of their own, even after "
        "two probes.",
        "Most of the work described was the manager's or the team's; own part unclear.",
    ],
    "mid": [
        "Sensible steps, but switched between 'we' and 'I'; needed probing to separate their "
        "own contribution.",
        "Followed the usual playbook with a little adaptation to this buyer.",
    ],
    "high": [
        "Walked through the steps in order, quoted the questions they asked and explained why "
        "each one came next.",
        "Built a written plan with the buyer, checked assumptions with finance, adjusted when "
        "the timeline moved.",
    ],
}
RESULTS = {
    "low": ["Deal lost; could not say why.", "Outcome vague; moved on when asked for numbers."],
    "mid": ["Closed, smaller than hoped; partly put down to timing.",
            "Positive outcome, no figures offered."],
    "high": ["Closed at about 120% of the first scope; gave the figures unprompted.",
             "Signed two weeks ahead of the joint plan; the customer became a reference."],
}
LEARNED = {
    "low": ["Nothing they would do differently.", "Put the miss down to the customer."],
    "mid": ["Would 'prepare more'; not specific.", "Some reflection, one concrete change."],
    "high": ["Now runs the same check in every deal; gave a recent example.",
             "Changed their discovery template and shared it with the team."],
}
RATIONALES = {
    "strong_no": "Examples stayed thin on the requirements that matter most; would not advance.",
    "no": "Some good moments, but below the bar on the heavily weighted requirements.",
    "yes": "Solid, specific examples on most requirements; a couple of areas to probe further.",
    "strong_yes": "Consistently concrete, owned results and showed learning; clear hire signal.",
}


def _seed_questions() -> int:
    dims = {d.slug: d for d in Dimension.objects.all()}
    existing = set(Question.objects.values_list("text", flat=True))
    created = 0
    for data in QUESTIONS:
        if data["question"] in existing or data["dimension"] not in dims:
            continue
        question = Question(
            dimension=dims[data["dimension"]], text=data["question"],
            probe_situation=data["probe_situation"], probe_action=data["probe_action"],
            probe_result=data["probe_result"], probe_learned=data["probe_learned"],
            best_case=data["best_case"], red_flags=data["red_flags"], live=False,
        )
        question.save()
        question.save_revision().publish()
        created += 1
    return created


def _band(rating: int) -> str:
    return "low" if rating <= 2 else "mid" if rating == 3 else "high"


def _recommendation(ratings: list[int]) -> str:
    mean = statistics.fmean(ratings)
    if mean < 2.3:
        return Scorecard.STRONG_NO
    if mean < 3.0:
        return Scorecard.NO
    return Scorecard.YES if mean < 3.8 else Scorecard.STRONG_YES


def _fill(card: Scorecard, user, *, submit: bool, partial: bool = False) -> bool:
    """Types plausible notes and ratings into a scorecard; submits it when asked."""
    application = card.interview.application
    rng = random.Random(f"{application.candidate.email}/{user.email}")
    ability = random.Random(application.candidate.email).uniform(2.4, 4.3)
    data, ratings = {}, []
    answers = list(card.answers.select_related("question").order_by("sort_order"))
    for n, answer in enumerate(answers):
        if partial and n >= 2:
            break
        rating = round(ability + LENIENCY.get(user.email, 0) + rng.gauss(0, 0.7))
        rating = min(5, max(1, rating))
        band, prefix = _band(rating), f"q{answer.question_id}"
        data[f"{prefix}-situation"] = rng.choice(SITUATIONS)
        data[f"{prefix}-action"] = rng.choice(ACTIONS[band])
        data[f"{prefix}-result"] = rng.choice(RESULTS[band])
        data[f"{prefix}-learned"] = rng.choice(LEARNED[band])
        if not partial or n == 0:
            data[f"{prefix}-rating"] = rating
            ratings.append(rating)
    if not partial:
        recommendation = _recommendation(ratings)
        data["recommendation"] = recommendation
        data["rationale"] = RATIONALES[recommendation]
    scoring.save_draft(scorecard=card, by=user, base_version=card.version, data=data)
    if submit:
        scoring.submit_scorecard(scorecard=card, by=user, base_version=card.version)
    return submit


def _seed_interviews(opening: Opening, manager) -> tuple[int, int]:
    interviews = submitted = 0
    applications = opening.applications.filter(
        stage__in=[Application.CALIBRATION, Application.INTERVIEWING]
    ).select_related("candidate").order_by("candidate__last_name", "candidate__first_name")
    interviewing = [a.pk for a in applications if a.stage == Application.INTERVIEWING]
    for application in applications:
        interviews += planning.schedule_interviews(application=application, by=manager)
        cards = Scorecard.objects.filter(interview__application=application).select_related(
            "interview__interviewer", "interview__application__candidate"
        )
        for card in cards:
            user = card.interview.interviewer
            if card.version:
                continue
            if application.pk in interviewing and user.email == BLIND_DEMO:
                # The first such candidate has a started draft, the others are not started.
                if application.pk == interviewing[0]:
                    _fill(card, user, submit=False, partial=True)
                continue
            submitted += _fill(card, user, submit=True)
    return interviews, submitted


DEMO_ZONE = "Europe/Stockholm"
DEMO_ROOM = "Stureplan 4, Stockholm: room Kebnekaise"


def _at(days: int, hour: int) -> datetime:
    """``hour`` o'clock Stockholm time, ``days`` from today."""
    zone = ZoneInfo(DEMO_ZONE)
    day = timezone.now().astimezone(zone).date() + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=zone)


def _seed_times(opening: Opening) -> None:
    """Gives the demo's interviews a time and place (no emails: it is the past, mostly).

    Submitted scorecards belong to interviews of the last weeks; the blind-scoring demo
    interviewer has one interview two days ago (scorecard due), one tomorrow at 10:00 and
    one the day after, and the rest not scheduled yet.
    """
    rows = list(
        Interview.objects.filter(application__opening=opening, starts_at__isnull=True)
        .select_related("interviewer", "scorecard").order_by("application__pk", "pk")
    )
    pending = [i for i in rows if not i.scorecard.is_final]
    plan = {i.pk: _at(d, h) for i, (d, h) in zip(pending, [(-2, 9), (1, 10), (2, 14)],
                                                   strict=False)}
    for n, interview in enumerate(rows):
        start = plan.get(interview.pk)
        if start is None and interview.scorecard.is_final:
            start = _at(-(21 - n % 18), 9 + n % 7)
        if start is None:
            continue
        interview.starts_at, interview.time_zone = start, DEMO_ZONE
        interview.status, interview.duration_minutes = Interview.SCHEDULED, 60
        interview.location = DEMO_ROOM if n % 2 else ""
        interview.video_link = "" if n % 2 else "https://meet.example.com/selection-demo"
        interview.save()


def seed(stdout=None) -> dict[str, int]:
    """Creates what is missing of the interviews demo; returns what was newly created."""
    created = {"SAR questions": _seed_questions(), "interview kits": 0, "interviews": 0,
               "scorecards submitted": 0}
    User = get_user_model()
    users = {u.email: u for u in User.objects.filter(email__endswith="@demo.selection")}
    for slug, manager_email in MANAGERS.items():
        opening = Opening.objects.filter(slug=slug).first()
        manager = users.get(manager_email)
        if opening is None or manager is None:
            continue
        if not InterviewKit.objects.filter(opening=opening).exists():
            kit = planning.build_kit(opening=opening, by=manager)
            created["interview kits"] += 1
            try:
                planning.apply_auto_split(kit=kit, by=manager)
            except ValidationError as exc:
                if stdout:
                    stdout.write(f"Interview plan for {slug} left open: {exc.messages[0]}")
                continue
        if slug == "ae-nordics" and not planning.uncovered(
            planning.plan_coverage(InterviewKit.objects.get(opening=opening))
        ):
            new, done = _seed_interviews(opening, manager)
            _seed_times(opening)
            created["interviews"] += new
            created["scorecards submitted"] += done
    return created
