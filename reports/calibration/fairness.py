"""Selection rates by self-identified group at each pipeline stage (HR's fairness check).

The rule, as the fairness page states it:

* The progression stages, in order: applied, screening, interviewing, assessment,
  calibration, offer, hired. An application's furthest stage is the furthest of these it
  ever held, from its stage history and its current stage. A rejected or withdrawn
  application reached the stage it left (with no earlier stage known: applied).
* An application *reached* stage S when its furthest stage is S or later, and *passed* S
  when its furthest stage is later than S.
* An application still active at S has not been decided there yet: it is counted as
  pending and left out of the rate at S (it does count at the stages before S).
* Selection rate at S = passed / (reached - pending).
* Groups come only from self-identification records with consent and a chosen group;
  everyone else is "not stated" and is shown but not compared.
"""

from __future__ import annotations

from collections import defaultdict

from reports.models import SelfIdentification
from reports.stats import adverse_impact
from reports.stats import fairness as rules
from selection.models import Application, StageChange

PROGRESSION = [
    Application.APPLIED, Application.SCREENING, Application.INTERVIEWING,
    Application.ASSESSMENT, Application.CALIBRATION, Application.OFFER, Application.HIRED,
]
RANK = {stage: n for n, stage in enumerate(PROGRESSION)}
ENDED = {Application.REJECTED, Application.WITHDRAWN}
NOT_STATED = "Not stated"

RULE = [
    "Stages in order: applied, screening, interviewing, assessment, calibration, offer, hired. "
    "Each application counts at the furthest of these it has ever reached, from its stage "
    "history and its current stage.",
    "Rejected and withdrawn applications count as having reached the stage they left; "
    "they did not pass it.",
    "Passed a stage = reached a later stage. Applications still waiting at a stage are "
    "pending there: they are left out of that stage's rate, but counted at earlier stages.",
    "Selection rate = passed / (reached - pending). At each stage the reference group is the "
    "group with the highest rate there; the impact ratio divides a group's rate by the "
    "reference rate, and below 0.80 fails the four-fifths rule. The interval is the 95 % "
    "interval of the ratio (Morris & Lobsenz); Fisher's exact test and a two-proportion Z "
    "test compare each group with the reference; the shortfall is how many more of the group "
    "would have had to pass for the ratio to reach 0.80.",
    "Judgement, following the Uniform Guidelines (29 CFR 1607.4(D)): 'adverse impact' needs "
    "a ratio below 0.80 and a significant difference (Fisher p < 0.05). A ratio below 0.80 "
    "that is not significant means the numbers are too small to tell; a significant "
    "difference above 0.80 is shown too, because it can matter in practice.",
    "Groups are what candidates chose to state, with their consent. Candidates who did not "
    "state a group are shown as 'Not stated' and are not compared. Groups with fewer than "
    "30 decided applications are flagged as small: read their figures with care.",
]


def furthest_stage(current: str, history: list[tuple[str, str]]) -> int:
    """Rank of the furthest progression stage reached, from (from, to) stage pairs."""
    seen = [RANK[s] for pair in history for s in pair if s in RANK]
    if current in RANK:
        seen.append(RANK[current])
    return max(seen, default=0)


def stage_outcomes(applications: list[tuple[str, int]], stage: str) -> dict:
    """Counts at one stage for (current stage, furthest rank) pairs."""
    rank = RANK[stage]
    reached = [(cur, far) for cur, far in applications if far >= rank]
    pending = sum(1 for cur, far in reached if cur == stage)
    passed = sum(1 for _, far in reached if far > rank)
    return {"reached": len(reached), "pending": pending, "passed": passed,
            "decided": len(reached) - pending}


def _interval(low: float, high: float) -> str:
    if low != low or high != high:  # NaN: a rate of 0 has no ratio interval
        return "no interval, as a rate is 0"
    return f"interval {low:.2f}-{high:.2f}"


def judgement_words(result: rules.ImpactRatio) -> str:
    """The judgement of one group's comparison in plain words, with the ratio's interval."""
    interval = _interval(result.ci_low, result.ci_high)
    match result.judgement:
        case rules.REFERENCE:
            return "reference group: the highest rate at this stage"
        case rules.ADVERSE:
            return (f"adverse impact: below four-fifths and a significant difference "
                    f"({interval})")
        case rules.BELOW_NOT_SIGNIFICANT:
            if result.ci_high == result.ci_high and result.ci_high < rules.FOUR_FIFTHS:
                return f"below four-fifths, not significant by Fisher's test ({interval})"
            return f"below four-fifths, but the numbers are too small to tell ({interval})"
        case rules.SIGNIFICANT_ABOVE:
            return f"above four-fifths, but a significant difference ({interval})"
        case rules.NO_INDICATION:
            return f"no indication of adverse impact ({interval})"
    return "too little data to compare"


def _applications_by_group(openings) -> dict[str, list[tuple[str, int]]]:
    """(current stage, furthest rank) of every application, grouped by self-identification."""
    apps = list(Application.objects.filter(opening__in=openings).values_list(
        "pk", "stage", "candidate_id"))
    history = defaultdict(list)
    for app_id, from_stage, to_stage in StageChange.objects.filter(
        application_id__in=[a[0] for a in apps]
    ).values_list("application_id", "from_stage", "to_stage"):
        history[app_id].append((from_stage, to_stage))
    groups = {
        s.candidate_id: s.usable_group
        for s in SelfIdentification.objects.filter(candidate_id__in={a[2] for a in apps})
    }
    by_group: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for app_id, stage, candidate_id in apps:
        group = groups.get(candidate_id) or NOT_STATED
        by_group[group].append((stage, furthest_stage(stage, history[app_id])))
    return by_group


def selection_rates(openings) -> dict:
    """Per stage (up to offer): each group's counts, rate, impact ratio with its interval,
    Fisher p, Z, shortfall and judgement; the reference group; the number of comparisons."""
    by_group = _applications_by_group(openings)
    compared = sorted(g for g in by_group if g != NOT_STATED)
    stages = []
    for stage in PROGRESSION[:-1]:
        counts = {g: stage_outcomes(by_group[g], stage) for g in by_group}
        decided = {g: counts[g]["decided"] for g in compared if counts[g]["decided"]}
        passed = {g: counts[g]["passed"] for g in decided}
        impact = {r.group: r for r in adverse_impact(passed, decided)} if decided else {}
        rows = []
        for group in [*compared, NOT_STATED] if NOT_STATED in by_group else compared:
            c, r = counts[group], impact.get(group)
            rows.append(c | {
                "group": group,
                "compared": r is not None,
                "rate": (c["passed"] / c["decided"]) if c["decided"] else None,
                "impact_ratio": r.impact_ratio if r else None,
                "below_four_fifths": r.below_four_fifths if r else False,
                "fisher_p": r.fisher_p if r else None,
                "small_sample": r.small_sample if r else False,
                "ci_low": r.ci_low if r else None,
                "ci_high": r.ci_high if r else None,
                "z": r.z if r else None,
                "z_p": r.z_p if r else None,
                "shortfall": r.shortfall if r else None,
                "judgement": r.judgement if r else None,
                "judgement_words": judgement_words(r) if r else "",
                "reference": bool(r and r.judgement == rules.REFERENCE),
            })
        stages.append({
            "stage": stage, "label": dict(Application.STAGES)[stage], "rows": rows,
            "any_below": any(row["below_four_fifths"] for row in rows),
            "any_adverse": any(row["judgement"] == rules.ADVERSE for row in rows),
            "any_significant_above": any(
                row["judgement"] == rules.SIGNIFICANT_ABOVE for row in rows),
            "reference": next((row["group"] for row in rows if row["reference"]), None),
        })
    total = sum(len(v) for v in by_group.values())
    n_comparisons = sum(
        1 for st in stages for row in st["rows"]
        if row["compared"] and not row["reference"] and row["judgement"] != rules.INSUFFICIENT
    )
    return {
        "n_comparisons": n_comparisons,
        "multiple_comparisons": (
            f"This page makes {n_comparisons} comparison{'s' if n_comparisons != 1 else ''} "
            "(every group against the reference at every stage). At p < 0.05, about one in "
            "twenty comparisons looks significant by chance alone, so a single significant "
            "result among many is weak evidence; a pattern across stages is stronger."
        ),
        "stages": stages,
        "groups": compared,
        "n_applications": total,
        "n_not_stated": len(by_group.get(NOT_STATED, [])),
    }
