"""HR's forms for API clients and webhook endpoints."""

from django import forms

from selection.models import Opening

from .models import EVENTS, SCOPES


class ClientForm(forms.Form):
    name = forms.CharField(max_length=120, help_text="Which system uses it, e.g. 'Greenhouse "
                                                     "production'.")
    scopes = forms.MultipleChoiceField(
        choices=SCOPES, widget=forms.CheckboxSelectMultiple,
        help_text="Give only what the integration needs.")
    openings = forms.ModelMultipleChoiceField(
        queryset=Opening.objects.order_by("title"), required=False,
        help_text="Leave empty to let it reach every opening; pick some to limit it to them.")


class WebhookForm(forms.Form):
    url = forms.URLField(max_length=500, assume_scheme="https",
                         help_text="Your receiver's https address.")
    events = forms.MultipleChoiceField(choices=EVENTS, widget=forms.CheckboxSelectMultiple)
