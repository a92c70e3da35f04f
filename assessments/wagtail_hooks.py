"""Assessments in the HR workspace: SJTs, roleplays, scale mappings, dashboard panels.

The links to the app's tools (tests, producers, imports) are in the "Selection" menu group
(selection/admin_menu.py).
"""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from competencies.admin_columns import STATUS, listing_filters, status_column

from .models import JudgmentTest, PsychometricScale, ReferenceQuestion, RoleplayExercise


class JudgmentTestViewSet(SnippetViewSet):
    model = JudgmentTest
    icon = "tasks"
    menu_label = "Judgment tests"
    list_display = [
        "title", "slug", "scoring_method", "time_limit_minutes", status_column(),
    ]
    filterset_class = listing_filters(JudgmentTest, ["scoring_method"], live=STATUS)
    # No search_fields: searched through the model's index, all its AutocompleteFields.


class RoleplayExerciseViewSet(SnippetViewSet):
    model = RoleplayExercise
    icon = "openquote"
    menu_label = "Roleplay exercises"
    list_display = ["title", "slug", "duration_minutes", status_column()]
    filterset_class = listing_filters(RoleplayExercise, [], live=STATUS)
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
    list_display = ["__str__", "dimension", status_column()]
    filterset_class = listing_filters(ReferenceQuestion, ["dimension"], live=STATUS)
    # No search_fields: searched through the model's index, all its AutocompleteFields.


class AssessmentsViewSetGroup(SnippetViewSetGroup):
    items = (JudgmentTestViewSet, RoleplayExerciseViewSet, ReferenceQuestionViewSet,
             PsychometricScaleViewSet)
    menu_icon = "tasks"
    menu_label = "Assessments"
    menu_name = "assessments"


register_snippet(AssessmentsViewSetGroup)


@hooks.register("construct_homepage_panels")
def assessment_panels(request, panels):
    from selection.dashboard import add_panels

    from .dashboard import ImportsPanel, ProducerComparisonPanel

    add_panels(request, panels, [ProducerComparisonPanel, ImportsPanel])
