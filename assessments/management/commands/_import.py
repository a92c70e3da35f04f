"""Shared body of the import commands: read the file, import, print the result or errors."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.csvfile import ImportRefused


class ImportCommand(BaseCommand):
    importer = None  # set by subclasses: a function bytes -> ImportResult

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the CSV file (UTF-8, comma or semicolon).")

    def handle(self, *args, file: str, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            result = type(self).importer(path.read_bytes())
        except ImportRefused as exc:
            for error in exc.errors:
                self.stderr.write(error)
            raise CommandError(
                f"Nothing imported: {len(exc.errors)} problem(s) in {path.name}."
            ) from None
        self.stdout.write(f"Imported {path.name}: {result}.")
