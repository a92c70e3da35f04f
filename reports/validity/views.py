"""Validity on hires and the pipeline against the profile: check access, call one function,
render."""

import csv
import math
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from reports.validity import access
from reports.validity.funnel import funnel_csv_rows, source_funnel
from reports.validity.hires import REVIEW_POINTS, profile_validity
from reports.validity.pipeline import pipeline_against_profile
from selection.csv_safety import safe_csv_cell


def _ratios(query) -> tuple[dict[str, float], list[str]]:
    """The SD ratios HR entered (``u-<row key>``), and a message per unreadable one."""
    ratios, problems = {}, []
    for name, value in query.items():
        if not name.startswith("u-") or not value.strip():
            continue
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            number = math.nan
        if math.isfinite(number) and 0 < number <= 10:
            ratios[name[2:]] = number
        else:
            problems.append(f"'{value}' is not an SD ratio between 0 and 10; left out.")
    return ratios, problems


@login_required
def validity(request, pk):
    profile, openings = access.profile_for_user(request, pk)
    review = request.GET.get("review", "12")
    review = int(review) if review in {str(m) for m in REVIEW_POINTS} else 12
    may_correct = access.may_correct(request.user)
    ratios, problems = _ratios(request.GET) if may_correct else ({}, [])
    data = profile_validity(openings, review_months=review, ratios=ratios)
    offered = {f"u-{r['key']}": f"{r['offered_ratio']:.2f}" for r in data["rows"]
               if math.isfinite(r["offered_ratio"])}
    return render(request, "reports/validity/validity.html", data | {
        "profile": profile, "openings": openings, "review_points": REVIEW_POINTS,
        "may_correct": may_correct, "ratio_problems": problems, "corrected": bool(ratios),
        "offer_query": urlencode({"review": review, **offered}),
        "editor_url": reverse("wagtailadmin_pages:edit", args=[profile.pk]),
    })


def _pipeline(request, openings, title, *, opening=None, profile=None):
    return render(request, "reports/validity/pipeline.html", {
        "title": title, "opening": opening, "profile": profile, "openings": openings,
        "pipeline": pipeline_against_profile(openings), "funnel": source_funnel(openings),
    })


@login_required
def opening_pipeline(request, slug):
    opening = access.pipeline_opening_for_user(request, slug)
    return _pipeline(request, [opening], opening.title, opening=opening,
                     profile=opening.role_profile)


@login_required
def profile_pipeline(request, pk):
    profile, openings = access.profile_for_user(request, pk)
    return _pipeline(request, openings, f"All openings for {profile.title}", profile=profile)


def _funnel_csv(openings, name: str) -> HttpResponse:
    """The funnel per source of these openings as CSV, every cell formula-safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="funnel-{name}.csv"'
    writer = csv.writer(response)
    for row in funnel_csv_rows(source_funnel(openings)):
        writer.writerow([safe_csv_cell(v) for v in row])
    return response


@login_required
def profile_pipeline_csv(request, pk):
    profile, openings = access.profile_for_user(request, pk)
    return _funnel_csv(openings, profile.slug)


@login_required
def opening_pipeline_csv(request, slug):
    """The funnel of one opening, as its pipeline page shows it."""
    opening = access.pipeline_opening_for_user(request, slug)
    return _funnel_csv([opening], opening.slug)
