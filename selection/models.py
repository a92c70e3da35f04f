"""The hiring core: openings, hiring teams, candidates in the pipeline, producers, decisions."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Revision
from wagtail.search import index

from competencies.models import RoleProfilePage

from .admin_panels import OpeningInAppPanel


class Opening(index.Indexed, ClusterableModel):
    """A requisition, pinned to the role profile revision that was live when it opened.

    Editing and republishing the role profile later does not change a running opening.
    """

    OPEN, ON_HOLD, CLOSED = "open", "on_hold", "closed"
    STATUSES = [(OPEN, "Open"), (ON_HOLD, "On hold"), (CLOSED, "Closed")]

    title = models.CharField(max_length=160, help_text="As advertised, e.g. 'AE, Nordics'.")
    slug = models.SlugField(max_length=80, unique=True, help_text="Used in links and commands.")
    role_profile = models.ForeignKey(
        RoleProfilePage, on_delete=models.PROTECT, related_name="openings",
        help_text="The published role profile this opening hires against.",
    )
    role_profile_revision = models.ForeignKey(
        Revision, on_delete=models.PROTECT, related_name="+", null=True, editable=False,
    )
    location = models.CharField(max_length=120, blank=True)
    headcount = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=10, choices=STATUSES, default=OPEN)
    opened_at = models.DateTimeField(default=timezone.now)

    panels = [
        OpeningInAppPanel(heading="In the app"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("role_profile"),
        FieldPanel("location"),
        FieldPanel("headcount"),
        FieldPanel("status"),
        InlinePanel("team", heading="Hiring team", label="Member", min_num=1),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("opening_detail", args=[self.slug])

    def clean(self) -> None:
        super().clean()
        if self.role_profile_id is not None and self._live_revision_id() is None:
            raise ValidationError(
                {"role_profile": "Publish the role profile before opening a requisition on it."}
            )

    def save(self, *args, **kwargs):
        if self.role_profile_revision_id is None or self._profile_changed():
            revision_id = self._live_revision_id()
            if revision_id is None:
                raise ValidationError("The role profile has no published revision to pin.")
            self.role_profile_revision_id = revision_id
        super().save(*args, **kwargs)

    def _live_revision_id(self) -> int | None:
        """The role profile's live revision as stored now (not as an old instance has it)."""
        return (
            RoleProfilePage.objects.filter(pk=self.role_profile_id, live=True)
            .values_list("live_revision_id", flat=True)
            .first()
        )

    def _profile_changed(self) -> bool:
        if not self.pk or self.role_profile_revision is None:
            return True
        return str(self.role_profile_revision.object_id) != str(self.role_profile_id)

    @cached_property
    def profile(self) -> RoleProfilePage:
        """The role profile exactly as it was in the pinned revision."""
        return self.role_profile_revision.as_object()

    @cached_property
    def requirements(self) -> list:
        """The pinned profile's requirements, in order, with their dimensions."""
        from competencies.models import Dimension

        reqs = sorted(self.profile.requirements.all(), key=lambda r: r.sort_order or 0)
        dims = Dimension.objects.in_bulk([r.dimension_id for r in reqs])
        for req in reqs:
            req.dimension = dims[req.dimension_id]
        return reqs


class HiringTeamMember(models.Model):
    """A person on an opening's hiring team, with their role on it."""

    HIRING_MANAGER, INTERVIEWER = "hiring_manager", "interviewer"
    ROLES = [(HIRING_MANAGER, "Hiring manager"), (INTERVIEWER, "Interviewer / assessor")]

    opening = ParentalKey(Opening, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships"
    )
    role = models.CharField(max_length=20, choices=ROLES, default=INTERVIEWER)

    panels = [FieldPanel("user"), FieldPanel("role")]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["opening", "user", "role"], name="unique_team_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class CandidateSource(models.Model):
    """Where candidates come from, as a short list HR keeps (referral, job board, ...).

    The funnel and the pipeline pages group candidates by it, and the API names it by its
    slug, so the list stays short and spelled one way.
    """

    name = models.CharField(
        max_length=80, unique=True,
        help_text="As the funnel and pipeline pages should show it, e.g. 'Job board'.",
    )
    slug = models.SlugField(
        max_length=80, unique=True,
        help_text="How the applicant-tracking system names this source through the API, "
        "e.g. 'job-board'. Changing it breaks integrations that send the old one.",
    )
    active = models.BooleanField(
        default=True,
        help_text="Only active sources are offered for new candidates and accepted from the "
        "API. Switch a source off instead of deleting it: candidates who came from it keep "
        "it, and the funnel still counts them.",
    )
    order = models.PositiveIntegerField(
        default=0, help_text="Sources are listed from the lowest number up."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("active"), FieldPanel("order")]

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class CandidateForm(WagtailAdminModelForm):
    """The workspace's candidate form offers the active sources (and the candidate's own,
    should HR have switched it off since)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("source")
        if field is not None:
            keep = models.Q(active=True)
            if self.instance.source_id is not None:
                keep |= models.Q(pk=self.instance.source_id)
            field.queryset = CandidateSource.objects.filter(keep)


# A candidate's external id as the API and the candidate import accept it.
EXTERNAL_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,64}$")


class Candidate(index.Indexed, ClusterableModel):
    """A person applying; their stage is kept per opening in `Application`."""

    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    email = models.EmailField(unique=True)
    phone = models.CharField(max_length=40, blank=True)
    external_id = models.CharField(
        max_length=64, blank=True, null=True, unique=True,
        help_text="The candidate's id in your applicant-tracking system, if any.",
    )
    # PROTECT, not SET_NULL: deleting a source would quietly move its candidates to "Not
    # recorded" and rewrite the funnel's history; HR switches a source off instead.
    source = models.ForeignKey(
        CandidateSource, on_delete=models.PROTECT, null=True, blank=True,
        related_name="candidates", help_text="Where the candidate came from.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("first_name"),
        FieldPanel("last_name"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("external_id"),
        FieldPanel("source"),
        InlinePanel("applications", heading="Openings", label="Application"),
    ]
    base_form_class = CandidateForm
    # The workspace's listing and chooser search these through the search index. The
    # listing's stage and opening filters narrow by id (selection/admin_filters.py); its
    # source filter is a plain column filter.
    search_fields = [
        *(index.SearchField(name) for name in ("first_name", "last_name", "email")),
        *(index.AutocompleteField(name) for name in ("first_name", "last_name", "email")),
        index.FilterField("id"),
        index.FilterField("source"),
    ]

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Application(models.Model):
    """A candidate in one opening's pipeline."""

    APPLIED, SCREENING, INTERVIEWING = "applied", "screening", "interviewing"
    ASSESSMENT, CALIBRATION, OFFER = "assessment", "calibration", "offer"
    HIRED, REJECTED, WITHDRAWN = "hired", "rejected", "withdrawn"
    STAGES = [
        (APPLIED, "Applied"),
        (SCREENING, "Screening"),
        (INTERVIEWING, "Interviewing"),
        (ASSESSMENT, "Assessment"),
        (CALIBRATION, "Calibration"),
        (OFFER, "Offer"),
        (HIRED, "Hired"),
        (REJECTED, "Rejected"),
        (WITHDRAWN, "Withdrawn"),
    ]
    ACTIVE_STAGES = [APPLIED, SCREENING, INTERVIEWING, ASSESSMENT, CALIBRATION, OFFER]

    candidate = ParentalKey(Candidate, on_delete=models.CASCADE, related_name="applications")
    opening = models.ForeignKey(Opening, on_delete=models.CASCADE, related_name="applications")
    stage = models.CharField(max_length=16, choices=STAGES, default=APPLIED)
    stage_changed_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)

    panels = [
        FieldPanel("opening"),
        FieldPanel("stage", help_text="Offer, Hired and Rejected are set by a decision with "
                                      "its rationale, on the candidate's page in the app."),
    ]

    class Meta:
        ordering = ["candidate__last_name", "candidate__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "opening"], name="unique_application")
        ]

    def __str__(self) -> str:
        return f"{self.candidate} for {self.opening}"

    def get_absolute_url(self) -> str:
        return reverse("application_detail", args=[self.opening.slug, self.pk])

    def clean(self) -> None:
        """A form that edits the application itself (the HR workspace) records no decision,
        so it cannot settle the candidate; the pipeline functions can."""
        from .pipeline import refuse_settling_stage

        try:
            refuse_settling_stage(self, self.stage)
        except ValidationError as exc:
            raise ValidationError({"stage": exc.messages}) from None


class StageChange(models.Model):
    """The pipeline history of an application: every stage move, who and when."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="stage_changes"
    )
    from_stage = models.CharField(max_length=16, choices=Application.STAGES, blank=True)
    to_stage = models.CharField(max_length=16, choices=Application.STAGES)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.application}: {self.from_stage or 'new'} -> {self.to_stage}"


class Producer(index.Indexed, models.Model):
    """A current salesperson whose scores form the top, middle and bottom reference cohorts."""

    TOP, MIDDLE, BOTTOM = "top", "middle", "bottom"
    TIERS = [(TOP, "Top"), (MIDDLE, "Middle"), (BOTTOM, "Bottom")]
    IMPORTED, COMPUTED = "imported", "computed"
    TIER_SOURCES = [(IMPORTED, "Imported"), (COMPUTED, "Computed from performance")]

    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    email = models.EmailField(unique=True)
    external_id = models.CharField(max_length=64, blank=True, null=True, unique=True)
    role_title = models.CharField(max_length=120, blank=True)
    region = models.CharField(max_length=80, blank=True)
    hire_date = models.DateField(null=True, blank=True)
    performance = models.DecimalField(
        max_digits=10, decimal_places=2, null=True, blank=True,
        help_text="The latest performance figure, e.g. quota attainment in percent.",
    )
    performance_metric = models.CharField(max_length=80, default="Quota attainment (%)")
    performance_period = models.CharField(max_length=40, blank=True)
    tier = models.CharField(max_length=8, choices=TIERS, blank=True)
    tier_source = models.CharField(max_length=10, choices=TIER_SOURCES, blank=True)
    hire = models.OneToOneField(
        Application, on_delete=models.SET_NULL, null=True, blank=True, related_name="producer",
        help_text="The application this person was hired through, when they were hired with "
        "this platform. Their interview and assessment evidence stays on that candidate; the "
        "link lets later performance be compared with it.",
    )

    panels = [
        FieldPanel("first_name"),
        FieldPanel("last_name"),
        FieldPanel("email"),
        FieldPanel("external_id"),
        FieldPanel("role_title"),
        FieldPanel("region"),
        FieldPanel("hire_date"),
        FieldPanel("performance"),
        FieldPanel("performance_metric"),
        FieldPanel("performance_period"),
        FieldPanel("tier"),
    ]
    search_fields = [
        *(index.SearchField(name) for name in ("first_name", "last_name", "email")),
        *(index.AutocompleteField(name) for name in ("first_name", "last_name", "email")),
    ]

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return str(self)


class DecisionReason(models.Model):
    """A reason a decision can give, chosen from a short list HR keeps (a rejection needs one)."""

    name = models.CharField(
        max_length=120, unique=True,
        help_text="Short and specific, as a hiring manager would tick it, e.g. 'Below the "
        "knock-out minimum on a requirement'. Candidates may ask why: write it so it can "
        "be read out.",
    )
    active = models.BooleanField(
        default=True,
        help_text="Only active reasons are offered on the decision forms. Switch a reason "
        "off instead of deleting it: decisions that gave it keep it.",
    )
    order = models.PositiveIntegerField(
        default=0, help_text="Reasons are listed from the lowest number up."
    )

    panels = [FieldPanel("name"), FieldPanel("active"), FieldPanel("order")]

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Decision(models.Model):
    """An outcome recorded for a candidate in an opening, e.g. by a calibration meeting."""

    ADVANCE, HIRE, NO_HIRE = "advance", "hire", "no_hire"
    OUTCOMES = [(ADVANCE, "Advance"), (HIRE, "Hire"), (NO_HIRE, "No hire")]

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(max_length=10, choices=OUTCOMES)
    rationale = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)
    reasons = models.ManyToManyField(DecisionReason, blank=True, related_name="decisions")

    class Meta:
        ordering = ["-decided_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} for {self.application}"


class EmailOptOut(models.Model):
    """An optional notification a person has turned off (``selection.notifications.KINDS``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_opt_outs"
    )
    kind = models.CharField(max_length=40)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_opt_out_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user} turned off {self.kind}"
