from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Calibration and reports"

    def ready(self):
        from selection.panels import register_panel

        from .panels import opening_panel

        register_panel("opening", opening_panel)

        from .report_panels import application_report_panel, opening_packet_panel

        register_panel("application", application_report_panel)
        register_panel("opening", opening_packet_panel)
