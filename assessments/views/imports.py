"""HR uploads psychometric results and producer performance."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .. import access
from ..csvfile import ImportRefused
from ..imports import (
    PERFORMANCE_COLUMNS,
    PERFORMANCE_OPTIONAL,
    PSYCHOMETRIC_COLUMNS,
    PSYCHOMETRIC_OPTIONAL,
    import_performance,
    import_psychometrics,
)

KINDS = {
    "psychometrics": ("Import psychometric results", import_psychometrics,
                      PSYCHOMETRIC_COLUMNS, PSYCHOMETRIC_OPTIONAL),
    "performance": ("Import producer performance", import_performance,
                    PERFORMANCE_COLUMNS, PERFORMANCE_OPTIONAL),
}


def _upload(request, kind: str):
    access.require_hr(request)
    title, run, required, optional = KINDS[kind]
    context = {"title": title, "kind": kind, "required": required, "optional": optional,
               "limit": settings.SELECTION_IMPORT_MAX_BYTES}
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
