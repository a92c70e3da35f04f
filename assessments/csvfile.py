"""Reading an uploaded CSV the way people export them: UTF-8 (BOM or not), comma or semicolon."""

import csv
import io
import math
from dataclasses import dataclass, field

from django.conf import settings


class ImportRefused(Exception):
    """The whole file is refused; ``errors`` lists every problem as 'row N, column X: ...'."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors[:3]))
        self.errors = errors


@dataclass
class Table:
    delimiter: str
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def normalise(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def read_table(data: bytes, *, required: list[str], optional: list[str] = ()) -> Table:
    """Parses ``data`` into rows numbered as the user sees them (the header is row 1).

    Refuses files over SELECTION_IMPORT_MAX_BYTES, files that are not UTF-8 or contain a
    NUL character, rows the csv module cannot read (a cell over its field size limit),
    missing columns, and rows with more cells than the header. Blank lines are skipped.
    """
    limit = settings.SELECTION_IMPORT_MAX_BYTES
    if len(data) > limit:
        raise ImportRefused([
            f"The file is {len(data):,} bytes; the limit is {limit:,} bytes. Split it into "
            "smaller files."
        ])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRefused([
            f"The file is not UTF-8 text (byte {exc.start + 1}). Save it as 'CSV UTF-8'."
        ]) from None
    if "\x00" in text:  # PostgreSQL cannot store NUL; no CSV export contains one
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportRefused([f"row {line}: contains a NUL character; save the file as "
                             "'CSV UTF-8' text."])
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ImportRefused([f"row 1: cannot be read as CSV ({exc})"]) from None
    if not header or not any(cell.strip() for cell in header):
        raise ImportRefused(["row 1: the file is empty; the first row must name the columns."])
    columns = [normalise(cell) for cell in header]
    missing = [name for name in required if name not in columns]
    if missing:
        raise ImportRefused([f"row 1, column {name}: missing column" for name in missing])
    table = Table(delimiter=delimiter, columns=columns)
    errors = []
    known = set(required) | set(optional)
    for cells in _cells(reader):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
            errors.append(
                f"row {reader.line_num}: {len(cells)} cells but the header names {len(columns)}"
            )
            continue
        row = {name: (cells[i].strip() if i < len(cells) else "")
               for i, name in enumerate(columns) if name in known}
        table.rows.append((reader.line_num, row))
    if errors:
        raise ImportRefused(errors)
    if not table.rows:
        raise ImportRefused(["The file has a header but no rows."])
    return table


def _cells(reader):
    """The reader's rows; a row the csv module cannot read (e.g. a cell over its field size
    limit) refuses the file with that row's number instead of raising csv.Error."""
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportRefused([f"row {reader.line_num}: cannot be read as CSV ({exc})"]) from None
        yield cells


def parse_number(text: str, *, decimal_comma: bool) -> float:
    """A finite number; with a semicolon delimiter a decimal comma (e.g. '55,5') is accepted."""
    value = text.strip()
    if decimal_comma and "," in value and "." not in value:
        value = value.replace(",", ".")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(value)
    return number
