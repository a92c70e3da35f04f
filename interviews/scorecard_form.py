"""What the scorecard template shows for each question: notes, probes and the rating scale."""

from .models import Answer

NOTE_LABELS = {
    "situation": "Situation",
    "action": "Action",
    "result": "Result",
    "learned": "Learned",
}


def _value(posted, key: str, default):
    if posted is not None and key in posted:
        return posted.get(key)
    return default


def _differs(saved: dict, name: str, value) -> str | None:
    """The saved text when it differs from what the form shows, else None."""
    if not saved or name not in saved:
        return None
    other = saved[name]
    if str(other if other is not None else "") == str(value if value is not None else ""):
        return None
    return "" if other is None else str(other)


def scorecard_rows(answers: list[Answer], *, posted=None, conflict: dict | None = None) -> list:
    """One dict per question, with the values to show (posted ones win on a refused save).

    With ``conflict`` (the server's current content after a refused stale save) each
    field also carries the saved text when it differs, to show beside the refused text.
    """
    saved_answers = (conflict or {}).get("answers", {})
    rows = []
    for number, answer in enumerate(answers, start=1):
        question = answer.question
        prefix = f"q{question.pk}"
        saved = saved_answers.get(str(question.pk), {})
        probes = dict(question.probes)
        notes = []
        for name, label in NOTE_LABELS.items():
            value = _value(posted, f"{prefix}-{name}", getattr(answer, name))
            notes.append({
                "name": f"{prefix}-{name}", "label": label, "value": value or "",
                "probe": probes[label], "saved": _differs(saved, name, value),
            })
        rating = str(_value(posted, f"{prefix}-rating", answer.rating) or "")
        choices = [
            {"value": str(level), "anchor": anchor, "checked": rating == str(level),
             "id": f"{prefix}-rating-{level}"}
            for level, anchor in enumerate(question.anchors, start=1)
        ]
        rows.append({
            "number": number, "answer": answer, "question": question, "prefix": prefix,
            "notes": notes, "choices": choices, "rating": rating,
            "saved_rating": _differs(saved, "rating", rating or None),
        })
    return rows
