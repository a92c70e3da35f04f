"""API clients (scoped tokens), the call log, webhook endpoints and their deliveries."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from selection.models import Opening

SCOPES = [
    ("openings:read", "Read openings and their requirements"),
    ("candidates:write", "Create and update candidates and applications, move stages, "
                         "invite to tests (and see the candidate's link)"),
    ("results:read", "Read results and report PDFs"),
    ("producers:write", "Create and update producers and their performance"),
    ("webhooks:manage", "Register and remove webhook endpoints"),
]
EVENTS = [
    ("application.stage_changed", "A candidate moved to another pipeline stage"),
    ("scorecard.submitted", "An interviewer submitted or amended a scorecard"),
    ("assessment.completed", "A candidate's test, roleplay or imported result came in"),
    ("calibration.updated", "An opening's calibration was recomputed"),
    ("decision.recorded", "A decision was recorded for a candidate"),
]


class ApiClient(models.Model):
    """One integration (e.g. the company's ATS) with its scopes and hashed secret."""

    name = models.CharField(max_length=120)
    scopes = models.JSONField(default=list)
    openings = models.ManyToManyField(
        Opening, blank=True, related_name="+",
        help_text="Leave empty to let the client reach every opening.",
    )
    key_id = models.CharField(max_length=16, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    rotated_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ApiCall(models.Model):
    """One request an API client made: which operation, what it answered, when."""

    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="calls")
    method = models.CharField(max_length=8)
    endpoint = models.CharField(max_length=200, help_text="The route, without values.")
    status = models.PositiveSmallIntegerField()
    duration_ms = models.PositiveIntegerField(default=0)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.method} {self.endpoint} -> {self.status}"


class WebhookEndpoint(models.Model):
    """An address that receives signed events; the secret is kept to sign each delivery."""

    url = models.URLField(max_length=500)
    events = models.JSONField(default=list)
    secret = models.CharField(max_length=64, editable=False)
    active = models.BooleanField(default=True)
    client = models.ForeignKey(
        ApiClient, null=True, blank=True, on_delete=models.CASCADE, related_name="webhooks",
        help_text="Set when the endpoint was registered through the API.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["url", "pk"]

    def __str__(self) -> str:
        return self.url


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one endpoint, with its attempts."""

    PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"
    STATUSES = [(PENDING, "Pending"), (DELIVERED, "Delivered"), (FAILED, "Failed")]

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=40)
    event_id = models.CharField(max_length=40, db_index=True)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.event} to {self.endpoint} ({self.status})"
