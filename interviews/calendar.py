"""iCalendar for interviews: invitations (REQUEST, CANCEL) and each person's read-only feed.

Built with the ``icalendar`` package. Every interview has one UID for its whole life, and
its SEQUENCE is the interview's ``sequence``, bumped on every change, so a calendar
replaces the earlier version instead of adding a second event. Start and end carry the
interview's own time zone, with its VTIMEZONE definition in the file.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from selection.branding import company_name
from selection.links import absolute_url

from .models import Interview

PRODUCT_ID = "-//Selection//Interviews//EN"


def interview_uid(interview: Interview) -> str:
    """The interview's calendar UID: the same for every invitation, update and cancel."""
    host = urlsplit(settings.SELECTION_BASE_URL).hostname or "selection"
    return f"interview-{interview.pk}@{host}"


def interviewer_links(interview: Interview) -> dict[str, str]:
    """The scorecard and the interviewer's questions (the kit's share for this interview)."""
    scorecard = absolute_url(reverse("interviews:scorecard", args=[interview.scorecard.pk]))
    return {"scorecard": scorecard, "kit": f"{scorecard}#questions"}


def summary(interview: Interview, *, for_candidate: bool) -> str:
    opening = interview.application.opening.title
    if for_candidate:
        return f"Interview with {company_name()}: {opening}"
    return f"Interview: {interview.application.candidate.full_name} ({opening})"


def description(interview: Interview, *, for_candidate: bool) -> str:
    """The event's text; the candidate's never mentions the scorecard or the kit."""
    lines = []
    if interview.video_link:
        lines.append(f"Video link: {interview.video_link}")
    if interview.location:
        lines.append(f"Location: {interview.location}")
    if for_candidate:
        lines.append(f"Questions or adjustments (accessibility, extra time): "
                     f"{settings.SELECTION_ADJUSTMENTS_CONTACT}")
    else:
        links = interviewer_links(interview)
        lines.append(f"Scorecard: {links['scorecard']}")
        lines.append(f"Your questions: {links['kit']}")
    return "\n".join(lines)


def event_for(interview: Interview, *, for_candidate: bool = False,
              cancelled: bool = False) -> Event:
    """One VEVENT for the interview as it stands now."""
    event = Event()
    event.add("uid", interview_uid(interview))
    event.add("sequence", interview.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", interview.local_start)
    event.add("dtend", interview.local_end)
    event.add("summary", summary(interview, for_candidate=for_candidate))
    event.add("description", description(interview, for_candidate=for_candidate))
    if interview.place:
        event.add("location", interview.place)
    if interview.video_link:
        event.add("url", interview.video_link)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organizer.params["cn"] = vText(company_name())
    event.add("organizer", organizer)
    attendee = (interview.application.candidate.email if for_candidate
                else interview.interviewer.email)
    if attendee:
        address = vCalAddress(f"mailto:{attendee}")
        address.params["role"] = vText("REQ-PARTICIPANT")
        address.params["partstat"] = vText("NEEDS-ACTION")
        event.add("attendee", address)
    return event


def _calendar(method: str | None, events: list[Event], interviews: list[Interview]) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    if method:
        cal.add("method", method)
    for event in events:
        cal.add_component(event)
    starts = [i.starts_at for i in interviews if i.starts_at]
    if starts:
        cal.add_missing_timezones(first_date=(min(starts) - timedelta(days=366)).date(),
                                  last_date=(max(starts) + timedelta(days=366)).date())
    return cal.to_ical()


def invitation(interview: Interview, *, for_candidate: bool = False) -> bytes:
    """METHOD:REQUEST with the interview as it stands (first invitation or update)."""
    return _calendar("REQUEST", [event_for(interview, for_candidate=for_candidate)],
                     [interview])


def cancellation(interview: Interview, *, for_candidate: bool = False) -> bytes:
    """METHOD:CANCEL: the calendar removes the event with this UID."""
    event = event_for(interview, for_candidate=for_candidate, cancelled=True)
    return _calendar("CANCEL", [event], [interview])


def feed(interviews: list[Interview]) -> bytes:
    """A subscription feed (no METHOD): every scheduled or cancelled interview given."""
    events = [event_for(i, cancelled=i.status == Interview.CANCELLED) for i in interviews
              if i.starts_at]
    return _calendar(None, events, interviews)
