"""A candidate's hiring report, as a page and as a PDF: check access, call one function, render."""

from io import BytesIO
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from reports.hiring_report import access
from reports.hiring_report.gather import candidate_report
from reports.pdf.candidate_report import build_candidate_pdf
from reports.pdf.charts import posterior_chart, profile_chart, strip_chart, to_svg


def _charts(report) -> dict:
    """The same charts as the PDF, as inline SVG (our markup; every text in it is escaped)."""
    name = report.candidate_name
    return {
        "posterior_svg": mark_safe(to_svg(posterior_chart(
            [{"name": name, "posterior": report.fit["posterior"]}], width=640, label_w=140))),
        "profile_svg": mark_safe(to_svg(profile_chart(
            report.profile_rows, candidate=name, width=640))),
        "strip_svg": mark_safe(to_svg(strip_chart(
            report.strip_panels, candidate=name, width=640))) if report.strip_panels else "",
    }


@login_required
def report_page(request, slug, pk):
    application = access.report_application_for_user(request, slug, pk)
    report = candidate_report(application, generated_by=request.user, reader=request.user)
    return render(request, "reports/report_candidate.html", {
        "application": application, "opening": application.opening, "report": report,
        **_charts(report),
    })


# Letters that Unicode decomposition does not reduce to ASCII, spelled as people write
# them without the accent (slugify handles ë, é, å... by decomposition).
TRANSLITERATION = str.maketrans({
    "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe",
    "ß": "ss", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "Th", "þ": "th", "ı": "i",
    "Ħ": "H", "ħ": "h", "Ŧ": "T", "ŧ": "t",
})


def report_filename(name: str) -> str:
    """An ASCII file name that keeps the name readable: "Zoë Łukasiewicz" -> zoe-lukasiewicz."""
    return f"{slugify(name.translate(TRANSLITERATION)) or 'candidate'}-hiring-report.pdf"


def content_disposition(name: str) -> str:
    """The ASCII file name for old clients and the full name in ``filename*`` (RFC 6266)."""
    full = f"{name} - hiring report.pdf".replace("/", "-").replace("\\", "-")
    return (f'attachment; filename="{report_filename(name)}"; '
            f"filename*=UTF-8''{quote(full, safe='')}")


@login_required
def report_pdf(request, slug, pk):
    application = access.report_application_for_user(request, slug, pk)
    report = candidate_report(application, generated_by=request.user, reader=request.user)
    if not report.has_evidence:
        raise Http404("There is no evidence on this candidate yet, so there is no PDF; the "
                      "report page says what is missing.")
    buffer = BytesIO()
    build_candidate_pdf(report, buffer)
    response = HttpResponse(buffer.getvalue(), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(report.candidate_name)
    response["Cache-Control"] = "private, no-store"
    return response
