"""Demo evidence: the SJT and roleplay from demo_content, scale mappings, imported files,
scored attempts and roleplay scorecards for producers and some candidates.

Answers and ratings are generated deterministically and lean with the producer's tier
on some dimensions (with noise), so that calibration has something to find.
"""

import random
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from competencies.models import Dimension, RoleProfilePage
from selection.models import Application, Opening, Producer

from . import delivery, sjt
from .demo_content import ROLEPLAY, SJT
from .imports import import_performance, import_psychometrics
from .models import (
    JudgmentTest,
    PsychometricScale,
    ResponseOption,
    RoleplayBehaviour,
    RoleplayExercise,
    RoleplayRating,
    RoleplayScorecard,
    Scenario,
    SJTAttempt,
    SJTInvitation,
)
from .references import demo as reference_demo

DEMO_DIR = Path(__file__).resolve().parent / "demo_files"
INSTRUMENT = "Sales Potential Inventory"
# scale name, trait slug, mean shift in SD units for (top, middle, bottom) producers
SCALES = [
    ("Drive", "drive", (0.7, 0.0, -0.5)),
    ("Resilience", "resilience", (0.6, 0.1, -0.5)),
    ("Curiosity", "curiosity", (0.4, 0.0, -0.2)),
    ("Patience", "patience", (0.1, 0.0, -0.1)),
    ("Competitiveness", "competitiveness", (0.2, 0.1, 0.0)),
]
TIER_INDEX = {Producer.TOP: 0, Producer.MIDDLE: 1, Producer.BOTTOM: 2}
# Scenarios (by position) whose answers lean with tier; rating noise SD per tier there.
SJT_DISCRIMINATING = {0, 1, 4, 8, 11}
SJT_NOISE = (0.5, 1.0, 1.6)
CANDIDATE_STAGES = [Application.CALIBRATION, Application.INTERVIEWING, Application.ASSESSMENT]


def seed(stdout) -> dict[str, int]:
    created = {"psychometric scales": ensure_scales()}
    test, created["judgment tests"] = ensure_test()
    exercise, created["roleplay exercises"] = ensure_exercise()
    created["performance records"] = import_performance(
        (DEMO_DIR / "performance.csv").read_bytes()).created
    created["psychometric scores"] = import_psychometrics(
        (DEMO_DIR / "psychometrics.csv").read_bytes()).created
    created["SJT attempts"] = ensure_attempts(test)
    created["roleplay scorecards"] = ensure_roleplays(exercise)
    created.update(reference_demo.seed(stdout))
    invitation = ensure_open_invitation(test)
    if invitation is not None:
        stdout.write(f"Open SJT link for {invitation.candidate} (valid until "
                     f"{timezone.localtime(invitation.expires_at):%d %b %Y}): "
                     f"{delivery.link_url(invitation)}")
    return created


def ensure_scales() -> int:
    dims = {d.slug: d for d in Dimension.objects.filter(slug__in=[s[1] for s in SCALES])}
    created = 0
    for scale, slug, _ in SCALES:
        _, new = PsychometricScale.objects.get_or_create(
            instrument=INSTRUMENT, scale=scale, defaults={"dimension": dims[slug]}
        )
        created += new
    return created


def ensure_test() -> tuple[JudgmentTest, int]:
    test = JudgmentTest.objects.filter(slug=SJT["slug"]).first()
    if test is not None:
        return test, 0
    dims = {d.slug: d for d in Dimension.objects.all()}
    test = JudgmentTest(
        title=SJT["title"], slug=SJT["slug"], instructions=SJT["instructions"],
        time_limit_minutes=SJT["time_limit_minutes"], scoring_method=SJT["scoring_method"],
        role_profile=RoleProfilePage.objects.filter(slug="account-executive").first(), live=False,
    )
    test.scenarios = [
        Scenario(
            title=s["title"], situation=s["situation"], question=s["question"], sort_order=n,
            dimensions=[dims[slug] for slug in s["dimensions"]],
            options=[ResponseOption(text=o["text"], key=o["key"], sort_order=m)
                     for m, o in enumerate(s["options"])],
        )
        for n, s in enumerate(SJT["scenarios"])
    ]
    test.save()
    test.save_revision().publish()
    return JudgmentTest.objects.get(pk=test.pk), 1


def ensure_exercise() -> tuple[RoleplayExercise, int]:
    exercise = RoleplayExercise.objects.filter(slug=ROLEPLAY["slug"]).first()
    if exercise is not None:
        return exercise, 0
    dims = {d.slug: d for d in Dimension.objects.all()}
    exercise = RoleplayExercise(
        title=ROLEPLAY["title"], slug=ROLEPLAY["slug"], candidate_brief=ROLEPLAY["candidate_brief"],
        buyer_brief=ROLEPLAY["buyer_brief"], duration_minutes=ROLEPLAY["duration_minutes"],
        live=False,
    )
    exercise.behaviours = [
        RoleplayBehaviour(dimension=dims[b["dimension"]], observable=b["observable"], sort_order=n)
        for n, b in enumerate(ROLEPLAY["behaviours"])
    ]
    exercise.save()
    exercise.save_revision().publish()
    return RoleplayExercise.objects.get(pk=exercise.pk), 1


def _answers(test: sjt.TestSnapshot, rng: random.Random, tier_index: int) -> dict:
    answers = {}
    judgement = 2 ** rng.gauss(0, 0.4)  # a person-level factor: some people judge better
    for n, scenario in enumerate(test.scenarios):
        noise = judgement * (SJT_NOISE[tier_index] if n in SJT_DISCRIMINATING else SJT_NOISE[1])
        answers[str(scenario.id)] = {
            str(o.id): min(5, max(1, round(o.key + rng.gauss(0, noise)))) for o in scenario.options
        }
    return answers


def _completed_attempt(invitation, test, answers, when) -> SJTAttempt:
    score = sjt.score_attempt(method=test.scoring_method, scenarios=test.scenarios,
                              answers=answers)
    return SJTAttempt(
        invitation=invitation, started_at=when, time_limit_minutes=test.time_limit_minutes,
        answers=answers, saved_at=when + timedelta(minutes=18),
        completed_at=when + timedelta(minutes=19), completion=SJTAttempt.SUBMITTED,
        scenario_scores={str(k): v for k, v in score.scenario_scores.items()},
        dimension_scores={str(k): v for k, v in score.dimension_scores.items()},
        total_score=score.total, items_answered=score.answered, items_total=score.items,
    )


def _demo_candidates() -> list[Application]:
    return list(
        Application.objects.filter(opening__slug="ae-nordics", stage__in=CANDIDATE_STAGES)
        .select_related("candidate").order_by("candidate__email")
    )


def ensure_attempts(test: JudgmentTest) -> int:
    """Completed attempts for every producer and the ae-nordics candidates in later stages."""
    snapshot = sjt.snapshot(test.live_revision)
    done_producers = set(SJTInvitation.objects.filter(test=test).values_list("producer_id",
                                                                             flat=True))
    done_candidates = set(SJTInvitation.objects.filter(test=test).values_list("candidate_id",
                                                                              flat=True))
    base = timezone.now() - timedelta(days=30)
    # Incumbents only: a hire's evidence is their candidate evidence (Producer.hire).
    incumbents = Producer.objects.filter(hire__isnull=True).order_by("email")
    people = [(p, None, TIER_INDEX.get(p.tier, 1)) for p in incumbents
              if p.pk not in done_producers]
    people += [(a.candidate, a, 1) for a in _demo_candidates()
               if a.candidate_id not in done_candidates]
    attempts = []
    for n, (person, application, tier_index) in enumerate(people):
        rng = random.Random(f"sjt:{person.email}")
        kind = {"candidate": person} if application else {"producer": person}
        when = base + timedelta(hours=n)
        invitation = SJTInvitation.objects.create(
            test=test, test_revision=test.live_revision, application=application,
            email=person.email, created_at=when - timedelta(days=1),
            expires_at=when + timedelta(days=6), **kind,
        )
        attempts.append(_completed_attempt(invitation, snapshot,
                                           _answers(snapshot, rng, tier_index), when))
    SJTAttempt.objects.bulk_create(attempts)
    return len(attempts)


def ensure_open_invitation(test: JudgmentTest) -> SJTInvitation | None:
    application = (Application.objects.filter(opening__slug="ae-nordics",
                                              stage=Application.SCREENING)
                   .select_related("candidate").order_by("candidate__email").first())
    if application is None:
        return None
    invitation, _ = delivery.invite(test=test, by=None, candidate=application.candidate,
                                    application=application)
    return invitation


def _ratings(rng: random.Random, tier_index: int, dimension_ids: list[int]) -> list[int]:
    shift = (0.7, 0.0, -0.6)[tier_index]
    return [min(5, max(1, round(3.1 + shift + rng.gauss(0, 0.8)))) for _ in dimension_ids]


def ensure_roleplays(exercise: RoleplayExercise) -> int:
    """Two assessors for every second producer; the team for calibration-stage candidates."""
    User = get_user_model()
    users = {u.email: u for u in User.objects.filter(email__startswith="interviewer")}
    dimension_ids = list(exercise.behaviours.order_by("sort_order")
                         .values_list("dimension_id", flat=True))
    existing = set(RoleplayScorecard.objects.filter(exercise=exercise)
                   .values_list("assessor_id", "candidate_id", "producer_id"))
    plan = []
    producers = list(Producer.objects.filter(hire__isnull=True).order_by("email"))[::2]
    for producer in producers:
        for email in ("interviewer@demo.selection", "interviewer2@demo.selection"):
            plan.append((users[email], {"producer": producer}, TIER_INDEX.get(producer.tier, 1)))
    opening = Opening.objects.filter(slug="ae-nordics").first()
    for application in _demo_candidates():
        if application.stage != Application.CALIBRATION:
            continue
        for email in ("interviewer@demo.selection", "interviewer2@demo.selection",
                      "interviewer3@demo.selection"):
            plan.append((users[email], {"candidate": application.candidate,
                                        "application": application}, 1))
    return _create_scorecards(exercise, plan, existing, dimension_ids, opening)


def _create_scorecards(exercise, plan, existing, dimension_ids, opening) -> int:
    now = timezone.now() - timedelta(days=20)
    cards, ratings = [], []
    for assessor, person, tier_index in plan:
        candidate, producer = person.get("candidate"), person.get("producer")
        key = (assessor.pk, candidate.pk if candidate else None,
               producer.pk if producer else None)
        if key in existing:
            continue
        rng = random.Random(f"roleplay:{assessor.email}:{(candidate or producer).email}")
        card = RoleplayScorecard(exercise=exercise, assessor=assessor, **person,
                                 status=RoleplayScorecard.SUBMITTED, submitted_at=now,
                                 notes="Demo scorecard.")
        cards.append((card, _ratings(rng, tier_index, dimension_ids)))
    RoleplayScorecard.objects.bulk_create([card for card, _ in cards])
    for card, values in cards:
        ratings += [RoleplayRating(scorecard=card, dimension_id=d, rating=v,
                                   notes="Observed in the demo call.")
                    for d, v in zip(dimension_ids, values, strict=True)]
    RoleplayRating.objects.bulk_create(ratings)
    return len(cards)


def write_demo_files() -> None:
    """Writes demo_files/*.csv from the seeded producers and candidates (run once by hand)."""
    rng = random.Random(2026)
    perf = ["producer;period;performance"]
    psy = ["person,instrument,scale,score,score_type"]
    for producer in Producer.objects.filter(hire__isnull=True).order_by("email"):
        earlier = max(10.0, float(producer.performance) + rng.gauss(0, 15))
        perf.append(f"{producer.external_id};FY2024;{earlier:.1f}".replace(".", ","))
        perf.append(f"{producer.external_id};FY2025;{producer.performance}".replace(".", ","))
        tier_index = TIER_INDEX.get(producer.tier, 1)
        for scale, _, shifts in SCALES:
            t = min(80, max(20, round(50 + 10 * (shifts[tier_index] + rng.gauss(0, 0.9)))))
            psy.append(f"{producer.email},{INSTRUMENT},{scale},{t},T-score")
    for application in _demo_candidates():
        for scale, _, _ in SCALES:
            pct = min(99, max(1, round(rng.gauss(50, 25))))
            psy.append(f"{application.candidate.email},{INSTRUMENT},{scale},{pct},percentile")
    DEMO_DIR.mkdir(exist_ok=True)
    (DEMO_DIR / "performance.csv").write_text("\n".join(perf) + "\n", encoding="utf-8-sig")
    (DEMO_DIR / "psychometrics.csv").write_text("\n".join(psy) + "\n", encoding="utf-8")
