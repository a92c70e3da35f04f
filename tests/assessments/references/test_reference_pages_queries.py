"""The candidate page's references section costs the same queries for two referees or six,
and HR writes reference questions in the CMS."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.references import answering, nomination
from tests.assessments.references.conftest import answers_for, referee_rows


def page_queries(client, application) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(application.get_absolute_url()).status_code == 200
    return len(queries)


def test_more_referees_cost_no_more_queries(client, reference_request, finalist, manager):
    rows = [(f"Ref {n}", f"ref{n}@acme.example", "former_manager") for n in range(6)]
    referees = nomination.name_referees(request=reference_request, data=referee_rows(*rows[:2]))
    for referee in referees:
        answering.save_answers(referee=referee, data=answers_for(referee), submit=True)
    client.force_login(manager)
    page_queries(client, finalist)  # the first request fills per-process caches
    two = page_queries(client, finalist)
    reference_request.referees.all().delete()
    reference_request.named_at = None
    reference_request.save()
    for referee in nomination.name_referees(request=reference_request, data=referee_rows(*rows)):
        answering.save_answers(referee=referee, data=answers_for(referee), submit=True)
    assert page_queries(client, finalist) == two


def test_hr_writes_reference_questions_in_the_cms(client, hr, library):
    client.force_login(hr)
    assert client.get("/cms/snippets/assessments/referencequestion/").status_code == 200
    assert client.get("/cms/snippets/assessments/referencequestion/add/").status_code == 200
