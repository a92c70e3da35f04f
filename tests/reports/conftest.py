"""An opening with producer cohorts, candidates, psychometric scores and interview ratings.

Built through the real models of assessments and interviews: top producers score higher
on discovery and resilience; negotiating is noise. Two interviewers rate three candidates.
"""

import numpy as np
import pytest

from selection.models import HiringTeamMember
from tests import factories

TIER_SHIFT = {"top": 1.0, "middle": 0.0, "bottom": -1.0}
PER_TIER = 12
CANDIDATES = [
    # first, last, stage, z on (discovery, negotiating, resilience), ratings by (i1, i2)
    ("Ada", "Lovelace", "calibration", (1.1, 0.1, 1.0),
     {"discovery": (5, 4), "resilience": (4, 4)}),
    ("Bo", "Middleton", "interviewing", (0.0, -0.2, 0.1),
     {"discovery": (3, 2), "resilience": (3, 3)}),
    ("Cy", "Lowe", "assessment", (-1.2, 0.3, -0.9),
     {"discovery": (2, 1), "resilience": (1, 2)}),
]


@pytest.fixture
def interviewer2(groups):
    return factories.make_user("interviewer2@example.com", "Interviewer")


@pytest.fixture
def cohort_opening(opening, library, interviewer, interviewer2):
    """The ``opening`` with 36 producers, 3 scored candidates and two interviewers' ratings."""
    from assessments.models import PsychometricScale, PsychometricScore
    from interviews.models import Answer, Interview, Question, Scorecard

    HiringTeamMember.objects.create(
        opening=opening, user=interviewer2, role=HiringTeamMember.INTERVIEWER
    )
    dims = [library["discovery"], library["negotiating"], library["resilience"]]
    scales = [
        PsychometricScale.objects.create(instrument="Sales Inventory", scale=d.name, dimension=d)
        for d in dims
    ]
    rng = np.random.default_rng(7)
    scores = []
    n = 0
    same_in_every_tier = np.linspace(-1.5, 1.5, PER_TIER)  # negotiating: no difference at all
    for tier, shift in TIER_SHIFT.items():
        for k in range(PER_TIER):
            n += 1
            figure = f"{100 + 25 * shift + rng.normal(0, 5):.1f}"
            producer = factories.make_producer(n, figure, tier)
            z = [shift + rng.normal(0, 0.5), same_in_every_tier[k], shift + rng.normal(0, 0.5)]
            scores += [
                PsychometricScore(scale=s, producer=producer, score_type="t",
                                  score=50 + 10 * v, z_score=v)
                for s, v in zip(scales, z, strict=True)
            ]
    questions = {
        d.slug: Question.objects.create(dimension=d, text=f"Tell me about {d.name}.",
                                        best_case="A real example.")
        for d in dims
    }
    applications = {}
    for first, last, stage, z, ratings in CANDIDATES:
        app = factories.make_application(opening, first, last, stage=stage)
        applications[first] = app
        scores += [
            PsychometricScore(scale=s, candidate=app.candidate, score_type="t",
                              score=50 + 10 * v, z_score=v)
            for s, v in zip(scales, z, strict=True)
        ]
        for k, person in enumerate((interviewer, interviewer2)):
            interview = Interview.objects.create(application=app, interviewer=person)
            card = Scorecard.objects.create(interview=interview, state=Scorecard.SUBMITTED,
                                            version=1)
            for order, (slug, pair) in enumerate(ratings.items()):
                Answer.objects.create(scorecard=card, question=questions[slug],
                                      sort_order=order, rating=pair[k])
    PsychometricScore.objects.bulk_create(scores)
    opening.applications_by_name = applications
    opening.test_dims = dims
    return opening
