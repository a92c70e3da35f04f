from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = "Behavioural interviews"

    def ready(self) -> None:
        from selection.panels import register_nav_count, register_panel
        from selection.sweeps import register_sweep

        from .panels import (
            account_panel,
            application_panel,
            home_panel,
            hr_home_panel,
            manager_home_panel,
            opening_panel,
        )
        from .reminders import send_scorecard_reminders
        from .todo import due_count

        register_panel("home", home_panel)
        register_panel("home", manager_home_panel)
        register_panel("home", hr_home_panel)
        register_panel("account", account_panel)
        register_panel("application", application_panel)
        register_panel("opening", opening_panel)
        register_sweep(send_scorecard_reminders)
        register_nav_count(due_count)
