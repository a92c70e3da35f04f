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
