"""The calibration-meeting packet: every candidate of an opening at a stage side by side.

In this order: the opening (who built it, what it holds, the cautions that apply to the
whole opening, printed once here and not on each candidate's page); the candidates side
by side (band, level against target, the interviewers' recommendations, knock-outs, the
producer comparison) with one sentence each; the comparison with the producers and how
far it can be trusted; one page per candidate; interviewer agreement and leniency; and,
in packets HR requested, the opening's fairness summary: aggregate selection rates only,
never a person's group. A manager's packet leaves the fairness section out and says so
in one line at the start.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak

from reports.hiring_report.evidence import recommendation_summary
from reports.pdf.candidate_report import summary_flowables
from reports.pdf.charts import expectancy_chart, posterior_chart, to_drawing
from reports.pdf.layout import WIDTH, data_table, document, fmt_date, footer
from reports.pdf.markup import labelled, para
from reports.pdf.references import packet_reference_flowables
from reports.pdf.styles import styles
from reports.templatetags.report_numbers import percent, rating, two

SIDE_BY_SIDE = ["Candidate", "Stage", "Band", "Level / target", "Interviewers recommend",
                "Knock-outs missed", "P(top)", "P(bottom)"]
SIDE_BY_SIDE_WIDTHS = [WIDTH - 404, 58, 62, 50, 82, 72, 36, 44]


def contents(packet: dict, cautions: list[str]) -> str:
    """What the packet holds, in order, in one sentence."""
    parts = (["the cautions for the whole opening"] if cautions else []) + [
        "the candidates side by side, with one sentence each",
        "the comparison with the producers and how far it can be trusted",
        "one page per candidate, in the table's order",
        "interviewer agreement and leniency"]
    if packet["fairness"] is not None:
        parts.append("the fairness summary")
    text = "In this packet: " + "; ".join(parts) + "."
    if packet["fairness"] is None:
        text += (" Fairness figures (selection rates by group) are in packets HR requests "
                 "and are not part of this one.")
    return text


def opening_flowables(packet: dict) -> list:
    """The first lines: title, who built it and when, contents and the opening's cautions."""
    s = styles()
    reports = packet["reports"]
    cautions = reports[0].cautions if reports else []
    out = [para(f"Calibration packet: {packet['opening']}", s["title"]),
           para(f"{packet['stage_label']} · {len(reports)} candidate"
                f"{'s' if len(reports) != 1 else ''} · generated "
                f"{fmt_date(packet['generated_at'], True)} by {packet['generated_by']} · "
                "calibration computed "
                f"{fmt_date(packet['computed_at'], True)}", s["small"]),
           para(contents(packet, cautions), s["body"])]
    if cautions:
        out += [para("Read first: cautions for the whole opening", s["h2"])]
        out += [para(f"• {text}", s["small"]) for text in cautions]
        out.append(para("They apply to every candidate below and are not repeated on the "
                        "candidates' pages.", s["small"]))
    return out


def side_by_side_row(report) -> list:
    missed = [k["name"] for k in report.knock_outs if k["knock_out_status"] == "missed"]
    post = report.fit["posterior"] or {}
    weighted = report.weighted
    return [report.candidate_name, report.cover["stage"], report.band["label"],
            f"{rating(weighted['overall'])} / {rating(weighted['target'])}",
            recommendation_summary(report.interviews).replace(" · ", "\n"),
            ", ".join(missed) or "none",
            percent(post.get("top")), percent(post.get("bottom"))]


def comparison_flowables(packet: dict) -> list:
    """The side-by-side table, one sentence per candidate, then the producer comparison."""
    s = styles()
    reports = packet["reports"]
    if not reports:
        return [para("No candidate is at this stage.", s["body"])]
    out = [para("Side by side", s["h2"]),
           data_table(SIDE_BY_SIDE, [side_by_side_row(r) for r in reports],
                      SIDE_BY_SIDE_WIDTHS),
           para("Bands follow the rule in each candidate report's appendix. Level / target: "
                "weighted evidence level against the weighted role target (1-5). Interviewers "
                "recommend: the submitted scorecards' recommendations (withheld while blind "
                "scoring hides them from you). P(top), P(bottom): how much the candidate's "
                "test, roleplay and psychometric scores resemble the top or bottom producers "
                "(not a forecast; it never sets the band).", s["small"]),
           para("In one sentence", s["h2"])]
    out += [labelled(f"{r.candidate_name}.", r.band["sentence"], s["body"]) for r in reports]
    out += packet_reference_flowables(reports, styles=styles, data_table=data_table, width=WIDTH)
    return out + producer_flowables(reports)


def producer_flowables(reports: list) -> list:
    """The comparison with the producers for every candidate, then each distinct note on
    how far it can be trusted once, naming the candidates it concerns."""
    s = styles()
    if not any(_has_probabilities(r) for r in reports):
        return [para("No candidate has test, roleplay or psychometric results to compare with "
                     "the producers yet.", s["small"])]
    out = [CondPageBreak(60 * mm), para("The comparison with the producers", s["h2"]),
           para("For each candidate, how much their test, roleplay and psychometric scores "
                "resemble the top, middle and bottom producers (P(top) at the right). It "
                "informs the discussion and never sets the band.", s["lead"]),
           to_drawing(posterior_chart(
               [{"name": r.candidate_name, "posterior": r.fit["posterior"]} for r in reports],
               width=WIDTH))]
    notes: dict[str, list] = {}
    for report in reports:
        if report.fit.get("model_message"):
            notes.setdefault(report.fit["model_message"], []).append(report)
    for n, (message, group) in enumerate(notes.items()):
        names = ", ".join(r.candidate_name for r in group)
        expectancy = group[0].fit.get("expectancy")
        # a KeepTogether is not grouped with a heading before it: the heading goes inside
        block = [para("How far the producer comparison can be trusted", s["h3"])] if n == 0 \
            else []
        block.append(labelled(f"For {names}:", message, s["small"]))
        if expectancy:
            block.append(to_drawing(expectancy_chart(expectancy, width=WIDTH * 0.6,
                                                     height=110)))
        out.append(KeepTogether(block))
    return out


def _has_probabilities(report) -> bool:
    posterior = report.fit["posterior"] or {}
    return bool(posterior) and all(v is not None for v in posterior.values())


def agreement_flowables(agreement: dict) -> list:
    s = styles()
    out = [para("Interviewer agreement and leniency", s["h1"])]
    overall = agreement.get("overall", {})
    if not overall.get("computed"):
        return out + [para("No submitted interview ratings yet.", s["body"])]
    summary = agreement.get("summary")
    if summary:
        out.append(para(f"Summary: median per-dimension {summary['label']} "
                        f"{two(summary.get('value'))}. {summary['reason']}", s["lead"]))
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
    """The fairness summary of HR's packets; nothing at all in anyone else's."""
    if fairness is None:
        return []
    s = styles()
    out = [CondPageBreak(90 * mm), para("Fairness summary", s["h1"])]
    out.append(para(f"Selection rates by self-identified group ({fairness['n_applications']} "
                    f"applications, {fairness['n_not_stated']} without a stated group). "
                    "Aggregate figures only.", s["lead"]))
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
    out = opening_flowables(packet) + comparison_flowables(packet)
    for report in packet["reports"]:
        out.append(PageBreak())
        out += summary_flowables(report, heading=report.candidate_name, in_packet=True)
    out += [PageBreak(), *agreement_flowables(packet["agreement"])]
    out += fairness_flowables(packet["fairness"])
    return out


def build_packet_pdf(packet: dict, target) -> None:
    """Writes the packet to ``target`` (a path or a binary file object)."""
    label = f"{packet['opening']} – calibration packet – {packet['stage_label']}"
    doc = document(target, f"Calibration packet: {packet['opening']}", packet["generated_by"])
    doc.build(packet_flowables(packet), onFirstPage=footer(label), onLaterPages=footer(label))
