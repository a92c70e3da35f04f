"""The page, tables and layout rules shared by the candidate report and the packet.

* A heading never ends a page. Heading styles carry reportlab's ``keepWithNext``; the
  document groups each run of headings with the block after them and hands the group to
  ``HeadingKeeper`` (the document's ``keepTogetherClass``). Where reportlab's own
  ``KeepTogether`` would push a long table to the next page whole, leaving a gap, this
  one lets the block start under its heading when its first piece fits there (a table
  row under the repeated header, at least two lines of a paragraph) and otherwise moves
  the heading over with the block. A caption that introduces what follows uses the
  ``lead`` style and is kept with it the same way. reportlab never groups a heading with a
  ``KeepTogether`` after it, so such blocks carry their heading inside.
* A table splits across pages only with at least two rows on each side (``DataTable``).
* Table headers never break inside a word: ``header_widths`` widens a column to its
  longest header word and takes the room from the widest column.
* Page streams are compressed but not also ASCII85-encoded (``rl_config.useA85`` off):
  the encoding only makes a file 25 % larger, and without reportlab's C accelerator it
  costs about a twentieth of a 200-candidate packet's build time.
"""

from __future__ import annotations

from django.utils import timezone
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Table
from reportlab.platypus.doctemplate import FrameBreak

from reports.pdf.fonts import BOLD, REGULAR, register_fonts
from reports.pdf.markup import para
from reports.pdf.styles import MUTED, styles, table_style

PAGE = A4
MARGIN = 16 * mm
WIDTH = PAGE[0] - 2 * MARGIN

CELL_PADDING = 8  # left + right padding of a table cell (styles.table_style)
SAFETY = 1.0  # points kept spare so the frame accepts what was measured here


class HeadingKeeper(KeepTogether):
    """Headings kept with (at least the start of) the block that follows them."""

    def split(self, aW, aH):
        parts = super().split(aW, aH)
        moved = bool(parts) and isinstance(parts[0], type(FrameBreak))
        *heads, block = self._content
        if not moved or not heads or block.getKeepWithNext():
            return parts
        room = aH - SAFETY - block.getSpaceBefore()
        for head in heads:
            room -= head.wrapOn(self.canv, aW, aH)[1] + head.getSpaceBefore() \
                + head.getSpaceAfter()
        pieces = block.splitOn(self.canv, aW, room) if room > 0 else []
        if len(pieces) < 2:  # not even its first row or lines fit here: move with it
            return parts
        return [*heads, *pieces]


class DataTable(Table):
    """A table with a repeated header that leaves no single row alone across a break."""

    MIN_ROWS = 2

    def split(self, aW, aH):
        parts = super().split(aW, aH)
        frame = getattr(self, "_frame", None)
        if len(parts) != 2 or getattr(frame, "_atTop", False):
            return parts
        head = self.repeatRows
        first = len(parts[0]._cellvalues) - head
        rest = len(parts[1]._cellvalues) - head
        if first < self.MIN_ROWS:
            return []  # start the table on the next page instead
        if rest < self.MIN_ROWS:  # carry a row more over, so the last one has company
            kept = head + first - (self.MIN_ROWS - rest)
            parts = super().split(aW, sum(self._rowHeights[:kept]) + 0.5)
            if len(parts) == 2 and len(parts[0]._cellvalues) - head < self.MIN_ROWS:
                return []
        return parts


def header_widths(header: list[str], widths: list[float], font: str, size: float) -> list[float]:
    """``widths`` adjusted so that every word of every header fits on one line.

    A column narrower than its longest header word grows to it; the widest column gives
    up the room, so the table keeps its total width.
    """
    need = [max((stringWidth(word, font, size) for word in str(h).split()), default=0)
            + CELL_PADDING + 0.5 for h in header]
    out = [float(w) for w in widths]
    extra = 0.0
    for i, (have, needed) in enumerate(zip(out, need, strict=True)):
        if have < needed:
            extra += needed - have
            out[i] = needed
    if extra:
        widest = max(range(len(out)), key=lambda i: out[i] - need[i])
        out[widest] -= extra
    return out


def fmt_date(value, with_time: bool = False) -> str:
    if value is None:
        return "–"
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return local.strftime("%-d %b %Y, %H:%M" if with_time else "%-d %b %Y")


def cell(text, style: str = "cell") -> Paragraph:
    return para(text, styles()[style])


def _plain_or_para(value, width: float, font: str = REGULAR, style: str = "cell"):
    """A cell that fits on one line of its column stays a plain string (drawn as text, many
    times cheaper than a paragraph: most of a packet's cells); a longer one wraps.

    A plain string in a reportlab table is never parsed as markup, so it needs no escaping.
    The table style gives plain cells the paragraphs' font, size and colour.
    """
    if hasattr(value, "wrap"):
        return value
    text = "" if value is None else str(value)
    if "\n" not in text and stringWidth(text, font, 8) <= width - CELL_PADDING - SAFETY:
        return text
    return cell(text, style)


def data_table(header: list[str], rows: list[list], widths: list[float], extra=None) -> Table:
    """A table whose header repeats on every page it continues on and never breaks a word.

    It splits across pages only with at least two rows on each side of the break.
    """
    widths = header_widths(header, widths, BOLD, 8)
    head = [_plain_or_para(h, w, BOLD, "cell_bold") for h, w in zip(header, widths, strict=True)]
    body = [[_plain_or_para(c, w) for c, w in zip(row, widths, strict=True)] for row in rows]
    table = DataTable([head, *body], colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(extra))
    return table


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
    rl_config.useA85 = 0  # binary (zlib) streams: smaller, and no pure-Python encoding
    return SimpleDocTemplate(target, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                             topMargin=MARGIN, bottomMargin=16 * mm, title=title,
                             author=author, creator="Selection",
                             keepTogetherClass=HeadingKeeper)
