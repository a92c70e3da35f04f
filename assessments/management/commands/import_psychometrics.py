from assessments.imports import import_psychometrics

from ._import import ImportCommand


class Command(ImportCommand):
    help = "Imports psychometric results (person, instrument, scale, score, score_type)."
    importer = staticmethod(import_psychometrics)
