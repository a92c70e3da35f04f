"""HR uploads psychometric results, producer performance and candidates."""

import csv

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from selection.csv_safety import safe_csv_cell
from selection.models import CandidateSource, Opening

from .. import access
from ..csvfile import ImportRefused
from ..imports import (
    CANDIDATE_COLUMNS,
    CANDIDATE_OPTIONAL,
    PERFORMANCE_COLUMNS,
    PERFORMANCE_OPTIONAL,
    PSYCHOMETRIC_COLUMNS,
    PSYCHOMETRIC_OPTIONAL,
    import_candidates,
    import_performance,
    import_psychometrics,
)

KINDS = {
    "psychometrics": ("Import psychometric results", import_psychometrics,
                      PSYCHOMETRIC_COLUMNS, PSYCHOMETRIC_OPTIONAL),
    "performance": ("Import producer performance", import_performance,
                    PERFORMANCE_COLUMNS, PERFORMANCE_OPTIONAL),
    "candidates": ("Import candidates", import_candidates,
                   CANDIDATE_COLUMNS, CANDIDATE_OPTIONAL),
}
# The template file offered on the candidate import page: the header and one example row.
CANDIDATE_TEMPLATE_ROWS = [
    CANDIDATE_COLUMNS + CANDIDATE_OPTIONAL,
    ["Ada", "Lovelace", "ada.lovelace@example.com", "020 7946 0000", "ATS-1042", "referral", ""],
]


def _upload(request, kind: str):
    access.require_hr(request)
    title, run, required, optional = KINDS[kind]
    context = {"title": title, "kind": kind, "required": required, "optional": optional,
               "limit": settings.SELECTION_IMPORT_MAX_BYTES}
    if kind == "candidates":
        context["sources"] = CandidateSource.objects.filter(active=True)
        context["openings"] = Opening.objects.exclude(status=Opening.CLOSED).order_by("slug")
    status = 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            context["errors"], status = ["Choose a CSV file to upload."], 400
        elif upload.size > settings.SELECTION_IMPORT_MAX_BYTES:
            context["errors"] = [
                f"The file is {upload.size:,} bytes; the limit is "
                f"{settings.SELECTION_IMPORT_MAX_BYTES:,} bytes. Split it into smaller files."
            ]
            status = 413
        else:
            try:
                context["result"] = run(upload.read())
            except ImportRefused as exc:
                context["errors"], status = exc.errors, 400
            context["filename"] = upload.name
    return render(request, "assessments/import.html", context, status=status)


@login_required
def psychometrics(request):
    return _upload(request, "psychometrics")


@login_required
def performance(request):
    return _upload(request, "performance")


@login_required
def candidates(request):
    return _upload(request, "candidates")


@login_required
def candidates_template(request):
    access.require_hr(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="candidates.csv"'
    writer = csv.writer(response)
    for row in CANDIDATE_TEMPLATE_ROWS:  # like every CSV we write, through the neutraliser
        writer.writerow([safe_csv_cell(cell) for cell in row])
    return response
