"""Recording that a hire started (``hires.start_hire``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from . import access
from .hires import StartForm, start_hire


@login_required
@require_POST
def start(request, slug, pk):
    application = access.application_for_user(request, slug, pk)
    form = StartForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The start was not recorded: give the first working day.")
        return redirect(application)
    try:
        producer = start_hire(application, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, f"The start was not recorded: {' '.join(exc.messages)}")
        return redirect(application)
    messages.success(request, f"{producer.full_name} started on "
                              f"{producer.hire_date:%d %b %Y} and is now a producer.")
    return redirect(application)
