"""Calibration-meeting packets: one PDF per opening and stage, built in the background."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from selection.models import Application, Opening


class ReportPacket(models.Model):
    """A requested packet and how far its background build got.

    The file is written to a temporary name in the same folder and renamed into place
    only when complete, so ``file_name`` is set only for a whole document. ``run_token``
    and ``heartbeat_at`` let a restarted worker find a build whose worker died and run
    it again exactly once (``reports.packets.jobs.recover_stale_packets``).
    """

    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATUSES = [(QUEUED, "Queued"), (RUNNING, "Running"), (DONE, "Done"), (FAILED, "Failed")]
    IN_PROGRESS = (QUEUED, RUNNING)

    opening = models.ForeignKey(Opening, on_delete=models.CASCADE, related_name="report_packets")
    stage = models.CharField(
        max_length=16, choices=Application.STAGES, blank=True,
        help_text="Only candidates at this stage; empty for every active candidate.",
    )
    status = models.CharField(max_length=10, choices=STATUSES, default=QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, help_text="Stamped every few seconds while a worker builds it."
    )
    includes_fairness = models.BooleanField(
        default=False, help_text="Requested by HR: the packet has the fairness summary."
    )
    file_name = models.CharField(max_length=200, blank=True)
    candidate_count = models.PositiveIntegerField(default=0)
    task_result_id = models.CharField(max_length=64, blank=True)
    run_token = models.CharField(
        max_length=40, blank=True,
        help_text="Identifies the current queued run; older runs of this packet change nothing.",
    )
    error = models.TextField(blank=True)
    scorecard_evidence = models.JSONField(
        null=True, blank=True,
        help_text="Whose scorecards the finished file carries: {'interviews': [application "
                  "ids], 'roleplays': [[candidate id, exercise slug], ...]}. Readers who may "
                  "not see one of them yet cannot download it. Empty before the build.",
    )
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        stage = self.get_stage_display() if self.stage else "all active stages"
        return f"Packet for {self.opening} ({stage}), {self.get_status_display().lower()}"

    @property
    def in_progress(self) -> bool:
        return self.status in self.IN_PROGRESS

    @property
    def stage_label(self) -> str:
        return self.get_stage_display() if self.stage else "All active stages"


class WorkerPresence(models.Model):
    """A running ``manage.py worker`` checks in here every few seconds.

    Pages that wait for background work read it to say at once when no worker is running,
    instead of leaving a packet "queued" with no explanation. A worker that stops cleanly
    removes its row; a killed one simply stops checking in.
    """

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=200, blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-last_seen"]

    def __str__(self) -> str:
        return f"Worker {self.worker_id} on {self.hostname or '?'} (pid {self.pid})"
