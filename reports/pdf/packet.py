"""The calibration-meeting packet: every candidate of an opening at a stage side by side.

One page of comparison (table and chart), each candidate's summary page, interviewer
agreement and leniency for the opening, and (in packets HR requested) the opening's
fairness summary: aggregate selection rates only, never a person's group.
"""

from __future__ import annotations

from reportlab.platypus import PageBreak, Spacer

from reports.pdf.candidate_report import (
    WIDTH,
    data_table,
    document,
    fmt_date,
    footer,
    summary_flowables,
)
from reports.pdf.charts import posterior_chart, to_drawing
from reports.pdf.markup import labelled, para
from reports.pdf.references import packet_reference_flowables
from reports.pdf.styles import styles
from reports.templatetags.report_numbers import percent, rating, two


def comparison_flowables(packet: dict) -> list:
    s = styles()
    reports = packet["reports"]
    out = [para(f"Calibration packet: {packet['opening']}", s["title"]),
           para(f"{packet['stage_label']} · {len(reports)} candidate"
                f"{'s' if len(reports) != 1 else ''} · generated "
                f"{fmt_date(packet['generated_at'], True)} by {packet['generated_by']} · "
                "calibration computed "
                f"{fmt_date(packet['computed_at'], True)}", s["small"])]
    if not reports:
        return out + [para("No candidate is at this stage.", s["body"]), PageBreak()]
    rows = []
    for r in reports:
        missed = [k["name"] for k in r.knock_outs if k["knock_out_status"] == "missed"]
        post = r.fit["posterior"] or {}
        rows.append([r.candidate_name, r.cover["stage"], r.band["label"],
                     percent(post.get("top")), percent(post.get("bottom")),
                     f"{rating(r.weighted['overall'])} / {rating(r.weighted['target'])}",
                     ", ".join(missed) or "none",
                     "withheld" if r.interviews.get("withheld")
                     else str(len(r.interviews["scorecards"]))])
    out += [para("Side by side", s["h2"]),
            data_table(["Candidate", "Stage", "Band", "P(top)", "P(bottom)", "Level / target",
                        "Knock-outs missed", "Cards"], rows,
                       [WIDTH - 372, 58, 62, 38, 52, 56, 70, 36]),
            Spacer(1, 8),
            to_drawing(posterior_chart(
                [{"name": r.candidate_name, "posterior": r.fit["posterior"]} for r in reports],
                width=WIDTH)),
            para("Bands follow the rule in each candidate report's appendix. Level: weighted "
                 "evidence level against the weighted role target (1-5).", s["small"]),
            para("In one sentence", s["h2"])]
    out += [labelled(f"{r.candidate_name}.", r.band["sentence"], s["body"]) for r in reports]
    out += packet_reference_flowables(reports, styles=styles, data_table=data_table, width=WIDTH)
    out.append(PageBreak())
    return out


def agreement_flowables(agreement: dict) -> list:
    s = styles()
    out = [para("Interviewer agreement and leniency", s["h1"])]
    overall = agreement.get("overall", {})
    if not overall.get("computed"):
        return out + [para("No submitted interview ratings yet.", s["body"])]
    summary = agreement.get("summary")
    if summary:
        out.append(para(f"Summary: median per-dimension {summary['label']} "
                        f"{two(summary.get('value'))}. {summary['reason']}", s["small"]))
        first = ["All (median)", two(summary.get("value")) if summary["form"] == "icc2" else "–",
                 "–", "–"]
    else:
        first = ["All dimensions", two(overall.get("icc2")), two(overall.get("icc2k")),
                 two(overall.get("icc3"))]
    out.append(data_table(
        ["Scope", "ICC(2,1)", "ICC(2,k)", "ICC(3,1)", "Alpha", "Raters", "Pairs", "Ratings"],
        [first + [two(overall.get("krippendorff_alpha")),
          str(overall["n_raters"]), str(overall["n_targets"]), str(overall["n_ratings"])]]
        + [[d["name"], two(d.get("icc2")), two(d.get("icc2k")), two(d.get("icc3")),
            two(d.get("krippendorff_alpha")), str(d["n_raters"]), str(d["n_targets"]),
            str(d["n_ratings"])] for d in agreement.get("by_dimension", [])],
        [WIDTH - 7 * 48, 48, 48, 48, 48, 48, 48, 48]))
    out += [para("Leniency", s["h2"]),
            data_table(["Interviewer", "Leniency (rating points)", "Ratings given"],
                       [[x["name"], two(x["leniency"]), str(x["n_rated"])]
                        for x in overall.get("leniency", [])],
                       [WIDTH * 0.5, WIDTH * 0.3, WIDTH * 0.2]),
            para("Leniency: the interviewer's mean rating minus the other interviewers' on the "
                 "same candidates and dimensions; positive is more generous. ICC needs every "
                 "interviewer to rate the same pairs; Krippendorff's alpha copes with gaps.",
                 s["small"])]
    out += [para(f"• {w}", s["small"]) for w in overall.get("warnings", [])]
    return out


# Short forms of the fairness judgements for the narrow flag column.
PDF_JUDGEMENTS = {
    "reference": "reference",
    "adverse impact": "adverse impact",
    "below four-fifths, not significant": "below 4/5, not sig.",
    "significant, above four-fifths": "sig., above 4/5",
}


def fairness_flowables(fairness: dict | None) -> list:
    s = styles()
    out = [PageBreak(), para("Fairness summary", s["h1"])]
    if fairness is None:
        return out + [para("Fairness figures are shown to HR only; ask HR for a packet that "
                           "includes them.", s["body"])]
    out.append(para(f"Selection rates by self-identified group ({fairness['n_applications']} "
                    f"applications, {fairness['n_not_stated']} without a stated group). "
                    "Aggregate figures only.", s["small"]))
    rows = []
    for stage in fairness["stages"]:
        for row in stage["rows"]:
            flag = PDF_JUDGEMENTS.get(row.get("judgement") or "", "")
            flag += (", small group" if flag else "small group") if row["small_sample"] else ""
            rows.append([stage["label"], row["group"], str(row["reached"]), str(row["decided"]),
                         str(row["passed"]), percent(row["rate"]), two(row["impact_ratio"]),
                         flag or "–"])
    out.append(data_table(["Stage", "Group", "Reached", "Decided", "Passed", "Rate",
                           "Impact ratio", "Flag"], rows,
                          [64, WIDTH - 388, 50, 50, 46, 44, 50, 84]))
    if fairness.get("n_comparisons"):
        out.append(para(fairness["multiple_comparisons"], s["small"]))
    out += [para(f"• {line}", s["small"]) for line in fairness.get("rule", [])]
    return out


def packet_flowables(packet: dict) -> list:
    out = comparison_flowables(packet)
    for report in packet["reports"]:
        out += summary_flowables(report, heading=report.candidate_name)
        out.append(PageBreak())
    out += agreement_flowables(packet["agreement"])
    out += fairness_flowables(packet["fairness"])
    return out


def build_packet_pdf(packet: dict, target) -> None:
    """Writes the packet to ``target`` (a path or a binary file object)."""
    label = f"{packet['opening']} – calibration packet – {packet['stage_label']}"
    doc = document(target, f"Calibration packet: {packet['opening']}", packet["generated_by"])
    doc.build(packet_flowables(packet), onFirstPage=footer(label), onLaterPages=footer(label))
