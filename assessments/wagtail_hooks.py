"""Assessments in the HR workspace: SJTs, roleplays, scale mappings, and links to the tools."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from selection.access import is_hr

from .models import JudgmentTest, PsychometricScale, ReferenceQuestion, RoleplayExercise


class JudgmentTestViewSet(SnippetViewSet):
    model = JudgmentTest
    icon = "tasks"
    menu_label = "Judgment tests"
    list_display = ["title", "slug", "scoring_method", "time_limit_minutes", "live"]
    list_filter = ["scoring_method"]
    # No search_fields: searched through the model's index, all its AutocompleteFields.


class RoleplayExerciseViewSet(SnippetViewSet):
    model = RoleplayExercise
    icon = "openquote"
    menu_label = "Roleplay exercises"
    list_display = ["title", "slug", "duration_minutes", "live"]
    # No search_fields: searched through the model's index, all its AutocompleteFields.


class PsychometricScaleViewSet(SnippetViewSet):
    model = PsychometricScale
    icon = "list-ul"
    menu_label = "Psychometric scales"
    list_display = ["instrument", "scale", "dimension"]
    list_filter = ["instrument"]
    search_fields = ["instrument", "scale"]


class ReferenceQuestionViewSet(SnippetViewSet):
    model = ReferenceQuestion
    icon = "user"
    menu_label = "Reference questions"
    list_display = ["__str__", "dimension", "live"]
    list_filter = ["dimension"]
    # No search_fields: searched through the model's index, all its AutocompleteFields.


class AssessmentsViewSetGroup(SnippetViewSetGroup):
    items = (JudgmentTestViewSet, RoleplayExerciseViewSet, ReferenceQuestionViewSet,
             PsychometricScaleViewSet)
    menu_icon = "tasks"
    menu_label = "Assessments"
    menu_name = "assessments"


register_snippet(AssessmentsViewSetGroup)


class HRMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return is_hr(request.user)


@hooks.register("register_admin_menu_item")
def tools_menu_item():
    return HRMenuItem("Assessment tools", reverse("assessments:test_list"), icon_name="upload",
                      order=900)
