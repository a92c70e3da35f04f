"""Text that people typed, made safe for reportlab paragraphs.

Reportlab's ``Paragraph`` reads a small XML markup (``<b>``, ``<font size=...>``,
``<img src=...>``). Anything a person typed (names, SAR notes, rationales) is escaped
before it reaches a paragraph, so it prints as the characters typed and cannot change
the document. Only our own constant markup is ever passed unescaped.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph


def safe(text) -> str:
    """``text`` as literal characters in reportlab markup; line breaks kept as <br/>."""
    if text is None:
        return ""
    escaped = escape(str(text), {'"': "&quot;"})
    return "<br/>".join(escaped.splitlines())


def para(text, style) -> Paragraph:
    """A paragraph showing exactly ``text`` (no markup interpreted)."""
    return Paragraph(safe(text), style)


def labelled(label: str, text, style) -> Paragraph:
    """A paragraph with our bold ``label`` followed by the escaped ``text``."""
    return Paragraph(f"<b>{escape(label)}</b> {safe(text)}", style)


def excerpt(text, limit: int = 280) -> str:
    """The first ``limit`` characters of ``text`` on one line, cut at a word, with an ellipsis."""
    flat = " ".join(str(text or "").split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut.rstrip(",.;:") + "…"
