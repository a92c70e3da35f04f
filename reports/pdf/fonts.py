"""The embedded fonts: DejaVu Sans (Bitstream Vera licence, see fonts/LICENSE).

Reportlab's built-in Helvetica only covers Latin-1, so names such as "Zoë Łukasiewicz"
or "Ngọc Nguyễn" would lose letters. DejaVu covers them and is embedded (subset) in
every PDF, so the document looks the same on any reader.
"""

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD, ITALIC = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"
FAMILY = "DejaVu"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf"}


def register_fonts() -> str:
    """Registers the DejaVu family once per process; returns the regular font's name."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return REGULAR
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
    )
    # <b> and <i> inside paragraphs resolve through these mappings.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR
