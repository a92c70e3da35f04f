"""Grows the demo database to many producers and candidates, for benchmarks/scale.py.

Every new person copies the evidence of a demo person of the same kind (producers: of the
same tier) through the models, with noise on every score: psychometric scores, completed
judgment tests, submitted roleplay scorecards and, for candidates, submitted interview
scorecards. Written in batches with ``bulk_create``.
"""

from __future__ import annotations

import copy
import io
import random
from collections import defaultdict

from django.db import transaction
from django.db.models.base import ModelState

BATCH = 250


def clone(obj, **changes):
    """An unsaved copy of ``obj`` with ``changes``."""
    new = copy.copy(obj)
    new._state = ModelState()
    new.pk = None
    if hasattr(new, "id"):
        new.id = None
    for field, value in changes.items():
        setattr(new, field, value)
    return new


def grow(slug: str, n_producers: int, n_candidates: int, stages: dict[str, int], *,
         keep: bool = False) -> None:
    from django.core.management import call_command

    from reports.calibration.compute import store_snapshot
    from selection.models import Opening, Producer

    # A kept database may have been built by older code: bring its schema up to date.
    call_command("migrate", verbosity=0)
    if not keep:
        print("seed_demo ...", flush=True)
        call_command("seed_demo", stdout=io.StringIO())
    opening = Opening.objects.get(slug=slug)
    rng = random.Random(21)
    have = Producer.objects.exclude(tier="").count()
    if have < n_producers:
        print(f"adding {n_producers - have} producers ...", flush=True)
        add_producers(n_producers - have, rng)
    have = opening.applications.count()
    if have < n_candidates:
        print(f"adding {n_candidates - have} candidates ...", flush=True)
        add_candidates(opening, n_candidates - have, rng)
    set_stages(opening, stages)
    refresh_planner_statistics()
    store_snapshot(opening)


def refresh_planner_statistics() -> None:
    """ANALYZE after the bulk inserts, as autovacuum would on a running server (it may be
    off on a benchmark server): without it PostgreSQL plans for the demo's few rows."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _templates(kind: str, people: list[int]) -> dict[int, dict]:
    """Per person id: their psychometric scores, SJT (invitation, attempt) pairs and
    roleplay (scorecard, ratings) pairs."""
    from assessments.models import PsychometricScore, RoleplayScorecard, SJTAttempt

    out: dict[int, dict] = {p: defaultdict(list) for p in people}
    field = f"{kind}_id"
    for score in PsychometricScore.objects.filter(**{f"{kind}_id__in": people}):
        out[getattr(score, field)]["psych"].append(score)
    for attempt in SJTAttempt.objects.filter(
            **{f"invitation__{kind}_id__in": people}, completed_at__isnull=False
    ).select_related("invitation"):
        out[getattr(attempt.invitation, field)]["sjt"].append(attempt)
    for card in RoleplayScorecard.objects.filter(
            **{f"{kind}_id__in": people}, status=RoleplayScorecard.SUBMITTED
    ).prefetch_related("ratings"):
        out[getattr(card, field)]["roleplay"].append(card)
    return out


def _noisy_dimensions(scores: dict | None, rng: random.Random, lo: float, hi: float) -> dict:
    return {k: (None if v is None else min(hi, max(lo, float(v) + rng.gauss(0, 0.1 * (hi - lo)))))
            for k, v in (scores or {}).items()}


def _copy_evidence(template: dict, rng: random.Random, person: dict, extra: dict) -> dict:
    """Unsaved copies of a template person's evidence for a new person."""
    from assessments.models import JudgmentTest
    from assessments.models.delivery import new_nonce

    psych = [clone(s, **person, z_score=s.z_score + rng.gauss(0, 0.4))
             for s in template["psych"]]
    sjt = []
    for attempt in template["sjt"]:
        invitation = clone(attempt.invitation, **person, **extra, nonce=new_nonce())
        rate_each = attempt.invitation.test.scoring_method == JudgmentTest.RATE_EACH
        lo, hi = (0.0, 1.0) if rate_each else (-2.0, 2.0)
        sjt.append((invitation, clone(attempt, dimension_scores=_noisy_dimensions(
            attempt.dimension_scores, rng, lo, hi))))
    roleplay = []
    for card in template["roleplay"]:
        ratings = [clone(r, rating=None if r.rating is None else
                         min(5, max(1, r.rating + rng.choice((-1, 0, 0, 1)))))
                   for r in card.ratings.all()]
        roleplay.append((clone(card, **person, **extra), ratings))
    return {"psych": psych, "sjt": sjt, "roleplay": roleplay}


@transaction.atomic
def _save_evidence(copies: list[dict]) -> None:
    from assessments.models import (
        PsychometricScore,
        RoleplayRating,
        RoleplayScorecard,
        SJTAttempt,
        SJTInvitation,
    )

    PsychometricScore.objects.bulk_create([s for c in copies for s in c["psych"]])
    pairs = [p for c in copies for p in c["sjt"]]
    SJTInvitation.objects.bulk_create([inv for inv, _ in pairs])
    for invitation, attempt in pairs:
        attempt.invitation = invitation
    SJTAttempt.objects.bulk_create([a for _, a in pairs])
    cards = [p for c in copies for p in c["roleplay"]]
    RoleplayScorecard.objects.bulk_create([card for card, _ in cards])
    ratings = []
    for card, rows in cards:
        for rating in rows:
            rating.scorecard = card
            ratings.append(rating)
    RoleplayRating.objects.bulk_create(ratings)


def add_producers(n: int, rng: random.Random) -> None:
    from selection.models import Producer

    demo = list(Producer.objects.exclude(tier="").order_by("pk"))
    templates = _templates("producer", [p.pk for p in demo])
    start = Producer.objects.count()
    for offset in range(0, n, BATCH):
        size = min(BATCH, n - offset)
        sources = [rng.choice(demo) for _ in range(size)]
        people = Producer.objects.bulk_create([
            clone(src, first_name=f"Scale{start + offset + k}", last_name=f"Producer{k}",
                  email=f"scale.producer{start + offset + k}@scale.example",
                  external_id=f"SCALE-{start + offset + k}",
                  # a hire link is one-to-one: a copy was not hired through that application
                  hire=None)
            for k, src in enumerate(sources)
        ])
        _save_evidence([_copy_evidence(templates[src.pk], rng, {"producer": p}, {})
                        for src, p in zip(sources, people, strict=True)])


def add_candidates(opening, n: int, rng: random.Random) -> None:
    from selection.models import Application, Candidate

    demo = list(opening.applications.select_related("candidate").order_by("pk"))
    templates = _templates("candidate", [a.candidate_id for a in demo])
    start = Candidate.objects.count()
    for offset in range(0, n, BATCH):
        size = min(BATCH, n - offset)
        sources = [rng.choice(demo) for _ in range(size)]
        with transaction.atomic():
            people = Candidate.objects.bulk_create([
                Candidate(first_name=f"Scale{start + offset + k}", last_name=f"Candidate{k}",
                          email=f"scale.candidate{start + offset + k}@scale.example")
                for k in range(size)
            ])
            apps = Application.objects.bulk_create([
                Application(candidate=c, opening=opening, stage=src.stage)
                for c, src in zip(people, sources, strict=True)])
        _save_evidence([
            _copy_evidence(templates[src.candidate_id], rng, {"candidate": c},
                           {"application": app})
            for src, c, app in zip(sources, people, apps, strict=True)])
        _copy_interviews(sources, apps, rng)


@transaction.atomic
def _copy_interviews(sources, apps, rng: random.Random) -> None:
    from interviews.models import Answer, Interview, Scorecard

    cards = list(Scorecard.objects.filter(
        interview__application__in=set(sources), state__in=Scorecard.FINAL_STATES
    ).select_related("interview").prefetch_related("answers"))
    by_app = defaultdict(list)
    for card in cards:
        by_app[card.interview.application_id].append(card)
    triples = []
    for src, app in zip(sources, apps, strict=True):
        for card in by_app[src.pk]:
            interview = clone(card.interview, application=app)
            answers = [clone(a, rating=None if a.rating is None else
                             min(5, max(1, a.rating + rng.choice((-1, 0, 0, 1)))))
                       for a in card.answers.all()]
            triples.append((interview, clone(card), answers))
    Interview.objects.bulk_create([t[0] for t in triples])
    for interview, card, _ in triples:
        card.interview = interview
    Scorecard.objects.bulk_create([t[1] for t in triples])
    answers = []
    for _, card, rows in triples:
        for answer in rows:
            answer.scorecard = card
            answers.append(answer)
    Answer.objects.bulk_create(answers)


def set_stages(opening, stages: dict[str, int]) -> None:
    """The first applications (by id) to the packet stages in the sizes asked, the rest
    to assessment."""
    ids = list(opening.applications.order_by("pk").values_list("pk", flat=True))
    start = 0
    for stage, size in stages.items():
        opening.applications.filter(pk__in=ids[start:start + size]).update(stage=stage)
        start += size
    opening.applications.filter(pk__in=ids[start:]).update(stage="assessment")
