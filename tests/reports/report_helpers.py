"""Helpers for the hiring-report tests: read PDFs back, add notes and candidates."""

from io import BytesIO

from pypdf import PdfReader


def pdf_pages(data: bytes) -> list[str]:
    """The text of every page of a PDF, as pypdf extracts it."""
    return [page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages(data))


def squash(text: str) -> str:
    """Text with all whitespace removed, so wrapped lines compare equal."""
    return "".join(text.split())


def embedded_fonts(data: bytes) -> set[str]:
    """Base names of the fonts embedded with a font file in the PDF."""
    names = set()
    for page in PdfReader(BytesIO(data)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


def add_notes(application, text: str) -> None:
    """Puts ``text`` in all four SAR notes of every answer of the candidate's scorecards."""
    from interviews.models import Answer

    Answer.objects.filter(scorecard__interview__application=application).update(
        situation=text, action=text, result=text, learned=text
    )


FOOTER_TOP = 30  # points from the page's foot: the footer line is drawn at 9 mm (25.5 pt)
HEADING_SIZE = 9.5  # our heading styles are bold at this size or larger; table heads are 8


def page_lines(data: bytes) -> list[list[tuple[str, bool]]]:
    """Each page's lines above the footer, top to bottom, as (text, is_heading).

    A line is a heading when every piece of text on it is set in a bold font of at least
    ``HEADING_SIZE`` points (a bold label followed by plain text is not).
    """
    pages = []
    for page in PdfReader(BytesIO(data)).pages:
        pieces: dict[int, list[tuple[float, str, bool]]] = {}

        def visit(text, cm, tm, font, size, pieces=pieces):
            if not text.strip() or font is None:
                return
            x, y = tm[4], tm[5]
            top = round(cm[1] * x + cm[3] * y + cm[5])
            if top < FOOTER_TOP:
                return
            scale = abs(tm[3] * cm[3]) or 1
            bold = "Bold" in str(font.get("/BaseFont", ""))
            pieces.setdefault(top, []).append((cm[0] * x + cm[4], text.strip(),
                                               bold and size * scale >= HEADING_SIZE))

        page.extract_text(visitor_text=visit)
        lines = []
        for top in sorted(pieces, reverse=True):
            row = sorted(pieces[top])
            lines.append((" ".join(t for _, t, _ in row), all(h for _, _, h in row)))
        pages.append(lines)
    return pages


def add_candidates(opening, n: int, stage: str = "calibration", *, first: int = 0) -> list:
    """``n`` more applications at ``stage``, each with psychometric scores on every scale."""
    from assessments.models import PsychometricScale, PsychometricScore
    from tests import factories

    scales = list(PsychometricScale.objects.all())
    apps, scores = [], []
    for k in range(first, first + n):
        app = factories.make_application(opening, f"Extra{k:03d}", f"Person{k:03d}", stage=stage)
        apps.append(app)
        scores += [PsychometricScore(scale=s, candidate=app.candidate, score_type="t",
                                     score=50 + k % 7, z_score=(k % 7 - 3) / 3) for s in scales]
    PsychometricScore.objects.bulk_create(scores)
    return apps
