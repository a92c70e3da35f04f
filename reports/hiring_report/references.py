"""The references section of a hiring report: read from assessments, never the reverse.

References are their own instrument: shown beside the other evidence, never blended into
the band or compared with producers. A reader from whom blind scoring hides the
candidate's interviews sees no reference answers either (the same rule as the candidate
page, ``assessments.references.evidence.may_read_references``).
"""

from __future__ import annotations

from assessments.references.evidence import reference_evidence

WITHHELD = ("The referees' answers are left out: you interview this candidate and have not "
            "submitted your scorecard yet.")


def reference_section(application, blind, *, requested: bool | None = None) -> dict | None:
    """Plain data for the page and the PDF, or None when no references were requested.

    ``requested``: whether references were requested, when a packet already knows
    (``evidence.load_evidence``), so a candidate without any costs no query."""
    if requested is False:
        return None
    evidence = reference_evidence(application)
    if evidence.request is None:
        return None
    statuses = [{"name": r.name, "relationship": r.get_relationship_display(),
                 "company": r.company, "status": r.status} for r in evidence.referees]
    section = {"statuses": statuses, "answered": evidence.answered, "withheld": "",
               "rows": [], "comments": [], "rehire": [], "contradictions": []}
    if blind.hides_interviews(application.pk):
        section["withheld"] = WITHHELD
        return section
    section["rows"] = [
        {"dimension": r.dimension, "mean": r.mean, "low": r.low, "high": r.high, "n": r.n,
         "interview_mean": r.interview_mean, "interview_n": r.interview_n,
         "contradicts": r.contradicts} for r in evidence.rows]
    section["contradictions"] = [r.dimension for r in evidence.contradictions]
    section["rehire"] = evidence.rehire
    section["comments"] = [
        {"dimension": c["dimension"], "referee": c["referee"].name,
         "relationship": c["referee"].get_relationship_display().lower(), "text": c["text"]}
        for c in evidence.comments]
    return section
