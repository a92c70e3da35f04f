"""The hiring report (page and PDF) shows the references as their own instrument: the table,
the contradiction flag, the comments printed as typed, and nothing for a blind reader."""

from io import BytesIO

import pypdf

from interviews.models import Scorecard
from tests.assessments.references.test_reference_evidence import answer, interview

MARKUP = "<b>bold</b> & <font size=40>big</font>"


def report_urls(application) -> tuple[str, str]:
    base = f"/reports/openings/{application.opening.slug}/candidates/{application.pk}/report"
    return base + "/", base + ".pdf"


def pdf_text(response) -> str:
    reader = pypdf.PdfReader(BytesIO(b"".join(response.streaming_content)
                                     if response.streaming else response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_report_page_and_pdf_show_references_with_the_flag(client, referees, finalist,
                                                               interviewer, manager):
    answer(referees[0], {"discovery": 1}, comment=MARKUP)
    answer(referees[1], {"discovery": 2}, rehire="no")
    interview(finalist, interviewer, {"discovery": 4})
    client.force_login(manager)
    page_url, pdf_url = report_urls(finalist)
    page = client.get(page_url).content.decode()
    assert "Contradicts the interview" in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;font size=40&gt;big&lt;/font&gt;" in page
    assert MARKUP not in page
    text = pdf_text(client.get(pdf_url))
    assert "References" in text and "Contradicts the interview" in text
    assert "<b>bold</b> & <font size=40>big</font>" in text.replace("\n", " ")
    assert "No 1 (of 2)" in text


def test_a_blind_reader_gets_no_reference_answers_in_the_report(client, referees, finalist,
                                                                 interviewer, manager):
    answer(referees[0], {"discovery": 1}, comment="Only for those who may read it")
    interview(finalist, interviewer, {"discovery": 4})
    interview(finalist, manager, {"discovery": 3}, state=Scorecard.DRAFT)
    client.force_login(manager)
    page = client.get(report_urls(finalist)[0]).content.decode()
    assert "Only for those who may read it" not in page
    assert "have not submitted your scorecard" in page


def test_the_calibration_packet_has_a_reference_column(referees, finalist, interviewer,
                                                       manager):
    from reports.packets.jobs import packet_data
    from reports.pdf.packet import build_packet_pdf

    answer(referees[0], {"discovery": 1}, rehire="reservations")
    interview(finalist, interviewer, {"discovery": 4})
    target = BytesIO()
    build_packet_pdf(packet_data(finalist.opening, stage="calibration", reader=manager), target)
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(target).pages)
                    .split())
    assert "Contradict the interview on" in text
    assert "1 answered, 1 sent" in text
    assert "Discovery questioning" in text and "Yes, with reservations 1" in text
