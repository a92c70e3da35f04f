"""Shapes a stored calibration payload for the page (grouping only, no statistics)."""

from __future__ import annotations

from datetime import datetime

from django.utils.safestring import mark_safe

from reports.calibration.snapshots import candidate_rows
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
    """The candidates grouped by the instruments they have, each group named in words."""
    from reports.hiring_report.gather import instrument_names
    from reports.pdf.charts import expectancy_chart, to_svg

    groups = payload.get("groups", [])
    names = instrument_names(sorted({i for g in groups for i in g.get("instruments", [])}))
    out = []
    for group in groups:
        titles = [names.get(i, i) for i in group.get("instruments", [])]
        label = (", ".join(titles[:-1]) + " and " + titles[-1] if len(titles) > 1
                 else "".join(titles) or "no test, roleplay or psychometric result")
        v = group.get("validation", {})
        svg = None
        if group.get("usable"):
            svg = mark_safe(to_svg(expectancy_chart(v.get("expectancy", []))))  # noqa: S308
        out.append(group | {"expectancy_svg": svg, "label": label})
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


PAGE_SIZE = 50
SORTS = {
    "": ("furthest along first", None),
    "name": ("name", lambda c: (c["name"].lower(), c["application_id"])),
    "top": ("P(top), highest first",
            lambda c: (-(c["posterior"].get("top") or -1), c["name"].lower())),
    "closeness": ("closeness to the top profile",
                  lambda c: (-(c["closer_than_top_share"] if c["closer_than_top_share"]
                               is not None else -1), c["name"].lower())),
}
COMPARISONS = {"": "any", "usable": "with probabilities", "none": "without probabilities"}


def candidate_view(payload: dict, params, headlines_for=None) -> dict:
    """The candidates the page lists: filtered (stage, comparison), sorted and paginated.

    ``params``: the query string (``stage``, ``comparison``, ``sort``, ``page``). Only one
    page of candidates is shaped for the template, so the page's size does not grow with
    the opening. Unknown values fall back to the defaults. By default, candidates furthest
    along the pipeline come first. The list is chosen from ``payload["candidate_index"]``
    when the payload has one (a stored snapshot), and only the page's rows are read whole.
    ``headlines_for(rows)``: each listed candidate's band and sentence
    (``headlines.opening_headlines``), asked only for the page.
    """
    rows = payload.get("candidate_index", payload.get("candidates", []))
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
    chosen = sorted(chosen, key=SORTS[sort][1] or _furthest_first)
    pages = max(1, -(-len(chosen) // PAGE_SIZE))
    try:
        page = min(max(int(params.get("page", 1)), 1), pages)
    except (TypeError, ValueError):
        page = 1
    start = (page - 1) * PAGE_SIZE
    shown = candidate_rows(payload, [c["application_id"] for c in chosen[start:start + PAGE_SIZE]])
    headlines = headlines_for(shown) if headlines_for else {}
    candidates = _candidates(payload, shown, headlines)
    return {
        "candidates": candidates,
        "headline_order": candidates,
        "candidate_filter": {
            "stage": stage, "stages": stages, "comparison": comparison,
            "comparisons": list(COMPARISONS.items()), "sort": sort,
            "sorts": [(key, label) for key, (label, _) in SORTS.items()],
            "page": page, "pages": pages, "matching": len(chosen), "total": len(rows),
            "first": start + 1 if chosen else 0, "last": min(start + PAGE_SIZE, len(chosen)),
        },
    }


def _candidates(payload: dict, rows: list[dict], headlines: dict[int, dict]) -> list[dict]:
    names = {d["slug"]: d for d in payload.get("dimensions", [])}
    out = []
    for cand in rows:
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


def calibration_page(opening, user, params=None) -> dict:
    """Everything the calibration page shows ``user``: the payload they may see, each
    candidate's band and sentence (the hiring report's rule), grouped for the template.
    ``params``: the page's query string, choosing which candidates are listed."""
    from reports.calibration.blinding import blind_for, calibration_for_reader
    from reports.hiring_report.headlines import assessment_weight, opening_headlines

    blind = blind_for(user, opening)
    payload = calibration_for_reader(opening, user, blind=blind, index=True)
    weight = assessment_weight(opening)

    def headlines_for(rows):
        return opening_headlines(opening, payload | {"candidates": rows}, blind,
                                 application_ids={c["application_id"] for c in rows})

    return calibration_context(payload, params, headlines_for) | {
        "weights": {"interview": round(100 * (1 - weight)), "assessment": round(100 * weight)},
    }


def calibration_context(payload: dict, params=None, headlines_for=None) -> dict:
    """Template context for the calibration page from a ``calibrate_opening`` payload.

    ``params``: the page's query string, choosing which candidates are listed;
    ``headlines_for``: see ``candidate_view``.
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
        **candidate_view(payload, params or {}, headlines_for),
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
