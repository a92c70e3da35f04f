"""The interviewer's and the manager's home: what is due, by when; never finished work."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.models import RoleplayExercise, RoleplayScorecard
from interviews import planning
from interviews.models import Interview, ScorecardReminder
from tests import factories
from tests.interviews.conftest import book, card_of, complete

pytestmark = pytest.mark.django_db


def local_tomorrow_at(hour, zone="Europe/Stockholm"):
    from zoneinfo import ZoneInfo

    day = timezone.now().astimezone(ZoneInfo(zone)).date() + timedelta(days=1)
    return datetime.combine(day, datetime.min.time()).replace(hour=hour)


def test_an_interview_at_nine_stockholm_shows_first_as_nine_stockholm(
        client, scheduled, manager, interviewer, mailed):
    with mailed():
        book(scheduled, manager, local_tomorrow_at(9), only=interviewer)
    client.force_login(interviewer)
    page = client.get("/").content.decode()
    start = local_tomorrow_at(9)
    expected = f"{start:%A} {start.day} {start:%B %Y}, 09:00–10:00 (Europe/Stockholm)"
    assert expected in page
    assert page.index("Upcoming interviews") < page.index(expected) < page.index(
        "Scorecards to write")


def test_scorecards_due_come_first_overdue_before_due_and_done_ones_fold_away(
        client, scheduled, manager, interviewer, interviewer2, mailed):
    other = factories.make_application(scheduled.opening, "Grace", "Hopper")
    planning.schedule_interviews(application=other, by=manager)
    now = timezone.now()
    with mailed():
        book(scheduled, manager, (now - timedelta(hours=30)).astimezone(
            Interview.objects.first().zone).replace(tzinfo=None), only=interviewer)
        book(other, manager, (now - timedelta(hours=60)).astimezone(
            Interview.objects.first().zone).replace(tzinfo=None), only=interviewer)
    client.force_login(interviewer)
    page = client.get("/").content.decode()
    section = page[page.index("Scorecards to write"):]
    assert section.index("Grace Hopper") < section.index("Ada Lovelace")  # most late first
    assert "Overdue" in section and "Due" in section
    complete(card_of(interviewer, other), interviewer)
    page = client.get("/").content.decode()
    todo, done = page.split("Done: 1 scorecard submitted")
    assert "Grace Hopper" not in todo[todo.index("Scorecards to write"):]
    assert "Grace Hopper" in done and "<details>" in todo[-200:]


def test_submitted_roleplays_leave_the_to_do_list(client, interviewer, application, library):
    exercise = RoleplayExercise(title="Discovery call", slug="discovery-call",
                                candidate_brief="Call.", buyer_brief="Be Dana.",
                                duration_minutes=20)
    exercise.save()
    for n, status in enumerate(["submitted"] * 3 + ["draft"]):
        person = factories.make_application(application.opening, f"P{n}", "Person").candidate
        RoleplayScorecard.objects.create(exercise=exercise, candidate=person,
                                         assessor=interviewer, status=status)
    client.force_login(interviewer)
    page = client.get("/").content.decode()
    section = page[page.index("Roleplays to score"):]
    todo, done = section.split("Done: 3 submitted")
    assert todo.count("To do") == 1 and "Submitted" not in todo
    assert done.count("Submitted") == 3


def _reminded_and_home(client, scheduled, manager, mailed, reminded_ago: timedelta) -> str:
    """Interviews that ended 30 h ago, reminded ``reminded_ago`` back: the manager's
    home from "Interviews in your openings" on."""
    from interviews.reminders import send_scorecard_reminders

    now = timezone.now()
    with mailed():
        book(scheduled, manager, (now - timedelta(hours=30)).astimezone(
            Interview.objects.first().zone).replace(tzinfo=None))
    send_scorecard_reminders(now=now - reminded_ago)
    client.force_login(manager)
    page = client.get("/").content.decode()
    return page[page.index("Interviews in your openings"):]


def test_manager_sees_whose_scorecard_is_late_and_when_it_was_reminded(
        client, scheduled, manager, interviewer, mailed):
    section = _reminded_and_home(client, scheduled, manager, mailed, timedelta(hours=2))
    assert ScorecardReminder.objects.count() == 3
    assert "Scorecards outstanding (3)" in section
    assert "reminded 2\xa0hours ago" in section
    assert interviewer.first_name in section


def test_a_reminder_sent_within_the_minute_reads_just_now(
        client, scheduled, manager, mailed):
    section = _reminded_and_home(client, scheduled, manager, mailed, timedelta(0))
    assert "reminded just now" in section and "0\xa0minutes" not in section


def _many(opening, manager, count, first=0):
    """``count`` more candidates, each with the plan's interviews scheduled for tomorrow."""
    for n in range(first, first + count):
        application = factories.make_application(opening, f"C{n}", f"Many{n}")
        planning.schedule_interviews(application=application, by=manager)
        book(application, manager, local_tomorrow_at(9))


def home_queries(client, user) -> int:
    client.force_login(user)
    client.get("/")  # warm caches that are per process, not per page
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["interviewer", "manager"])
def test_home_query_count_does_not_grow_with_interviews(client, planned, manager, interviewer,
                                                        mailed, who):
    user = {"interviewer": interviewer, "manager": manager}[who]
    with mailed():
        _many(planned.opening, manager, 1)
    one = home_queries(client, user)
    with mailed():
        _many(planned.opening, manager, 19, first=1)
    assert Interview.objects.filter(interviewer=interviewer).count() == 20
    assert home_queries(client, user) == one


def test_hr_home_query_count_does_not_grow_with_openings(client, library, hr, manager,
                                                         interviewer):
    factories.make_opening(library["profile"], manager=manager, slug="first")
    one = home_queries(client, hr)
    for n in range(19):
        factories.make_opening(library["profile"], manager=manager, slug=f"more-{n}")
    assert home_queries(client, hr) == one
    page = client.get("/").content.decode()
    assert page.count("no interview kit yet") == 20


def test_the_top_bar_counts_what_is_due(client, scheduled, manager, interviewer, mailed):
    client.force_login(interviewer)
    assert '<span class="visually-hidden"> due' not in client.get("/interviews/").content.decode()
    other = factories.make_application(scheduled.opening, "Grace", "Hopper")
    planning.schedule_interviews(application=other, by=manager)
    zone = Interview.objects.first().zone
    with mailed():
        book(scheduled, manager, local_tomorrow_at(9), only=interviewer)
        book(other, manager, (timezone.now() - timedelta(hours=30)).astimezone(zone)
             .replace(tzinfo=None), only=interviewer)
    exercise = RoleplayExercise(title="Discovery call", slug="discovery-call",
                                candidate_brief="Call.", buyer_brief="Be Dana.",
                                duration_minutes=20)
    exercise.save()
    for n, status in enumerate(["draft", "draft", "submitted"]):
        person = factories.make_application(scheduled.opening, f"R{n}", "Person").candidate
        RoleplayScorecard.objects.create(exercise=exercise, candidate=person,
                                         assessor=interviewer, status=status)
    page = client.get("/interviews/").content.decode()
    each = "1 interview this week, 1 scorecard to write, 2 roleplays to score"
    assert f'title="{each}">4<span class="visually-hidden"> due: {each}</span>' in page
