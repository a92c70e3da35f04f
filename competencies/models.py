"""The competency and trait library and the role profiles built from it."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.models.workflows import AbstractGroupApprovalTask, TaskState
from wagtail.search import index

from .blocks import TaskBlock
from .numbers import PlainDecimalInput
from .panels import RequirementsOverviewPanel

LEVELS = [(n, str(n)) for n in range(1, 6)]
LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class Dimension(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed,
                models.Model):
    """One competency or trait: what every instrument scores a person on.

    Competencies and traits are edited as separate snippets (multi-table children of
    this model), so that role profiles, questions and tests can point at either.
    """

    COMPETENCY = "competency"
    TRAIT = "trait"
    KINDS = [(COMPETENCY, "Competency"), (TRAIT, "Trait")]

    kind = models.CharField(max_length=12, choices=KINDS, editable=False)
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(
        max_length=120, unique=True,
        help_text="Short identifier used in imports and URLs, e.g. 'discovery-questioning'.",
    )
    category = models.CharField(
        max_length=80, help_text="Groups related items in lists and reports, e.g. 'Acumen'."
    )
    definition = models.TextField(
        help_text="What this means in a sales role, in two or three plain sentences."
    )
    level_1 = models.TextField(
        "Level 1 (poor)", help_text="What a person rated 1 typically does or says."
    )
    level_2 = models.TextField("Level 2 (weak)", help_text="Observable behaviour at level 2.")
    level_3 = models.TextField("Level 3 (solid)", help_text="Observable behaviour at level 3.")
    level_4 = models.TextField("Level 4 (strong)", help_text="Observable behaviour at level 4.")
    level_5 = models.TextField(
        "Level 5 (exceptional)", help_text="What the very best people do at level 5."
    )
    trainable = models.BooleanField(
        default=True,
        help_text="Can this be developed after hiring? Hire more strictly for what cannot.",
    )

    search_fields = [
        index.SearchField("name"),
        index.SearchField("definition"),
        index.FilterField("kind"),
        # The listings filter by these while searching.
        index.FilterField("category"),
        index.FilterField("trainable"),
        index.FilterField("live"),
        index.AutocompleteField("name"),
        index.AutocompleteField("definition"),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("category"),
        FieldPanel("definition"),
        MultiFieldPanel(
            [FieldPanel(f"level_{n}") for n in range(1, 6)],
            heading="Behaviourally anchored rating levels",
            help_text="Describe what someone does at each level, so two interviewers "
            "watching the same answer give the same rating.",
        ),
        FieldPanel("trainable"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def anchors(self) -> list[str]:
        """The five anchor texts, level 1 first."""
        return [self.level_1, self.level_2, self.level_3, self.level_4, self.level_5]


class Competency(Dimension):
    """A skill or behaviour a sales role needs; usually trainable."""

    class Meta:
        verbose_name = "competency"
        verbose_name_plural = "competencies"

    def save(self, *args, **kwargs):
        self.kind = Dimension.COMPETENCY
        super().save(*args, **kwargs)


class Trait(Dimension):
    """An attribute, mindset or personality feature; harder to train."""

    class Meta:
        verbose_name = "trait"

    def save(self, *args, **kwargs):
        self.kind = Dimension.TRAIT
        super().save(*args, **kwargs)


class RoleLibraryIndexPage(Page):
    """The parent of every role profile."""

    intro = RichTextField(blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["competencies.RoleProfilePage"]
    max_count = 1


class RoleProfileForm(WagtailAdminPageForm):
    """Refuses a profile that lists the same competency or trait twice, or that takes the
    name of another role profile (the name is the title, and the slug is made from it)."""

    def clean(self):
        cleaned = super().clean()
        title = (cleaned.get("title") or "").strip()
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if title and parent is not None:
            same = RoleProfilePage.objects.child_of(parent).filter(title__iexact=title)
            if self.instance.pk:
                same = same.exclude(pk=self.instance.pk)
            if same.exists():
                self.add_error("title", "Another role profile already has this name; "
                                        "choose a name that tells them apart.")
        return cleaned

    def is_valid(self) -> bool:
        valid = super().is_valid()
        formset = self.formsets.get("requirements")
        if formset is None:
            return valid
        seen: dict[int, int] = {}
        for number, form in enumerate(formset.forms):
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or not data.get("dimension"):
                continue
            dimension = data["dimension"]
            if dimension.pk in seen:
                form.add_error(
                    "dimension",
                    f"{dimension} is already required in row {seen[dimension.pk] + 1}; "
                    "list each competency or trait once.",
                )
                valid = False
            else:
                seen[dimension.pk] = number
        if not valid and not self.non_field_errors():
            self.add_error(None, "The profile could not be saved: see the marked fields.")
        return valid


class RoleProfilePage(Page):
    """A sales role: what the job is and which competencies and traits it needs."""

    role_name = models.CharField(
        max_length=120, help_text="The job title candidates see, e.g. 'Account Executive'."
    )
    job_description = RichTextField(
        help_text="Purpose of the role, who it sells to, and how success is measured."
    )
    tasks = StreamField(
        [("task", TaskBlock())], blank=True, help_text="The key tasks of the role."
    )
    psychometric_weight = models.DecimalField(
        max_digits=3, decimal_places=2, default=Decimal("0.33"),
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="Share of the overall evidence that psychometric results carry (0 to 1). "
        "About a third is the usual advice: assessments inform the interview more than "
        "they screen people out.",
    )

    # A role profile is not a web page: its title is the role's name (``role_name`` follows
    # it on save), and there is no Promote tab with its slug and search-engine fields (the
    # slug is made from the title).
    content_panels = [
        FieldPanel(
            "title", heading="Role name",
            help_text="The role as HR and hiring teams call it, e.g. 'Account Executive "
            "(new business)'. Openings and reports show this name.",
        ),
        FieldPanel("job_description"),
        FieldPanel("tasks"),
        FieldPanel("psychometric_weight"),
        RequirementsOverviewPanel(heading="Requirements at a glance"),
        InlinePanel(
            "requirements", heading="Required competencies and traits", min_num=1,
            label="Requirement",
            help_text="The overview above the list shows each requirement's share of the "
            "total weight and warns when one carries more than half of it.",
        ),
    ]
    promote_panels: list = []
    base_form_class = RoleProfileForm
    parent_page_types = ["competencies.RoleLibraryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "role profile"

    def save(self, *args, **kwargs):
        self.role_name = self.title[: self._meta.get_field("role_name").max_length]
        return super().save(*args, **kwargs)

    @property
    def status_string(self) -> str:
        """Wagtail's status in the approval workflow's words."""
        status = str(super().status_string)
        return status.replace("in moderation", "waiting for approval")

    @cached_property
    def requirement_list(self) -> list["RoleRequirement"]:
        """Requirements in editing order, each with its dimension loaded."""
        return list(self.requirements.select_related("dimension").order_by("sort_order"))


class RoleRequirement(Orderable):
    """One competency or trait a role requires, how much it matters, and the bar."""

    page = ParentalKey(RoleProfilePage, on_delete=models.CASCADE, related_name="requirements")
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="+",
        help_text="The competency or trait the role needs.",
    )
    weight = models.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text="How much this counts relative to the others (positive number; "
        "1 = normal, 2 = twice as important, 3 = critical).",
    )
    target_level = models.PositiveSmallIntegerField(
        choices=LEVELS, default=3, validators=LEVEL_VALIDATORS,
        help_text="The level (1-5) a successful hire shows on the anchored scale.",
    )
    knock_out_minimum = models.PositiveSmallIntegerField(
        "knock-out minimum", choices=LEVELS, null=True, blank=True, validators=LEVEL_VALIDATORS,
        help_text="Optional. Below this level a candidate is not hired, whatever else "
        "they show. Must not be above the target level.",
    )

    panels = [
        FieldPanel("dimension"),
        FieldPanel("weight", widget=PlainDecimalInput(attrs={"step": "0.01", "min": "0.01"})),
        FieldPanel("target_level"),
        FieldPanel("knock_out_minimum"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "requirement"

    def __str__(self) -> str:
        return f"{self.dimension} (weight {self.weight}, target {self.target_level})"

    def clean(self) -> None:
        super().clean()
        if (
            self.knock_out_minimum is not None
            and self.target_level is not None
            and self.knock_out_minimum > self.target_level
        ):
            raise ValidationError(
                {"knock_out_minimum": "The knock-out minimum cannot be above the target level."}
            )


WORKFLOW_ACTION_LABELS = {
    ("reject", True): "Request changes",
    ("approve", False): "Approve",
    ("approve", True): "Approve with a comment",
}


class PeerApprovalTask(AbstractGroupApprovalTask):
    """Group approval where the person who submitted cannot approve their own change."""

    @staticmethod
    def _requested_by(obj):
        state = getattr(obj, "current_workflow_state", None)
        return state.requested_by_id if state else None

    def get_actions(self, obj, user):
        """Approve, approve with a comment, or request changes; never on one's own change."""
        if self._requested_by(obj) == user.pk:
            return []
        return [(name, WORKFLOW_ACTION_LABELS.get((name, modal), label), modal)
                for name, label, modal in super().get_actions(obj, user)]

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and task_state.workflow_state.requested_by_id == user.pk:
            raise PermissionError("A second HR person must approve a change you submitted.")
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if states is TaskState.objects.none():
            return states
        return states.exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return "Members of the chosen groups approve; nobody approves their own submission."

    class Meta:
        verbose_name = "peer approval task"
