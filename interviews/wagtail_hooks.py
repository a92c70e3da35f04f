"""The SAR question bank in the Wagtail admin."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from competencies.admin_columns import STATUS, listing_filters, status_column

from .models import Question


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = "SAR questions"
    menu_name = "sar-questions"
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["__str__", "dimension", status_column()]
    filterset_class = listing_filters(Question, ["dimension"], live=STATUS)
    # No search_fields: searched through the model's index, all its AutocompleteFields.
    ordering = ["dimension__name", "pk"]


register_snippet(QuestionViewSet)


@hooks.register("construct_homepage_panels")
def plan_panel(request, panels):
    from selection.dashboard import add_panels

    from .dashboard import IncompletePlanPanel

    add_panels(request, panels, [IncompletePlanPanel])
