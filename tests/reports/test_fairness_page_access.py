"""The fairness pages are for HR only."""

import pytest

PAGES = ["/reports/fairness/", "/reports/fairness/{}/"]


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_is_sent_to_login(client, opening, page):
    response = client.get(page.format(opening.slug))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["manager", "other_manager", "interviewer", "outsider"])
@pytest.mark.parametrize("page", PAGES)
def test_managers_and_interviewers_are_refused(client, opening, page, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(page.format(opening.slug)).status_code == 403


@pytest.mark.parametrize("who", ["hr", "superuser"])
@pytest.mark.parametrize("page", PAGES)
def test_hr_sees_rates_and_the_counting_rule(client, opening, application, page, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.get(page.format(opening.slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert "How these figures are counted" in html and "four-fifths" in html


def test_unknown_opening_is_404_for_hr(client, hr):
    client.force_login(hr)
    assert client.get("/reports/fairness/nope/").status_code == 404


def test_query_count_does_not_grow_with_applications(client, hr, opening):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests import factories

    client.force_login(hr)
    counts = []
    for n in range(2):
        for k in range(3):
            factories.make_application(opening, f"Q{n}{k}", "Count")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/reports/fairness/{opening.slug}/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 10  # 8, and the top bar's interviews and roleplays due
