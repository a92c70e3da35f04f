"""Structured references and background-check tracking for an opening's finalists.

HR writes ``ReferenceQuestion`` snippets tied to a dimension; an opening's ``ReferenceForm``
picks questions from its pinned profile and holds what the opening asks of finalists
(referee relationships, background checks). A ``ReferenceRequest`` is the candidate's
signed link to name ``Referee`` rows; each referee answers by a signed link of their own.
``BackgroundCheck`` records a check done elsewhere: never the report itself.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin
from wagtail.search import index

from competencies.models import Dimension
from selection.models import Application, Opening

FORMER_MANAGER, PEER, DIRECT_REPORT, CUSTOMER = (
    "former_manager", "peer", "direct_report", "customer")
RELATIONSHIPS = [
    (FORMER_MANAGER, "Former manager"),
    (PEER, "Peer"),
    (DIRECT_REPORT, "Direct report"),
    (CUSTOMER, "Customer"),
]

EMPLOYMENT, EDUCATION, CRIMINAL, DRUG = "employment", "education", "criminal", "drug"
CHECK_KINDS = [
    (EMPLOYMENT, "Employment history"),
    (EDUCATION, "Education"),
    (CRIMINAL, "Criminal record"),
    (DRUG, "Drug test"),
]


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


def candidate_link_expiry():
    return timezone.now() + timedelta(days=settings.SELECTION_CANDIDATE_LINK_DAYS)


def referee_link_expiry():
    return timezone.now() + timedelta(days=settings.SELECTION_REFERENCE_LINK_DAYS)


class ReferenceQuestion(DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed,
                        models.Model):
    """A question a referee rates 1-5 against anchors and comments on, for one dimension."""

    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="reference_questions",
        help_text="The competency or trait the referee's answer is evidence on.",
    )
    text = models.TextField(
        "Question",
        help_text="Ask about what the referee saw the candidate do, compared with others in "
        "the same role: 'Compared with other account executives you managed, how did ... '.",
    )
    anchor_1 = models.CharField("Rating 1", max_length=240,
                                help_text="What a 1 means, e.g. 'among the weakest I managed'.")
    anchor_2 = models.CharField("Rating 2", max_length=240)
    anchor_3 = models.CharField("Rating 3", max_length=240,
                                help_text="The middle: 'about the same as most'.")
    anchor_4 = models.CharField("Rating 4", max_length=240)
    anchor_5 = models.CharField("Rating 5", max_length=240,
                                help_text="The top, e.g. 'among the best I managed'.")
    comment_prompt = models.CharField(
        max_length=240, blank=True,
        help_text="Optional: what to ask for in the comment, e.g. 'An example you remember'.",
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="reference_question")

    panels = [
        FieldPanel("dimension"),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel(f"anchor_{n}") for n in range(1, 6)],
            heading="Anchored scale",
            help_text="Every referee rates on these five levels, so write them as comparisons "
            "a referee can make honestly.",
        ),
        FieldPanel("comment_prompt"),
    ]
    search_fields = [index.SearchField("text"), index.AutocompleteField("text"),
                     index.FilterField("dimension")]

    class Meta:
        ordering = ["dimension__name", "pk"]
        verbose_name = "reference question"

    def __str__(self) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= 90 else text[:89] + "…"

    @property
    def revisions(self):
        return self._revisions

    @property
    def anchors(self) -> list[str]:
        return [self.anchor_1, self.anchor_2, self.anchor_3, self.anchor_4, self.anchor_5]


class ReferenceForm(models.Model):
    """An opening's reference questionnaire and what it asks of its finalists."""

    opening = models.OneToOneField(Opening, on_delete=models.CASCADE,
                                   related_name="reference_form")
    required_relationships = models.JSONField(
        default=dict, help_text="How many referees of each relationship a finalist names.")
    background_checks = models.JSONField(
        default=list, help_text="The checks this opening requires of its finalists.")
    built_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, related_name="+")
    built_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Reference form for {self.opening}"


class ReferenceFormQuestion(models.Model):
    form = models.ForeignKey(ReferenceForm, on_delete=models.CASCADE, related_name="questions")
    question = models.ForeignKey(ReferenceQuestion, on_delete=models.PROTECT, related_name="+")
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["form", "question"],
                                               name="unique_reference_form_question")]

    def __str__(self) -> str:
        return f"{self.form}: {self.question}"


class ReferenceRequest(models.Model):
    """A finalist asked to name referees, by a signed link that works until they have."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE,
                                       related_name="reference_request")
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    questions = models.JSONField(
        default=list, help_text="The questions as they were when references were requested; "
        "every referee of this candidate answers exactly these.")
    required_relationships = models.JSONField(default=dict)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=candidate_link_expiry)
    consent_at = models.DateTimeField(null=True, blank=True)
    named_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"References for {self.application}"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at


class Referee(models.Model):
    """A person a finalist named, and their answers (one submission, or a decline)."""

    request = models.ForeignKey(ReferenceRequest, on_delete=models.CASCADE,
                                related_name="referees")
    name = models.CharField(max_length=120)
    email = models.EmailField()
    relationship = models.CharField(max_length=16, choices=RELATIONSHIPS)
    company = models.CharField(max_length=120)
    worked_from = models.DateField()
    worked_to = models.DateField(null=True, blank=True)
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    expires_at = models.DateTimeField(default=referee_link_expiry)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    answers = models.JSONField(default=dict, blank=True)
    # The client's clock (ms) of the newest autosave applied: an older one is ignored.
    draft_stamp = models.BigIntegerField(default=0)
    saved_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["request", "pk"]
        constraints = [models.UniqueConstraint(fields=["request", "email"],
                                               name="unique_referee_email")]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_relationship_display()})"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_closed(self) -> bool:
        return self.submitted_at is not None or self.declined_at is not None

    @property
    def status(self) -> str:
        """'named', 'sent', 'answered', 'declined' or 'overdue'."""
        if self.submitted_at:
            return "answered"
        if self.declined_at:
            return "declined"
        if self.sent_at is None:
            return "named"
        due = self.sent_at + timedelta(days=settings.SELECTION_REFERENCE_DUE_DAYS)
        return "overdue" if self.is_expired or timezone.now() >= due else "sent"


class BackgroundCheck(models.Model):
    """One check on a finalist, done by a provider outside the app; its report stays there."""

    NOT_STARTED, IN_PROGRESS, CLEAR = "not_started", "in_progress", "clear"
    NEEDS_REVIEW, ADVERSE = "needs_review", "adverse"
    STATUSES = [(NOT_STARTED, "Not started"), (IN_PROGRESS, "In progress"), (CLEAR, "Clear"),
                (NEEDS_REVIEW, "Needs review"), (ADVERSE, "Adverse")]

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="background_checks")
    kind = models.CharField(max_length=12, choices=CHECK_KINDS)
    consent_on = models.DateField(null=True, blank=True)
    provider = models.CharField(max_length=120, blank=True)
    provider_reference = models.CharField(max_length=120, blank=True)
    report_location = models.CharField(
        max_length=240, blank=True,
        help_text="Where the report is kept (the provider's portal, an HR file). Never upload it.")
    status = models.CharField(max_length=12, choices=STATUSES, default=NOT_STARTED)
    status_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    notice_sent_on = models.DateField(
        null=True, blank=True, help_text="When the pre-adverse-action notice was sent.")
    notice_recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                           null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["application", "kind"]
        constraints = [models.UniqueConstraint(fields=["application", "kind"],
                                               name="unique_background_check")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} check for {self.application}"

    @property
    def waiting_ends_on(self):
        if self.notice_sent_on is None:
            return None
        return self.notice_sent_on + timedelta(days=settings.SELECTION_ADVERSE_WAIT_DAYS)
