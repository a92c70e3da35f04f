"""Results of one application as the API gives them: the hiring report's own gathering.

Nothing here queries scorecards for figures: ``reports.hiring_report.gather`` builds the
report, and this module picks from it. The blind rule an API client reads under is the
strictest one: the ATS is read by everyone in the hiring team, so while *anyone* who
interviews or assesses a candidate has not submitted, the others' scorecards on that
candidate are withheld from the API, exactly as they are from that person in Selection.
"""

from dataclasses import dataclass
from io import BytesIO

from reports.calibration.blinding import Blind
from reports.hiring_report.gather import HiringReport, candidate_report, opening_context
from reports.hiring_report.headlines import producer_comparison_words

WITHHELD_INTERVIEWS = (
    "Interview scorecards for this candidate are withheld from the API: {n} interviewer{s} "
    "{have} not submitted yet, and scoring stays blind until everyone has. Figures computed "
    "from interview ratings leave this candidate's out."
)
WITHHELD_ROLEPLAYS = (
    "Roleplay scorecards in {exercises} are withheld from the API: an assessor has not "
    "submitted yet."
)


@dataclass(frozen=True)
class ApiBlind(Blind):
    """``Blind`` with the API's wording; ``pending`` counts unsubmitted interviewers."""

    pending: tuple = ()  # (application id, number of interviewers still to submit)

    def notes(self, application, exercise_titles=None) -> list[str]:
        out = []
        if self.hides_interviews(application.pk):
            n = dict(self.pending).get(application.pk, 1)
            out.append(WITHHELD_INTERVIEWS.format(n=n, s="" if n == 1 else "s",
                                                  have="has" if n == 1 else "have"))
        hidden = self.hidden_exercises(application.candidate_id)
        if hidden:
            titles = exercise_titles or {}
            out.append(WITHHELD_ROLEPLAYS.format(
                exercises=", ".join(titles.get(s, s) for s in hidden)))
        return out


def api_blind(opening) -> ApiBlind:
    """Withholds every candidate's interview (roleplay) scorecards while any interviewer
    (assessor of that exercise) of theirs has not submitted."""
    from assessments.models import RoleplayScorecard
    from interviews.models import Interview, Scorecard

    pending: dict[int, int] = {}
    for application_id in (
        Interview.objects.filter(application__opening=opening)
        .exclude(scorecard__state__in=Scorecard.FINAL_STATES)
        .values_list("application_id", flat=True)
    ):
        pending[application_id] = pending.get(application_id, 0) + 1
    roleplays = set(
        RoleplayScorecard.objects.filter(
            candidate__applications__opening=opening, status=RoleplayScorecard.DRAFT)
        .values_list("candidate_id", "exercise__slug")
    )
    return ApiBlind(frozenset(pending), frozenset(roleplays), pending=tuple(pending.items()))


def report_for_api(application) -> HiringReport:
    """The hiring report of the application, under the API's blind rule."""
    blind = api_blind(application.opening)
    context = opening_context(application.opening, blind, application_ids=[application.pk])
    return candidate_report(application, context=context)


def _recommendations(report: HiringReport) -> dict[str, int]:
    counts: dict[str, int] = {}
    for card in report.interviews["scorecards"]:
        if card["recommendation"]:
            counts[card["recommendation"]] = counts.get(card["recommendation"], 0) + 1
    return counts


def _producer_comparison(report: HiringReport, cand: dict) -> dict:
    usable = bool(cand.get("model_usable"))
    fit = report.fit
    return {
        "usable": usable,
        "summary": producer_comparison_words(cand),
        "posterior": fit["posterior"] if usable else None,
        "closer_than_top_share": fit["closer_than_top_share"] if usable else None,
        "expectancy": fit["expectancy_text"] if usable else "",
        "model_message": fit["model_message"],
        "dimensions_scored": fit["n_dimensions_scored"],
        "dimensions": fit["n_dimensions"],
    }


def _references(section: dict | None) -> dict | None:
    """The reference checks as figures: who was asked and answered, the ratings per
    dimension beside the interviews', and where they contradict each other (no comments:
    they are the referees' own words, read in Selection)."""
    if section is None:
        return None
    return {
        "referees": len(section["statuses"]),
        "answered": section["answered"],
        "withheld": bool(section["withheld"]),
        "rows": [{k: row[k] for k in ("dimension", "mean", "low", "high", "n",
                                       "interview_mean", "interview_n", "contradicts")}
                 for row in section["rows"]],
        "contradicts_interviews_on": list(section["contradictions"]),
    }


def results_for(application) -> dict:
    """What the results endpoint answers: the report's content, without the notes."""
    blind = api_blind(application.opening)
    context = opening_context(application.opening, blind, application_ids=[application.pk])
    report = candidate_report(application, context=context)
    cand = next(c for c in context.payload["candidates"]
                if c["application_id"] == application.pk)
    w = report.weighted
    return {
        "application_id": application.pk,
        "opening": application.opening.slug,
        "stage": application.stage,
        "computed_at": report.cover["computed_at"],
        "band": {k: report.band[k] for k in ("key", "label", "reason", "sentence")}
        | {"development_needs": list(report.band["development_needs"]),
           "risks": list(report.band["risks"])},
        "overall": {"level": w["overall"], "target": w["target"], "gap": w["gap"],
                    "coverage": w["coverage"],
                    "psychometric_weight": w["psychometric_weight"]},
        "requirements": [
            {k: row[k] for k in ("name", "kind", "interview", "assessment", "level", "gap",
                                 "shortfall", "knock_out", "knock_out_status")}
            | {"weight": float(row["weight"]), "target": float(row["target"])}
            for row in w["rows"]
        ],
        "producer_comparison": _producer_comparison(report, cand),
        "interviews": {
            "scorecards_submitted": (None if report.interviews.get("withheld")
                                     else len(report.interviews["scorecards"])),
            "recommendations": _recommendations(report),
            "withheld": bool(report.interviews.get("withheld")),
        },
        "tests": [
            {"test": s["test"], "completed_at": s["completed_at"], "total": s["total"],
             "answered": s["answered"], "items": s["items"], "complete": s["complete"]}
            for s in report.sjt
        ],
        "roleplays_submitted": len(report.roleplays),
        "psychometric_scales": len(report.psychometrics),
        "references": _references(report.references),
        "limits": report.limits,
        "withheld": report.withheld,
    }


def pdf_for(application) -> tuple[bytes | None, str]:
    """The report PDF under the API's blind rule, and the candidate's name (None: no evidence)."""
    from reports.pdf.candidate_report import build_candidate_pdf

    report = report_for_api(application)
    if not report.has_evidence:
        return None, report.candidate_name
    buffer = BytesIO()
    build_candidate_pdf(report, buffer)
    return buffer.getvalue(), report.candidate_name
