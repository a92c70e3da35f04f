"""The workspace's candidate listing: filter by stage and opening, with or without a search.

A candidate's stage is on their applications, a related table, which Wagtail's search
would refuse as a filter once a word is typed; the filters narrow by id instead
(selection/admin_filters.py). Both filters apply to the same application.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from selection.models import Candidate, CandidateSource
from tests import factories


@pytest.fixture
def people(opening):
    """Ada Lovelace interviews in the first opening; Ada Byron is rejected there and
    interviews in the second; Alan Turing has only applied to the first."""
    second = factories.make_opening(opening.role_profile, slug="second-one")
    lovelace = factories.make_application(opening, "Ada", "Lovelace").candidate
    byron = factories.make_application(opening, "Ada", "Byron", stage="rejected").candidate
    factories.make_application(second, "Ada", "Byron", stage="interviewing")
    turing = factories.make_application(opening, "Alan", "Turing", stage="applied").candidate
    return {"first": opening, "second": second, "lovelace": lovelace, "byron": byron,
            "turing": turing}


@pytest.fixture
def hr_client(client, hr):
    client.force_login(hr, backend="django.contrib.auth.backends.ModelBackend")
    return client


def listed(client, view="list", **params) -> set[int]:
    """The candidates whose edit link the listing shows."""
    response = client.get(reverse(f"wagtailsnippets_selection_candidate:{view}"), params)
    assert response.status_code == 200, response.content[:2000]
    return {int(pk) for pk in re.findall(r"/cms/snippets/selection/candidate/edit/(\d+)/",
                                         response.content.decode())}


def test_stage_filter_without_a_search_term(hr_client, people):
    p = people
    assert listed(hr_client) == {p["lovelace"].pk, p["byron"].pk, p["turing"].pk}
    assert listed(hr_client, stage="interviewing") == {p["lovelace"].pk, p["byron"].pk}
    assert listed(hr_client, stage="applied") == {p["turing"].pk}
    assert listed(hr_client, stage="hired") == set()


def test_stage_filter_with_a_search_term(hr_client, people):
    p = people
    assert listed(hr_client, q="Ada") == {p["lovelace"].pk, p["byron"].pk}
    assert listed(hr_client, q="Ada", stage="interviewing") == {p["lovelace"].pk,
                                                                p["byron"].pk}
    assert listed(hr_client, q="Lovelace", stage="interviewing") == {p["lovelace"].pk}
    assert listed(hr_client, q="Turing", stage="interviewing") == set()
    # The results-only view the filter panel reloads answers the same.
    assert listed(hr_client, "list_results", q="Ada", stage="rejected") == {p["byron"].pk}


def test_stage_and_opening_apply_to_the_same_application(hr_client, people):
    p = people
    first, second = p["first"].pk, p["second"].pk
    assert listed(hr_client, opening=first) == {p["lovelace"].pk, p["byron"].pk,
                                                p["turing"].pk}
    # Ada Byron interviews, but not for the first opening.
    assert listed(hr_client, stage="interviewing", opening=first) == {p["lovelace"].pk}
    assert listed(hr_client, q="Ada", stage="interviewing", opening=second) == {p["byron"].pk}
    assert listed(hr_client, q="Byron", stage="rejected", opening=first) == {p["byron"].pk}


def test_source_filters_with_stage_and_a_search_term(hr_client, people):
    """The source is a column of the candidate, filtered in the search backend itself."""
    p = people
    referral = CandidateSource.objects.get_or_create(slug="referral",
                                                     defaults={"name": "Referral"})[0]
    Candidate.objects.filter(pk__in=[p["byron"].pk, p["turing"].pk]).update(source=referral)
    assert listed(hr_client, source=referral.pk) == {p["byron"].pk, p["turing"].pk}
    assert listed(hr_client, q="Ada", source=referral.pk) == {p["byron"].pk}
    assert listed(hr_client, q="Ada", source=referral.pk, stage="interviewing",
                  opening=p["first"].pk) == set()
    assert listed(hr_client, q="Ada", source=referral.pk, stage="rejected") == {p["byron"].pk}


def test_each_row_says_its_openings_and_stages(hr_client, people):
    html = hr_client.get(reverse("wagtailsnippets_selection_candidate:list"),
                         {"q": "Byron"}).content.decode()
    assert "Opening ae-test: Rejected; Opening second-one: Interviewing" in html
    # The filter panel offers both filters.
    assert 'name="stage" value="interviewing"' in html and 'name="opening"' in html


def test_an_unknown_stage_lists_everyone_rather_than_failing(hr_client, people):
    response = hr_client.get(reverse("wagtailsnippets_selection_candidate:list"),
                             {"stage": "nonsense", "q": "Ada"})
    assert response.status_code == 200


def _queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("wagtailsnippets_selection_candidate:list"), params)
    assert response.status_code == 200
    return len(captured)


def _add_candidates(opening, second, start: int, count: int) -> None:
    for n in range(start, start + count):
        factories.make_application(opening, "Grace", f"Hopper{n:03d}")
        factories.make_application(second, "Grace", f"Hopper{n:03d}", stage="screening")


@pytest.mark.parametrize("params", [{}, {"stage": "interviewing"},
                                    {"q": "Grace", "stage": "interviewing"}])
def test_the_query_count_does_not_grow_with_the_rows(hr_client, people, params):
    p = people
    _add_candidates(p["first"], p["second"], 0, 2)
    hr_client.get(reverse("wagtailsnippets_selection_candidate:list"))  # warm caches
    few = _queries(hr_client, **params)
    _add_candidates(p["first"], p["second"], 2, 12)
    assert Candidate.objects.count() == 17
    assert _queries(hr_client, **params) == few
