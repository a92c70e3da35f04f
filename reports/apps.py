from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Calibration and reports"

    def ready(self):
        from reports.calibration.panels import opening_panel
        from selection.panels import register_panel

        register_panel("opening", opening_panel)

        from reports.hiring_report.panels import application_report_panel, opening_packet_panel

        register_panel("application", application_report_panel)
        register_panel("opening", opening_packet_panel)
