"""The library in the Wagtail admin: competencies and traits as snippets."""

from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_columns import STATUS, TRAINABLE, listing_filters, status_column, yes_no_column
from .models import Competency, Trait


class CompetencyViewSet(SnippetViewSet):
    model = Competency
    icon = "pick"
    menu_label = "Competencies"
    list_display = [
        "name", "category",
        yes_no_column("trainable", "Trainable", "Trainable", "Hire for it"), status_column(),
    ]
    filterset_class = listing_filters(
        Competency, [], by_value={"category": "Category"}, trainable=TRAINABLE, live=STATUS)
    # No search_fields: searched through the model's index, all its AutocompleteFields.
    ordering = ["name"]


class TraitViewSet(SnippetViewSet):
    model = Trait
    icon = "user"
    menu_label = "Traits"
    list_display = [
        "name", "category",
        yes_no_column("trainable", "Trainable", "Trainable", "Hire for it"), status_column(),
    ]
    filterset_class = listing_filters(
        Trait, [], by_value={"category": "Category"}, trainable=TRAINABLE, live=STATUS)
    # No search_fields: searched through the model's index, all its AutocompleteFields.
    ordering = ["name"]


class LibraryViewSetGroup(SnippetViewSetGroup):
    items = (CompetencyViewSet, TraitViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Library"
    menu_name = "library"


register_snippet(LibraryViewSetGroup)


# The approval workflow in its own words.


class SubmitForApprovalMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to <workflow>" button, worded for role profiles."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        if "label" in context and str(context["label"]).startswith("Resubmit"):
            context["label"] = "Resubmit for approval"
        elif "label" in context:
            context["label"] = "Submit for approval"
        return context


@hooks.register("construct_page_action_menu")
def word_submit_for_approval(menu_items, request, context):
    for number, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            replacement = SubmitForApprovalMenuItem(order=item.order)
            menu_items[number] = replacement

