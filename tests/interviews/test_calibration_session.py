"""The calibration session records the meeting's outcome per candidate, with history."""

from selection.models import Application, Decision
from tests.interviews.conftest import card_of, complete


def _url(opening):
    return f"/interviews/openings/{opening.slug}/calibration-session/"


def test_recording_a_decision_moves_the_candidate_and_shows_history(client, scheduled,
                                                                     manager, interviewer):
    complete(card_of(interviewer, scheduled), interviewer, rating=4)
    Application.objects.filter(pk=scheduled.pk).update(stage=Application.CALIBRATION)
    client.force_login(manager)
    page = client.get(_url(scheduled.opening)).content.decode()
    assert "Ada Lovelace" in page and "1 of 3 scorecards submitted" in page
    response = client.post(_url(scheduled.opening), {
        "application": scheduled.pk, f"app{scheduled.pk}-outcome": "hire",
        f"app{scheduled.pk}-rationale": "Best discovery examples of the round.",
    })
    assert response.status_code == 302
    decision = Decision.objects.get(application=scheduled)
    assert decision.outcome == "hire" and decision.decided_by == manager
    scheduled.refresh_from_db()
    assert scheduled.stage == Application.OFFER
    page = client.get(_url(scheduled.opening)).content.decode()
    assert "Best discovery examples of the round." in page
    assert manager.get_full_name() in page or manager.email in page


def test_decision_needs_a_rationale(client, scheduled, manager):
    client.force_login(manager)
    response = client.post(_url(scheduled.opening), {
        "application": scheduled.pk, f"app{scheduled.pk}-outcome": "no_hire",
        f"app{scheduled.pk}-rationale": "",
    })
    assert response.status_code == 400
    assert not Decision.objects.exists()


def test_candidate_of_another_opening_is_refused(client, scheduled, manager, other_opening):
    from tests import factories

    stranger = factories.make_application(other_opening, "Not", "Ours")
    client.force_login(manager)
    client.post(_url(scheduled.opening), {
        "application": stranger.pk, f"app{stranger.pk}-outcome": "hire",
        f"app{stranger.pk}-rationale": "x",
    })
    assert not Decision.objects.exists()


def test_session_page_query_count_is_fixed(client, scheduled, manager, interviewer,
                                            django_assert_max_num_queries):
    from tests import factories

    complete(card_of(interviewer, scheduled), interviewer)
    client.force_login(manager)
    client.get(_url(scheduled.opening))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(_url(scheduled.opening))
    from interviews import planning

    for n in range(3):
        more = factories.make_application(scheduled.opening, f"Extra{n}", "Person")
        planning.schedule_interviews(application=more, by=manager)
    with CaptureQueriesContext(connection) as four:
        client.get(_url(scheduled.opening))
    assert len(four.captured_queries) == len(one.captured_queries)


def test_calibration_stage_candidates_come_first(client, scheduled, manager):
    from tests import factories

    later = factories.make_application(scheduled.opening, "Aaron", "Aardvark", stage="calibration")
    client.force_login(manager)
    page = client.get(_url(scheduled.opening)).content.decode()
    assert page.index("Aaron Aardvark") < page.index("Ada Lovelace")
    assert later.stage == "calibration"


def test_the_session_says_what_each_outcome_does_and_a_rejection_needs_a_reason(
        client, scheduled, manager, reason):
    """The same decision form as the candidate page: each outcome's effect on the stage is
    said before it is chosen, and a rejection needs a reason from HR's list (issue 14)."""
    Application.objects.filter(pk=scheduled.pk).update(stage=Application.CALIBRATION)
    client.force_login(manager)
    url, pk = _url(scheduled.opening), scheduled.pk
    page = client.get(url).content.decode()
    assert "Advance moves Ada Lovelace to Offer." in page
    assert "Hire moves Ada Lovelace to Offer." in page
    assert "No hire moves Ada Lovelace to Rejected." in page
    assert reason.name in page and "Retired reason" not in page
    refused = client.post(url, {"application": pk, f"app{pk}-outcome": "no_hire",
                                f"app{pk}-rationale": "Thin discovery examples."})
    assert refused.status_code == 400
    assert "A rejection needs at least one reason from the list." in refused.content.decode()
    assert not Decision.objects.exists()
    done = client.post(url, {"application": pk, f"app{pk}-outcome": "no_hire",
                             f"app{pk}-reasons": [reason.pk]})
    assert done.status_code == 302
    decision = Decision.objects.get(application=scheduled)
    assert list(decision.reasons.all()) == [reason] and decision.rationale == ""
    scheduled.refresh_from_db()
    assert scheduled.stage == Application.REJECTED
