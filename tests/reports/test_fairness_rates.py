"""Selection rates per group and stage, counted from the stage history."""

from django.utils import timezone

from reports.calibration.fairness import furthest_stage, selection_rates, stage_outcomes
from reports.models import SelfIdentification
from selection.models import StageChange
from tests import factories


def test_furthest_stage_uses_the_history_and_the_stage_left():
    assert furthest_stage("interviewing", []) == 2
    # Rejected after assessment: reached assessment (3).
    assert furthest_stage("rejected", [("", "applied"), ("applied", "interviewing"),
                                       ("interviewing", "assessment"),
                                       ("assessment", "rejected")]) == 3
    # Withdrawn with no known earlier stage: applied.
    assert furthest_stage("withdrawn", [("", "withdrawn")]) == 0
    # Moved back a stage later: still counts as having reached the furthest one.
    assert furthest_stage("screening", [("screening", "interviewing"),
                                        ("interviewing", "screening")]) == 2


def test_stage_outcomes_leave_pending_applications_out_of_the_rate():
    apps = [("screening", 1), ("interviewing", 2), ("rejected", 1), ("rejected", 0)]
    # At screening: reached by 3, one still waiting there, one passed, one rejected there.
    assert stage_outcomes(apps, "screening") == {
        "reached": 3, "pending": 1, "passed": 1, "decided": 2}
    assert stage_outcomes(apps, "applied") == {
        "reached": 4, "pending": 0, "passed": 3, "decided": 4}


def _app(opening, n, group, path):
    """An application that went through ``path`` (a list of stages) and ends at its last."""
    app = factories.make_application(opening, f"C{n}", "Test", stage=path[-1])
    previous = ""
    for stage in path:
        StageChange.objects.create(application=app, from_stage=previous, to_stage=stage)
        previous = stage
    if group is not None:
        SelfIdentification.objects.create(
            candidate=app.candidate, group_label=group,
            consent_given_at=timezone.now() if group else None,
        )
    return app


def test_rates_impact_ratios_and_not_stated(opening):
    # Group A: 4 applied, 4 passed screening. Group B: 4 applied, 1 passed screening.
    for n in range(4):
        _app(opening, n, "A", ["applied", "screening", "interviewing"])
    _app(opening, 10, "B", ["applied", "screening", "interviewing"])
    for n in range(11, 14):
        _app(opening, n, "B", ["applied", "screening", "rejected"])
    _app(opening, 20, "", ["applied", "screening", "interviewing"])  # declined to say
    _app(opening, 21, None, ["applied"])  # never asked, still pending at applied
    rates = selection_rates([opening])
    assert rates["groups"] == ["A", "B"]
    assert rates["n_applications"] == 10 and rates["n_not_stated"] == 2
    screening = next(s for s in rates["stages"] if s["stage"] == "screening")
    rows = {r["group"]: r for r in screening["rows"]}
    assert rows["A"]["rate"] == 1.0 and rows["B"]["rate"] == 0.25
    assert rows["B"]["impact_ratio"] == 0.25 and rows["B"]["below_four_fifths"]
    assert 0 < rows["B"]["fisher_p"] < 1 and rows["B"]["small_sample"]
    assert screening["any_below"]
    assert rows["Not stated"]["compared"] is False and rows["Not stated"]["reached"] == 1
    applied = next(s for s in rates["stages"] if s["stage"] == "applied")
    assert {r["group"]: r["pending"] for r in applied["rows"]}["Not stated"] == 1


def test_answers_without_consent_count_as_not_stated(opening):
    app = _app(opening, 1, "A", ["applied", "screening"])
    SelfIdentification.objects.filter(candidate=app.candidate).update(consent_given_at=None)
    rates = selection_rates([opening])
    assert rates["groups"] == [] and rates["n_not_stated"] == 1
