"""The calibration engine and the hiring reports: one Django app, packages by concern.

``ready`` is where ``reports`` plugs into the apps below it: it adds its sections to the
hiring-core pages (``selection.panels``), listens to what interviews and assessments
announce (``calibration/receivers.py``), hands the reliability statistics to the SJT item
analysis and keeps the self-identification answers the candidate's test link collects.
Nothing outside ``reports`` imports it.
"""

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Calibration and reports"

    def ready(self):
        from assessments.analysis import provide_reliability
        from assessments.self_identification import provide_keeper
        from reports.calibration import receivers, self_identification
        from reports.calibration.panels import opening_panel
        from reports.hiring_report.panels import application_report_panel
        from reports.hiring_report.pipeline_status import pipeline_statuses
        from reports.packets.panels import opening_packet_panel, packets_ready_panel
        from reports.stats import internal_consistency
        from reports.validity.panels import opening_validity_panel
        from selection.panels import register_panel
        from selection.pipeline_board import register_status_provider

        register_panel("opening", opening_panel)
        register_panel("application_summary", application_report_panel)
        register_panel("opening", opening_packet_panel)
        register_panel("opening", opening_validity_panel)
        register_panel("home", packets_ready_panel)
        register_status_provider(pipeline_statuses)
        receivers.connect()
        provide_reliability(internal_consistency)
        provide_keeper(self_identification)
