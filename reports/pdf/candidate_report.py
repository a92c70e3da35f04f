"""The candidate hiring report as a PDF: cover, one-page summary, charts, dimension
table, evidence, probe questions and appendix.

Every text that came from a person goes through ``markup.para``/``markup.safe``.
"""

from __future__ import annotations

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from reports.pdf.charts import (
    expectancy_chart,
    posterior_chart,
    profile_chart,
    strip_chart,
    to_drawing,
)
from reports.pdf.fonts import REGULAR, register_fonts
from reports.pdf.markup import labelled, para, safe
from reports.pdf.references import reference_flowables
from reports.pdf.styles import BAND_COLOURS, MUTED, styles, table_style
from reports.templatetags.report_numbers import percent, rating, two, whole

PAGE = A4
MARGIN = 16 * mm
WIDTH = PAGE[0] - 2 * MARGIN
METHOD = [
    "Evidence. Judgment-test, roleplay and psychometric scores are put on one scale per "
    "instrument and dimension (z-scores across everyone scored, producers and candidates; "
    "psychometric results arrive as z-scores against the vendor's norm) and averaged per "
    "dimension. Interview ratings stay on their 1-5 anchored scale: producers are never "
    "interviewed, so they are not compared with producers.",
    "Cohorts. Current salespeople are split into top, middle and bottom producers by their "
    "performance tier. For each dimension the top cohort is compared with the middle and "
    "with the bottom cohort (Welch t-test, Hedges' g with a 95 % interval, p-values adjusted "
    "across dimensions by Holm's method). A dimension is discriminating when an adjusted "
    "p-value is below 0.05.",
    "Fit. For each dimension the candidate's percentile within each cohort. Across the "
    "dimensions used for fit, the distance to each cohort's centre (Mahalanobis, shrunk "
    "covariance) and the probability of resembling each cohort (linear discriminant "
    "analysis). These probabilities say which group of producers the candidate's scores look "
    "most like; they are not a forecast of performance.",
    "Interviewers. Agreement is measured with intraclass correlations where every "
    "interviewer rated the same candidates, otherwise Krippendorff's alpha; leniency is an "
    "interviewer's mean difference from the others on the same candidates.",
    "Levels and weighting. Each requirement gets a behavioural level (mean of interview, "
    "roleplay and judgment-test levels on 1-5; a judgment-test score s becomes 1 + 4s, or "
    "3 + s for most/least tests) and a psychometric level (3 + z). Where both exist the "
    "requirement's level gives the psychometric level the role profile's psychometric weight "
    "w; the overall level weights requirements by their weight and gives psychometrics w of "
    "the total. A knock-out minimum is missed when the mean interview rating is below it.",
]


def fmt_date(value, with_time: bool = False) -> str:
    if value is None:
        return "–"
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return local.strftime("%-d %b %Y, %H:%M" if with_time else "%-d %b %Y")


def _cell(text, style: str = "cell") -> Paragraph:
    return para(text, styles()[style])


def _plain_or_para(value):
    """Short cells stay plain strings (drawn as text, much cheaper); longer ones wrap.

    A plain string in a reportlab table is never parsed as markup, so it needs no escaping.
    """
    if hasattr(value, "wrap"):
        return value
    text = "" if value is None else str(value)
    return text if len(text) <= 12 and "\n" not in text else _cell(text)


def data_table(header: list[str], rows: list[list], widths: list[float], extra=None) -> Table:
    """A table whose header repeats on every page it continues on."""
    head = [_cell(h, "cell_bold") for h in header]
    body = [[_plain_or_para(c) for c in row] for row in rows]
    table = Table([head, *body], colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(extra))
    return table


def band_box(report) -> Table:
    s = styles()
    colour = BAND_COLOURS[report.band["key"]]
    box = Table([[Paragraph(safe(report.band["label"]), s["band"])],
                 [para(report.band["reason"], s["small"].clone("bw", textColor="white"))]],
                colWidths=[WIDTH], hAlign="LEFT")
    box.setStyle([("BACKGROUND", (0, 0), (-1, -1), colour), ("LEFTPADDING", (0, 0), (-1, -1), 8),
                  ("TOPPADDING", (0, 0), (-1, 0), 6), ("BOTTOMPADDING", (0, -1), (-1, -1), 6)])
    return box


def cover_flowables(report) -> list:
    s, c = styles(), report.cover
    rows = [
        ("Opening", f"{c['opening']}" + (f" ({c['location']})" if c["location"] else "")),
        ("Role profile", f"{c['profile']} – {c['role_name']}"),
        ("Profile revision", f"#{c['revision_id']} of {fmt_date(c['revision_created_at'], True)} "
         "(the revision this opening is pinned to)"),
        ("Pipeline stage", c["stage"]),
        ("Report date", fmt_date(c["generated_at"], True)),
        ("Generated by", c["generated_by"]),
        ("Calibration computed", fmt_date(c["computed_at"], True)),
    ]
    table = Table([[_cell(k, "cell_bold"), _cell(v)] for k, v in rows],
                  colWidths=[40 * mm, WIDTH - 40 * mm], hAlign="LEFT")
    table.setStyle(table_style([("BACKGROUND", (0, 0), (-1, 0), colors.white)]))
    return [
        Spacer(1, 40 * mm),
        Paragraph("Hiring report", s["subtitle"]),
        para(c["candidate"], s["title"]),
        Spacer(1, 6 * mm), table, Spacer(1, 10 * mm),
        para("Confidential: for the hiring team of this opening. The figures inform the "
             "calibration meeting's judgement; they do not replace it.", s["small"]),
        PageBreak(),
    ]


def _knock_out(row) -> str:
    if row["knock_out"] is None:
        return "–"
    status = row["knock_out_status"]
    return f"{row['knock_out']}: {'MISSED' if status == 'missed' else status}"


def summary_flowables(report, *, heading: str | None = None) -> list:
    """The one-page summary (also each candidate's page in the packet)."""
    s, w = styles(), report.weighted
    rows = [[r["name"], f"{r['weight']:g}", str(r["target"]), rating(r["interview"]),
             rating(r["assessment"]), rating(r["level"]), r["shortfall"] or "–",
             _knock_out(r)] for r in w["rows"]]
    missed = [i + 1 for i, r in enumerate(w["rows"]) if r["knock_out_status"] == "missed"]
    extra = [("TEXTCOLOR", (7, i), (7, i), colors.HexColor("#b3261e")) for i in missed]
    extra += [("BACKGROUND", (7, i), (7, i), colors.HexColor("#f9e0de")) for i in missed]
    table = data_table(
        ["Requirement", "Weight", "Target", "Interview", "Assess.", "Level", "Shortfall",
         "Knock-out"], rows,
        [WIDTH - 380, 44, 40, 52, 46, 38, 90, 70], extra)
    overall = (f"Weighted level {rating(w['overall'])} against a weighted target of "
               f"{rating(w['target'])} on the requirements with evidence "
               f"({percent(w['coverage'])} of the profile's weight). Levels 1-5: the "
               f"interviews carry {w['interview_percent']} %, the tests, roleplays and "
               f"psychometrics {w['assessment_percent']} %. A shortfall is more than half a "
               "point below target: a development need on a trainable competency, a risk on "
               "a trait.")
    fit = report.fit
    chart = posterior_chart([{"name": report.candidate_name, "posterior": fit["posterior"]}],
                            width=WIDTH, label_w=120)
    out = [para(heading or "Summary", s["h1"]), para(report.band["sentence"], s["body"]),
           band_box(report), Spacer(1, 4),
           to_drawing(chart),
           para(f"Scored on {fit['n_dimensions_scored']} of {fit['n_dimensions']} dimensions. "
                + ("" if not fit.get("closer_text") else
                   f"This candidate is {fit['closer_text']}. ")
                + ("" if not fit.get("expectancy_text") else
                   f"{fit['expectancy_text'][:1].upper()}{fit['expectancy_text'][1:]}. ")
                + fit.get("model_message", ""), s["small"]),
           *([to_drawing(expectancy_chart(fit["expectancy"], width=WIDTH * 0.7))]
             if fit.get("expectancy") else []),
           para("Evidence against the role profile", s["h2"]), table,
           para(overall, s["small"])]
    out.append(para("What limits confidence", s["h2"]))
    limits = report.limits[:8] or ["Nothing specific: the usual care applies."]
    out += [para(f"• {text}", s["small"]) for text in limits]
    if len(report.limits) > 8:
        out.append(para(f"… and {len(report.limits) - 8} more in the appendix.", s["small"]))
    return out


def chart_flowables(report) -> list:
    s = styles()
    out = [para("Profile against the producer cohorts", s["h1"]),
           to_drawing(profile_chart(report.profile_rows, candidate=report.candidate_name,
                                    width=WIDTH))]
    if report.strip_panels:
        out += [Spacer(1, 6), para("Among real producers: the most discriminating dimensions",
                                   s["h2"]),
                to_drawing(strip_chart(report.strip_panels, candidate=report.candidate_name,
                                       width=WIDTH))]
    else:
        out.append(para("No dimension separates top producers from the others yet, so the "
                        "producer distributions are not shown.", s["small"]))
    return out


def dimension_table(report) -> list:
    s = styles()
    rows = []
    for r in report.dimension_rows:
        p = r["percentiles"]
        rows.append([
            r["name"] + (" *" if r["discriminating"] else ""),
            "Trait" if r["kind"] == "trait" else "Comp.", two(r["z"]),
            rating(r["interview"]), whole(p.get("top")), whole(p.get("middle")),
            whole(p.get("bottom")), str(r["target"]),
            "–" if r["knock_out"] is None else str(r["knock_out"])
            + (" missed" if r["below_knock_out"] else ""),
            "yes" if r["discriminating"] else "no", str(r["n"]),
        ])
    table = data_table(
        ["Dimension", "Kind", "z", "Interview", "Pct top", "Pct mid", "Pct bot.", "Target",
         "Knock-out", "Discr.", "n"], rows,
        [WIDTH - 406, 40, 34, 54, 36, 36, 40, 38, 56, 40, 32])
    return [para("Dimensions", s["h1"]), table,
            para("z: the candidate's combined score (0 = average of everyone scored). Pct: "
                 "percentile within each producer cohort. Interview: mean rating on 1-5. "
                 "n: producers with scores. * discriminating.", s["small"])]


def interview_flowables(report) -> list:
    s = styles()
    out = [para("Interview evidence", s["h1"])]
    cards = report.interviews["scorecards"]
    if not cards:
        out.append(para(report.interviews.get("withheld") or
                        "No interview scorecard has been submitted for this candidate.",
                        s["body"]))
    for card in cards:
        head = f"{card['interviewer']} · {card['state']} {fmt_date(card['submitted_at'])}"
        if card["recommendation"]:
            head += f" · recommends: {card['recommendation']}"
        out.append(para(head, s["h2"]))
        if card["rationale"]:
            out.append(labelled("Rationale:", card["rationale"], s["body"]))
        for answer in card["answers"]:
            score = f"{answer['rating']}/5" if answer["rating"] else "not rated"
            out.append(labelled(f"{answer['dimension']} – {score}.", answer["question"], s["h3"]))
            if answer["notes"]:
                out.append(Paragraph("<br/>".join(f"<b>{label}:</b> {safe(text)}"
                                                  for label, text in answer["notes"]), s["note"]))
    out += agreement_flowables(report)
    return out


def agreement_flowables(report) -> list:
    s = styles()
    out = [para("Agreement between interviewers", s["h2"])]
    spreads = report.interviews["spreads"]
    if spreads:
        rows = [[sp["dimension"], "; ".join(f"{n}: {rating(v)}" for n, v in sp["ratings"]),
                 rating(sp["spread"]) + (" (apart)" if sp["disagreement"] else "")]
                for sp in spreads]
        out += [para("This candidate: each interviewer's mean rating per dimension.",
                     s["small"]),
                data_table(["Dimension", "Ratings", "Spread"], rows,
                           [WIDTH * 0.38, WIDTH * 0.46, WIDTH * 0.16])]
    overall = report.agreement.get("overall", {})
    if overall.get("computed"):
        out.append(para(
            f"Opening overall: ICC(2,1) {two(overall.get('icc2'))}, ICC(2,k) "
            f"{two(overall.get('icc2k'))}, Krippendorff's alpha "
            f"{two(overall.get('krippendorff_alpha'))}; {overall['n_raters']} interviewers, "
            f"{overall['n_targets']} candidate-dimension pairs, {overall['n_ratings']} ratings.",
            s["small"]))
    return out


def assessment_flowables(report) -> list:
    s = styles()
    out = [para("Judgment tests, roleplays and psychometrics", s["h1"])]
    for attempt in report.sjt:
        out.append(para(f"{attempt['test']} – completed {fmt_date(attempt['completed_at'])} "
                        f"({attempt['completion']}); total {two(attempt['total'])} on "
                        f"{attempt['scale']}", s["h3"]))
        if attempt.get("answered_note"):
            out.append(para(attempt["answered_note"][:1].upper() + attempt["answered_note"][1:]
                            + ".", s["small"]))
        out.append(data_table(["Dimension", "Score"],
                              [[d["name"], two(d["score"])] for d in attempt["dimensions"]],
                              [WIDTH * 0.7, WIDTH * 0.3]))
    for card in report.roleplays:
        out.append(para(f"Roleplay: {card['exercise']} – assessed by {card['assessor']}",
                        s["h3"]))
        out.append(data_table(["Dimension", "Rating", "Notes"],
                              [[r["name"], f"{r['rating']}/5", r["notes"]]
                               for r in card["ratings"]],
                              [WIDTH * 0.35, WIDTH * 0.1, WIDTH * 0.55]))
        if card["notes"]:
            out.append(labelled("Notes:", card["notes"], s["note"]))
    if report.psychometrics:
        out.append(para("Psychometric scales", s["h3"]))
        out.append(data_table(
            ["Instrument", "Scale", "Dimension", "Score", "z"],
            [[p["instrument"], p["scale"], p["dimension"], f"{p['score']:g} ({p['score_type']})",
              two(p["z"])] for p in report.psychometrics],
            [WIDTH * 0.26, WIDTH * 0.2, WIDTH * 0.26, WIDTH * 0.16, WIDTH * 0.12]))
    if not (report.sjt or report.roleplays or report.psychometrics):
        out.append(para("No test, roleplay or psychometric result yet.", s["body"]))
    return out


def probe_flowables(report) -> list:
    s = styles()
    out = [para("Suggested probe questions", s["h1"])]
    if not report.probes:
        out.append(para("The candidate is not below the top producers on any dimension with "
                        "scores: no probes suggested.", s["body"]))
    for probe in report.probes:
        out.append(para(f"{probe['dimension']} ({probe['why']})", s["h2"]))
        if not probe["questions"]:
            out.append(para("The question bank has no published question on this yet.",
                            s["small"]))
        for q in probe["questions"]:
            out.append(para(f"• {q['text']}", s["body"]))
            out += [labelled(f"{label}:", text, s["note"]) for label, text in q["probes"]]
    return out


def appendix_flowables(report) -> list:
    s, a = styles(), report.appendix
    out = [para("Appendix: method and numbers", s["h1"])]
    out += [para(text, s["body"]) for text in METHOD]
    out += [para("Recommendation band", s["h2"])] + [para(f"• {t}", s["body"])
                                                     for t in a["band_rule"]]
    out += [para("Dimensions used for fit: " + a["basis"], s["body"]),
            para("Counts", s["h2"]),
            data_table(["What", "n"], [[k, "–" if v is None else str(v)] for k, v in a["ns"]],
                       [WIDTH * 0.75, WIDTH * 0.25]),
            para(f"Cohorts and calibration computed {fmt_date(a['computed_at'], True)}; "
                 f"a cohort needs at least {a['min_cohort']} producers for firm conclusions.",
                 s["small"])]
    if report.limits:
        out += [para("Everything that limits confidence", s["h2"])]
        out += [para(f"• {t}", s["small"]) for t in report.limits]
    return out


def candidate_flowables(report) -> list:
    return [
        *cover_flowables(report), *summary_flowables(report), PageBreak(),
        *chart_flowables(report), CondPageBreak(90 * mm), *dimension_table(report),
        PageBreak(), *interview_flowables(report), CondPageBreak(60 * mm),
        *assessment_flowables(report), CondPageBreak(60 * mm),
        *reference_flowables(report, styles=styles, data_table=data_table, width=WIDTH),
        CondPageBreak(60 * mm), *probe_flowables(report),
        PageBreak(), *appendix_flowables(report),
    ]


def footer(label: str):
    """A page callback that prints ``label`` and the page number at the bottom."""
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(REGULAR, 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, 9 * mm, label[:120])
        canvas.drawRightString(PAGE[0] - MARGIN, 9 * mm, f"Page {doc.page} · confidential")
        canvas.restoreState()
    return draw


def document(target, title: str, author: str) -> SimpleDocTemplate:
    register_fonts()
    return SimpleDocTemplate(target, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                             topMargin=MARGIN, bottomMargin=16 * mm, title=title,
                             author=author, creator="Selection")


def build_candidate_pdf(report, target) -> None:
    """Writes the report to ``target`` (a path or a binary file object)."""
    c = report.cover
    label = f"{c['candidate']} – {c['opening']} – hiring report"
    doc = document(target, f"Hiring report: {c['candidate']}", c["generated_by"])
    doc.build(candidate_flowables(report), onFirstPage=footer(label), onLaterPages=footer(label))
