"""Who may see calibration packets. Every packet view asks here.

A packet belongs to an opening: its hiring managers (and HR) may request and follow
packets; a packet HR requested carries the fairness summary and stays with HR; its file
is refused to a reader who may not see yet some scorecards it carries
(``calibration/blinding.py: packet_refusal``).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from reports.calibration.blinding import packet_refusal
from reports.packets.models import ReportPacket
from selection.access import is_hr, opening_for_user
from selection.models import Opening


def packet_opening_for_user(request, slug: str) -> Opening:
    """The opening this user may generate packets for."""
    return opening_for_user(request, slug)


def packet_for_user(request, slug: str, pk: int) -> ReportPacket:
    """A packet of an opening the user manages; HR-only packets for HR only."""
    opening = opening_for_user(request, slug)
    packet = (ReportPacket.objects.select_related("requested_by")
              .filter(pk=pk, opening=opening).first())
    if packet is None:
        raise Http404("No such packet.")
    if packet.includes_fairness and not is_hr(request.user):
        raise PermissionDenied("This packet includes HR's fairness figures.")
    packet.opening = opening
    return packet


def packet_file_for_user(request, slug: str, pk: int) -> ReportPacket:
    """A packet whose file this user may download: ``packet_for_user``, and nothing in it
    that blind scoring still withholds from them (403 with the reason otherwise)."""
    packet = packet_for_user(request, slug, pk)
    refusal = packet_refusal(packet, request.user)
    if refusal:
        raise PermissionDenied(refusal)
    return packet


def visible_packets(user, opening: Opening, limit: int = 5) -> list[ReportPacket]:
    """The opening's latest packets this user may open."""
    packets = ReportPacket.objects.filter(opening=opening).select_related("requested_by")
    if not is_hr(user):
        packets = packets.filter(includes_fairness=False)
    return list(packets[:limit])
