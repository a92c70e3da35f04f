"""What scheduling keeps beside an interview: its history, calendar feeds, reminders sent."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


class InterviewChange(models.Model):
    """One scheduling event of an interview: what it became, what it was, who and why."""

    SCHEDULED, MOVED, CANCELLED = "scheduled", "moved", "cancelled"
    ACTIONS = [(SCHEDULED, "Scheduled"), (MOVED, "Moved"), (CANCELLED, "Cancelled")]

    interview = models.ForeignKey(
        "interviews.Interview", on_delete=models.CASCADE, related_name="changes"
    )
    action = models.CharField(max_length=12, choices=ACTIONS)
    sequence = models.PositiveIntegerField(help_text="The iCalendar SEQUENCE sent with it.")
    starts_at = models.DateTimeField(null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    time_zone = models.CharField(max_length=64, blank=True)
    place = models.CharField(max_length=720, blank=True)
    previous_starts_at = models.DateTimeField(null=True, blank=True)
    previous_place = models.CharField(max_length=720, blank=True)
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.interview}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's secret calendar address; resetting it gives a new token, the old one dies."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"


class ScorecardReminder(models.Model):
    """A reminder that was sent: one row per interview and occasion, never two.

    The unique constraint is the claim: a worker that inserts the row sends the email,
    a second worker sweeping at the same moment fails to insert and sends nothing.
    """

    DUE, OVERDUE = "due", "overdue"
    OCCASIONS = [(DUE, "Scorecard due"), (OVERDUE, "Scorecard overdue")]

    interview = models.ForeignKey(
        "interviews.Interview", on_delete=models.CASCADE, related_name="reminders"
    )
    occasion = models.CharField(max_length=10, choices=OCCASIONS)
    sent_at = models.DateTimeField(default=timezone.now)
    delivered = models.BooleanField(
        default=True, help_text="False when the person had turned this reminder off."
    )

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "occasion"],
                                    name="one_reminder_per_occasion")
        ]

    def __str__(self) -> str:
        return f"{self.get_occasion_display()}: {self.interview}"
