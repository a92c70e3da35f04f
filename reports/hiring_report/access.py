"""Who may see a candidate's hiring report. Every report view asks here.

Whoever may see the candidate (HR and the opening's hiring managers,
``selection.access.application_for_user``); what blind scoring still withholds from the
reader is left out of the report itself (``calibration/blinding.py``).
"""

from selection.access import application_for_user
from selection.models import Application


def report_application_for_user(request, slug: str, pk: int) -> Application:
    """The application whose report this user may see (403 / 404 otherwise)."""
    return application_for_user(request, slug, pk)
