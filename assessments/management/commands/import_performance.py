from assessments.imports import import_performance

from ._import import ImportCommand


class Command(ImportCommand):
    help = "Imports producer performance per period (producer, period, performance, tier)."
    importer = staticmethod(import_performance)
