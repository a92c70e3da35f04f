"""Sends the webhook deliveries whose retry is due (for task backends that cannot run a
task later; with django-tasks-db the retries are queued tasks and this sends nothing)."""

from django.core.management.base import BaseCommand

from api.webhooks import send_due


class Command(BaseCommand):
    help = "Attempts every pending webhook delivery whose next attempt is due."

    def handle(self, *args, **options):
        from django_tasks import default_task_backend

        if default_task_backend.supports_defer:
            self.stdout.write("The task backend runs each retry at its time; nothing to do.")
            return
        self.stdout.write(f"{send_due()} deliveries attempted.")
