"""The interviews demo seeds a bank, kits, plans and scorecards once; the blind flow is ready."""

from competencies.models import Competency, Trait
from interviews import demo
from interviews.models import InterviewKit, Question, Scorecard
from selection.models import HiringTeamMember
from selection.roles import ensure_library
from tests import factories


def test_seed_is_idempotent_and_leaves_interviewer_one_blind(groups):
    index = ensure_library()
    dims = [factories.make_dimension(Competency, "discovery-questioning"),
            factories.make_dimension(Competency, "negotiating"),
            factories.make_dimension(Trait, "resilience")]
    profile = factories.make_profile(index, "ae", [(d, "2", 3, None) for d in dims])
    manager = factories.make_user("manager@demo.selection", "Hiring manager")
    people = [factories.make_user(f"{name}@demo.selection", "Interviewer")
              for name in ("interviewer", "interviewer2", "interviewer3")]
    opening = factories.make_opening(profile, manager=manager, interviewers=people,
                                     slug="ae-nordics")
    for n, stage in enumerate(["calibration", "interviewing", "interviewing", "applied"]):
        factories.make_application(opening, f"Cand{n}", f"Person{n}", stage=stage)

    first = demo.seed()
    assert first["SAR questions"] == 7  # the bank's questions on these three dimensions
    assert Question.objects.filter(live=True).count() == 7
    assert first["interview kits"] == 1 and first["interviews"] == 9
    assert first["scorecards submitted"] == 3 + 2 + 2
    assert demo.seed() == {"SAR questions": 0, "interview kits": 0, "interviews": 0,
                           "scorecards submitted": 0}

    states = {
        (c.interview.application.stage, c.interview.interviewer.email, c.state, c.started)
        for c in Scorecard.objects.select_related("interview__application",
                                                  "interview__interviewer")
        if c.interview.interviewer.email == "interviewer@demo.selection"
    }
    assert ("calibration", "interviewer@demo.selection", "submitted", True) in states
    assert ("interviewing", "interviewer@demo.selection", "draft", True) in states
    assert ("interviewing", "interviewer@demo.selection", "draft", False) in states
    assert InterviewKit.objects.get(opening=opening).questions.count() == 6
    assert HiringTeamMember.objects.filter(opening=opening).count() == 4
