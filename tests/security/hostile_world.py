"""An opening where every free-text field people type carries the hostile payloads.

Text that people type in the app goes in through the app's pages (scorecards, amendments,
decisions, roleplay notes); text HR authors in the CMS (library, questions, SJT,
roleplay, openings) and people records go in through the models, as the CMS forms
store them unchanged. Enough producers and scores exist for the calibration, the
report page and the PDF to show names, dimensions and notes.
"""

from dataclasses import dataclass, field

import numpy as np
from django.test import Client

from assessments import delivery, roleplay
from assessments.models import (
    JudgmentTest,
    PsychometricScale,
    PsychometricScore,
    ResponseOption,
    RoleplayBehaviour,
    RoleplayExercise,
    Scenario,
)
from competencies.models import Competency, Trait
from interviews import planning
from interviews.models import Question
from selection.models import Application, Candidate, HiringTeamMember, Opening
from selection.roles import ensure_library
from tests import factories
from tests.security.conftest import PAYLOADS


def fit(limit: int, *, start: int = 0) -> str:
    """As many payloads as fit in ``limit`` characters, starting at ``start`` (cycling)."""
    text = ""
    for n in range(len(PAYLOADS)):
        item = PAYLOADS[(start + n) % len(PAYLOADS)]
        candidate = f"{text} {item}" if text else item
        if len(candidate) > limit:
            break
        text = candidate
    return text


EVERYTHING = " ".join(PAYLOADS)


@dataclass
class World:
    opening: Opening
    application: Application
    users: dict
    scorecards: list = field(default_factory=list)
    roleplay_cards: list = field(default_factory=list)
    sjt_link: str = ""
    test: JudgmentTest | None = None


def _dimension(model, slug: str, start: int):
    levels = {f"level_{n}": fit(400, start=start + n) for n in range(1, 6)}
    item = model(slug=slug, name=f"{slug[:3]} {fit(110, start=start)}", category=fit(80),
                 definition=EVERYTHING, **levels)
    item.save()
    item.save_revision().publish()
    return item


def _question(dimension, n: int) -> Question:
    question = Question(
        dimension=dimension, text=f"Q{n} {EVERYTHING}", probe_situation=EVERYTHING,
        probe_action=EVERYTHING, probe_result=EVERYTHING, probe_learned=EVERYTHING,
        best_case=EVERYTHING, red_flags=EVERYTHING, live=True,
        **{f"anchor_{k}": fit(300, start=k) for k in range(1, 6)},
    )
    question.save()
    return question


def _producers(dims) -> tuple[list, list]:
    scales = [PsychometricScale.objects.create(instrument=fit(110), dimension=d,
                                               scale=f"{n} {fit(100, start=n)}")
              for n, d in enumerate(dims)]
    rng = np.random.default_rng(3)
    scores, n = [], 0
    for tier, shift in {"top": 1.0, "middle": 0.0, "bottom": -1.0}.items():
        for _ in range(12):
            n += 1
            producer = factories.make_producer(n, f"{100 + 25 * shift:.1f}", tier)
            producer.first_name, producer.last_name = fit(78, start=n), fit(78, start=n + 5)
            producer.save()
            scores += [PsychometricScore(scale=s, producer=producer, score_type="t",
                                         score=50 + 10 * (shift + rng.normal(0, .5)),
                                         z_score=shift + rng.normal(0, .5)) for s in scales]
    return scales, scores


def _sjt(library, candidate, application, manager) -> tuple[JudgmentTest, str]:
    test = JudgmentTest(title=fit(160), slug="hostile", instructions=EVERYTHING,
                        time_limit_minutes=30, scoring_method="rate_each", live=False)
    test.scenarios = [
        Scenario(title=fit(160, start=n), situation=EVERYTHING, question=fit(255),
                 sort_order=n, dimensions=[library[0]],
                 options=[ResponseOption(text=f"{m} {EVERYTHING}", key=m + 1, sort_order=m)
                          for m in range(3)])
        for n in range(2)
    ]
    test.save()
    test.save_revision().publish()
    test = JudgmentTest.objects.get(pk=test.pk)
    invitation, _ = delivery.invite(test=test, by=manager, candidate=candidate,
                                    application=application)
    delivery.start_attempt(invitation)
    return test, delivery.link_path(invitation)


def _scorecards(world: World, interviewers) -> None:
    """Each interviewer fills in and submits their scorecard through the page, then amends."""
    from interviews.models import Scorecard

    for person in interviewers:
        client = Client()
        client.force_login(person)
        card = Scorecard.objects.get(interview__application=world.application,
                                     interview__interviewer=person)
        body = {"version": card.version, "recommendation": "yes", "rationale": EVERYTHING,
                "action": "submit"}
        for answer in card.answers.all():
            body[f"q{answer.question_id}-rating"] = "4"
            for note in ("situation", "action", "result", "learned"):
                body[f"q{answer.question_id}-{note}"] = EVERYTHING
        assert client.post(card.get_absolute_url(), body).status_code == 302
        card.refresh_from_db()
        assert card.is_final, "the hostile scorecard was not submitted"
        body.pop("action")
        body.update(version=card.version, reason=EVERYTHING, rationale=f"Amended {EVERYTHING}")
        assert client.post(f"{card.get_absolute_url()}amend/", body).status_code == 302
        world.scorecards.append(card)


def _roleplay(world: World, dims, assessors, manager) -> None:
    exercise = RoleplayExercise(title=fit(160), slug="hostile-call", candidate_brief=EVERYTHING,
                                buyer_brief=EVERYTHING, duration_minutes=20, live=False)
    exercise.behaviours = [RoleplayBehaviour(dimension=d, observable=EVERYTHING, sort_order=n)
                           for n, d in enumerate(dims[:2])]
    exercise.save()
    exercise.save_revision().publish()
    exercise = RoleplayExercise.objects.get(pk=exercise.pk)
    for person in assessors:
        card, _ = roleplay.assign_assessor(exercise=exercise, assessor=person, by=manager,
                                           application=world.application)
        client = Client()
        client.force_login(person)
        body = {"notes": EVERYTHING, "action": "submit"}
        for d in dims[:2]:
            body[f"rating-{d.pk}"], body[f"notes-{d.pk}"] = "3", EVERYTHING
        assert client.post(f"/assessments/roleplay/{card.pk}/", body).status_code == 302
        world.roleplay_cards.append(card)


def _decide(world: World, manager) -> None:
    client = Client()
    client.force_login(manager)
    prefix = f"app{world.application.pk}"
    response = client.post(
        f"/interviews/openings/{world.opening.slug}/calibration-session/",
        {"application": world.application.pk, f"{prefix}-outcome": "advance",
         f"{prefix}-rationale": EVERYTHING},
    )
    assert response.status_code == 302, response.status_code


def build(users: dict) -> World:
    """The whole hostile opening; ``users`` has hr, manager, interviewer, interviewer2."""
    index = ensure_library()
    dims = [_dimension(Competency, "discovery", 0), _dimension(Competency, "negotiating", 3),
            _dimension(Trait, "resilience", 6)]
    profile = factories.make_profile(index, "account-executive",
                                     [(dims[0], "3", 4, 2), (dims[1], "2", 3, None),
                                      (dims[2], "1", 4, 3)], title=fit(250))
    opening = Opening(title=fit(160), slug="hostile", role_profile=profile, location=fit(120))
    opening.save()
    HiringTeamMember.objects.create(opening=opening, user=users["manager"],
                                    role=HiringTeamMember.HIRING_MANAGER)
    for person in (users["interviewer"], users["interviewer2"]):
        HiringTeamMember.objects.create(opening=opening, user=person,
                                        role=HiringTeamMember.INTERVIEWER)
    for n, d in enumerate(dims):
        _question(d, 2 * n)
        _question(d, 2 * n + 1)
    kit = planning.build_kit(opening=opening, by=users["manager"])
    planning.apply_auto_split(kit=kit, by=users["manager"])
    scales, scores = _producers(dims)
    candidate = Candidate.objects.create(first_name=fit(80), last_name=fit(80, start=1),
                                         email="hostile@example.com",
                                         source=factories.source("hostile", fit(80, start=4)))
    application = Application.objects.create(candidate=candidate, opening=opening,
                                             stage="interviewing")
    other = Candidate.objects.create(first_name=fit(80, start=5), last_name=fit(80, start=8),
                                     email="other@example.com")
    Application.objects.create(candidate=other, opening=opening, stage="screening")
    scores += [PsychometricScore(scale=s, candidate=candidate, score_type="t", score=60,
                                 z_score=1.0) for s in scales]
    PsychometricScore.objects.bulk_create(scores)
    planning.schedule_interviews(application=application, by=users["manager"])
    world = World(opening=opening, application=application, users=users)
    _scorecards(world, [users["interviewer"], users["interviewer2"]])
    _roleplay(world, dims, [users["interviewer"], users["interviewer2"]], users["manager"])
    world.test, world.sjt_link = _sjt(dims, candidate, application, users["manager"])
    _decide(world, users["manager"])
    return world


def pages(world) -> list[tuple[str, str, bool]]:
    """(user, url, must show a payload) for every page that shows typed text."""
    slug, app = world.opening.slug, world.application
    mine, theirs = world.scorecards
    rp_mine = world.roleplay_cards[0]
    return [
        ("manager", "/", True),
        ("manager", "/openings/", True),
        ("manager", f"/openings/{slug}/", True),
        ("manager", app.get_absolute_url(), True),
        ("manager", f"/interviews/openings/{slug}/kit/", True),
        ("manager", f"/interviews/openings/{slug}/plan/", True),
        ("manager", f"/interviews/openings/{slug}/calibration-session/", True),
        ("manager", f"/reports/openings/{slug}/calibration/", True),
        ("manager", f"/reports/openings/{slug}/candidates/{app.pk}/report/", True),
        ("manager", f"/reports/openings/{slug}/pipeline/", True),
        ("manager", f"/reports/profiles/{world.opening.role_profile_id}/pipeline/", True),
        ("manager", f"/reports/profiles/{world.opening.role_profile_id}/validity/", False),
        ("manager", f"/assessments/roleplay/{rp_mine.pk}/", True),
        ("hr", f"/reports/fairness/{slug}/", False),
        ("hr", "/reports/fairness/", False),
        ("hr", "/assessments/producers/", True),
        ("hr", "/assessments/invitations/", True),
        ("hr", "/assessments/tests/", True),
        ("hr", f"/assessments/tests/{world.test.pk}/analysis/", True),
        ("hr", "/cms/snippets/selection/candidate/", True),
        # the active sources' names; the hostile one carries no alert (checked by name)
        ("hr", "/assessments/imports/candidates/", False),
        ("interviewer", "/", True),
        ("interviewer", "/interviews/", True),
        ("interviewer", mine.get_absolute_url(), True),
        ("interviewer", f"{mine.get_absolute_url()}amend/", True),
        ("interviewer", f"{mine.get_absolute_url()}others/", True),
        ("interviewer", f"/assessments/roleplay/{rp_mine.pk}/", True),
        ("interviewer2", f"{theirs.get_absolute_url()}others/", True),
        (None, world.sjt_link, True),
    ]
