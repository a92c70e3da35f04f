"""Calibration and fairness pages: check access, call one function, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from . import access
from .calibration import latest_or_compute
from .fairness import RULE, selection_rates
from .presentation import calibration_context
from .tasks import queue_recompute
from .workers import no_worker_warning


@login_required
def calibration(request, slug):
    opening = access.calibration_opening_for_user(request, slug)
    snapshot = latest_or_compute(opening)
    context = calibration_context(snapshot.payload)
    return render(
        request,
        "reports/calibration.html",
        context | {"opening": opening, "snapshot": snapshot},
    )


@login_required
@require_POST
def recompute(request, slug):
    opening = access.calibration_opening_for_user(request, slug)
    queued = "Recalculation queued." if queue_recompute(opening.pk) else (
        "A recalculation was already queued; it will use the latest evidence.")
    no_worker = no_worker_warning()
    if no_worker:
        messages.warning(request, f"{queued} {no_worker}")
    else:
        messages.success(
            request,
            f"{queued} The figures below update once it has run; reload in a minute.",
        )
    response = redirect(reverse("opening_calibration", args=[opening.slug]))
    response.status_code = 303  # see other: reload as GET
    return response


@login_required
def fairness(request, slug=None):
    openings = access.fairness_openings_for_user(request, slug)
    return render(
        request,
        "reports/fairness.html",
        {
            "openings": openings,
            "opening": openings[0] if slug else None,
            "rates": selection_rates(openings),
            "rule": RULE,
        },
    )
