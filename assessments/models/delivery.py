"""SJT invitations (one signed link per person and test) and the attempt they allow."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Revision

from selection.models import Application, Candidate, Producer

from .authoring import JudgmentTest

# In-flight autosaves that left the browser just before the deadline are still accepted.
DEADLINE_GRACE = timedelta(seconds=5)


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


def default_expiry():
    return timezone.now() + timedelta(days=settings.SELECTION_CANDIDATE_LINK_DAYS)


class SJTInvitation(models.Model):
    """An invitation for one candidate or producer to take one test revision, once."""

    test = models.ForeignKey(JudgmentTest, on_delete=models.PROTECT, related_name="invitations")
    test_revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="+")
    candidate = models.ForeignKey(
        Candidate, null=True, blank=True, on_delete=models.CASCADE, related_name="sjt_invitations"
    )
    producer = models.ForeignKey(
        Producer, null=True, blank=True, on_delete=models.CASCADE, related_name="sjt_invitations"
    )
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The opening the candidate was invited from, if any.",
    )
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    email = models.EmailField()
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=default_expiry)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(candidate__isnull=True, producer__isnull=False)
                | Q(candidate__isnull=False, producer__isnull=True),
                name="sjt_invitation_one_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.test} for {self.person}"

    @property
    def person(self):
        return self.candidate if self.candidate_id else self.producer

    @property
    def person_kind(self) -> str:
        return "candidate" if self.candidate_id else "producer"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def status(self) -> str:
        """'open', 'started', 'completed' or 'expired' (an expired link that was never used)."""
        attempt = getattr(self, "attempt", None)
        if attempt is not None:
            return "completed" if attempt.completed_at else "started"
        return "expired" if self.is_expired else "open"


class SJTAttempt(models.Model):
    """The one attempt an invitation allows: answers, time limit, scores once completed."""

    SUBMITTED, TIMED_OUT = "submitted", "timed_out"
    COMPLETIONS = [(SUBMITTED, "Submitted"), (TIMED_OUT, "Time ran out")]

    invitation = models.OneToOneField(
        SJTInvitation, on_delete=models.CASCADE, related_name="attempt"
    )
    started_at = models.DateTimeField(default=timezone.now)
    time_limit_minutes = models.PositiveSmallIntegerField()
    answers = models.JSONField(default=dict, blank=True)
    saved_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completion = models.CharField(max_length=10, choices=COMPLETIONS, blank=True)
    scenario_scores = models.JSONField(null=True, blank=True)
    dimension_scores = models.JSONField(null=True, blank=True)
    total_score = models.FloatField(null=True, blank=True)
    # How many items (rated options, or most/least picks) were answered, out of how many;
    # set when the attempt is scored. Empty on attempts scored before this was counted.
    items_answered = models.PositiveIntegerField(null=True, blank=True)
    items_total = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Attempt at {self.invitation}"

    @property
    def deadline(self):
        return self.started_at + timedelta(minutes=self.time_limit_minutes)

    def is_past_deadline(self, now=None) -> bool:
        return (now or timezone.now()) > self.deadline + DEADLINE_GRACE
