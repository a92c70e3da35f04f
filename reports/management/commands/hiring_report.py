"""manage.py hiring_report CANDIDATE_ID --opening OPENING_SLUG -o report.pdf [--user EMAIL]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.calibration.blinding import reader_from_option
from reports.hiring_report.gather import candidate_report
from reports.packets.jobs import write_atomically
from reports.pdf.candidate_report import build_candidate_pdf
from selection.models import Application


class Command(BaseCommand):
    help = "Writes a candidate's hiring report for one opening as a PDF."

    def add_arguments(self, parser):
        parser.add_argument("candidate_id", type=int, help="The candidate's id (Candidate.pk).")
        parser.add_argument("--opening", required=True, help="The opening's slug.")
        parser.add_argument("-o", "--output", required=True, help="Where to write the PDF.")
        parser.add_argument("--user", metavar="EMAIL", default="",
                            help="Write the report this person sees (blind scoring applies).")

    def handle(self, *args, candidate_id, opening, output, user="", **options):
        application = (
            Application.objects.select_related("candidate", "opening")
            .filter(candidate_id=candidate_id, opening__slug=opening).first()
        )
        if application is None:
            raise CommandError(f"Candidate {candidate_id} has not applied to '{opening}'.")
        path = Path(output).resolve()
        if not path.parent.is_dir():
            raise CommandError(f"The folder {path.parent} does not exist.")
        reader = reader_from_option(user, application.opening)
        report = candidate_report(application, generated_by=reader, reader=reader)
        write_atomically(path, lambda handle: build_candidate_pdf(report, handle))
        self.stdout.write(f"Wrote the hiring report of {report.candidate_name} "
                          f"({report.band['label']}) to {path}")
