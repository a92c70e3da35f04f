"""Shapes a stored calibration payload for the page (grouping only, no statistics)."""

from __future__ import annotations

from datetime import datetime

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


def _candidates(payload: dict) -> list[dict]:
    names = {d["slug"]: d for d in payload.get("dimensions", [])}
    out = []
    for cand in payload.get("candidates", []):
        share = cand.get("closer_than_top_share")
        out.append(cand | {
            "bar": _posterior_bar(cand.get("posterior") or {}),
            "closer_percent": None if share is None else round(100 * share),
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
        "interviewers": payload.get("interviewers", {}),
        "validity": payload.get("validity", {}),
        "warnings": payload.get("warnings", []),
        "tiers": TIERS,
    }
