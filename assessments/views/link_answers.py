"""What the pages opened by a signed link (the SJT, the referee's and the candidate's
reference forms) answer when the link is refused: JSON to the autosave script, a page to
a person."""

from django.http import JsonResponse
from django.shortcuts import render

from ..delivery import LinkRefused


def is_autosave(request) -> bool:
    return request.headers.get("X-Autosave") == "1"


def refused(request, exc: LinkRefused):
    if is_autosave(request):
        return JsonResponse({"ok": False, "title": exc.title, "error": exc.message},
                            status=exc.status)
    return render(request, "assessments/link_refused.html",
                  {"title": exc.title, "message": exc.message}, status=exc.status)
