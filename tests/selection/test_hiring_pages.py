"""Who sees openings and candidates, moving candidates, and what the pages show."""

import pytest
from django.urls import reverse

from selection.models import Application, StageChange
from selection.pipeline import record_decision


def login(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def urls(application):
    slug = application.opening.slug
    return [
        reverse("opening_detail", args=[slug]),
        reverse("application_detail", args=[slug, application.pk]),
    ]


@pytest.mark.parametrize("who", ["manager", "hr", "superuser"])
def test_managers_and_hr_see_the_opening_and_candidate(client, request, application, who):
    login(client, request.getfixturevalue(who))
    for url in urls(application):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["interviewer", "outsider", "other_manager"])
def test_others_are_refused(client, request, application, who):
    login(client, request.getfixturevalue(who))
    for url in urls(application):
        assert client.get(url).status_code == 403, url


def test_anonymous_goes_to_login(client, application):
    for url in urls(application) + [reverse("home"), reverse("opening_list")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_unknown_opening_is_404(client, hr):
    login(client, hr)
    assert client.get(reverse("opening_detail", args=["nope"])).status_code == 404


def test_home_lists_the_managers_openings_only(client, manager, other_manager, opening):
    assert opening.title in login(client, manager).get(reverse("home")).content.decode()
    assert opening.title not in login(client, other_manager).get(reverse("home")).content.decode()


def test_manager_moves_a_candidate_and_history_is_kept(client, manager, application):
    login(client, manager)
    response = client.post(
        reverse("application_move_stage", args=[application.opening.slug, application.pk]),
        {"stage": "calibration"},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == "calibration"
    change = StageChange.objects.get(application=application)
    assert (change.from_stage, change.to_stage, change.changed_by) == (
        "interviewing", "calibration", manager
    )


def test_an_unknown_stage_changes_nothing(client, manager, application):
    login(client, manager)
    client.post(
        reverse("application_move_stage", args=[application.opening.slug, application.pk]),
        {"stage": "promoted-to-ceo"},
    )
    application.refresh_from_db()
    assert application.stage == "interviewing"
    assert not StageChange.objects.exists()


def test_interviewer_cannot_move_a_candidate(client, interviewer, application):
    login(client, interviewer)
    response = client.post(
        reverse("application_move_stage", args=[application.opening.slug, application.pk]),
        {"stage": "hired"},
    )
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.stage == "interviewing"


def test_decision_moves_the_candidate(manager, application, reason):
    record_decision(application=application, outcome="advance", rationale="Strong.", by=manager)
    application.refresh_from_db()
    assert application.stage == Application.ASSESSMENT
    record_decision(application=application, outcome="no_hire", rationale="Gaps.", by=manager,
                    reasons=[reason])
    application.refresh_from_db()
    assert application.stage == Application.REJECTED
    assert application.decisions.count() == 2


def test_typed_names_are_escaped(client, manager, opening):
    from tests.factories import make_application

    application = make_application(opening, "<script>alert(1)</script>", "O'Brien")
    html = login(client, manager).get(
        reverse("application_detail", args=[opening.slug, application.pk])
    ).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_opening_page_query_count_does_not_grow_with_candidates(
    client, manager, opening, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_application

    login(client, manager)
    url = reverse("opening_detail", args=[opening.slug])
    make_application(opening, "A", "One")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(8):
        make_application(opening, "B", f"Many{n}")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_hr_opens_a_requisition_in_wagtail_pinned_to_the_live_revision(client, hr, library,
                                                                         manager):
    from selection.models import Opening

    profile = library["profile"]
    login(client, hr)
    response = client.post(
        "/cms/snippets/selection/opening/add/",
        {
            "title": "AE, Benelux", "slug": "ae-benelux", "role_profile": profile.pk,
            "location": "Amsterdam", "headcount": "1", "status": "open",
            "opened_at": "2026-11-20 09:00",
            "team-TOTAL_FORMS": "1", "team-INITIAL_FORMS": "0", "team-MIN_NUM_FORMS": "1",
            "team-MAX_NUM_FORMS": "1000", "team-0-user": manager.pk,
            "team-0-role": "hiring_manager", "team-0-id": "", "team-0-ORDER": "1",
            "team-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    opening = Opening.objects.get(slug="ae-benelux")
    profile.refresh_from_db()
    assert opening.role_profile_revision_id == profile.live_revision_id
    assert opening.team.get().user == manager


def test_home_query_count_does_not_grow_with_openings(client, manager, library):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_application, make_opening

    login(client, manager)
    make_opening(library["profile"], manager=manager, slug="first")
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("home"))
    for n in range(4):
        opening = make_opening(library["profile"], manager=manager, slug=f"more-{n}")
        make_application(opening, "C", f"Cand{n}")
    with CaptureQueriesContext(connection) as many:
        html = client.get(reverse("home")).content.decode()
    assert len(many) == len(few)
    assert "Opening more-3" in html
