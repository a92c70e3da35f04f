"""The scheduling page's form: one row per interview."""

from datetime import datetime
from zoneinfo import available_timezones

from django import forms

from .scheduling import MAX_MINUTES, MIN_MINUTES


def zone_names() -> list[str]:
    return sorted(available_timezones())


class SlotForm(forms.Form):
    """When and where one interview happens, or that it is cancelled and why."""

    date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"},
                                                                    format="%Y-%m-%d"))
    start = forms.TimeField(required=False, label="Start",
                            widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    duration = forms.IntegerField(label="Minutes", min_value=MIN_MINUTES, max_value=MAX_MINUTES,
                                  initial=60)
    time_zone = forms.CharField(
        max_length=64, label="Time zone",
        widget=forms.TextInput(attrs={"list": "time-zones", "autocomplete": "off"}),
    )
    location = forms.CharField(max_length=200, required=False,
                               help_text="A room or an address.")
    video_link = forms.URLField(max_length=500, required=False, assume_scheme="https",
                                label="Video link")
    reason = forms.CharField(max_length=1000, required=False,
                             help_text="Why it moves or is cancelled (kept in the history).")
    cancel = forms.BooleanField(required=False, label="Cancel this interview")

    def clean_time_zone(self):
        name = self.cleaned_data["time_zone"].strip()
        if name not in available_timezones():
            raise forms.ValidationError("Use a time zone name such as Europe/Stockholm.")
        return name

    def clean(self):
        data = super().clean()
        if bool(data.get("date")) != bool(data.get("start")) and not data.get("cancel"):
            raise forms.ValidationError("Give both the date and the start time.")
        return data

    def local_start(self) -> datetime | None:
        data = self.cleaned_data
        if data.get("date") and data.get("start"):
            return datetime.combine(data["date"], data["start"])
        return None


def initial_for(interview, proposal: datetime | None) -> dict:
    """The row as it stands, or the proposed slot for an unscheduled interview."""
    start = interview.local_start or proposal
    return {
        "date": start.date() if start else None,
        "start": start.time() if start else None,
        "duration": interview.duration_minutes,
        "time_zone": interview.time_zone,
        "location": interview.location,
        "video_link": interview.video_link,
    }
