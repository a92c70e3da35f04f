"""The candidate's voluntary self-identification step, reached from their test link."""

from django import forms
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from ..delivery import LinkRefused, invitation_for_token
from ..self_identification import keeper
from .link_answers import refused


class AboutYouForm(forms.Form):
    group = forms.ChoiceField(
        label="Which of these describes you?", required=False, widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(
        label="I agree that this answer may be used, counted with others and without my "
        "name, to check that the selection process treats every group fairly.",
        required=False,
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = choices


@never_cache
def about_you(request, token: str):
    """Show the privacy notice and the question; store the answer (never shown back)."""
    try:
        invitation = invitation_for_token(token)
    except LinkRefused as exc:
        return refused(request, exc)
    store = keeper()
    if invitation.candidate is None or store is None:
        return render(request, "assessments/link_refused.html", {
            "title": "Not asked here",
            "message": "This question is only for candidates. There is nothing to fill in.",
        }, status=404)
    # Always start from "Prefer not to say": whoever opens the link never sees an answer.
    form = AboutYouForm(request.POST or None, initial={"group": ""},
                        choices=store.question_choices())
    if request.method == "POST" and form.is_valid():
        try:
            store.record_answer(invitation.candidate, form.cleaned_data["group"],
                                form.cleaned_data["consent"])
        except store.SelfIdentificationRefused as exc:
            form.add_error(None, str(exc))
        else:
            return redirect(reverse("assessments:about_you", args=[token]) + "?saved=1")
    return render(request, "assessments/about_you.html", {
        "form": form, "token": token, "notice": store.PRIVACY_NOTICE,
        "saved": request.GET.get("saved") == "1", "test_title": invitation.test.title,
    }, status=400 if form.errors else 200)
