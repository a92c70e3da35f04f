"""The funnel per source: how many candidates reached each stage, the pass rate from one
stage to the next with its Wilson (1927) 95 % interval, and the median days in each stage,
per source and over all sources (a stay counts once it has ended: from one move to the
next).

A candidate has reached a stage when their history (``StageChange``) or current stage is
at it or further along the order Applied > Screening > Interviewing > Assessment >
Calibration > Offer > Hired. Rejected and withdrawn candidates count at the furthest stage
they reached before.
"""

from __future__ import annotations

import math
from collections import defaultdict
from statistics import median

from reports.stats._util import Z975
from reports.validity.pipeline import source_label

ORDER = ["applied", "screening", "interviewing", "assessment", "calibration", "offer", "hired"]


def wilson(k: int, n: int) -> tuple[float, float] | None:
    """Wilson score interval for k of n (None without anyone)."""
    if n == 0:
        return None
    p, z2 = k / n, Z975**2
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = Z975 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def _history(openings) -> tuple[dict, dict]:
    """Per application: (source, furthest stage index); per (source, stage) the days each
    stay there lasted."""
    from selection.models import Application, StageChange

    apps = {a["pk"]: a for a in Application.objects.filter(opening__in=openings)
            .values("pk", "stage", "stage_changed_at", "candidate__source__name")}
    furthest = {pk: ORDER.index(a["stage"]) if a["stage"] in ORDER else 0
                for pk, a in apps.items()}
    days: dict[tuple[str, str], list[float]] = defaultdict(list)
    previous: dict[int, tuple[str, object]] = {}
    for app_id, stage, when in StageChange.objects.filter(application_id__in=apps).order_by(
            "application_id", "changed_at", "pk").values_list("application_id", "to_stage",
                                                             "changed_at"):
        if stage in ORDER:
            furthest[app_id] = max(furthest[app_id], ORDER.index(stage))
        if app_id in previous and previous[app_id][0] in ORDER:
            source = source_label(apps[app_id]["candidate__source__name"])
            days[source, previous[app_id][0]].append(
                (when - previous[app_id][1]).total_seconds() / 86400)
        previous[app_id] = (stage, when)
    reached = {pk: (source_label(a["candidate__source__name"]), furthest[pk])
               for pk, a in apps.items()}
    return reached, days


def _days(stays: list[float], stage: str) -> dict:
    return {"stage": stage, "n": len(stays), "median": median(stays) if stays else None}


def source_funnel(openings) -> dict:
    """Per source: counts reaching each stage and the pass rates between them."""
    reached, days = _history(openings)
    sources = sorted({s for s, _ in reached.values()})
    rows = []
    for source in sources:
        furthest = [f for s, f in reached.values() if s == source]
        counts = [sum(1 for f in furthest if f >= i) for i in range(len(ORDER))]
        rows.append({"source": source, "counts": counts, "steps": [
            {"k": counts[i + 1], "n": counts[i], "rate": counts[i + 1] / counts[i] if counts[i]
             else None, "interval": wilson(counts[i + 1], counts[i]),
             "days": _days(days[source, ORDER[i]], ORDER[i])}
            for i in range(len(ORDER) - 1)]})
    return {"stages": ORDER, "rows": rows,
            "days": [_days([d for s in sources for d in days[s, stage]], stage)
                     for stage in ORDER[:-1]]}


def funnel_csv_rows(funnel: dict) -> list[list]:
    """The funnel as CSV rows: a header, then one row per source and stage step."""
    out = [["source", "from stage", "to stage", "reached from", "reached to", "pass rate",
            "interval low", "interval high", "median days in from stage",
            "stays in from stage"]]
    for row in funnel["rows"]:
        for i, step in enumerate(row["steps"]):
            low, high = step["interval"] or (None, None)
            days = step["days"]["median"]
            out.append([row["source"], ORDER[i], ORDER[i + 1], step["n"], step["k"],
                        None if step["rate"] is None else round(step["rate"], 4),
                        None if low is None else round(low, 4),
                        None if high is None else round(high, 4),
                        None if days is None else round(days, 1), step["days"]["n"]])
    return out
