"""A candidate's hiring report, as a page and as a PDF: check access, call one function, render."""

from io import BytesIO

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
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


def report_filename(name: str) -> str:
    return f"{slugify(name) or 'candidate'}-hiring-report.pdf"


@login_required
def report_pdf(request, slug, pk):
    application = access.report_application_for_user(request, slug, pk)
    report = candidate_report(application, generated_by=request.user, reader=request.user)
    buffer = BytesIO()
    build_candidate_pdf(report, buffer)
    response = HttpResponse(buffer.getvalue(), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{report_filename(report.candidate_name)}"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
