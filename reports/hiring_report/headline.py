"""The headline of a hiring report: one band and one sentence, led by the interview.

The method this product follows treats the structured interview as the lead evidence and
the assessments (situational-judgment tests, roleplays, psychometrics) as about a third
of the decision. The band is therefore the candidate's weighted evidence level against
the role profile's weighted target, with the interview carrying ``1 - w`` and the
assessments ``w`` (the profile's ``psychometric_weight``, 0.33 by default). The producer
comparison never sets it; it is shown beside the band when it is usable.

The rule (``headline``; the report's appendix prints ``RULE``):

1. Per requirement, the *level* on the 1-5 scale is ``(1 - w) x interview + w x
   assessment`` where both exist, the interview level alone where there is no assessment
   evidence, and the assessment level alone where the interviews did not rate it.
2. *Insufficient evidence* when no interview scorecard has been submitted, or when the
   requirements with a level carry less than 60 % of the profile's total weight.
3. *Poor fit* when a knock-out minimum is missed (the mean interview rating on that
   requirement is below it).
4. Otherwise the *gap* is the weight-averaged ``level - target`` over the requirements
   with a level: *Strong fit* at +0.75 or more, *Fit* from 0, *Mixed* from -0.75,
   *Poor fit* below -0.75.
5. A shortfall is a level more than half a point below its target. On a trainable
   competency it is a *development need* (named, no effect on the band: it can be
   coached). On a dimension that is not trainable (a trait) where the interviews did not
   rate the candidate at or above the target either, it is a *risk*: a candidate with a
   risk is never *Strong fit*.

Properties (each is a test in ``tests/reports/test_headline_band.py``): with targets at
the scale's midpoint, two candidates whose interview ratings differ by two points on every
requirement always get different bands; two candidates with the same interviews whose
assessment levels differ by two points are at most one band apart; no band but
*Insufficient evidence* without a submitted scorecard or with less than 60 % coverage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

BANDS = {
    "strong_fit": "Strong fit",
    "fit": "Fit",
    "mixed": "Mixed",
    "poor_fit": "Poor fit",
    "insufficient": "Insufficient evidence",
}
ORDER = ["poor_fit", "mixed", "fit", "strong_fit"]
STRONG_FIT_GAP = 0.75
FIT_GAP = 0.0
MIXED_GAP = -0.75
SHORTFALL = 0.5
MIN_COVERAGE = 0.6

RULE = [
    "Each requirement's level (1-5) blends the interview and the assessments: "
    "interview x (1 - w) + assessments x w, with w the role profile's assessment weight; "
    "the interview alone where there is no assessment evidence.",
    "Insufficient evidence: no submitted interview scorecard, or the evidence covers less "
    "than 60 % of the profile's total weight.",
    "Poor fit: a knock-out minimum is missed in the interviews.",
    "Otherwise, by the weighted gap between level and target: Strong fit at +0.75 or more, "
    "Fit from 0, Mixed from -0.75, Poor fit below.",
    "More than half a point below target on a trainable competency is a development need "
    "(it can be coached); on a trait the interviews did not see at target either, it is a "
    "risk, and a candidate with a risk is not a Strong fit.",
    "The comparison with the company's producers is shown beside the band when it is "
    "usable; it never sets the band.",
]


@dataclass(frozen=True)
class Requirement:
    """One requirement of the role profile with the candidate's evidence on it (1-5)."""

    name: str
    weight: float
    target: float
    trainable: bool = True
    interview: float | None = None
    assessment: float | None = None
    knock_out: float | None = None


@dataclass(frozen=True)
class RequirementLevel:
    name: str
    weight: float
    target: float
    level: float | None
    interview: float | None
    assessment: float | None
    shortfall: str | None  # None, "development need" or "risk"
    knock_out_missed: bool


@dataclass(frozen=True)
class Headline:
    key: str
    label: str
    reason: str
    gap: float | None
    level: float | None
    target: float | None
    coverage: float
    rows: list[RequirementLevel] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    development_needs: list[str] = field(default_factory=list)
    risks: list[str] = field(default_factory=list)
    knock_outs_missed: list[str] = field(default_factory=list)

    @property
    def met(self) -> int:
        return sum(1 for r in self.rows if r.level is not None and r.level >= r.target)

    @property
    def assessed(self) -> int:
        return sum(1 for r in self.rows if r.level is not None)


def requirement_level(req: Requirement, w: float) -> float | None:
    """The blended level of one requirement (rule 1), or None without any evidence."""
    if req.interview is not None and req.assessment is not None:
        return (1 - w) * req.interview + w * req.assessment
    return req.interview if req.interview is not None else req.assessment


def _shortfall(req: Requirement, level: float | None) -> str | None:
    if level is None or level >= req.target - SHORTFALL:
        return None
    if req.trainable:
        return "development need"
    if req.interview is not None and req.interview >= req.target:
        return None
    return "risk"


def _band_for_gap(gap: float) -> str:
    if gap >= STRONG_FIT_GAP:
        return "strong_fit"
    if gap >= FIT_GAP:
        return "fit"
    if gap >= MIXED_GAP:
        return "mixed"
    return "poor_fit"


def headline(requirements: Sequence[Requirement], *, submitted_scorecards: int,
             assessment_weight: float) -> Headline:
    """The band for one candidate by the rule in the module docstring."""
    w = min(1.0, max(0.0, float(assessment_weight)))
    rows = []
    for req in requirements:
        level = requirement_level(req, w)
        rows.append(RequirementLevel(
            req.name, float(req.weight), float(req.target), level, req.interview,
            req.assessment, _shortfall(req, level),
            req.knock_out is not None and req.interview is not None
            and req.interview < req.knock_out,
        ))
    total = sum(r.weight for r in rows)
    covered = [r for r in rows if r.level is not None]
    coverage = sum(r.weight for r in covered) / total if total > 0 else 0.0
    missing = [r.name for r in rows if r.level is None]
    needs = [r.name for r in rows if r.shortfall == "development need"]
    risks = [r.name for r in rows if r.shortfall == "risk"]
    missed = [r.name for r in rows if r.knock_out_missed]
    level = target = gap = None
    if covered and sum(r.weight for r in covered) > 0:
        weight = sum(r.weight for r in covered)
        level = sum(r.weight * r.level for r in covered) / weight
        target = sum(r.weight * r.target for r in covered) / weight
        gap = level - target
    common = dict(gap=gap, level=level, target=target, coverage=coverage, rows=rows,
                  missing=missing, development_needs=needs, risks=risks,
                  knock_outs_missed=missed)

    def result(key: str, reason: str) -> Headline:
        return Headline(key=key, label=BANDS[key], reason=reason, **common)

    if submitted_scorecards < 1:
        return result("insufficient", "No interview scorecard has been submitted yet; the "
                      "interview leads the decision.")
    if coverage < MIN_COVERAGE or gap is None:
        return result("insufficient", f"The evidence covers {coverage:.0%} of the profile's "
                      f"weight (at least {MIN_COVERAGE:.0%} needed); no evidence yet on "
                      f"{_join(missing)}.")
    if missed:
        return result("poor_fit", f"Knock-out minimum missed on {_join(missed)}.")
    key = _band_for_gap(gap)
    reason = f"Weighted level {level:.1f} against a weighted target of {target:.1f} " \
             f"(gap {gap:+.2f})."
    if key == "strong_fit" and risks:
        key = "fit"
        reason += f" Not a strong fit because of the risk on {_join(risks)}."
    return result(key, reason)


def sentence(head: Headline, *, recommendations: Sequence[tuple[str, int]] = (),
             producer_comparison: str | None = None) -> str:
    """One sentence a hiring manager can read in ten seconds, built from the evidence."""
    parts = []
    if head.key == "insufficient":
        parts.append(head.reason.rstrip("."))
    else:
        parts.append(f"meets {head.met} of {len(head.rows)} requirements at or above target")
        below = [r for r in head.rows if r.level is not None and r.level < r.target]
        if below:
            shown = ", ".join(f"{r.name} ({_one(r.level)} against {_one(r.target)})"
                              for r in below[:3])
            more = f" and {len(below) - 3} more" if len(below) > 3 else ""
            parts.append(f"below target on {shown}{more}")
        if head.knock_outs_missed:
            parts.append(f"knock-out missed on {_join(head.knock_outs_missed)}")
        if head.risks:
            kind = "a trait" if len(head.risks) == 1 else "traits"
            parts.append(f"risk on {_join(head.risks)} ({kind})")
    counts = {label: n for label, n in recommendations if n}
    total = sum(counts.values())
    if total:
        summary = ", ".join(f"{n} {label.lower()}" for label, n in counts.items())
        parts.append(f"interviewers recommend: {summary} (of {total})")
    if producer_comparison:
        parts.append(producer_comparison)
    return f"{head.label}: " + "; ".join(parts) + "."


def step(a: str, b: str) -> int | None:
    """How many band steps apart two bands are (None when either is insufficient)."""
    if a not in ORDER or b not in ORDER:
        return None
    return abs(ORDER.index(a) - ORDER.index(b))


def _one(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _join(names: list[str]) -> str:
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
