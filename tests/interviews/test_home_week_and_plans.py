"""The manager's interviews of the next seven days, and HR's openings whose interview plan
is missing or leaves a requirement nobody asks about."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from interviews import planning, scheduling
from interviews.models import Interview
from tests import factories
from tests.interviews.conftest import book
from tests.interviews.test_home_lists import home_queries

pytestmark = pytest.mark.django_db
ZONE = "Europe/Stockholm"


def local_day_at(days: int, hour: int) -> datetime:
    day = timezone.now().astimezone(ZoneInfo(ZONE)).date() + timedelta(days=days)
    return datetime.combine(day, datetime.min.time()).replace(hour=hour)


def section_of(page: str, heading: str) -> str:
    part = page[page.index(heading):]
    return part[:part.index("</section>")]


def test_manager_sees_the_next_seven_days_interviews_only(client, scheduled, manager,
                                                          interviewer, mailed):
    later = factories.make_application(scheduled.opening, "Grace", "Hopper")
    unbooked = factories.make_application(scheduled.opening, "Alan", "Turing")
    for application in (later, unbooked):
        planning.schedule_interviews(application=application, by=manager)
    with mailed():
        book(scheduled, manager, local_day_at(2, 9))  # three, 09:00, 10:00 and 11:00
        book(later, manager, local_day_at(10, 9))
    dropped = Interview.objects.get(application=scheduled, interviewer=interviewer)
    with mailed():
        scheduling.cancel_interview(interview=dropped, reason="Panel changed.", by=manager)
    client.force_login(manager)
    section = section_of(client.get("/").content.decode(), "Interviews in your openings")
    week = section[section.index("Interviews in the next 7 days (2)"):]
    listed = [i for i in scheduling.interviews_of(scheduled) if i.pk != dropped.pk]
    for interview in listed:
        assert f"{interview.when_display}: Ada Lovelace with" in week
    assert dropped.when_display not in week  # cancelled
    assert "Grace Hopper" not in week  # ten days away
    assert "3 without a time" in section  # Alan Turing's three interviews


def test_hr_sees_a_plan_that_leaves_requirements_uncovered_until_it_is_split(
        client, hr, kit, team, manager):
    client.force_login(hr)
    section = section_of(client.get("/").content.decode(),
                         "Openings without a complete interview plan")
    assert kit.opening.title in section
    assert "3 requirement(s) nobody asks about" in section
    planning.apply_auto_split(kit=kit, by=manager)
    section = section_of(client.get("/").content.decode(),
                         "Openings without a complete interview plan")
    assert kit.opening.title not in section
    assert "Every open opening has a plan that covers its requirements." in section


def test_hr_home_queries_do_not_grow_with_openings_that_have_kits(client, library, bank, hr,
                                                                  manager):
    first = factories.make_opening(library["profile"], manager=manager, slug="first")
    planning.build_kit(opening=first, by=manager)
    one = home_queries(client, hr)
    for n in range(19):
        opening = factories.make_opening(library["profile"], manager=manager, slug=f"m-{n}")
        planning.build_kit(opening=opening, by=manager)
    assert home_queries(client, hr) == one
    section = section_of(client.get("/").content.decode(),
                         "Openings without a complete interview plan")
    assert section.count("requirement(s) nobody asks about") == 20
