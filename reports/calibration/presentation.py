"""Shapes a stored calibration payload for the page (grouping only, no statistics)."""

from __future__ import annotations

from datetime import datetime

from django.utils.safestring import mark_safe

from reports.calibration.wording import agreement_words

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


def producer_sentence(cand: dict) -> str | None:
    """The producer comparison's own sentence, only when its model is usable."""
    posterior = cand.get("posterior") or {}
    if not cand.get("model_usable") or posterior.get("top") is None:
        return None
    parts = [f"Compared with the company's producers, this profile most resembles the "
             f"{max(TIERS, key=lambda t: posterior.get(t) or 0)} producers (P(top) "
             f"{round(100 * posterior['top'])} %)"]
    if cand.get("expectancy"):
        parts.append(expectancy_text(cand["expectancy"]))
    return "; ".join(parts) + ". It informs the discussion and never sets the band."


def _candidates(payload: dict, headlines: dict[int, dict]) -> list[dict]:
    names = {d["slug"]: d for d in payload.get("dimensions", [])}
    out = []
    for cand in payload.get("candidates", []):
        share = cand.get("closer_than_top_share")
        out.append(cand | {
            "headline": headlines.get(cand["application_id"]),
            "producer_sentence": producer_sentence(cand),
            "bar": _posterior_bar(cand.get("posterior") or {}),
            "closer_percent": None if share is None else round(100 * share),
            "closer_text": top_share_text(share),
            "expectancy_text": expectancy_text(cand.get("expectancy")),
            "coverage_gaps": coverage_gaps(cand),
            "dimensions": [row | {"name": names[row["dimension"]]["name"]}
                           for row in cand["dimensions"]],
        })
    return out


def agreement_summary(interviewers: dict) -> dict | None:
    """The agreement figure in words with the statistic beside it (``wording``'s cut-offs)."""
    summary = interviewers.get("summary") or {}
    overall = interviewers.get("overall") or {}
    if summary.get("value") is not None:
        value, label, statistic = summary["value"], summary.get("label", "ICC"), "icc"
    elif overall.get("krippendorff_alpha") is not None:
        value, label, statistic = overall["krippendorff_alpha"], "Krippendorff's alpha", "alpha"
    else:
        return None
    words = agreement_words(value, statistic)
    if words is None:
        return None
    return {"words": words[0].upper() + words[1:], "label": label, "value": value,
            "statistic": statistic, "n_raters": overall.get("n_raters"),
            "n_ratings": overall.get("n_ratings"),
            "n_dimensions": summary.get("n_dimensions")}


# Candidates furthest along the pipeline first (the ones a meeting is deciding on); settled
# candidates (offer made, hired, rejected, withdrawn) after them.
STAGE_ORDER = ["calibration", "assessment", "interviewing", "screening", "applied", "offer",
               "hired", "rejected", "withdrawn"]


def _furthest_first(cand: dict) -> tuple:
    stage = cand.get("stage")
    return (STAGE_ORDER.index(stage) if stage in STAGE_ORDER else len(STAGE_ORDER),
            cand.get("name", ""))


def calibration_page(opening, user) -> dict:
    """Everything the calibration page shows ``user``: the payload they may see, each
    candidate's band and sentence (the hiring report's rule), grouped for the template."""
    from reports.calibration.blinding import blind_for, calibration_for_reader
    from reports.hiring_report.headlines import assessment_weight, opening_headlines

    blind = blind_for(user, opening)
    payload = calibration_for_reader(opening, user, blind=blind)
    weight = assessment_weight(opening)
    return calibration_context(payload, opening_headlines(opening, payload, blind)) | {
        "weights": {"interview": round(100 * (1 - weight)), "assessment": round(100 * weight)},
    }


def calibration_context(payload: dict, headlines: dict[int, dict] | None = None) -> dict:
    """Template context for the calibration page from a ``calibrate_opening`` payload and
    each candidate's band and sentence (``headlines.opening_headlines``)."""
    computed = payload.get("computed_at")
    fit_slugs = set(payload.get("fit_basis", {}).get("dimensions", []))
    candidates = _candidates(payload, headlines or {})
    return {
        "payload": payload,
        "computed_at": datetime.fromisoformat(computed) if computed else None,
        "dimensions": payload.get("dimensions", []),
        "fit_names": [d["name"] for d in payload.get("dimensions", []) if d["slug"] in fit_slugs],
        "cohorts": payload.get("cohorts", {}),
        "difference_rows": _differences(payload),
        "candidates": candidates,
        "headline_order": sorted(candidates, key=_furthest_first),
        "agreement": agreement_summary(payload.get("interviewers", {})),
        "separating": [d["name"] for d in payload.get("dimensions", [])
                       if d["slug"] in set(payload.get("discriminating", []))],
        "groups": _groups(payload),
        "top_share_note": payload.get("top_share_note", ""),
        "interviewers": payload.get("interviewers", {}),
        "validity": payload.get("validity", {}),
        "warnings": payload.get("warnings", []),
        "tiers": TIERS,
    }
