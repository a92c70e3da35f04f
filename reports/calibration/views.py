"""Calibration and fairness pages: check access, call one function, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from reports.calibration import access
from reports.calibration.fairness import RULE, selection_rates
from reports.calibration.presentation import calibration_page
from reports.calibration.tasks import queue_recompute
from reports.packets.workers import no_worker_warning


@login_required
def calibration(request, slug):
    opening = access.calibration_opening_for_user(request, slug)
    context = calibration_page(opening, request.user, request.GET)
    return render(request, "reports/calibration.html", context | {"opening": opening})


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
