"""The manager's pipeline board shows each candidate's one-sentence status from the hiring
report's rule, read from the stored snapshot; the home's queries do not grow with openings."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.calibration.blinding import blind_for
from reports.calibration.compute import store_snapshot
from reports.calibration.snapshots import stored_calibration
from reports.hiring_report.headlines import opening_headlines
from reports.hiring_report.pipeline_status import board_sentence
from tests import factories

pytestmark = pytest.mark.django_db


def _home(client, user):
    client.force_login(user)
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/").content.decode()
    return len(queries), page


def test_pipeline_board_shows_the_hiring_reports_sentence_and_days_in_stage(
        client, cohort_opening, manager):
    store_snapshot(cohort_opening)
    payload, _ = stored_calibration(cohort_opening, every_candidate=True)
    expected = opening_headlines(cohort_opening, payload, blind_for(manager, cohort_opening))
    assert expected
    _, page = _home(client, manager)
    board = page[page.index("Pipeline by stage"):]
    board = html.unescape(board[:board.index("</section>")])
    for band in expected.values():
        # the report's sentence, without the band's name in front (the badge beside it
        # says it) and without "shown below" (the chart is in the report, not here)
        shown = board_sentence(band)
        assert shown and shown in board and band["label"] in board
        assert shown[1:] in band["sentence"].replace(", shown below.", ".")
        assert not shown.startswith(band["label"] + ":")
    assert "shown below" not in board
    assert "days in stage" in board or "day in stage" in board


def test_board_sentence_by_hand():
    status = {"label": "Fit", "sentence": "Fit: meets 6 of 7 requirements at or above "
              "target; compared with the company's producers: P(top) 6 %, shown below."}
    assert board_sentence(status) == ("Meets 6 of 7 requirements at or above target; compared "
                                      "with the company's producers: P(top) 6 %.")


def test_pipeline_board_without_a_snapshot_shows_no_sentence(client, opening, manager):
    factories.make_application(opening, "Ada", "Lovelace", stage="screening")
    _, page = _home(client, manager)
    board = page[page.index("Pipeline by stage"):]
    board = board[:board.index("</section>")]
    assert "Ada Lovelace" in board and "pipeline-status" not in board


def test_manager_home_queries_do_not_grow_with_openings_on_the_board(client, library,
                                                                     manager):
    def opening_with_snapshot(n):
        opening = factories.make_opening(library["profile"], manager=manager, slug=f"b-{n}")
        for k in range(2):
            factories.make_application(opening, f"Cand{k}", f"Opening{n}", stage="calibration")
        store_snapshot(opening)

    opening_with_snapshot(0)
    one, _ = _home(client, manager)
    for n in range(1, 20):
        opening_with_snapshot(n)
    twenty, page = _home(client, manager)
    assert page.count("pipeline-card") == 40
    assert twenty == one


def test_a_crowded_stage_shows_those_waiting_longest_and_counts_the_rest(client, opening,
                                                                          manager):
    from datetime import timedelta

    from django.utils import timezone

    from selection.models import Application
    from selection.pipeline_board import CARDS_PER_COLUMN

    now = timezone.now()
    for k in range(CARDS_PER_COLUMN + 3):
        app = factories.make_application(opening, f"Wait{k}", "Screening", stage="screening")
        Application.objects.filter(pk=app.pk).update(stage_changed_at=now - timedelta(days=k))
    _, page = _home(client, manager)
    board = page[page.index("Pipeline by stage"):]
    board = board[:board.index("</section>")]
    assert board.count("pipeline-card") == CARDS_PER_COLUMN
    # the longest waits are shown, the three newest are counted and linked
    assert f"Wait{CARDS_PER_COLUMN + 2} Screening" in board and "Wait0 Screening" not in board
    assert f"({CARDS_PER_COLUMN + 3})" in board
    assert "and 3 more on the opening's page" in board
    assert f'href="{opening.get_absolute_url()}"' in board
