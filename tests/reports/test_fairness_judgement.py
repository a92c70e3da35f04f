"""The fairness page judges each comparison in words, with its interval, and names the
reference group; a small-sample ratio below 0.8 is not a red alarm."""

import math

from django.utils import timezone

from reports.calibration.fairness import judgement_words, selection_rates
from reports.models import SelfIdentification
from reports.stats import adverse_impact
from selection.models import StageChange
from tests import factories


def _words(selected, applicants, group="B"):
    return judgement_words(next(r for r in adverse_impact(selected, applicants)
                                if r.group == group))


def test_small_sample_below_four_fifths_is_too_small_to_tell():
    # 8 of 30 against 15 of 30: ratio 0.53, interval 0.27-1.07 contains 0.8, Fisher p 0.11.
    words = _words({"A": 15, "B": 8}, {"A": 30, "B": 30})
    assert words == "below four-fifths, but the numbers are too small to tell (interval 0.27-1.07)"


def test_significant_cases_and_the_reference_in_words():
    assert _words({"A": 48, "B": 12}, {"A": 80, "B": 40}).startswith(
        "adverse impact: below four-fifths and a significant difference (interval 0.")
    assert _words({"A": 500, "B": 450}, {"A": 1000, "B": 1000}) == (
        "above four-fifths, but a significant difference (interval 0.82-0.99)")
    assert _words({"A": 15, "B": 14}, {"A": 30, "B": 30}).startswith(
        "no indication of adverse impact (interval ")
    assert _words({"A": 15, "B": 14}, {"A": 30, "B": 30}, group="A") == (
        "reference group: the highest rate at this stage")
    assert _words({"A": 0, "B": 0}, {"A": 10, "B": 10}) == "too little data to compare"
    # nobody selected: no interval, said so instead of printing "nan"
    assert "no interval, as a rate is 0" in _words({"A": 3, "B": 0}, {"A": 6, "B": 4})


def _app(opening, n, group, path):
    app = factories.make_application(opening, f"C{n}", "Test", stage=path[-1])
    previous = ""
    for stage in path:
        StageChange.objects.create(application=app, from_stage=previous, to_stage=stage)
        previous = stage
    SelfIdentification.objects.create(candidate=app.candidate, group_label=group,
                                      consent_given_at=timezone.now())
    return app


def _two_groups(opening):
    # Screening: A passes 4 of 4, B passes 1 of 4 -> ratio 0.25, Fisher p = 0.14.
    for n in range(4):
        _app(opening, n, "A", ["applied", "screening", "interviewing"])
    _app(opening, 10, "B", ["applied", "screening", "interviewing"])
    for n in range(11, 14):
        _app(opening, n, "B", ["applied", "screening", "rejected"])


def test_selection_rates_carry_interval_z_shortfall_and_judgement(opening):
    _two_groups(opening)
    rates = selection_rates([opening])
    screening = next(s for s in rates["stages"] if s["stage"] == "screening")
    rows = {r["group"]: r for r in screening["rows"]}
    assert screening["reference"] == "A" and rows["A"]["reference"]
    b = rows["B"]
    assert b["judgement"] == "below four-fifths, not significant"
    assert b["shortfall"] == 3  # 0.8 x 1.0 x 4 = 3.2 -> 4 needed, 1 passed
    assert b["z"] < 0 and 0 < b["z_p"] < 0.05  # the Z test is less cautious than Fisher
    assert b["ci_low"] < 0.8 < b["ci_high"]
    assert not screening["any_adverse"] and screening["any_below"]
    assert b["judgement_words"].startswith("below four-fifths, but the numbers are too small")
    # applied: nobody lost at "applied" (all 8 passed), screening: one comparison with data
    assert rates["n_comparisons"] >= 1
    assert f"makes {rates['n_comparisons']} comparison" in rates["multiple_comparisons"]
    assert math.isnan(rows["A"]["z"])


def test_page_shows_reference_words_and_the_multiple_comparison_line(client, hr, opening):
    _two_groups(opening)
    client.force_login(hr)
    html = client.get(f"/reports/fairness/{opening.slug}/").content.decode()
    assert "Reference group: <strong>A</strong>, the group with the highest selection rate" in html
    assert "below four-fifths, but the numbers are too small to tell (interval 0." in html
    assert "about one in twenty comparisons looks significant by chance" in html
    assert '<span class="badge bad">adverse impact</span>' not in html  # no red alarm here
    assert "Shortfall" in html and "Z (p)" in html
