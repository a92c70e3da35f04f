"""Forms of the hiring core."""

from django import forms
from django.contrib.auth import get_user_model

from . import pipeline
from .models import Application, Decision
from .roles import GROUP_PERMISSIONS


def _reasons_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple,
        help_text="A rejection needs at least one; HR keeps this list.",
    )


class ReasonsMixin:
    """Offers the active decision reasons, loaded once per page however many forms show them
    (``reasons``: the list from ``pipeline.active_reasons()``); cleans to the reasons."""

    def _offer_reasons(self, reasons) -> None:
        reasons = pipeline.active_reasons() if reasons is None else reasons
        self._reasons = {str(r.pk): r for r in reasons}
        self.fields["reasons"].choices = [(pk, r.name) for pk, r in self._reasons.items()]

    def clean_reasons(self) -> list:
        return [self._reasons[value] for value in self.cleaned_data.get("reasons", [])]


class StageForm(ReasonsMixin, forms.Form):
    """A move in the pipeline; Offer, Hired and Rejected also need the decision and why."""

    stage = forms.ChoiceField(choices=Application.STAGES)
    outcome = forms.ChoiceField(
        choices=Decision.OUTCOMES, widget=forms.RadioSelect, required=False,
        help_text="Needed for Offer, Hired and Rejected: they record a decision.",
    )
    reasons = _reasons_field()
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), max_length=pipeline.MAX_RATIONALE,
        required=False, help_text="Why, in a few sentences (needed with a decision; "
        "optional for a rejection with its reasons).",
    )

    def __init__(self, *args, reasons=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._offer_reasons(reasons)

    def clean(self) -> dict:
        data = super().clean()
        stage = data.get("stage")
        if stage and pipeline.needs_decision(stage):
            if data.get("outcome") not in pipeline.DECISION_STAGES[stage]:
                self.add_error("outcome", pipeline.decision_message(stage))
            else:
                problems = pipeline.decision_problems(
                    data["outcome"], data.get("rationale", ""), data.get("reasons"))
                for name, message in problems.items():
                    self.add_error(name, message)
        return data


class DecisionForm(ReasonsMixin, forms.Form):
    """The decision a meeting or a hiring manager records: the calibration session and the
    candidate page use this form and ``pipeline.record_decision``."""

    outcome = forms.ChoiceField(choices=Decision.OUTCOMES, widget=forms.RadioSelect)
    reasons = _reasons_field()
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), max_length=pipeline.MAX_RATIONALE,
        required=False, help_text="Why, in a few sentences: needed to advance or hire, "
        "optional for a rejection with its reasons.",
    )

    def __init__(self, *args, reasons=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._offer_reasons(reasons)

    def clean(self) -> dict:
        data = super().clean()
        if "outcome" in data:
            problems = pipeline.decision_problems(
                data["outcome"], data.get("rationale", ""), data.get("reasons"))
            for name, message in problems.items():
                self.add_error(name, message)
        return data


class InviteForm(forms.Form):
    email = forms.EmailField()
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    group = forms.ChoiceField(
        choices=[(name, name) for name in GROUP_PERMISSIONS],
        help_text="HR edits the library and openings; hiring managers and interviewers "
        "see what their hiring teams give them.",
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("Someone with this email address already has an account.")
        return email
