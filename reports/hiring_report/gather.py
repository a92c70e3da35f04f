"""Everything a hiring report says about one candidate, gathered into plain data.

``candidate_report(application)`` returns a ``HiringReport``; the PDF
(reports/pdf/candidate_report.py) and the browser page render it without further
queries. ``opening_context(opening)`` loads what all candidates of an opening share
(the calibration: the opening's stored snapshot, see ``calibration/snapshots.py``), so a
packet loads it once and a report page loads only its own candidate's evidence.

Rules (the report's appendix prints the same words):

* The band and the one-sentence headline follow the interview-led rule in
  ``headline.py``: the weighted evidence level against the profile's weighted target,
  the interview carrying ``1 - w`` and the assessments ``w``. The producer comparison
  stands beside it and never sets it.
* A knock-out minimum is missed when the mean interview rating on that dimension is
  below it (the calibration's rule); without interview ratings it is "not assessed".
* Assessment levels on the 1-5 scale per requirement come from
  ``evidence.instrument_levels``: roleplay ratings as they are, a judgment-test score
  mapped linearly onto 1-5, a psychometric z-score as 3 + z; their mean is the
  requirement's assessment level.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from reports.calibration.blinding import (
    NOBODY,
    Blind,
    blind_for,
    blinded_calibration,
    exercise_titles,
)
from reports.calibration.presentation import agreement_summary
from reports.calibration.snapshots import Freshness, stored_calibration
from reports.calibration.summaries import cohort_means
from reports.hiring_report import evidence as ev
from reports.hiring_report.headline import RULE, Headline
from reports.hiring_report.headlines import assessment_weight, band_for
from reports.hiring_report.headlines import finite as _finite
from reports.hiring_report.references import reference_section

TIERS = ("top", "middle", "bottom")
STRIP_DIMENSIONS = 4
PROBE_DIMENSIONS = 3
@dataclass
class OpeningContext:
    """What every candidate report of one opening shares."""

    opening: object
    payload: dict
    computed_at: datetime
    cohort_summary: dict[str, dict]  # slug -> ``summaries.cohort_summary``
    cohort_means: dict[str, dict[str, float | None]]  # slug -> tier -> mean z
    instrument_names: dict[str, str] = field(default_factory=dict)  # key -> readable name
    blind: Blind = NOBODY  # scorecards the reader may not see, left out of everything
    exercise_titles: dict[str, str] = field(default_factory=dict)  # withheld roleplays
    freshness: Freshness | None = None
    _questions: dict | None = None
    _sjt_totals: dict | None = None

    def sjt_producer_totals(self) -> dict[int, list[float]]:
        """The producers' complete judgment-test totals per test, read once for all reports."""
        if self._sjt_totals is None:
            self._sjt_totals = ev.producer_sjt_totals()
        return self._sjt_totals

    def probe_questions(self) -> dict[int, list[dict]]:
        """Probe questions for every dimension of the opening, read once for all reports."""
        if self._questions is None:
            self._questions = ev.probe_questions([d["id"] for d in self.payload["dimensions"]])
        return self._questions


@dataclass
class HiringReport:
    cover: dict
    band: dict
    fit: dict
    weighted: dict
    limits: list[str]
    profile_rows: list[dict]
    strip_panels: list[dict]
    dimension_rows: list[dict]
    interviews: dict
    agreement: dict
    sjt: list[dict]
    roleplays: list[dict]
    psychometrics: list[dict]
    probes: list[dict]
    appendix: dict
    knock_outs: list[dict] = field(default_factory=list)
    withheld: list[str] = field(default_factory=list)  # what blind scoring leaves out, and why
    cautions: list[str] = field(default_factory=list)  # the opening's, also at the end of limits

    @property
    def own_limits(self) -> list[str]:
        """What limits confidence about this candidate, without the opening-wide cautions."""
        shared = set(self.cautions)
        return [text for text in self.limits if text not in shared]
    references: dict | None = None  # reports.hiring_report.references.reference_section

    @property
    def has_evidence(self) -> bool:
        """Whether anything was collected on this candidate that this reader may see."""
        return bool(self.interviews["scorecards"] or self.sjt or self.roleplays
                    or self.psychometrics)

    @property
    def candidate_name(self) -> str:
        return self.cover["candidate"]


def opening_context(opening, blind: Blind = NOBODY, *, application_ids: Collection[int] = (),
                    fresh: bool = False) -> OpeningContext:
    """The opening's calibration as every report of it reads it.

    For a reader who may see everything it is the stored snapshot (``stored_calibration``;
    ``application_ids``: the reports' applications, which it must know). Scorecards ``blind``
    withholds from the reader are left out before anything is computed, so then the
    calibration is computed from that evidence and not stored, once per evidence and
    withholding (``blinded_calibration``: repeated reads of a live opening, where someone
    has always still to submit, do not recompute it); with ``fresh`` it is computed now.
    """
    if blind or fresh:
        payload = blinded_calibration(opening, blind, fresh=fresh)
        freshness = Freshness(datetime.fromisoformat(payload["computed_at"]), False)
    else:
        payload, freshness = stored_calibration(opening, application_ids=application_ids)
    summaries = payload["cohort_summary"]
    lacking = {m["instrument"] for cand in payload["candidates"]
               for m in cand.get("missing_instruments", [])}
    return OpeningContext(opening, payload, datetime.fromisoformat(payload["computed_at"]),
                          summaries, cohort_means(summaries),
                          instrument_names(sorted(lacking)), blind, exercise_titles(blind),
                          freshness)


def _fit(payload: dict, cand: dict, n_dimensions: int) -> dict:
    """The candidate's fit figures with the one top-share phrasing and the model's quality."""
    from reports.calibration.presentation import (
        expectancy_text,
        producer_sentence,
        top_share_text,
    )

    groups = payload.get("groups", [])
    group = groups[cand["group"]] if cand.get("group") is not None else None
    return {
        "posterior": cand["posterior"],
        "closer_than_top_share": cand["closer_than_top_share"],
        "closer_text": top_share_text(cand["closer_than_top_share"]),
        "expectancy_text": expectancy_text(cand.get("expectancy")),
        "model_message": group["message"] if group else "",
        "expectancy": group["validation"]["expectancy"] if group and group["usable"] else None,
        "n_dimensions_scored": cand["n_dimensions_scored"],
        "n_dimensions": n_dimensions,
        "basis": payload["fit_basis"],
        "usable": bool(cand.get("model_usable")),
        "sentence": producer_sentence(cand),
        "cohort_ns": {t: payload.get("cohorts", {}).get(t, {}).get("with_scores")
                      for t in TIERS},
    }


def weighted_evidence(head: Headline, dims: list[dict], w: float) -> dict:
    """The table under the band: per requirement the evidence, its blended level and gap."""
    rows = []
    for d, r in zip(dims, head.rows, strict=True):
        ko = d["knock_out"]
        rows.append({
            "name": d["name"], "kind": d["kind"], "weight": d["weight"], "target": d["target"],
            "interview": r.interview, "assessment": r.assessment, "level": r.level,
            "gap": None if r.level is None else r.level - r.target,
            "shortfall": r.shortfall, "knock_out": ko,
            "knock_out_status": (None if ko is None else "not assessed" if r.interview is None
                                 else "missed" if r.knock_out_missed else "met"),
        })
    return {"rows": rows, "overall": head.level, "target": head.target, "gap": head.gap,
            "coverage": head.coverage, "psychometric_weight": w,
            "interview_percent": round(100 * (1 - w)), "assessment_percent": round(100 * w)}


def candidate_report(application, *, context: OpeningContext | None = None,
                     generated_by=None, reader=None, loaded: dict | None = None) -> HiringReport:
    """The whole report for one application; ``context`` is shared when building many.

    Without a ``context``, the report is built for ``reader`` (None: the command line,
    which sees everything): scorecards blind scoring withholds from them are left out.
    ``loaded``: the application's evidence from ``evidence.load_evidence`` when a packet
    loaded everyone's at once.
    """
    opening = application.opening
    context = context or opening_context(opening, blind_for(reader, opening),
                                         application_ids=[application.pk])
    payload = context.payload
    cand = next(c for c in payload["candidates"] if c["application_id"] == application.pk)
    dims = payload["dimensions"]
    names = {d["id"]: d["name"] for d in dims}
    blind = context.blind
    if loaded is None:
        loaded = ev.load_evidence([application],
                                  withheld_exercises=blind.hidden_exercises)[application.pk]
    withheld = blind.notes(application, context.exercise_titles)
    interviews = (ev.withheld_interviews(withheld[0]) if blind.hides_interviews(application.pk)
                  else ev.interview_evidence(application, loaded["cards"]))
    sjt = ev.sjt_results(loaded["attempts"], names,
                         producer_totals=context.sjt_producer_totals())
    roleplays = ev.roleplay_results(loaded["roleplays"])
    psychometrics = ev.psychometric_results(loaded["psychometrics"])
    levels = ev.instrument_levels(sjt, roleplays, psychometrics)
    weight = assessment_weight(opening)
    head, band = band_for(dims, cand, levels, weight,
                          n_scorecards=len(interviews["scorecards"]),
                          recommendations=ev.recommendation_counts(interviews["scorecards"]),
                          withheld=interviews.get("withheld", ""))
    weighted = weighted_evidence(head, dims, weight)
    knock_outs = [r for r in weighted["rows"] if r["knock_out"] is not None]
    discriminating = set(payload.get("discriminating", []))
    profile_rows = _profile_rows(dims, cand, context, discriminating)
    return HiringReport(
        cover=_cover(application, opening, generated_by, context),
        band=band,
        fit=_fit(payload, cand, len(dims)),
        weighted=weighted,
        limits=withheld + _limits(payload, cand, interviews, context.instrument_names),
        profile_rows=profile_rows,
        strip_panels=_strip_panels(dims, cand, context, payload),
        dimension_rows=_dimension_rows(dims, cand, discriminating),
        interviews=interviews,
        agreement=payload.get("interviewers", {}) | {
            "in_words": agreement_summary(payload.get("interviewers", {}))},
        sjt=sjt, roleplays=roleplays, psychometrics=psychometrics,
        probes=_probes(profile_rows, weighted["rows"], context),
        appendix=_appendix(payload, context, interviews),
        knock_outs=knock_outs,
        withheld=withheld,
        cautions=list(payload.get("warnings", [])),
        references=reference_section(application, blind,
                                      requested=loaded.get("references_requested")),
    )


def _cover(application, opening, generated_by, context: OpeningContext) -> dict:
    revision = opening.role_profile_revision
    profile = opening.profile
    return {
        "candidate": application.candidate.full_name,
        "stage": application.get_stage_display(),
        "opening": opening.title, "opening_slug": opening.slug,
        "location": opening.location,
        "profile": profile.title, "role_name": profile.role_name,
        "revision_id": revision.pk, "revision_created_at": revision.created_at,
        "generated_at": timezone.now(),
        "generated_by": (generated_by.get_full_name() or generated_by.email)
        if generated_by is not None else "command line",
        "computed_at": context.computed_at,
        "freshness": context.freshness.text if context.freshness else "",
    }


def instrument_names(keys: list[str]) -> dict[str, str]:
    """Readable names of instrument keys (no query when there are none)."""
    if not keys:
        return {}
    try:
        from assessments.evidence import instrument_titles
    except ImportError:
        return {key: key for key in keys}
    return instrument_titles(keys)


def coverage_notes(cand: dict, names: dict[str, str]) -> list[str]:
    """One sentence per instrument most producers have and this candidate lacks."""
    return [
        f"{round(100 * m['producer_share'])} % of the producers compared have "
        f"{names.get(m['instrument'], m['instrument'])} scores; this candidate has none, so "
        "their profile rests on fewer instruments than the producers' (compare with care)."
        for m in cand.get("missing_instruments", [])
    ]


def _limits(payload: dict, cand: dict, interviews: dict,
            names: dict[str, str] | None = None) -> list[str]:
    """What limits confidence: this candidate's gaps first, then the opening's warnings."""
    out = []
    n_cards = len(interviews["scorecards"])
    if n_cards < 2 and not interviews.get("withheld"):
        out.append(f"{'Only one interviewer has' if n_cards == 1 else 'No interviewer has'} "
                   "submitted a scorecard for this candidate.")
    scored, total = cand["n_dimensions_scored"], len(payload["dimensions"])
    if scored < total:
        out.append(f"Test, roleplay or psychometric scores exist on {scored} of the {total} "
                   "dimensions.")
    out += coverage_notes(cand, names or {})
    disagree = [s["dimension"] for s in interviews["spreads"] if s["disagreement"]]
    if disagree:
        out.append("Interviewers are 2 or more points apart on " + ", ".join(disagree) + ".")
    out += [w for w in cand.get("warnings", []) if not w.startswith("No score for")]
    out += payload.get("warnings", [])
    return out


def _profile_rows(dims, cand, context: OpeningContext, discriminating: set) -> list[dict]:
    by_slug = {row["dimension"]: row for row in cand["dimensions"]}
    return [
        {"slug": d["slug"], "name": d["name"], "candidate": _finite(by_slug[d["slug"]]["z"]),
         "means": context.cohort_means.get(d["slug"], dict.fromkeys(TIERS)),
         "discriminating": d["slug"] in discriminating}
        for d in dims
    ]


def _strip_panels(dims, cand, context: OpeningContext, payload: dict) -> list[dict]:
    """Up to four dimensions that separate top from bottom producers most (largest |g|)."""
    effect = {r["dimension"]: abs(r["hedges_g"]) for r in payload.get("differences", [])
              if r["comparison"] == "top_vs_bottom" and r.get("hedges_g") is not None}
    chosen = sorted((s for s in payload.get("discriminating", []) if s in effect),
                    key=lambda s: -effect[s])[:STRIP_DIMENSIONS]
    by_slug = {row["dimension"]: row for row in cand["dimensions"]}
    names = {d["slug"]: d["name"] for d in dims}
    return [{"slug": s, "name": names[s], "candidate": _finite(by_slug[s]["z"]),
             "effect": effect[s], "summary": context.cohort_summary[s]} for s in chosen]


def _dimension_rows(dims, cand, discriminating: set) -> list[dict]:
    by_slug = {row["dimension"]: row for row in cand["dimensions"]}
    return [
        {"name": d["name"], "kind": d["kind"], "z": _finite(by_slug[d["slug"]]["z"]),
         "interview": _finite(by_slug[d["slug"]]["interview_mean"]),
         "percentiles": by_slug[d["slug"]]["percentiles"], "target": d["target"],
         "weight": d["weight"], "knock_out": d["knock_out"],
         "below_knock_out": by_slug[d["slug"]]["below_knock_out"],
         "discriminating": d["slug"] in discriminating, "n": d["n_producers"]}
        for d in dims
    ]


def _probes(profile_rows: list[dict], weighted_rows: list[dict],
            context: OpeningContext) -> list[dict]:
    """Questions for the dimensions where the candidate is furthest below the top cohort.

    The gap is the top cohort's mean z minus the candidate's z; a dimension without
    producer scores falls back to its level's distance below the role target (in levels).
    """
    gaps = []
    for row, w in zip(profile_rows, weighted_rows, strict=True):
        top = row["means"].get("top")
        if row["candidate"] is not None and top is not None and row["candidate"] < top:
            gaps.append((top - row["candidate"], row, "below the top producers' mean by "
                         f"{top - row['candidate']:.1f} SD"))
        elif row["candidate"] is None and w["gap"] is not None and w["gap"] < 0:
            gaps.append((-w["gap"], row, f"{-w['gap']:.1f} levels below the role target"))
    gaps.sort(key=lambda g: -g[0])
    chosen = gaps[:PROBE_DIMENSIONS]
    ids = {d["slug"]: d["id"] for d in context.payload["dimensions"]}
    questions = context.probe_questions()
    return [{"dimension": row["name"], "why": why,
             "questions": questions.get(ids.get(row["slug"]), [])}
            for _, row, why in chosen]


def _appendix(payload: dict, context: OpeningContext, interviews: dict) -> dict:
    cohorts = payload.get("cohorts", {})
    overall = payload.get("interviewers", {}).get("overall", {})
    return {
        "computed_at": context.computed_at,
        "min_cohort": payload.get("min_cohort"),
        "ns": [
            ("Top producers with scores", cohorts.get("top", {}).get("with_scores")),
            ("Middle producers with scores", cohorts.get("middle", {}).get("with_scores")),
            ("Bottom producers with scores", cohorts.get("bottom", {}).get("with_scores")),
            ("Candidates in the opening", cohorts.get("candidates", {}).get("applications")),
            ("Candidates with scores", cohorts.get("candidates", {}).get("with_scores")),
            ("Interviewers with submitted ratings (opening)", overall.get("n_raters")),
            ("Interview ratings (opening)", overall.get("n_ratings")),
            ("Submitted scorecards for this candidate",
             None if interviews.get("withheld") else len(interviews["scorecards"])),
        ],
        "basis": payload.get("fit_basis", {}).get("explanation", ""),
        "band_rule": RULE,
        "level_rule": ev.LEVEL_RULE,
    }
