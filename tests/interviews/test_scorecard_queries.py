"""The scorecard page runs a fixed number of queries, however many questions it has."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from interviews.models import Answer, Interview, Scorecard
from tests.interviews.conftest import make_question


def _card_with(count, application, interviewer, library):
    interview = Interview.objects.create(application=application, interviewer=interviewer)
    card = Scorecard.objects.create(interview=interview)
    dims = [library["discovery"], library["negotiating"], library["resilience"]]
    for n in range(count):
        question = make_question(dims[n % 3], f"q{count}-{n}")
        Answer.objects.create(scorecard=card, question=question, sort_order=n,
                              situation=f"note {n}", rating=(n % 5) + 1)
    return card


def _count(client, card):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/interviews/scorecards/{card.pk}/")
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_questions(client, opening, interviewer, library):
    from tests import factories

    small = _card_with(2, factories.make_application(opening, "Two", "Questions"),
                       interviewer, library)
    large = _card_with(6, factories.make_application(opening, "Six", "Questions"),
                       interviewer, library)
    client.force_login(interviewer)
    _count(client, small)  # warm up the session
    assert _count(client, small) == _count(client, large)


def test_submitted_page_query_count_does_not_grow(client, opening, interviewer, library):
    from tests import factories

    cards = [
        _card_with(n, factories.make_application(opening, f"N{n}", "Cand"), interviewer, library)
        for n in (2, 6)
    ]
    Scorecard.objects.filter(pk__in=[c.pk for c in cards]).update(state=Scorecard.SUBMITTED)
    client.force_login(interviewer)
    _count(client, cards[0])
    assert _count(client, cards[0]) == _count(client, cards[1])
