"""The library in the Wagtail admin: competencies and traits as snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Competency, Trait


class CompetencyViewSet(SnippetViewSet):
    model = Competency
    icon = "pick"
    menu_label = "Competencies"
    list_display = ["name", "category", "trainable", "live"]
    list_filter = ["category", "trainable"]
    # No search_fields: searched through the model's index, all its AutocompleteFields.
    ordering = ["name"]


class TraitViewSet(SnippetViewSet):
    model = Trait
    icon = "user"
    menu_label = "Traits"
    list_display = ["name", "category", "live"]
    list_filter = ["category"]
    # No search_fields: searched through the model's index, all its AutocompleteFields.
    ordering = ["name"]


class LibraryViewSetGroup(SnippetViewSetGroup):
    items = (CompetencyViewSet, TraitViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Library"
    menu_name = "library"


register_snippet(LibraryViewSetGroup)
