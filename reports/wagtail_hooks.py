"""Self-identification records in the HR workspace; only HR holds their permissions."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from reports.calibration.forms import SelfIdentificationForm
from reports.models import SelfIdentification
from reports.packets.models import ReportPacket
from selection.dashboard import DashboardPanel, Row, add_panels, age


class SelfIdentificationViewSet(SnippetViewSet):
    model = SelfIdentification
    icon = "user"
    menu_label = "Self-identification"
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["candidate", "group_label", "consent_given_at"]
    search_fields = ["candidate__first_name", "candidate__last_name"]
    edit_handler = ObjectList(
        [FieldPanel("candidate"), FieldPanel("group_label"), FieldPanel("consent_given_at")],
        base_form_class=SelfIdentificationForm,
    )


register_snippet(SelfIdentificationViewSet)


class RecentPacketsPanel(DashboardPanel):
    """The latest calibration packets, each linking to its page (download or retry)."""

    name = "recent-packets"
    heading = "Recent calibration packets"
    empty = "No packet has been requested yet."
    order = 170

    def rows(self) -> list[Row]:
        packets = ReportPacket.objects.select_related("opening")[: self.limit]
        tones = {ReportPacket.FAILED: "bad", ReportPacket.DONE: ""}
        return [
            Row(f"{p.opening.title}: {p.stage_label}",
                reverse("report_packet_status", args=[p.opening.slug, p.pk]),
                f"requested {age(p.requested_at)} ago"
                + (f"; {p.candidate_count} candidates" if p.status == ReportPacket.DONE else ""),
                badge=p.get_status_display().lower(), tone=tones.get(p.status, "warn"))
            for p in packets
        ]


@hooks.register("construct_homepage_panels")
def packets_panel(request, panels):
    add_panels(request, panels, [RecentPacketsPanel])
