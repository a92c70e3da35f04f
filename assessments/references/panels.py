"""The references and background-check sections of the candidate and opening pages."""

from selection.access import is_hr

from ..models import BackgroundCheck
from . import background, links, questionnaire
from .evidence import may_read_references, reference_evidence, status_counts

STATUS_LABELS = {
    "requested": "Requested", "named": "Named", "sent": "Sent", "answered": "Answered",
    "declined": "Declined", "overdue": "Overdue",
}


def application_panel(request, *, application):
    """Candidate page (the page has checked that the user manages the opening)."""
    evidence = reference_evidence(application)
    reference_request = evidence.request
    form = questionnaire.form_for(application.opening)
    required = form.background_checks if form else []
    link = ""
    if reference_request and not reference_request.named_at and not reference_request.is_expired:
        link = links.candidate_url(reference_request)
    hr = is_hr(request.user)
    checks = background.checks_for(application, required)
    return "assessments/references/panel_application.html", {
        "application": application, "evidence": evidence, "request": reference_request,
        "link": link, "readable": may_read_references(request.user, application),
        "counts": [(STATUS_LABELS[k], n) for k, n in status_counts(evidence.referees).items()],
        "wanted": questionnaire.describe_relationships(
            reference_request.required_relationships if reference_request
            else (form.required_relationships if form
                  else questionnaire.default_relationships())),
        "contradiction": 2, "is_hr": hr, "checks": checks,
        "statuses": BackgroundCheck.STATUSES,
        "adverse_pending": _adverse_pending(checks),
    }


def _adverse_pending(checks: list[BackgroundCheck]) -> list[BackgroundCheck]:
    return [c for c in checks if c.pk and c.status == BackgroundCheck.ADVERSE]


def opening_panel(request, *, opening):
    form = questionnaire.form_for(opening)
    return "assessments/references/panel_opening.html", {
        "opening": opening, "form": form,
        "count": form.questions.count() if form else 0,
        "wanted": questionnaire.describe_relationships(form.required_relationships)
        if form else "",
    }


def submitted_scorecards_panel(request, *, application):
    """An interviewer's page of the other scorecards: the referees' answers, under the same
    blind rule (the page shows only once they have submitted their own)."""
    if not may_read_references(request.user, application):
        return None
    evidence = reference_evidence(application)
    if not evidence.answered:
        return None
    return "assessments/references/panel_interviewer.html", {"evidence": evidence}
