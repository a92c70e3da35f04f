"""Behavioural interviews: the SAR question bank, kits and plans, interviews and scorecards."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin
from wagtail.search import index

from competencies.models import Dimension
from selection.models import Application, Opening

RATINGS = [(n, str(n)) for n in range(1, 6)]
RATING_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class Question(DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """A behavioural question asking for a past example, answered as Situation, Action, Result."""

    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="interview_questions",
        help_text="The competency or trait this question gathers evidence on.",
    )
    text = models.TextField(
        "Question",
        help_text="Ask for one real past example: 'Tell me about a time when ...'. "
        "Avoid hypotheticals ('What would you do ...'); those belong in judgment tests.",
    )
    probe_situation = models.TextField(
        "Probe: situation", blank=True,
        help_text="A follow-up that gets the context: who, when, what was at stake.",
    )
    probe_action = models.TextField(
        "Probe: action", blank=True,
        help_text="A follow-up that gets what the candidate did themselves, not the team.",
    )
    probe_result = models.TextField(
        "Probe: result", blank=True,
        help_text="A follow-up that gets the outcome, ideally with a number or a consequence.",
    )
    probe_learned = models.TextField(
        "Probe: learned", blank=True,
        help_text="A follow-up that gets what the candidate learned and does differently now.",
    )
    best_case = models.TextField(
        "Best-case answer",
        help_text="What a strong answer contains. Interviewers compare what they heard with "
        "this, so describe behaviour, not a script.",
    )
    red_flags = models.TextField(
        blank=True, help_text="What in an answer should worry the interviewer, and why.",
    )
    anchor_1 = models.TextField(
        "Rating 1 (poor)", blank=True,
        help_text="Optional. Leave empty to use the competency or trait's own level 1 text.",
    )
    anchor_2 = models.TextField("Rating 2 (weak)", blank=True, help_text="Optional, as above.")
    anchor_3 = models.TextField("Rating 3 (solid)", blank=True, help_text="Optional, as above.")
    anchor_4 = models.TextField("Rating 4 (strong)", blank=True, help_text="Optional, as above.")
    anchor_5 = models.TextField(
        "Rating 5 (exceptional)", blank=True, help_text="Optional, as above.",
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="interview_question")

    panels = [
        FieldPanel("dimension"),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel(f"probe_{part}") for part in ("situation", "action", "result", "learned")],
            heading="Follow-up probes",
            help_text="Interviewers use these to get a complete example from the candidate.",
        ),
        FieldPanel("best_case"),
        FieldPanel("red_flags"),
        MultiFieldPanel(
            [FieldPanel(f"anchor_{n}") for n in range(1, 6)],
            heading="Rating anchors for this question (optional)",
            help_text="Only fill these in when this question needs more specific anchors "
            "than the competency or trait's general levels.",
        ),
    ]
    search_fields = [
        index.SearchField("text"),
        index.AutocompleteField("text"),
        index.FilterField("dimension"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["dimension__name", "pk"]
        verbose_name = "SAR question"

    def __str__(self) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= 90 else text[:89] + "…"

    @property
    def revisions(self):
        return self._revisions

    @property
    def anchors(self) -> list[str]:
        """The five anchor texts, level 1 first; each falls back to the dimension's level."""
        own = [self.anchor_1, self.anchor_2, self.anchor_3, self.anchor_4, self.anchor_5]
        if all(text.strip() for text in own):
            return own
        general = self.dimension.anchors
        return [text if text.strip() else general[n] for n, text in enumerate(own)]

    @property
    def probes(self) -> list[tuple[str, str]]:
        return [
            ("Situation", self.probe_situation),
            ("Action", self.probe_action),
            ("Result", self.probe_result),
            ("Learned", self.probe_learned),
        ]


class InterviewKit(models.Model):
    """The questions for one opening, built from its pinned role profile, and the plan.

    The plan is the kit split among the opening's interviewers: each kit question has
    at most one interviewer, so no question is asked twice.
    """

    opening = models.OneToOneField(Opening, on_delete=models.CASCADE, related_name="interview_kit")
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    built_at = models.DateTimeField(default=timezone.now)
    plan_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "interview kit"

    def __str__(self) -> str:
        return f"Interview kit for {self.opening}"


class KitQuestion(models.Model):
    """One question of a kit, and who asks it (the plan)."""

    kit = models.ForeignKey(InterviewKit, on_delete=models.CASCADE, related_name="questions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    sort_order = models.PositiveIntegerField(default=0)
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["kit", "question"], name="unique_kit_question")
        ]

    def __str__(self) -> str:
        return f"{self.kit}: {self.question}"


def default_time_zone() -> str:
    """The time zone a new interview starts in (``SELECTION_INTERVIEW_TIME_ZONE``)."""
    return settings.SELECTION_INTERVIEW_TIME_ZONE


class Interview(models.Model):
    """One interviewer with one candidate's application, and when and where it happens.

    An interview starts unscheduled; scheduling gives it a start (stored in UTC), a
    duration, the time zone it is held in and a place or a video link. Every change
    after the first invitation bumps ``sequence``, the iCalendar SEQUENCE that lets
    calendars replace the earlier version; ``InterviewChange`` keeps the history.
    """

    UNSCHEDULED, SCHEDULED, CANCELLED = "unscheduled", "scheduled", "cancelled"
    STATUSES = [(UNSCHEDULED, "Not scheduled"), (SCHEDULED, "Scheduled"),
                (CANCELLED, "Cancelled")]

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="interviews"
    )
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=12, choices=STATUSES, default=UNSCHEDULED)
    starts_at = models.DateTimeField(null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(default=60)
    time_zone = models.CharField(max_length=64, default=default_time_zone)
    location = models.CharField(max_length=200, blank=True)
    video_link = models.URLField(max_length=500, blank=True)
    cancel_reason = models.TextField(blank=True)
    sequence = models.PositiveIntegerField(default=0)
    candidate_invited = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "interviewer"], name="unique_interviewer_per_application"
            )
        ]

    def __str__(self) -> str:
        return f"{self.interviewer} with {self.application.candidate}"

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.SCHEDULED and self.starts_at is not None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        """The start in the interview's own time zone (None when unscheduled)."""
        return self.starts_at.astimezone(self.zone) if self.starts_at else None

    @property
    def local_end(self):
        return self.local_start + timedelta(minutes=self.duration_minutes) if self.starts_at \
            else None

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes) if self.starts_at \
            else None

    @property
    def when_display(self) -> str:
        """'Tuesday 1 December 2026, 10:00–11:00 (Europe/Stockholm)', in its own time zone."""
        if not self.starts_at:
            return "Not scheduled"
        start, end = self.local_start, self.local_end
        return (f"{start:%A} {start.day} {start:%B %Y}, {start:%H:%M}–{end:%H:%M} "
                f"({self.time_zone})")

    @property
    def place(self) -> str:
        """Where it happens, in words: the location, the video link, or both."""
        return " · ".join(part for part in (self.location, self.video_link) if part)


class Scorecard(models.Model):
    """An interviewer's notes, ratings and recommendation for one interview.

    ``version`` goes up by one on every change; a save names the version it was based
    on and is refused when the scorecard moved on meanwhile (two tabs, two devices).
    """

    DRAFT, SUBMITTED, AMENDED = "draft", "submitted", "amended"
    STATES = [(DRAFT, "Draft"), (SUBMITTED, "Submitted"), (AMENDED, "Amended")]
    FINAL_STATES = (SUBMITTED, AMENDED)

    STRONG_NO, NO, YES, STRONG_YES = "strong_no", "no", "yes", "strong_yes"
    RECOMMENDATIONS = [
        (STRONG_NO, "Strong no"), (NO, "No"), (YES, "Yes"), (STRONG_YES, "Strong yes"),
    ]

    interview = models.OneToOneField(Interview, on_delete=models.CASCADE, related_name="scorecard")
    state = models.CharField(max_length=10, choices=STATES, default=DRAFT)
    version = models.PositiveIntegerField(default=0)
    recommendation = models.CharField(max_length=10, choices=RECOMMENDATIONS, blank=True)
    rationale = models.TextField(blank=True)
    updated_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"Scorecard: {self.interview}"

    def get_absolute_url(self) -> str:
        return reverse("interviews:scorecard", args=[self.pk])

    @property
    def is_final(self) -> bool:
        return self.state in self.FINAL_STATES

    @property
    def started(self) -> bool:
        return self.version > 0

    @property
    def status_label(self) -> str:
        """The one word every page shows: "Not started" until the first save."""
        if self.is_final:
            return self.get_state_display()
        return "Draft" if self.started else "Not started"


class Answer(models.Model):
    """One question of an interview: the SAR notes taken and the rating given."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    sort_order = models.PositiveIntegerField(default=0)
    situation = models.TextField(blank=True)
    action = models.TextField(blank=True)
    result = models.TextField(blank=True)
    learned = models.TextField(blank=True)
    rating = models.PositiveSmallIntegerField(
        choices=RATINGS, null=True, blank=True, validators=RATING_VALIDATORS
    )

    NOTE_FIELDS = ("situation", "action", "result", "learned")

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "question"], name="unique_answer"),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True)
                | models.Q(rating__gte=1, rating__lte=5),
                name="answer_rating_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scorecard}: {self.question}"


class Amendment(models.Model):
    """A change to a submitted scorecard: the earlier version, who changed it, when and why."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="amendments")
    previous = models.JSONField(help_text="The notes, ratings and recommendation before.")
    previous_version = models.PositiveIntegerField()
    reason = models.TextField()
    amended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    amended_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-amended_at", "-pk"]

    def __str__(self) -> str:
        return f"Amendment of {self.scorecard} at {self.amended_at:%Y-%m-%d %H:%M}"


from .schedule_models import (  # noqa: E402
    CalendarFeed,
    InterviewChange,
    ScorecardReminder,
    new_feed_token,
)

__all__ = ["Amendment", "Answer", "CalendarFeed", "Interview", "InterviewChange",
           "InterviewKit", "KitQuestion", "Question", "Scorecard", "ScorecardReminder",
           "new_feed_token"]
