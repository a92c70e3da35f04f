"""Forms of the hiring core."""

from django import forms
from django.contrib.auth import get_user_model

from . import pipeline
from .models import Application, Decision
from .roles import GROUP_PERMISSIONS


class StageForm(forms.Form):
    """A move in the pipeline; Offer, Hired and Rejected also need the decision and why."""

    stage = forms.ChoiceField(choices=Application.STAGES)
    outcome = forms.ChoiceField(
        choices=Decision.OUTCOMES, widget=forms.RadioSelect, required=False,
        help_text="Needed for Offer, Hired and Rejected: they record a decision.",
    )
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), max_length=pipeline.MAX_RATIONALE,
        required=False, help_text="Why, in a few sentences (needed with a decision).",
    )

    def clean(self) -> dict:
        data = super().clean()
        stage = data.get("stage")
        if stage and pipeline.needs_decision(stage):
            if data.get("outcome") not in pipeline.DECISION_STAGES[stage]:
                self.add_error("outcome", pipeline.decision_message(stage))
            if not (data.get("rationale") or "").strip():
                self.add_error("rationale", "Write down why; a decision needs its rationale.")
        return data


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(choices=Decision.OUTCOMES, widget=forms.RadioSelect)
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), max_length=4000,
        help_text="Why the meeting decided this, in a few sentences.",
    )


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
