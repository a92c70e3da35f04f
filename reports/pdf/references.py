"""The references section of the candidate PDF (data from reports.hiring_report.references).

Every referee's text goes through ``markup.para``/``labelled``: printed as typed.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from reports.pdf.markup import labelled, para


def reference_flowables(report, *, styles, data_table, width) -> list:
    section = getattr(report, "references", None)
    if not section:
        return []
    s = styles()
    out = [para("References", s["h1"]),
           para("Referees rate 1-5 against each question's anchors, compared with others they "
                "saw in the same role. A separate instrument: not part of the band and not "
                "compared with producers.", s["small"])]
    out.append(data_table(
        ["Referee", "Relationship", "Status"],
        [[r["name"], f"{r['relationship']}, {r['company']}", r["status"].capitalize()]
         for r in section["statuses"]], [width * 0.3, width * 0.5, width * 0.2]))
    if section["withheld"]:
        return out + [para(section["withheld"], s["body"])]
    if section["rows"]:
        out.append(Spacer(1, 4 * mm))
        out.append(data_table(
            ["Dimension", "Referees' mean", "Range", "n referees", "Interview mean (n)", "Flag"],
            [[r["dimension"], f"{r['mean']:.1f}", f"{r['low']}-{r['high']}", str(r["n"]),
              "–" if r["interview_mean"] is None
              else f"{r['interview_mean']:.1f} ({r['interview_n']})",
              "Contradicts the interview" if r["contradicts"] else ""]
             for r in section["rows"]],
            [width * 0.28, width * 0.13, width * 0.1, width * 0.11, width * 0.16,
             width * 0.22]))
        out.append(para(f"Means of {section['answered']} answered reference(s); flagged where "
                        "the referees' and the interviewers' means are two points or more "
                        "apart.", s["small"]))
    if section["rehire"]:
        out.append(para("Would hire or work with them again: " + "; ".join(
            f"{label} {n}" for label, n in section["rehire"]) + f" (of {section['answered']}).",
            s["body"]))
    for comment in section["comments"]:
        out.append(labelled(f"{comment['dimension']} ({comment['referee']}, "
                            f"{comment['relationship']}):", comment["text"], s["note"]))
    return out


def packet_reference_flowables(reports, *, styles, data_table, width) -> list:
    """The calibration packet's reference column: one row per candidate with references."""
    rows = []
    for report in reports:
        section = getattr(report, "references", None)
        if not section:
            continue
        counts = {}
        for referee in section["statuses"]:
            counts[referee["status"]] = counts.get(referee["status"], 0) + 1
        state = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "none named"
        if section["withheld"]:
            rows.append([report.candidate_name, state, "withheld", "withheld"])
            continue
        rows.append([report.candidate_name, state,
                     ", ".join(section["contradictions"]) or "none",
                     "; ".join(f"{label} {n}" for label, n in section["rehire"]) or "–"])
    if not rows:
        return []
    s = styles()
    return [para("References", s["h2"]),
            data_table(["Candidate", "Referees", "Contradict the interview on", "Would rehire"],
                       rows, [width * 0.22, width * 0.28, width * 0.3, width * 0.2]),
            para("Referees' ratings stay out of the band; a dimension is listed where the "
                 "referees' mean and the interviewers' mean are two points or more apart.",
                 s["small"])]
