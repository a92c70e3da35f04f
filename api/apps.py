"""The integration API for an applicant-tracking system: the top floor of the project.

``api`` may import every app, ``reports`` included; no app imports ``api``. It listens to
what the apps below announce (``receivers.py``) to send webhooks.
"""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Integration API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from api import receivers
        from api.retention import delete_old_calls
        from selection.sweeps import register_sweep

        receivers.connect()
        register_sweep(delete_old_calls)
