"""Fixtures for the interviews tests: a question bank, a kit, a plan, scheduled interviews."""

import pytest

from interviews import planning, scoring
from interviews.models import Question, Scorecard
from selection.models import HiringTeamMember
from tests import factories


def make_question(dimension, text: str, *, live: bool = True) -> Question:
    """A published (live) question; saved directly, without a revision, to keep tests fast."""
    question = Question(
        dimension=dimension, text=text, probe_situation=f"Situation probe for {text}",
        probe_action="What did you do yourself?", probe_result="What came of it?",
        probe_learned="What do you do differently now?",
        best_case=f"Best case for {text}", red_flags="Blames others.", live=live,
    )
    question.save()
    return question


def card_of(user, application) -> Scorecard:
    return Scorecard.objects.select_related(
        "interview__interviewer", "interview__application__opening",
        "interview__application__candidate",
    ).get(interview__application=application, interview__interviewer=user)


def complete(card: Scorecard, user, *, rating: int = 3, note: str = "Clear example.",
             recommendation: str = "yes", submit: bool = True) -> Scorecard:
    """Fills every question of a scorecard and (by default) submits it."""
    data = {"recommendation": recommendation, "rationale": "Because of the examples."}
    for answer in card.answers.all():
        data[f"q{answer.question_id}-rating"] = rating
        data[f"q{answer.question_id}-situation"] = note
    scoring.save_draft(scorecard=card, by=user, base_version=card.version, data=data)
    if submit:
        scoring.submit_scorecard(scorecard=card, by=user, base_version=card.version)
    return card


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Test users need no slow password hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def interviewer2(groups):
    return factories.make_user("interviewer2@example.com", "Interviewer")


@pytest.fixture
def interviewer3(groups):
    return factories.make_user("interviewer3@example.com", "Interviewer")


@pytest.fixture
def team(opening, interviewer, interviewer2, interviewer3):
    """The opening's three interviewers, in plan order."""
    for person in (interviewer2, interviewer3):
        HiringTeamMember.objects.create(
            opening=opening, user=person, role=HiringTeamMember.INTERVIEWER
        )
    return [interviewer, interviewer2, interviewer3]


@pytest.fixture
def bank(library):
    """Two published questions on each library dimension."""
    return {
        slug: [make_question(library[slug], f"{slug} question {n}") for n in (1, 2)]
        for slug in ("discovery", "negotiating", "resilience")
    }


@pytest.fixture
def kit(opening, bank, manager):
    return planning.build_kit(opening=opening, by=manager)


@pytest.fixture
def planned(kit, team, manager):
    planning.apply_auto_split(kit=kit, by=manager)
    return kit


@pytest.fixture
def scheduled(planned, application, manager):
    planning.schedule_interviews(application=application, by=manager)
    return application


@pytest.fixture
def other_opening(library, other_manager, groups):
    """A second opening with its own manager and interviewer."""
    person = factories.make_user("elsewhere@example.com", "Interviewer")
    return factories.make_opening(
        library["profile"], manager=other_manager, interviewers=[person], slug="ae-other"
    )


def book(application, manager, start, *, zone="Europe/Stockholm", minutes=60,
         location="Room 4, Stureplan 2", video="", invite_candidate=False, reason="",
         only=None):
    """Schedules (or moves) the candidate's interviews, one hour apart from ``start``
    (a naive local datetime), the way the scheduling page does."""
    from datetime import timedelta

    from interviews import scheduling

    interviews = scheduling.interviews_of(application)
    if only is not None:
        interviews = [i for i in interviews if i.interviewer_id == only.pk]
    slots = [
        scheduling.Slot(interview=i, starts_local=start + timedelta(hours=n),
                        duration_minutes=minutes, time_zone=zone, location=location,
                        video_link=video, reason=reason)
        for n, i in enumerate(interviews)
    ]
    return scheduling.save_schedule(application=application, slots=slots, by=manager,
                                    invite_candidate=invite_candidate)


@pytest.fixture
def mailed(django_capture_on_commit_callbacks, mailoutbox):
    """Runs the after-commit emails of whatever the test does inside ``with mailed():``."""
    def run():
        return django_capture_on_commit_callbacks(execute=True)
    return run
