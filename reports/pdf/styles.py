"""Paragraph and table styles shared by the candidate report and the packet."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from reports.pdf.fonts import BOLD, ITALIC, register_fonts

INK = colors.HexColor("#1d2433")
MUTED = colors.HexColor("#5b6476")
LINE = colors.HexColor("#d9dee7")
HEAD_BG = colors.HexColor("#eef1f6")
BAND_COLOURS = {
    "strong_fit": colors.HexColor("#1d7a46"),
    "fit": colors.HexColor("#3d8f5f"),
    "mixed": colors.HexColor("#a15c00"),
    "poor_fit": colors.HexColor("#b3261e"),
    "insufficient": colors.HexColor("#5b6476"),
}


@cache
def styles() -> dict[str, ParagraphStyle]:
    """Headings keep with what follows them (``layout.HeadingKeeper``); a paragraph never
    leaves its last line alone at the top of a page (no widows) nor its first alone at
    the foot (reportlab's default: no orphans)."""
    font = register_fonts()
    base = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=12.5, textColor=INK,
                          alignment=TA_LEFT, spaceAfter=4, allowWidows=0)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=MUTED),
        # a caption that introduces the table or chart below it, and stays with it
        "lead": ParagraphStyle("lead", parent=base, fontSize=8, leading=10, textColor=MUTED,
                               keepWithNext=1),
        "fine": ParagraphStyle("fine", parent=base, fontSize=8.5, leading=11),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=BOLD, fontSize=8,
                                    leading=10, spaceAfter=0, splitLongWords=0),
        "note": ParagraphStyle("note", parent=base, fontName=ITALIC, fontSize=8.5, leading=11,
                               leftIndent=10, textColor=INK),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=22, leading=27,
                                spaceAfter=10, keepWithNext=1),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=13, leading=17,
                                   textColor=MUTED, spaceAfter=8, keepWithNext=1),
        "h1": ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=15, leading=19,
                             spaceBefore=4, spaceAfter=8, keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=11.5, leading=15,
                             spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "h3": ParagraphStyle("h3", parent=base, fontName=BOLD, fontSize=9.5, leading=12,
                             spaceBefore=6, spaceAfter=2, keepWithNext=1),
        "band": ParagraphStyle("band", parent=base, fontName=BOLD, fontSize=14, leading=18,
                               textColor="white"),
    }


def table_style(extra: list | None = None) -> TableStyle:
    """Header row shaded and repeated on every page the table continues on."""
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
        ("FONTNAME", (0, 0), (-1, 0), BOLD),  # plain header cells as the bold paragraphs
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        *(extra or []),
    ])
