from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Assessments"

    def ready(self) -> None:
        from selection.panels import register_nav_count, register_panel
        from selection.pipeline import register_stage_guard

        from .panels import (
            application_panel,
            home_panel,
            hr_imports_panel,
            manager_outstanding_panel,
            roleplays_to_score,
        )
        from .references import panels as reference_panels
        from .references.background import rejection_guard

        register_panel("application", application_panel)
        register_panel("application", reference_panels.application_panel)
        register_panel("opening", reference_panels.opening_panel)
        register_panel("submitted_scorecards", reference_panels.submitted_scorecards_panel)
        register_panel("home", home_panel)
        register_panel("home", hr_imports_panel)
        register_panel("home", manager_outstanding_panel)
        register_stage_guard(rejection_guard)
        register_nav_count(roleplays_to_score)
