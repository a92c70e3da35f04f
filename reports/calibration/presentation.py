"""Shapes a stored calibration payload for the page (grouping only, no statistics)."""

from __future__ import annotations

from datetime import datetime

from django.utils.safestring import mark_safe

TIERS = ("top", "middle", "bottom")
COMPARISON_LABELS = {"top_vs_middle": "Top vs middle", "top_vs_bottom": "Top vs bottom"}


def _differences(payload: dict) -> list[dict]:
    """One row per dimension with its two comparisons, in the profile's order."""
    by_dim: dict[str, list[dict]] = {}
    for row in payload.get("differences", []):
        by_dim.setdefault(row["dimension"], []).append(
            row | {"label": COMPARISON_LABELS.get(row["comparison"], row["comparison"])}
        )
    discriminating = set(payload.get("discriminating", []))
    return [
        {"slug": d["slug"], "name": d["name"], "discriminating": d["slug"] in discriminating,
         "comparisons": by_dim[d["slug"]]}
        for d in payload.get("dimensions", []) if d["slug"] in by_dim
    ]


def _posterior_bar(posterior: dict) -> list[dict] | None:
    if any(posterior.get(t) is None for t in TIERS):
        return None
    return [{"tier": t, "percent": round(100 * posterior[t])} for t in TIERS]


INSTRUMENT_KINDS = {"sjt": "SJT", "roleplay": "roleplay", "psychometric": "psychometrics"}


def coverage_gaps(cand: dict) -> list[str]:
    """Short notes for the fit table: instruments most producers have and the candidate lacks."""
    out = []
    for row in cand.get("missing_instruments", []):
        kind, _, name = row["instrument"].partition(":")
        label = INSTRUMENT_KINDS.get(kind, kind)
        if kind == "psychometric":
            label = f"{label} ({name})"
        out.append(f"no {label}: {round(100 * row['producer_share'])} % of producers have it")
    return out


TOP_SHARE_WORDING = (
    "closer to the top producers' centre than {n} % of top producers are "
    "(each measured without themselves)"
)


def top_share_text(share: float | None) -> str | None:
    """The one phrasing of the top share used on every page and report."""
    return None if share is None else TOP_SHARE_WORDING.format(n=round(100 * share))


def expectancy_text(row: dict | None) -> str | None:
    """"Of 14 producers with a similar held-out P(top), 6 were top producers"."""
    if not row:
        return None
    n, n_top = row["n"], row["n_top"]
    return (f"of {n} producer{'s' if n != 1 else ''} with a similar held-out P(top) "
            f"({round(100 * row['low'])}-{round(100 * row['high'])} %), {n_top} "
            f"{'were top producers' if n_top != 1 else 'was a top producer'}")


def _groups(payload: dict) -> list[dict]:
    from reports.pdf.charts import expectancy_chart, to_svg

    out = []
    for group in payload.get("groups", []):
        v = group.get("validation", {})
        svg = None
        if group.get("usable"):
            svg = mark_safe(to_svg(expectancy_chart(v.get("expectancy", []))))  # noqa: S308
        out.append(group | {"expectancy_svg": svg})
    return out


PAGE_SIZE = 50
SORTS = {
    "": ("stage and name", None),
    "name": ("name", lambda c: (c["name"].lower(), c["application_id"])),
    "top": ("P(top), highest first",
            lambda c: (-(c["posterior"].get("top") or -1), c["name"].lower())),
    "closeness": ("closeness to the top profile",
                  lambda c: (-(c["closer_than_top_share"] if c["closer_than_top_share"]
                               is not None else -1), c["name"].lower())),
}
COMPARISONS = {"": "any", "usable": "with probabilities", "none": "without probabilities"}


def candidate_view(payload: dict, params) -> dict:
    """The candidates the page lists: filtered (stage, comparison), sorted and paginated.

    ``params``: the query string (``stage``, ``comparison``, ``sort``, ``page``). Only one
    page of candidates is shaped for the template, so the page's size does not grow with
    the opening. Unknown values fall back to the defaults.
    """
    rows = payload.get("candidates", [])
    stages = sorted({(c["stage"], c["stage_label"]) for c in rows})
    stage = params.get("stage", "")
    stage = stage if stage in {key for key, _ in stages} else ""
    comparison = params.get("comparison", "")
    comparison = comparison if comparison in COMPARISONS else ""
    sort = params.get("sort", "")
    sort = sort if sort in SORTS else ""
    chosen = [c for c in rows if (not stage or c["stage"] == stage)
              and (comparison != "usable" or c.get("model_usable"))
              and (comparison != "none" or not c.get("model_usable"))]
    if SORTS[sort][1]:
        chosen = sorted(chosen, key=SORTS[sort][1])
    pages = max(1, -(-len(chosen) // PAGE_SIZE))
    try:
        page = min(max(int(params.get("page", 1)), 1), pages)
    except (TypeError, ValueError):
        page = 1
    start = (page - 1) * PAGE_SIZE
    return {
        "candidates": _candidates(payload, chosen[start:start + PAGE_SIZE]),
        "candidate_filter": {
            "stage": stage, "stages": stages, "comparison": comparison,
            "comparisons": list(COMPARISONS.items()), "sort": sort,
            "sorts": [(key, label) for key, (label, _) in SORTS.items()],
            "page": page, "pages": pages, "matching": len(chosen), "total": len(rows),
            "first": start + 1 if chosen else 0, "last": min(start + PAGE_SIZE, len(chosen)),
        },
    }


def _candidates(payload: dict, rows: list[dict]) -> list[dict]:
    names = {d["slug"]: d for d in payload.get("dimensions", [])}
    out = []
    for cand in rows:
        share = cand.get("closer_than_top_share")
        out.append(cand | {
            "bar": _posterior_bar(cand.get("posterior") or {}),
            "closer_percent": None if share is None else round(100 * share),
            "closer_text": top_share_text(share),
            "expectancy_text": expectancy_text(cand.get("expectancy")),
            "coverage_gaps": coverage_gaps(cand),
            "dimensions": [row | {"name": names[row["dimension"]]["name"]}
                           for row in cand["dimensions"]],
        })
    return out


def calibration_context(payload: dict, params=None) -> dict:
    """Template context for the calibration page from a ``calibrate_opening`` payload.

    ``params``: the page's query string, choosing which candidates are listed.
    """
    computed = payload.get("computed_at")
    fit_slugs = set(payload.get("fit_basis", {}).get("dimensions", []))
    return {
        "payload": payload,
        "computed_at": datetime.fromisoformat(computed) if computed else None,
        "dimensions": payload.get("dimensions", []),
        "fit_names": [d["name"] for d in payload.get("dimensions", []) if d["slug"] in fit_slugs],
        "cohorts": payload.get("cohorts", {}),
        "difference_rows": _differences(payload),
        **candidate_view(payload, params or {}),
        "groups": _groups(payload),
        "top_share_note": payload.get("top_share_note", ""),
        "interviewers": payload.get("interviewers", {}),
        "validity": payload.get("validity", {}),
        "warnings": payload.get("warnings", []),
        "tiers": TIERS,
    }
