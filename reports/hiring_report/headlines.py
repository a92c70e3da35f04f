"""The headline (band and one sentence) of each candidate, from the evidence, for every path.

``band_for`` is the one place a band and its sentence are made: the hiring report (page,
PDF, packet) calls it through ``gather.candidate_report``; the calibration page and the
candidate page call it through ``opening_headlines``, which loads the evidence of a whole
opening in a fixed number of queries. The rule itself is ``headline.headline``.
"""

from __future__ import annotations

import math
from dataclasses import replace
from types import SimpleNamespace

import numpy as np

from reports.calibration.blinding import NOBODY, Blind, exercise_titles
from reports.calibration.wording import evidence_words, frames_disagree, producer_evidence_words
from reports.hiring_report import evidence as ev
from reports.hiring_report.headline import BANDS, Headline, Requirement, headline, sentence


def candidate_headline(dims: list[dict], cand: dict, levels: dict, weight: float,
                       n_scorecards: int) -> Headline:
    """The interview-led headline (``headline.py``) from this candidate's evidence."""
    by_slug = {row["dimension"]: row for row in cand["dimensions"]}
    requirements = []
    for d in dims:
        parts = list(levels["behavioural"].get(d["id"], []))
        if levels["psychometric"].get(d["id"]) is not None:
            parts.append(levels["psychometric"][d["id"]])
        requirements.append(Requirement(
            name=d["name"], weight=float(d["weight"]), target=float(d["target"]),
            trainable=bool(d.get("trainable", d["kind"] != "trait")),
            interview=finite(by_slug[d["slug"]]["interview_mean"]),
            assessment=float(np.mean(parts)) if parts else None,
            knock_out=d["knock_out"],
        ))
    return headline(requirements, submitted_scorecards=n_scorecards, assessment_weight=weight)


def band_for(dims: list[dict], cand: dict, levels: dict, weight: float, *, n_scorecards: int,
             recommendations: list[tuple[str, int]], withheld: str = "") -> tuple[Headline, dict]:
    """The band and its one sentence for one candidate: every page and document asks here.

    ``withheld``: why this reader may not see the candidate's interviews yet; the band rests
    on them, so the reader gets no band.
    """
    head = candidate_headline(dims, cand, levels, weight, n_scorecards)
    if withheld:
        head = replace(head, key="insufficient", label=BANDS["insufficient"], reason=withheld)
    band = {"key": head.key, "label": head.label, "reason": head.reason,
            "sentence": sentence(head, recommendations=recommendations,
                                 producer_comparison=producer_comparison_words(cand)),
            "development_needs": head.development_needs, "risks": head.risks,
            "disagreements": frame_disagreements(head, dims, cand)}
    return head, band


def frame_disagreements(head: Headline, dims: list[dict], cand: dict) -> list[dict]:
    """Requirements where meeting the target and standing among the top producers disagree
    (``wording.frames_disagree``), each with its sentence."""
    by_slug = {row["dimension"]: row for row in cand["dimensions"]}
    out = []
    for d, r in zip(dims, head.rows, strict=True):
        text = frames_disagree(
            level=r.level, target=r.target,
            percentile_top=finite((by_slug[d["slug"]].get("percentiles") or {}).get("top")),
            candidate_evidence=evidence_words(r.interview, r.assessment),
            producer_evidence=producer_evidence_words(d.get("instruments", [])))
        if text:
            out.append({"name": d["name"], "text": text})
    return out


def producer_comparison_words(cand: dict) -> str:
    """Whether the comparison with the company's producers can be read, in a few words."""
    if cand.get("model_usable"):
        top = (cand.get("posterior") or {}).get("top")
        chance = "" if top is None else f": P(top) {round(top * 100)} %"
        return f"compared with the company's producers{chance}, shown below"
    if cand.get("group") is None:
        return "no test, roleplay or psychometric result to compare with the producers"
    return "the producer comparison cannot tell yet for this candidate's instruments"


def finite(value) -> float | None:
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def assessment_weight(opening) -> float:
    """The pinned role profile's ``psychometric_weight`` (the assessments' share of the band),
    read from the pinned revision's content without rebuilding the whole profile."""
    value = (opening.role_profile_revision.content or {}).get("psychometric_weight")
    if value is None:
        value = opening.profile.psychometric_weight
    return float(value)


def opening_headlines(opening, payload: dict, blind: Blind = NOBODY,
                      application_ids: list[int] | None = None) -> dict[int, dict]:
    """Band and sentence per application id for the candidates in a calibration ``payload``
    (only ``application_ids`` when given), as ``gather.candidate_report`` would make them
    for the reader ``blind`` describes. A fixed number of queries for any number."""
    return openings_headlines([(opening, payload)], blind, application_ids)


def openings_headlines(pairs: list[tuple], blind: Blind = NOBODY,
                       application_ids: list[int] | None = None) -> dict[int, dict]:
    """``opening_headlines`` for several (opening, payload) pairs at once: the evidence of
    all their candidates loads in the same fixed number of queries."""
    groups = [(opening, payload, [c for c in payload.get("candidates", [])
                                  if application_ids is None
                                  or c["application_id"] in application_ids])
              for opening, payload in pairs]
    cands = [c for _, _, group in groups for c in group]
    if not cands:
        return {}
    app_ids = [c["application_id"] for c in cands]
    people = [c["candidate_id"] for c in cands]
    evidence = (ev.interview_summaries(app_ids),
                ev.sjt_results_by_candidate(people, {}, with_producers=False),
                ev.roleplay_results_by_candidate(people, hidden=blind.roleplays),
                ev.psychometric_results_by_candidate(people))
    titles = exercise_titles(blind) if blind else {}
    out = {}
    for opening, payload, group in groups:
        if group:
            out.update(_bands(payload, group, assessment_weight(opening), blind, titles,
                              evidence))
    return out


def _bands(payload, cands, weight, blind, titles, evidence) -> dict[int, dict]:
    summaries, sjt, roleplays, psychometrics = evidence
    out = {}
    for cand in cands:
        app_id, person = cand["application_id"], cand["candidate_id"]
        withheld = ""
        if blind.hides_interviews(app_id):
            application = SimpleNamespace(pk=app_id, candidate_id=person,
                                          candidate=SimpleNamespace(full_name=cand["name"]))
            withheld = blind.notes(application, titles)[0]
        summary = summaries[app_id]
        levels = ev.instrument_levels(sjt.get(person, []), roleplays.get(person, []),
                                      psychometrics.get(person, []))
        _, band = band_for(payload["dimensions"], cand, levels, weight,
                           n_scorecards=0 if withheld else summary["n_scorecards"],
                           recommendations=[] if withheld else summary["recommendations"],
                           withheld=withheld)
        out[app_id] = band
    return out
