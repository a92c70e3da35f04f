"""A candidate measured by fewer instruments than the producers is flagged as such.

Real roleplay scorecards: every producer and Ada did the discovery-call roleplay; Bo and
Cy did not. Their dimension scores then rest on psychometrics alone while the producers'
average two instruments, and the calibration page and the hiring report say so.
"""

import pytest

from reports.calibration.compute import calibrate_opening
from reports.hiring_report.gather import candidate_report
from selection.models import Producer


@pytest.fixture
def roleplay_opening(cohort_opening, interviewer):
    from assessments.models import RoleplayExercise, RoleplayRating, RoleplayScorecard

    exercise = RoleplayExercise.objects.create(
        title="Discovery call <b>with</b> a CFO", slug="discovery-call",
        candidate_brief="Find the pain.", buyer_brief="Reveal the budget late.",
    )
    discovery = cohort_opening.test_dims[0]
    people = [{"producer": p} for p in Producer.objects.order_by("pk")]
    people.append({"candidate": cohort_opening.applications_by_name["Ada"].candidate})
    for n, person in enumerate(people):
        card = RoleplayScorecard.objects.create(
            exercise=exercise, assessor=interviewer, status=RoleplayScorecard.SUBMITTED,
            **person)
        RoleplayRating.objects.create(scorecard=card, dimension=discovery, rating=1 + n % 5)
    return cohort_opening


def _candidate(payload, first):
    return next(c for c in payload["candidates"] if c["name"].startswith(first))


def test_payload_lists_each_candidates_instruments_and_what_they_lack(roleplay_opening):
    payload = calibrate_opening(roleplay_opening)
    assert "discovery" in payload["fit_basis"]["dimensions"]
    ada, bo = _candidate(payload, "Ada"), _candidate(payload, "Bo")
    assert ada["instruments"] == ["psychometric:Sales Inventory", "roleplay:discovery-call"]
    assert ada["missing_instruments"] == []
    assert bo["instruments"] == ["psychometric:Sales Inventory"]
    assert bo["missing_instruments"] == [
        {"instrument": "roleplay:discovery-call", "producer_share": 1.0}]


def test_without_the_roleplay_nobody_lacks_anything(cohort_opening):
    payload = calibrate_opening(cohort_opening)
    assert all(c["missing_instruments"] == [] for c in payload["candidates"])


def test_calibration_page_and_report_say_what_the_candidate_lacks(client, roleplay_opening,
                                                                    manager):
    client.force_login(manager)
    html = client.get(f"/reports/openings/{roleplay_opening.slug}/calibration/").content.decode()
    assert html.count("no roleplay: 100 % of producers have it") == 2  # Bo and Cy
    report = candidate_report(roleplay_opening.applications_by_name["Bo"])
    assert any(line.startswith("100 % of the producers compared have the roleplay "
                               "“Discovery call <b>with</b> a CFO” scores; this candidate "
                               "has none") for line in report.limits)
    ada = candidate_report(roleplay_opening.applications_by_name["Ada"])
    assert not any("this candidate has none" in line for line in ada.limits)


def test_the_lacking_instrument_prints_as_text_in_the_pdf(client, roleplay_opening, manager):
    from tests.reports.report_helpers import pdf_text, squash

    bo = roleplay_opening.applications_by_name["Bo"]
    client.force_login(manager)
    url = f"/reports/openings/{roleplay_opening.slug}/candidates/{bo.pk}/"
    page = client.get(url + "report/")
    assert page.status_code == 200
    assert "“Discovery call &lt;b&gt;with&lt;/b&gt; a CFO” scores" in page.content.decode()
    pdf = client.get(url + "report.pdf")
    assert pdf.status_code == 200
    text = squash(pdf_text(b"".join(pdf.streaming_content) if pdf.streaming else pdf.content))
    assert squash("the roleplay “Discovery call <b>with</b> a CFO” scores") in text


def test_a_snapshot_stored_by_older_code_is_recomputed_before_it_is_shown(
    client, roleplay_opening, manager
):
    from reports.calibration.compute import PAYLOAD_FORMAT, store_snapshot
    from reports.models import CalibrationSnapshot

    old = store_snapshot(roleplay_opening)
    payload = dict(old.calibration)  # older code kept the candidates inside the payload
    del payload["format"], payload["snapshot_id"]
    for cand in payload["candidates"]:
        del cand["instruments"], cand["missing_instruments"]
    CalibrationSnapshot.objects.filter(pk=old.pk).update(payload=payload)
    old.rows.all().delete()
    client.force_login(manager)
    html = client.get(f"/reports/openings/{roleplay_opening.slug}/calibration/").content.decode()
    assert "no roleplay: 100 % of producers have it" in html
    latest = CalibrationSnapshot.objects.filter(opening=roleplay_opening).first()
    assert latest.pk != old.pk and latest.payload["format"] == PAYLOAD_FORMAT
    # a current snapshot is shown as it is, not recomputed on every visit
    client.get(f"/reports/openings/{roleplay_opening.slug}/calibration/")
    assert CalibrationSnapshot.objects.filter(opening=roleplay_opening).first().pk == latest.pk
