from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = "Behavioural interviews"

    def ready(self) -> None:
        from selection.panels import register_panel

        from .panels import application_panel, home_panel, opening_panel

        register_panel("home", home_panel)
        register_panel("application", application_panel)
        register_panel("opening", opening_panel)
