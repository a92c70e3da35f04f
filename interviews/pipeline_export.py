"""An opening's pipeline as CSV: each candidate's stage, dates, interview recommendations
and the latest decision. Every cell passes the formula-safe path (selection/csv_safety.py).

Recommendations follow the blind-scoring rule: a reader who interviews a candidate and has
not submitted their own card gets "hidden until you submit your scorecard" in that cell.
"""

import csv
import io
from collections import Counter, defaultdict

from django.http import HttpResponse

from selection.csv_safety import safe_csv_cell
from selection.models import Application, Decision, Opening

from .models import Scorecard
from .selectors import scorecards_hidden_from

HEADER = ["Candidate", "Email", "Stage", "In stage since", "Applied", "Interview scorecards",
          "Recommendations", "Latest decision", "Decided on"]
HIDDEN = "hidden until you submit your scorecard"


def _recommendations(application_ids) -> dict[int, Counter]:
    counts: dict[int, Counter] = defaultdict(Counter)
    cards = Scorecard.objects.filter(
        interview__application_id__in=application_ids, state__in=Scorecard.FINAL_STATES,
    ).values_list("interview__application_id", "recommendation")
    labels = dict(Scorecard._meta.get_field("recommendation").choices)
    for application_id, recommendation in cards:
        counts[application_id][labels.get(recommendation, "none given")] += 1
    return counts


def _latest_decisions(application_ids) -> dict[int, Decision]:
    latest: dict[int, Decision] = {}
    for decision in Decision.objects.filter(application_id__in=application_ids).order_by(
            "decided_at", "pk"):
        latest[decision.application_id] = decision
    return latest


def pipeline_rows(opening: Opening, user) -> list[list]:
    """The header and one row per candidate, in four queries whatever the pipeline's size."""
    applications = list(Application.objects.filter(opening=opening).select_related("candidate")
                        .order_by("candidate__last_name", "candidate__first_name", "pk"))
    ids = [a.pk for a in applications]
    hidden = scorecards_hidden_from(user, applications)
    recommendations = _recommendations(ids)
    decisions = _latest_decisions(ids)
    rows = [HEADER]
    for a in applications:
        counts = recommendations.get(a.pk, Counter())
        decision = decisions.get(a.pk)
        rows.append([
            a.candidate.full_name, a.candidate.email, a.get_stage_display(),
            a.stage_changed_at.date().isoformat(), a.created_at.date().isoformat(),
            HIDDEN if a.pk in hidden else sum(counts.values()),
            HIDDEN if a.pk in hidden else "; ".join(f"{label}: {n}"
                                                   for label, n in sorted(counts.items())),
            decision.get_outcome_display() if decision else "",
            decision.decided_at.date().isoformat() if decision else "",
        ])
    return rows


def pipeline_download(opening: Opening, user) -> HttpResponse:
    """The CSV as a download named after the opening."""
    response = HttpResponse(pipeline_csv(opening, user), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="pipeline-{opening.slug}.csv"'
    return response


def pipeline_csv(opening: Opening, user) -> str:
    """The CSV text, every cell neutralised against spreadsheet formulas."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in pipeline_rows(opening, user):
        writer.writerow([safe_csv_cell(cell) for cell in row])
    return out.getvalue()
