"""Sends the webhook deliveries whose retry is due (for task backends that cannot run a
task later; with django-tasks-db the retries are queued tasks and this finds nothing)."""

from django.core.management.base import BaseCommand

from api.webhooks import send_due


class Command(BaseCommand):
    help = "Attempts every pending webhook delivery whose next attempt is due."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_due()} deliveries attempted.")
