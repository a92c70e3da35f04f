"""Calibration packets: request one, follow its build, retry it, download it.

Views check access (``packets/access.py``), call one function of ``packets/jobs.py`` and
render.
"""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from reports.calibration.blinding import packet_refusal
from reports.packets import access
from reports.packets.jobs import enqueue, packet_path, refresh_status, request_packet
from reports.packets.models import ReportPacket
from reports.packets.workers import no_worker_warning
from selection.models import Application


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
