"""The calibration page lists one page of candidates, filtered and sorted as asked."""

import re

import pytest

from reports.calibration.compute import store_snapshot
from reports.calibration.presentation import PAGE_SIZE
from tests.reports.report_helpers import add_candidates

URL = "/reports/openings/{}/calibration/"


def _listed(html: str) -> list[str]:
    """The candidates the page lists, in order (each is linked from its one sentence at the
    top and from its row further down)."""
    return list(dict.fromkeys(re.findall(r'/candidates/\d+/">([^<]+)</a>', html)))


@pytest.mark.django_db
def test_candidates_are_paginated_filtered_and_sorted(client, manager, cohort_opening):
    add_candidates(cohort_opening, PAGE_SIZE + 7, stage="assessment")
    store_snapshot(cohort_opening)
    client.force_login(manager)
    url = URL.format(cohort_opening.slug)
    first = client.get(url).content.decode()
    assert len(_listed(first)) == PAGE_SIZE
    assert f"Candidates 1–{PAGE_SIZE} of {PAGE_SIZE + 10}." in first
    assert "Page 1 of 2" in first and "page=2" in first
    second = client.get(url + "?page=2").content.decode()
    assert len(_listed(second)) == 10
    assert not set(_listed(first)) & set(_listed(second))
    only = client.get(url + "?stage=calibration").content.decode()
    assert _listed(only) == ["Ada Lovelace"]
    assert "matching (60 in the opening)" in only
    by_name = _listed(client.get(url + "?sort=name").content.decode())
    assert by_name == sorted(by_name, key=str.lower)
    assert len(_listed(client.get(url + "?page=99&sort=nonsense").content.decode())) == 10


@pytest.mark.django_db
def test_page_size_does_not_grow_with_candidates(client, manager, cohort_opening):
    client.force_login(manager)
    url = URL.format(cohort_opening.slug)
    add_candidates(cohort_opening, PAGE_SIZE, stage="assessment")
    store_snapshot(cohort_opening)
    few = len(client.get(url).content)
    add_candidates(cohort_opening, 2 * PAGE_SIZE, stage="assessment", first=PAGE_SIZE)
    store_snapshot(cohort_opening)
    many = len(client.get(url).content)
    assert many < few * 1.1
