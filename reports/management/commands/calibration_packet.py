"""manage.py calibration_packet OPENING [--stage STAGE] [--fairness] [--user EMAIL] -o FILE.pdf"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.calibration.blinding import reader_from_option
from reports.packets.jobs import packet_data, write_atomically
from reports.pdf.packet import build_packet_pdf
from selection.access import is_hr
from selection.models import Application, Opening


class Command(BaseCommand):
    help = "Writes the calibration-meeting packet of an opening (one stage or all active)."

    def add_arguments(self, parser):
        parser.add_argument("opening", help="The opening's slug.")
        parser.add_argument("--stage", default="", choices=[k for k, _ in Application.STAGES],
                            help="Only candidates at this stage (default: every active stage).")
        parser.add_argument("--fairness", action="store_true",
                            help="Include HR's fairness summary (aggregate selection rates).")
        parser.add_argument("-o", "--output", required=True, help="Where to write the PDF.")
        parser.add_argument("--user", metavar="EMAIL", default="",
                            help="Build the packet for this person (blind scoring applies).")

    def handle(self, *args, opening, stage, fairness, output, user="", **options):
        found = Opening.objects.filter(slug=opening).first()
        if found is None:
            raise CommandError(f"No opening '{opening}'.")
        path = Path(output).resolve()
        if not path.parent.is_dir():
            raise CommandError(f"The folder {path.parent} does not exist.")
        reader = reader_from_option(user, found)
        if fairness and reader is not None and not is_hr(reader):
            raise CommandError("The fairness summary stays with HR; drop --fairness or --user.")
        data = packet_data(found, stage=stage, include_fairness=fairness, generated_by=reader,
                           reader=reader)
        write_atomically(path, lambda handle: build_packet_pdf(data, handle))
        self.stdout.write(f"Wrote the packet of {found.title} ({data['stage_label']}, "
                          f"{len(data['reports'])} candidates) to {path}")
