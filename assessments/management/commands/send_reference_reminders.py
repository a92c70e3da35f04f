"""manage.py send_reference_reminders: what the worker's sweep does for references, once.

For installations that prefer a cron job to ``manage.py worker`` for this.
"""

from django.core.management.base import BaseCommand

from assessments.references.reminders import erase_old_answers, send_due_reminders


class Command(BaseCommand):
    help = ("Email the reference reminders that are due and erase reference answers past "
            "SELECTION_REFERENCE_RETENTION_DAYS.")

    def handle(self, *args, **options):
        sent = send_due_reminders()
        erased = erase_old_answers()
        self.stdout.write(f"{sent} reminder(s) sent; answers of {erased} referee(s) erased.")
