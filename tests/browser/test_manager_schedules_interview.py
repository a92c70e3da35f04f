"""The manager books an interview for tomorrow at 10:00 Stockholm time; the interviewer
sees it first on their home page; the invitation opens the scorecard; a move sends an
update with a higher SEQUENCE."""

from datetime import timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import log_in, log_out

pytestmark = pytest.mark.browser
ZONE = "Europe/Stockholm"


def invitation_event(message):
    (_, content, _), = message.attachments
    cal = icalendar.Calendar.from_ical(content)
    event, = cal.walk("VEVENT")
    return cal, event


def fill_row(page, interview, day, start, location="Room Kebnekaise, Stureplan 4"):
    prefix = f"#id_i{interview.pk}-"
    page.fill(f"{prefix}date", day.isoformat())
    page.fill(f"{prefix}start", start)
    page.fill(f"{prefix}time_zone", ZONE)
    page.fill(f"{prefix}location", location)


def test_manager_schedules_and_moves_an_interview(page, shot, scheduled, interviewer):
    application, own, other = scheduled
    mine, theirs = own.interview, other.interview
    tomorrow = timezone.now().astimezone(ZoneInfo(ZONE)).date() + timedelta(days=1)
    mail.outbox.clear()

    log_in(page, "manager@example.com")
    page.goto(application.get_absolute_url())
    page.get_by_role("link", name="Times and places").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ada Lovelace")
    fill_row(page, mine, tomorrow, "10:00")
    fill_row(page, theirs, tomorrow, "11:15")
    shot(page, "times-filled")
    page.get_by_role("button", name="Save and send invitations").click()
    expect(page.get_by_text("Saved: 2 scheduled")).to_be_visible()

    invite, = [m for m in mail.outbox if m.to == [interviewer.email]]
    cal, event = invitation_event(invite)
    start = event.decoded("DTSTART")
    assert cal["METHOD"] == "REQUEST" and int(event["SEQUENCE"]) == 0
    assert (start.date(), start.strftime("%H:%M"), str(start.tzinfo)) == (
        tomorrow, "10:00", ZONE)

    log_out(page)
    log_in(page, interviewer.email)
    page.goto("/")
    first = page.locator("section.todo").first
    expect(first.get_by_role("heading", level=2)).to_contain_text("Upcoming interviews")
    when = f"{tomorrow:%A} {tomorrow.day} {tomorrow:%B %Y}, 10:00–11:00 ({ZONE})"
    expect(first.locator(".todo-item").first).to_contain_text(when)
    shot(page, "interviewer-home")

    link = next(word for word in invite.body.split() if "/interviews/scorecards/" in word
                and "#" not in word)
    page.goto(urlsplit(link).path)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ada Lovelace")

    log_out(page)
    log_in(page, "manager@example.com")
    page.goto(f"/interviews/openings/{application.opening.slug}/candidates/"
              f"{application.pk}/times/")
    page.fill(f"#id_i{mine.pk}-start", "14:00")
    page.fill(f"#id_i{mine.pk}-reason", "The candidate asked for the afternoon.")
    page.get_by_role("button", name="Save and send invitations").click()
    expect(page.get_by_text("Saved: 1 moved")).to_be_visible()
    shot(page, "moved")

    update = [m for m in mail.outbox if m.to == [interviewer.email]][-1]
    _, moved = invitation_event(update)
    assert str(moved["UID"]) == str(event["UID"])
    assert int(moved["SEQUENCE"]) > int(event["SEQUENCE"])
    assert moved.decoded("DTSTART").strftime("%H:%M") == "14:00"
    assert "moved" in update.subject.lower()
