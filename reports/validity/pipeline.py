"""The pipeline against the profile: is anyone in it near qualifying, and from where?

Per requirement, the share of candidates whose evidence level reaches the target and
whose interview mean meets the knock-out, by stage and by source; per stage, how many
reach the weighted target now and how many still could (every interview still to come
counted as a 5, the top of the scale, the assessments as they are, and no knock-out
missed). The levels and
the band rule are the hiring report's (``reports.validity.levels``). Trainable
competencies and traits are listed apart: a coachable shortfall is easier to accept.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from reports.calibration.evidence import evidence_for_opening
from reports.hiring_report.headline import Requirement, requirement_level
from reports.validity.levels import CandidateLevels, opening_levels

PAST_SCREENING = ("interviewing", "assessment", "calibration", "offer", "hired")
TOP_LEVEL = 5.0


@dataclass(frozen=True)
class PipelineEntry:
    """One application with its stage, source and levels."""

    stage: str
    source: str
    levels: CandidateLevels
    targets: tuple[float, ...]
    weights: tuple[float, ...]
    assessment_weight: float = 0.33

    @property
    def reaches(self) -> bool:
        head = self.levels.head
        return head.gap is not None and head.gap >= 0 and not head.knock_outs_missed \
            and head.key != "insufficient"

    @property
    def could_reach(self) -> bool:
        """At target overall if every interview still to come rated 5 (the assessments as
        they are), and no knock-out missed already."""
        head = self.levels.head
        if head.knock_outs_missed:
            return False
        total = sum(self.weights)
        level = sum(w * requirement_level(Requirement(
            r.name, w, r.target, interview=TOP_LEVEL if r.interview is None else r.interview,
            assessment=r.assessment), self.assessment_weight)
            for w, r in zip(self.weights, head.rows, strict=True))
        target = sum(w * t for w, t in zip(self.weights, self.targets, strict=True))
        return total > 0 and level >= target


def source_label(name: str | None) -> str:
    """The source's name (``CandidateSource``), 'Not recorded' for a candidate without one."""
    name = " ".join((name or "").split())
    return name or "Not recorded"


def pipeline_entries(openings, *, active_only: bool = True) -> tuple[list[PipelineEntry], list]:
    """Every application of the openings with its levels; the requirements (DimensionInfo)."""
    from selection.models import Application, Candidate

    entries, dimensions = [], []
    for opening in openings:
        evidence = evidence_for_opening(opening)
        if not dimensions:
            dimensions = evidence.dimensions
        elif [d.slug for d in dimensions] != [d.slug for d in evidence.dimensions]:
            continue  # pinned to another revision with other requirements: not comparable
        weight = float(opening.profile.psychometric_weight)
        levels = opening_levels(evidence, weight)
        sources = dict(Candidate.objects.filter(
            pk__in=[a.candidate_id for a in evidence.applications]).values_list(
            "pk", "source__name"))
        targets = tuple(float(d.target) for d in evidence.dimensions)
        weights = tuple(float(d.weight) for d in evidence.dimensions)
        for app, lv in zip(evidence.applications, levels, strict=True):
            if active_only and app.stage not in (*Application.ACTIVE_STAGES, Application.HIRED):
                continue
            entries.append(PipelineEntry(app.stage, source_label(sources.get(app.candidate_id)),
                                         lv, targets, weights, weight))
    return entries, dimensions


def _cell(entries: list[PipelineEntry], j: int, dim) -> dict:
    assessed = [e for e in entries if e.levels.head.rows[j].level is not None]
    at_target = sum(1 for e in assessed if e.levels.head.rows[j].level >= dim.target)
    ko_seen = [e for e in entries if e.levels.head.rows[j].interview is not None]
    ko_met = sum(1 for e in ko_seen if e.levels.head.rows[j].interview >= dim.knock_out) \
        if dim.knock_out is not None else None
    return {"n": len(entries), "assessed": len(assessed), "at_target": at_target,
            "ko_assessed": len(ko_seen), "ko_met": ko_met}


def requirement_rows(entries, dimensions, stages, sources) -> list[dict]:
    """Per requirement: the cells by stage and by source, trainable ones marked."""
    by_stage, by_source = defaultdict(list), defaultdict(list)
    for e in entries:
        by_stage[e.stage].append(e)
        by_source[e.source].append(e)
    return [
        {"name": d.name, "trainable": d.trainable, "target": d.target, "knock_out": d.knock_out,
         "all": _cell(entries, j, d),
         "stages": [_cell(by_stage[s], j, d) for s, _ in stages],
         "sources": [_cell(by_source[s], j, d) for s in sources]}
        for j, d in enumerate(dimensions)
    ]


def stage_rows(entries, stages) -> list[dict]:
    return [{"stage": label, "n": len(group),
             "reaches": sum(e.reaches for e in group),
             "could_reach": sum(e.could_reach for e in group)}
            for key, label in stages if (group := [e for e in entries if e.stage == key])]


def source_rows(entries, sources) -> list[dict]:
    """Per source, closest to the profile first: by the share of its assessed candidates
    (those with any evidence) who reach the target, then by their mean gap; sources with
    nobody assessed yet come last."""
    rows = []
    for source in sources:
        group = [e for e in entries if e.source == source]
        gaps = [e.levels.head.gap for e in group if e.levels.head.gap is not None]
        rows.append({"source": source, "n": len(group), "assessed": len(gaps),
                     "reaches": sum(e.reaches for e in group),
                     "could_reach": sum(e.could_reach for e in group),
                     "mean_gap": sum(gaps) / len(gaps) if gaps else None})
    return sorted(rows, key=lambda r: (r["assessed"] == 0,
                                       -(r["reaches"] / r["assessed"]) if r["assessed"] else 0,
                                       -(r["mean_gap"] if r["mean_gap"] is not None else 0)))


def headline_words(entries, dimensions, sources: list[dict]) -> dict:
    """The headline in the method's terms, and whether the pipeline is far from the profile."""
    past = [e for e in entries if e.stage in PAST_SCREENING]
    parts, far = [], False
    for j, d in enumerate(dimensions):
        if d.knock_out is None:
            continue
        seen = [e for e in past if e.levels.head.rows[j].interview is not None]
        if seen and not any(e.levels.head.rows[j].interview >= d.knock_out for e in seen):
            parts.append(f"no candidate past screening meets the knock-out on {d.name} "
                         f"({len(seen)} rated)")
            far = True
    reaching = sum(e.reaches for e in entries)
    parts.append(f"{reaching} of {len(entries)} reach the weighted target")
    if entries and reaching / len(entries) < 0.1:
        far = True
    closest = [s for s in sources if s["assessed"]][:2]
    text = "; ".join(parts)
    text = text[:1].upper() + text[1:] + "."
    if closest:
        text += " Closest sources: " + ", ".join(
            f"{s['source']} ({s['reaches']} of {s['assessed']} assessed reach it)"
            for s in closest) + "."
    return {"text": text, "far": far}


def pipeline_against_profile(openings) -> dict:
    """Everything the pipeline-against-profile page shows for these openings."""
    from selection.models import Application

    entries, dimensions = pipeline_entries(openings)
    present = {e.stage for e in entries}
    stages = [(k, label) for k, label in Application.STAGES
              if k in (*Application.ACTIVE_STAGES, Application.HIRED) and k in present]
    sources = sorted({e.source for e in entries})
    rows = requirement_rows(entries, dimensions, stages, sources)
    by_source = source_rows(entries, sources)
    return {
        "n": len(entries), "stages": stages, "sources": sources,
        "competencies": [r for r in rows if r["trainable"]],
        "traits": [r for r in rows if not r["trainable"]],
        "by_stage": stage_rows(entries, stages), "by_source": by_source,
        "headline": headline_words(entries, dimensions, by_source),
    }
