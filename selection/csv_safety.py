"""CSV cells that a spreadsheet cannot run: text starting like a formula gets a ' prefix.

Every CSV the product offers goes through ``safe_csv_cell``. The only CSV exports today
are the Wagtail workspace's (site history, aging pages, locked pages, workflow reports,
snippet listings); ``neutralise_wagtail_exports`` makes them use it.
"""

from decimal import Decimal
from functools import wraps

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_csv_cell(value):
    """The value, with a leading ' when its text starts with = + - @ tab or CR.

    Numbers stay numbers (-5 is a number, not a formula); everything else is judged by
    its text, so a name like '=HYPERLINK(...)' opens as text in Excel and LibreOffice.
    """
    if value is None or isinstance(value, bool | int | float | Decimal):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else value


def neutralise_wagtail_exports() -> None:
    """Wraps Wagtail's spreadsheet export so that every CSV cell passes safe_csv_cell.

    (Its XLSX export already stores formula-like text as text.)
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralised", False):
        return

    @wraps(original)
    def preprocess_field_value(self, field, value, export_format):
        result = original(self, field, value, export_format)
        return safe_csv_cell(result) if export_format == self.FORMAT_CSV else result

    preprocess_field_value.neutralised = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
