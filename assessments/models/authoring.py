"""What HR authors in the Wagtail admin: SJTs, roleplay exercises, psychometric scale maps."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.forms import CheckboxSelectMultiple
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin
from wagtail.search import index

from competencies.models import Dimension, RoleProfilePage

from ..admin_forms import MAX_OPTIONS, MIN_OPTIONS, JudgmentTestForm, RoleplayExerciseForm

KEYS = [
    (1, "1 - very ineffective"),
    (2, "2 - ineffective"),
    (3, "3 - neither"),
    (4, "4 - effective"),
    (5, "5 - very effective"),
]
ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]

SCORING_HELP = (
    "How candidates answer and how answers are scored. "
    "'Rate each response': the candidate rates every response 1-5; a scenario scores "
    "1 minus the mean distance between the candidate's ratings and your keys divided by 4, "
    "so 1 = rated exactly like the experts and 0 = as far off as possible. "
    "'Most and least effective': the candidate picks one response as most and one as least "
    "effective; +1 when the 'most' pick is a top-keyed response, +1 when the 'least' pick is "
    "a bottom-keyed one, -1 for each pick on the wrong end, so a scenario scores -2 to +2. "
    "Scores per competency are the mean of the scenarios mapped to it. "
    "An unrated response or a pick not made is left out, not counted as wrong; a test with "
    "too few answers is shown as incomplete and does not enter the band."
)


class JudgmentTest(DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A situational-judgment test: sales scenarios with expert-keyed responses."""

    RATE_EACH, MOST_LEAST = "rate_each", "most_least"
    METHODS = [(RATE_EACH, "Rate each response 1-5"), (MOST_LEAST, "Most and least effective")]

    title = models.CharField(max_length=160, help_text="Shown to the person taking the test.")
    slug = models.SlugField(
        max_length=80, unique=True,
        help_text="Short identifier used in reports and calibration, e.g. 'ae-judgment'. "
        "Do not change it once people have taken the test.",
    )
    role_profile = models.ForeignKey(
        RoleProfilePage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Optional: the role this test was written for.",
    )
    instructions = models.TextField(
        help_text="Shown before the test starts: what to do, how long it takes, that answers "
        "save automatically and there is one attempt."
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        default=30, validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text="The server closes the attempt this many minutes after the person starts, "
        "and scores what was saved by then.",
    )
    scoring_method = models.CharField(
        max_length=12, choices=METHODS, default=RATE_EACH, help_text=SCORING_HELP
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("role_profile"),
        FieldPanel("instructions"),
        FieldPanel("time_limit_minutes"),
        FieldPanel("scoring_method"),
        InlinePanel(
            "scenarios", heading="Scenarios", label="Scenario", min_num=1,
            help_text="Each scenario: a sales situation, a question, 4 to 6 possible responses "
            "and the experts' key for each response.",
        ),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title"),
                     index.FilterField("live"), index.FilterField("scoring_method")]
    base_form_class = JudgmentTestForm

    class Meta:
        ordering = ["title"]
        verbose_name = "situational-judgment test"

    def __str__(self) -> str:
        return self.title


class Scenario(Orderable, ClusterableModel):
    """One situation in an SJT, with its responses and the dimensions it measures."""

    test = ParentalKey(JudgmentTest, on_delete=models.CASCADE, related_name="scenarios")
    title = models.CharField(max_length=160, help_text="A short name for HR and reports.")
    situation = models.TextField(
        help_text="The sales situation, told so that the person can picture it."
    )
    question = models.CharField(
        max_length=255, default="Rate how effective each response would be.",
        help_text="What the person is asked to do with the responses.",
    )
    dimensions = ParentalManyToManyField(
        Dimension, related_name="+",
        help_text="The competencies and traits this scenario shows; at least one. The "
        "scenario's score counts towards each of them.",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("situation"),
        FieldPanel("question"),
        FieldPanel("dimensions", widget=CheckboxSelectMultiple),
        InlinePanel(
            "options", heading="Responses", label="Response", min_num=MIN_OPTIONS,
            max_num=MAX_OPTIONS,
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "scenario"

    def __str__(self) -> str:
        return self.title


class ResponseOption(Orderable):
    """A possible response to a scenario, keyed by subject-matter experts."""

    scenario = ParentalKey(Scenario, on_delete=models.CASCADE, related_name="options")
    text = models.TextField(help_text="The response as the person reads it.")
    key = models.PositiveSmallIntegerField(
        choices=KEYS, validators=ONE_TO_FIVE,
        help_text="How effective experienced sellers judge this response, 1 (very "
        "ineffective) to 5 (very effective). Several responses may share a key.",
    )

    panels = [FieldPanel("text"), FieldPanel("key")]

    class Meta(Orderable.Meta):
        verbose_name = "response"

    def __str__(self) -> str:
        return self.text[:60]


class RoleplayExercise(
    DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """A roleplay or simulation (e.g. a discovery call) scored by assessors."""

    title = models.CharField(max_length=160)
    slug = models.SlugField(
        max_length=80, unique=True,
        help_text="Short identifier used in reports and calibration, e.g. 'discovery-call'.",
    )
    candidate_brief = models.TextField(
        help_text="What the person being assessed reads beforehand: the situation and the goal."
    )
    buyer_brief = models.TextField(
        help_text="For the assessor playing the buyer only: their hidden pains, what to reveal "
        "and when, how to react."
    )
    duration_minutes = models.PositiveSmallIntegerField(
        default=25, validators=[MinValueValidator(1), MaxValueValidator(240)]
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("duration_minutes"),
        FieldPanel("candidate_brief"),
        FieldPanel("buyer_brief"),
        InlinePanel(
            "behaviours", heading="Observable behaviours", label="Behaviour", min_num=1,
            help_text="Per competency or trait: what an assessor can see or hear in the "
            "exercise. Assessors rate each on its anchored 1-5 scale.",
        ),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title"),
                     index.FilterField("live")]
    base_form_class = RoleplayExerciseForm

    class Meta:
        ordering = ["title"]
        verbose_name = "roleplay exercise"

    def __str__(self) -> str:
        return self.title


class RoleplayBehaviour(Orderable):
    """What assessors look for on one dimension during the exercise."""

    exercise = ParentalKey(RoleplayExercise, on_delete=models.CASCADE, related_name="behaviours")
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="+",
        help_text="The competency or trait rated here.",
    )
    observable = models.TextField(
        help_text="Behaviours an assessor can observe, in the exercise's own terms."
    )

    panels = [FieldPanel("dimension"), FieldPanel("observable")]

    class Meta(Orderable.Meta):
        verbose_name = "observable behaviour"

    def __str__(self) -> str:
        return f"{self.dimension_id}: {self.observable[:50]}"


class PsychometricScale(models.Model):
    """Maps one scale of a psychometric instrument to a trait or competency, once."""

    instrument = models.CharField(
        max_length=120, help_text="The instrument's name exactly as in the vendor's export."
    )
    scale = models.CharField(
        max_length=120, help_text="The scale's name exactly as in the vendor's export."
    )
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="+",
        help_text="The trait or competency this scale measures. Imported scores for this "
        "scale count as evidence on it.",
    )
    notes = models.TextField(
        blank=True, help_text="Optional: the vendor's description of the scale and its norm group."
    )

    panels = [
        MultiFieldPanel([FieldPanel("instrument"), FieldPanel("scale")], heading="Scale"),
        FieldPanel("dimension"),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["instrument", "scale"]
        verbose_name = "psychometric scale"
        constraints = [
            models.UniqueConstraint(fields=["instrument", "scale"], name="unique_instrument_scale")
        ]

    def __str__(self) -> str:
        return f"{self.instrument} / {self.scale}"
