"""Scheduling pages: times and places for a candidate's interviews; calendar feeds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from . import access, calendar, feeds, scheduling
from .schedule_forms import SlotForm, initial_for, zone_names


def _rows(application, interviews, data=None):
    proposals = scheduling.propose_slots(interviews)
    return [
        (interview, SlotForm(data, prefix=f"i{interview.pk}",
                             initial=initial_for(interview, proposals.get(interview.pk))),
         interview.pk in proposals)
        for interview in interviews
    ]


def _summary(counts: dict[str, int]) -> str:
    parts = [f"{n} {what}" for what, n in counts.items() if n]
    return ("Saved: " + ", ".join(parts) + ". Invitations are on their way."
            if parts else "Nothing changed.")


@login_required
def schedule_times(request, slug, pk):
    """GET: every interview of the candidate with its time and place (unscheduled ones
    with a proposed slot). POST: schedule, move or cancel them all at once."""
    application = access.application_for_manager(request, slug, pk)
    interviews = scheduling.interviews_of(application)
    rows = _rows(application, interviews, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if all(form.is_valid() for _, form, _ in rows):
            slots = [
                scheduling.Slot(
                    interview=interview, starts_local=form.local_start(),
                    duration_minutes=form.cleaned_data["duration"],
                    time_zone=form.cleaned_data["time_zone"],
                    location=form.cleaned_data["location"],
                    video_link=form.cleaned_data["video_link"],
                    cancel=form.cleaned_data["cancel"], reason=form.cleaned_data["reason"],
                )
                for interview, form, _ in rows
            ]
            try:
                counts = scheduling.save_schedule(
                    application=application, slots=slots, by=request.user,
                    invite_candidate=request.POST.get("invite_candidate") == "on",
                )
            except ValidationError as exc:
                by_pk = getattr(exc, "error_dict", {})
                for interview, form, _ in rows:
                    for error in by_pk.get(str(interview.pk), []):
                        form.add_error(None, error.messages)
                if not by_pk:
                    messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _summary(counts))
                return redirect("interviews:schedule_times", slug=slug, pk=pk)
        messages.error(request, "Nothing was saved: the interviews marked below need a fix.")
        status = 400
    history = {i.pk: list(i.changes.select_related("changed_by")[:5]) for i in interviews}
    return render(request, "interviews/schedule_times.html", {
        "application": application, "opening": application.opening,
        "candidate": application.candidate,
        "rows": [(i, form, proposed, history[i.pk]) for i, form, proposed in rows],
        "zones": zone_names(),
        "invite_candidate": any(i.candidate_invited for i in interviews),
    }, status=status)


@login_required
@require_POST
def calendar_reset(request):
    """A new secret address for the user's calendar feed; the old one stops working."""
    feeds.reset_feed(request.user)
    messages.success(request, "Your calendar address is new; the old one no longer works. "
                              "Subscribe again with the address below.")
    return redirect("account_notifications")


def calendar_feed(request, token):
    """The feed: the token is the key (calendar apps cannot log in)."""
    owner = access.feed_owner(token)
    body = calendar.feed(feeds.feed_interviews(owner))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="interviews.ics"'
    response["Cache-Control"] = "private, no-store"
    return response
