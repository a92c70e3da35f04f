"""Demo past hires with outcomes, for the validity and pipeline pages.

The Account Executive profile gets a closed 2025 opening with 60 applicants from four
sources and 30 hires who started and have 3-, 6- and 12-month outcomes. Built in: the
interviews have a modest validity (a hire's latent ability drives both the ratings and,
more weakly, the outcome), the judgment test's first dimension none (pure noise), and the
agency's candidates rarely meet the knock-outs. An open DACH opening on the same profile
has 40 candidates in the pipeline from the same four sources, ten each, moved along on
how they look on paper (which hides the agency's shortfall), for the pipeline page. The
SDR profile gets 6 hires with outcomes: too few, so its page shows the small-n message
instead of figures.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

SOURCES = ["referral", "job-board", "agency", "sourced-by-recruiter"]  # CandidateSource slugs
SOURCE_SHIFT = {"referral": 0.3, "job-board": 0.0, "agency": -1.3, "sourced-by-recruiter": 0.2}
PAST = [
    # slug, title, profile slug, applicants, hires (None: an open opening), interviewers
    ("ae-2025", "Account Executive, 2025 cohort", "account-executive", 60, 30,
     ["interviewer2@demo.selection", "interviewer3@demo.selection"]),
    ("sdr-2025", "Sales Development Representative, 2025 cohort",
     "sales-development-representative", 12, 6, ["interviewer4@demo.selection"]),
    ("ae-dach", "Account Executive, DACH", "account-executive", 40, None,
     ["interviewer2@demo.selection", "interviewer3@demo.selection"]),
]
OPEN_STAGES = ["calibration", "assessment", "interviewing", "interviewing", "screening",
               "screening", "applied", "applied", "applied", "applied"]


def seed(stdout=None) -> dict[str, int]:
    """Creates the past openings once; returns how many hires were created."""
    from selection.models import Opening

    created = 0
    for slug, title, profile, applicants, hires, interviewers in PAST:
        if Opening.objects.filter(slug=slug).exists():
            continue
        created += _past_opening(slug, title, profile, applicants, hires, interviewers)
    return {"past hires with outcomes": created}


def _stages(people, hires):
    """Application stage per applicant number: a past cohort's top ``hires`` by rank are
    hired, the others rejected. An open opening's candidates are spread over the open
    stages by how they came across on paper, which does not show what a source's
    candidates lack (their rank less the source's shift), so every source reaches the
    interviews and the pipeline page shows how close each one comes to the profile."""
    if hires is None:
        ranked = sorted(people, key=lambda p: -(p[3] - SOURCE_SHIFT[p[1]]))
        return {p[0]: OPEN_STAGES[min(9, 10 * k // len(ranked))]
                for k, p in enumerate(ranked)}
    ranked = sorted(people, key=lambda p: -p[3])
    return {p[0]: "hired" if k < hires else "rejected" for k, p in enumerate(ranked)}


def _past_opening(slug, title, profile_slug, applicants, hires, interviewer_emails) -> int:
    from assessments.imports import import_performance
    from competencies.models import RoleProfilePage
    from selection.hires import start_hire
    from selection.models import Application, HiringTeamMember, Opening

    users = {u.email: u for u in get_user_model().objects.filter(
        email__in=[*interviewer_emails, "manager@demo.selection", "manager2@demo.selection"])}
    opening = Opening(slug=slug, title=title, location="Copenhagen / remote",
                      status=Opening.OPEN if hires is None else Opening.CLOSED,
                      headcount=hires or 2,
                      role_profile=RoleProfilePage.objects.get(slug=profile_slug),
                      # a past cohort opened well over a year ago, the open one this quarter
                      opened_at=timezone.now() - timedelta(days=500 if hires else 70))
    opening.save()
    manager = "manager@demo.selection" if profile_slug == "account-executive" \
        else "manager2@demo.selection"
    HiringTeamMember.objects.create(opening=opening, user=users[manager],
                                    role=HiringTeamMember.HIRING_MANAGER)
    for email in interviewer_emails:
        HiringTeamMember.objects.create(opening=opening, user=users[email],
                                        role=HiringTeamMember.INTERVIEWER)
    rng = random.Random(f"validity:{slug}")
    people = []
    for n in range(applicants):
        source = SOURCES[n % len(SOURCES)]
        ability = rng.gauss(SOURCE_SHIFT[source], 1.0)
        people.append((n, source, ability, ability + rng.gauss(0, 0.6)))
    stages = _stages(people, hires)
    ranked = sorted(people, key=lambda p: -p[3])
    interviewed = {p[0] for p in ranked[:(hires or 0) + applicants // 4]} if hires else {
        n for n, stage in stages.items() if stage in ("interviewing", "assessment", "calibration")}
    rows = ["producer,period,performance,review_months"]
    sjt = _producer_sjt_centres()
    hired = 0
    for n, source, ability, _ in people:
        stage = stages[n]
        app = _applicant(opening, slug, n, source, stage, rng, n in interviewed)
        if n in interviewed:
            _interviews(app, ability, [users[e] for e in interviewer_emails], rng)
        if n in interviewed or stage == "screening":
            _evidence(app, ability, rng, sjt)
        if stage == Application.HIRED:
            hired += 1
            producer = start_hire(app, start_date=date(2025, 3, 3))
            for months in (3, 6, 12):
                outcome = 95 + 14 * (0.8 * ability + rng.gauss(0, 0.6))
                rows.append(f"{producer.email},2025+{months}m,{outcome:.1f},{months}")
    if hired:
        import_performance(("\n".join(rows) + "\n").encode())
    return hired


def _applicant(opening, slug, n, source, stage, rng, interviewed):
    from selection.demo import candidate_source
    from selection.models import Application, Candidate, StageChange

    first = ["Aino", "Bjorn", "Cleo", "Dario", "Elin", "Femi", "Greta", "Hugo", "Ines", "Jonas",
             "Kira", "Leo", "Maja", "Nils", "Olga"][n % 15]
    candidate = Candidate.objects.create(
        first_name=first, last_name=f"{slug.upper()}-{n + 1:02d}",
        email=f"{first.lower()}.{slug}.{n + 1:02d}@candidates.example",
        source=candidate_source(source))
    # A past cohort applied over a year ago, a week or so between moves; an open opening's
    # applicants within the last two months, a few days between moves, so that its board
    # shows days in stage a live pipeline would have.
    past = opening.status == opening.CLOSED
    start = timezone.now() - timedelta(days=(480 if past else 60) - n)
    gaps = (2, 12) if past else (1, 3)
    app = Application.objects.create(candidate=candidate, opening=opening, stage=stage,
                                     created_at=start, stage_changed_at=start)
    order = ["applied", "screening", "interviewing", "assessment", "calibration", "offer",
             "hired"]
    if stage == Application.REJECTED:
        path = order[:5 if interviewed else 2] + ["rejected"]
    else:
        path = order[:order.index(stage) + 1]
    when = start
    moves = []
    for previous, step in zip(["", *path], path, strict=False):
        moves.append(StageChange(application=app, from_stage=previous, to_stage=step,
                                 changed_at=when))
        when += timedelta(days=rng.randint(*gaps))
    StageChange.objects.bulk_create(moves)
    # the current stage began with the last move
    Application.objects.filter(pk=app.pk).update(stage_changed_at=moves[-1].changed_at)
    app.stage_changed_at = moves[-1].changed_at
    return app


def _interviews(app, ability, interviewers, rng) -> None:
    from interviews.models import Answer, Interview, Question, Scorecard

    requirements = app.opening.requirements
    questions = {}
    for req in requirements:
        questions[req.dimension_id] = Question.objects.filter(
            dimension_id=req.dimension_id).order_by("pk").first() or Question.objects.create(
            dimension_id=req.dimension_id, text=f"Tell me about a time you showed "
            f"{req.dimension.name.lower()}.", best_case="A specific, recent example.")
    for user in interviewers:
        ratings = [min(5, max(1, round(3.2 + 0.8 * ability + rng.gauss(0, 0.6))))
                   for _ in requirements]
        mean = sum(ratings) / len(ratings)
        recommendation = ("strong_no" if mean < 2.3 else "no" if mean < 3.0
                          else "yes" if mean < 3.8 else "strong_yes")
        card = Scorecard.objects.create(
            interview=Interview.objects.create(application=app, interviewer=user),
            state=Scorecard.SUBMITTED, version=1, recommendation=recommendation,
            rationale="Demo history.", submitted_at=app.created_at + timedelta(days=10))
        Answer.objects.bulk_create([
            Answer(scorecard=card, question=questions[req.dimension_id], sort_order=k,
                   rating=rating, situation="Demo history.")
            for k, (req, rating) in enumerate(zip(requirements, ratings, strict=True))
            if questions[req.dimension_id] is not None
        ])


def _evidence(app, ability, rng, sjt) -> None:
    """Psychometric scales and a judgment test, drawn from the same world as the incumbent
    producers' (assessments/demo.py), so that hires who join the producer comparison fit
    in it: each scale leans with ability as much as it separates the incumbents' tiers
    (their top and bottom quartiles lie about 2.5 SD of ability apart), and each judgment
    dimension centres on the incumbents' mean. The test's first dimension is noise; the
    others follow ability a little."""
    from assessments.demo import INSTRUMENT, SCALES
    from assessments.models import PsychometricScale, PsychometricScore, SJTAttempt, SJTInvitation

    slopes = {name: (shifts[0] - shifts[2]) / 2.5 for name, _, shifts in SCALES}
    for scale in PsychometricScale.objects.filter(instrument=INSTRUMENT):
        z = round(rng.gauss(slopes.get(scale.scale, 0.0) * ability, 0.9), 2)
        PsychometricScore.objects.create(scale=scale, candidate=app.candidate, score_type="t",
                                         score=round(50 + 10 * z, 1), z_score=z)
    test, centres, items = sjt
    if not centres:
        return
    dims = sorted(centres)
    scores = {d: min(1.0, max(0.0, round(centres[d] + (0.0 if k == 0 else 0.04 * ability)
                                             + rng.gauss(0, 0.1), 3)))
              for k, d in enumerate(dims)}
    when = app.created_at + timedelta(days=8)
    invitation = SJTInvitation.objects.create(
        test=test, test_revision=test.live_revision, candidate=app.candidate, application=app,
        email=app.candidate.email, created_at=when, expires_at=when + timedelta(days=6))
    SJTAttempt.objects.create(
        invitation=invitation, started_at=when, time_limit_minutes=test.time_limit_minutes,
        answers={}, saved_at=when, completed_at=when + timedelta(minutes=20),
        completion=SJTAttempt.SUBMITTED, dimension_scores=scores,
        total_score=sum(scores.values()) / len(scores), items_answered=items,
        items_total=items)


def _producer_sjt_centres() -> tuple[object, dict[str, float], int]:
    """The live judgment test, the incumbent producers' mean score per dimension on it, and
    its number of items (None, {}, 0 when there is no test or no producer took it)."""
    from assessments.models import JudgmentTest, SJTAttempt

    test = JudgmentTest.objects.filter(live=True).first()
    rows = list(SJTAttempt.objects.filter(
        invitation__test=test, invitation__producer__isnull=False,
        dimension_scores__isnull=False).values_list("dimension_scores", "items_total")
    ) if test else []
    values: dict[str, list[float]] = {}
    for scores, _ in rows:
        for dim, value in scores.items():
            values.setdefault(dim, []).append(float(value))
    if not values:
        return None, {}, 0
    return test, {d: sum(v) / len(v) for d, v in values.items()}, rows[0][1]
