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


def _candidates(payload: dict) -> list[dict]:
    names = {d["slug"]: d for d in payload.get("dimensions", [])}
    out = []
    for cand in payload.get("candidates", []):
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


def calibration_context(payload: dict) -> dict:
    """Template context for the calibration page from a ``calibrate_opening`` payload."""
    computed = payload.get("computed_at")
    fit_slugs = set(payload.get("fit_basis", {}).get("dimensions", []))
    return {
        "payload": payload,
        "computed_at": datetime.fromisoformat(computed) if computed else None,
        "dimensions": payload.get("dimensions", []),
        "fit_names": [d["name"] for d in payload.get("dimensions", []) if d["slug"] in fit_slugs],
        "cohorts": payload.get("cohorts", {}),
        "difference_rows": _differences(payload),
        "candidates": _candidates(payload),
        "groups": _groups(payload),
        "top_share_note": payload.get("top_share_note", ""),
        "interviewers": payload.get("interviewers", {}),
        "validity": payload.get("validity", {}),
        "warnings": payload.get("warnings", []),
        "tiers": TIERS,
    }
