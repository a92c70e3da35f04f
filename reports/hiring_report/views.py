"""Hiring report pages, PDF downloads and packet jobs: check access, call one function, render."""

from io import BytesIO

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from reports.calibration.blinding import packet_refusal
from reports.hiring_report import access
from reports.hiring_report.gather import candidate_report
from reports.packets.jobs import enqueue, packet_path, refresh_status, request_packet
from reports.packets.models import ReportPacket
from reports.packets.workers import no_worker_warning
from reports.pdf.candidate_report import build_candidate_pdf
from reports.pdf.charts import posterior_chart, profile_chart, strip_chart, to_svg
from selection.models import Application


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


@login_required
@require_POST
def packet_request(request, slug):
    opening = access.packet_opening_for_user(request, slug)
    stage = request.POST.get("stage", "")
    if stage and stage not in dict(Application.STAGES):
        return HttpResponseBadRequest("Unknown stage.")
    packet = request_packet(opening, stage=stage, user=request.user)
    return _see_other(opening.slug, packet.pk)


def _see_other(slug: str, pk: int):
    response = redirect(reverse("report_packet_status", args=[slug, pk]))
    response.status_code = 303
    return response


@login_required
def packet_status(request, slug, pk):
    packet = refresh_status(access.packet_for_user(request, slug, pk))
    return render(request, "reports/report_packet_status.html", {
        "packet": packet, "opening": packet.opening, "stages": Application.STAGES,
        "no_worker": no_worker_warning() if packet.in_progress else None,
        "refusal": packet_refusal(packet, request.user)
        if packet.status == ReportPacket.DONE else "",
    })


@login_required
@require_POST
def packet_retry(request, slug, pk):
    packet = refresh_status(access.packet_for_user(request, slug, pk))
    if packet.status == ReportPacket.FAILED:
        enqueue(packet)
    return _see_other(slug, packet.pk)


@login_required
def packet_download(request, slug, pk):
    packet = refresh_status(access.packet_file_for_user(request, slug, pk))
    path = packet_path(packet)
    if packet.status != ReportPacket.DONE or path is None or not path.is_file():
        raise Http404("This packet has no finished file.")
    filename = f"{packet.opening.slug}-calibration-packet-{packet.pk}.pdf"
    response = FileResponse(path.open("rb"), as_attachment=True, filename=filename,
                            content_type="application/pdf")
    response["Cache-Control"] = "private, no-store"
    return response
