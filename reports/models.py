"""Stored calibration results and optional, separately kept self-identification data."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from selection.models import Candidate, Opening

DEFAULT_SELF_ID_GROUPS = [
    "Woman",
    "Man",
    "Non-binary",
    "Another gender identity",
]


def self_id_groups() -> list[str]:
    """The group labels HR may record; ``SELECTION_SELF_ID_GROUPS`` in settings overrides them."""
    return list(getattr(settings, "SELECTION_SELF_ID_GROUPS", DEFAULT_SELF_ID_GROUPS))


class SelfIdentification(models.Model):
    """A candidate's voluntary self-identification, used only for HR's fairness monitoring.

    Kept apart from every piece of evidence: no calibration, scorecard or candidate page
    reads it. An empty group means the candidate declined to say.
    """

    candidate = models.OneToOneField(
        Candidate, on_delete=models.CASCADE, related_name="self_identification",
        help_text="The candidate who answered the voluntary self-identification question.",
    )
    group_label = models.CharField(
        "group", max_length=80, blank=True,
        help_text="The group the candidate chose from the configured list. Choose 'Prefer "
        "not to say' when they declined; they then count as 'not stated'.",
    )
    consent_given_at = models.DateTimeField(
        null=True, blank=True,
        help_text="When the candidate agreed that this answer may be used for fairness "
        "monitoring. Without consent the answer is ignored in every figure.",
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = "self-identification"
        verbose_name_plural = "self-identifications"

    def __str__(self) -> str:
        return f"Self-identification of {self.candidate}"

    @property
    def usable_group(self) -> str | None:
        """The group label when consent was given and a group chosen, else None."""
        if self.consent_given_at and self.group_label:
            return self.group_label
        return None


class CalibrationSnapshot(models.Model):
    """One computed calibration of an opening (the output of ``calibrate_opening``).

    ``payload`` holds the opening-wide part only (dimensions, cohort aggregates, groups,
    agreement, validity, warnings); each candidate's row is a ``CalibrationRow`` of its own,
    so a report page reads the opening-wide part and one row, and the calibration page the
    rows of the page it lists. Its size does not grow with the number of candidates.
    """

    opening = models.ForeignKey(
        Opening, on_delete=models.CASCADE, related_name="calibration_snapshots"
    )
    computed_at = models.DateTimeField(default=timezone.now, db_index=True)
    payload = models.JSONField()

    class Meta:
        ordering = ["-computed_at", "-pk"]
        get_latest_by = ["computed_at", "pk"]

    def __str__(self) -> str:
        return f"Calibration of {self.opening} at {self.computed_at:%Y-%m-%d %H:%M}"


class CalibrationRow(models.Model):
    """One candidate's row of a stored calibration (``calibrate_opening``'s ``candidates``).

    ``data`` is the whole row; the columns beside it are what the calibration page filters
    and sorts every candidate by, so it reads ``data`` only for the rows it lists. Deleted
    with its snapshot (only the latest snapshots of an opening are kept).
    """

    snapshot = models.ForeignKey(CalibrationSnapshot, on_delete=models.CASCADE,
                                 related_name="rows")
    position = models.PositiveIntegerField(help_text="Order in the calibration's list.")
    application_id = models.PositiveBigIntegerField()
    name = models.CharField(max_length=300, blank=True)
    stage = models.CharField(max_length=40, blank=True)
    stage_label = models.CharField(max_length=80, blank=True)
    model_usable = models.BooleanField(default=False)
    p_top = models.FloatField(null=True, blank=True)
    closer_than_top_share = models.FloatField(null=True, blank=True)
    data = models.JSONField()

    class Meta:
        ordering = ["snapshot", "position"]
        constraints = [models.UniqueConstraint(fields=["snapshot", "application_id"],
                                               name="calibration_row_once_per_snapshot")]

    def __str__(self) -> str:
        return f"{self.name} in {self.snapshot}"
from reports.packets.models import ReportPacket, WorkerPresence  # noqa: E402,F401
