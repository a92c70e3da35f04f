from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Assessments"

    def ready(self) -> None:
        from selection.panels import register_nav_count, register_panel

        from .panels import application_panel, home_panel, roleplays_to_score

        register_panel("application", application_panel)
        register_panel("home", home_panel)
        register_nav_count(roleplays_to_score)
