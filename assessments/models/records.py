"""Evidence that is not an SJT: roleplay scorecards, psychometric scores, performance."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from competencies.models import Dimension
from selection.models import Application, Candidate, Producer

from .authoring import ONE_TO_FIVE, PsychometricScale, RoleplayExercise

ONE_PERSON = Q(candidate__isnull=True, producer__isnull=False) | Q(
    candidate__isnull=False, producer__isnull=True
)


class RoleplayScorecard(models.Model):
    """One assessor's ratings of one person in one roleplay exercise."""

    DRAFT, SUBMITTED = "draft", "submitted"
    STATUSES = [(DRAFT, "Draft"), (SUBMITTED, "Submitted")]

    exercise = models.ForeignKey(
        RoleplayExercise, on_delete=models.PROTECT, related_name="scorecards"
    )
    candidate = models.ForeignKey(
        Candidate, null=True, blank=True, on_delete=models.CASCADE,
        related_name="roleplay_scorecards",
    )
    producer = models.ForeignKey(
        Producer, null=True, blank=True, on_delete=models.CASCADE,
        related_name="roleplay_scorecards",
    )
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="roleplay_scorecards"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=STATUSES, default=DRAFT)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=ONE_PERSON, name="roleplay_scorecard_one_person"),
            models.UniqueConstraint(
                fields=["exercise", "assessor", "candidate"], condition=Q(candidate__isnull=False),
                name="unique_roleplay_assessor_candidate",
            ),
            models.UniqueConstraint(
                fields=["exercise", "assessor", "producer"], condition=Q(producer__isnull=False),
                name="unique_roleplay_assessor_producer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.exercise} of {self.person} by {self.assessor}"

    @property
    def person(self):
        return self.candidate if self.candidate_id else self.producer

    @property
    def is_submitted(self) -> bool:
        return self.status == self.SUBMITTED


class RoleplayRating(models.Model):
    """An anchored 1-5 rating and notes on one dimension in a roleplay scorecard."""

    scorecard = models.ForeignKey(
        RoleplayScorecard, on_delete=models.CASCADE, related_name="ratings"
    )
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="+")
    rating = models.PositiveSmallIntegerField(null=True, blank=True, validators=ONE_TO_FIVE)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["scorecard", "dimension"], name="unique_roleplay_rating"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dimension_id}: {self.rating}"


class PsychometricScore(models.Model):
    """An imported score on one instrument scale: as given, and as a z-score."""

    T_SCORE, STEN, PERCENTILE, RAW = "t", "sten", "percentile", "raw"
    SCORE_TYPES = [(T_SCORE, "T-score"), (STEN, "Sten"), (PERCENTILE, "Percentile"), (RAW, "Raw")]

    scale = models.ForeignKey(PsychometricScale, on_delete=models.PROTECT, related_name="scores")
    candidate = models.ForeignKey(
        Candidate, null=True, blank=True, on_delete=models.CASCADE,
        related_name="psychometric_scores",
    )
    producer = models.ForeignKey(
        Producer, null=True, blank=True, on_delete=models.CASCADE,
        related_name="psychometric_scores",
    )
    score_type = models.CharField(max_length=10, choices=SCORE_TYPES)
    score = models.FloatField(help_text="As given in the file.")
    norm_mean = models.FloatField(null=True, blank=True)
    norm_sd = models.FloatField(null=True, blank=True)
    z_score = models.FloatField()
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["scale", "pk"]
        constraints = [
            models.CheckConstraint(condition=ONE_PERSON, name="psychometric_score_one_person"),
            models.UniqueConstraint(
                fields=["scale", "candidate"], condition=Q(candidate__isnull=False),
                name="unique_psychometric_candidate",
            ),
            models.UniqueConstraint(
                fields=["scale", "producer"], condition=Q(producer__isnull=False),
                name="unique_psychometric_producer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scale}: {self.score} ({self.get_score_type_display()})"


class PerformanceRecord(models.Model):
    """A producer's performance figure for one period, as imported."""

    producer = models.ForeignKey(
        Producer, on_delete=models.CASCADE, related_name="performance_records"
    )
    period = models.CharField(
        max_length=40, help_text="E.g. 'FY2025' or '2025-Q3'; later periods sort later."
    )
    figure = models.DecimalField(max_digits=10, decimal_places=2)
    tier = models.CharField(max_length=8, choices=Producer.TIERS, blank=True)
    REVIEW_POINTS = [(3, "3 months"), (6, "6 months"), (12, "12 months")]
    review_months = models.PositiveSmallIntegerField(
        choices=REVIEW_POINTS, null=True, blank=True,
        help_text="For a hire: the review point after their start this figure belongs to.",
    )
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["producer", "period"]
        constraints = [
            models.UniqueConstraint(fields=["producer", "period"], name="unique_producer_period"),
            models.UniqueConstraint(
                fields=["producer", "review_months"], name="unique_producer_review_point",
                condition=models.Q(review_months__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.producer} {self.period}: {self.figure}"
