"""Hostile payloads typed anywhere print in the PDFs as literal text, at normal sizes."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from tests.security.conftest import PAYLOADS, assert_no_live_markup

pytestmark = pytest.mark.django_db

MAX_FONT = 30  # points; the report's largest heading is well below this


def _squash(text: str) -> str:
    return "".join(text.split())


def _read(data: bytes) -> tuple[str, int, float]:
    """(all text, page count, largest font size used for text) of a PDF."""
    reader = PdfReader(BytesIO(data))
    sizes: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = max(abs(tm[0] * cm[0]), abs(tm[3] * cm[3])) or 1
            sizes.append(size * scale)

    text = "\n".join(page.extract_text(visitor_text=visit) or "" for page in reader.pages)
    return text, len(reader.pages), max(sizes, default=0)


def _assert_inert(data: bytes, what: str) -> None:
    assert data.startswith(b"%PDF"), what
    text, pages, biggest = _read(data)
    flat = _squash(text)
    for payload in PAYLOADS:
        assert _squash(payload) in flat, f"{payload!r} is not printed literally in {what}"
    assert 1 <= pages <= 40, f"{what} has {pages} pages"
    assert 6 <= biggest <= MAX_FONT, f"{what} prints text at {biggest:.0f} pt"


def test_report_and_packet_print_payloads_as_text(client, hostile):
    slug, app = hostile.opening.slug, hostile.application
    client.force_login(hostile.users["manager"])
    response = client.get(f"/reports/openings/{slug}/candidates/{app.pk}/report.pdf")
    assert response.status_code == 200
    _assert_inert(response.content, "the candidate report")

    response = client.post(f"/reports/openings/{slug}/packets/", {"stage": ""})
    assert response.status_code == 303
    status_page = client.get(response["Location"])
    assert status_page.status_code == 200
    assert_no_live_markup(status_page.content.decode(), "the packet status page")
    download = response["Location"] + "packet.pdf"
    response = client.get(download)
    assert response.status_code == 200, download
    _assert_inert(b"".join(response.streaming_content), "the calibration packet")
