from assessments.imports import import_candidates

from ._import import ImportCommand


class Command(ImportCommand):
    help = ("Imports candidates keyed by email (first_name, last_name, email; optional phone, "
            "external_id, source, opening).")
    importer = staticmethod(import_candidates)
