"""An opening's pipeline as CSV: stages, dates, recommendations and decisions; formula-safe."""

import csv
import io

from selection.models import Candidate
from selection.pipeline import record_decision
from tests import factories
from tests.interviews.conftest import card_of, complete


def _download(client, user, opening):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(f"/interviews/openings/{opening.slug}/pipeline.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="pipeline-{opening.slug}.csv"' in response["Content-Disposition"]
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_rows_carry_stage_dates_recommendations_and_the_decision(
        client, scheduled, team, manager, opening):
    complete(card_of(team[0], scheduled), team[0], recommendation="yes")
    complete(card_of(team[1], scheduled), team[1], recommendation="no")
    record_decision(application=scheduled, outcome="advance", rationale="Strong discovery.",
                    by=manager)
    header, *rows = _download(client, manager, opening)
    assert header[:3] == ["Candidate", "Email", "Stage"]
    row = dict(zip(header, rows[0], strict=True))
    assert row["Candidate"] == "Ada Lovelace"
    assert row["Interview scorecards"] == "2"
    assert "Yes: 1" in row["Recommendations"] and "No: 1" in row["Recommendations"]
    assert row["Latest decision"] == "Advance"
    assert row["In stage since"] == scheduled.stage_changed_at.date().isoformat()


def test_formula_like_names_are_neutralised(client, opening, manager):
    application = factories.make_application(opening, "Eve", "Mallory")
    Candidate.objects.filter(pk=application.candidate_id).update(
        first_name='=HYPERLINK("http://evil.example","x")', last_name="@SUM(1)")
    header, *rows = _download(client, manager, opening)
    name = rows[0][0]
    assert name.startswith("'=HYPERLINK"), name
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_an_interviewer_cannot_download(client, opening, interviewer):
    client.force_login(interviewer, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(f"/interviews/openings/{opening.slug}/pipeline.csv").status_code == 403
