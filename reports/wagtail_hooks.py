"""Self-identification records in the HR workspace; only HR holds their permissions."""

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from reports.calibration.forms import SelfIdentificationForm
from reports.models import SelfIdentification


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
