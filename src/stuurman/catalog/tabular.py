"""Reading and writing spreadsheet files: CSV (comma or semicolon, as Dutch Excel writes it) and XLSX.

Rows come out as dicts keyed by the lower-cased header, with the spreadsheet row number (the header is
row 1), so an import can name the row a person sees in their spreadsheet program.
"""

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook, load_workbook

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class FileProblem(ValueError):
    """The file as a whole cannot be read; ``str()`` is a Dutch message for the functional admin."""


@dataclass(frozen=True)
class Sheet:
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (spreadsheet row number, values by column)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    # Undo our own export's guard: a quote before a formula character was added to keep it text.
    if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA_START:
        return text[1:]
    return text


def _sheet(lines: Iterable[Iterable]) -> Sheet:
    rows = iter(lines)
    header = [_cell(name).lower() for name in next(rows, [])]
    while header and not header[-1]:
        header.pop()
    if not any(header):
        raise FileProblem("Het bestand is leeg: de eerste rij moet de kolomnamen bevatten.")
    out = []
    for number, values in enumerate(rows, start=2):
        cells = [_cell(value) for value in values]
        if not any(cells):
            continue
        if len(out) >= MAX_ROWS:
            raise FileProblem(f"Het bestand heeft meer dan {MAX_ROWS} rijen; splits het in delen.")
        cells += [""] * (len(header) - len(cells))
        if any(cells[len(header) :]):
            raise FileProblem(f"Rij {number} heeft meer waarden dan er kolommen zijn.")
        out.append((number, dict(zip(header, cells[: len(header)], strict=True))))
    return Sheet(header, out)


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV (gescheiden door lijstscheidingsteken)" in Windows-1252.
        return content.decode("cp1252", errors="replace")


def read(name: str, content: bytes) -> Sheet:
    if len(content) > MAX_BYTES:
        raise FileProblem(f"Het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB.")
    if content[:4] == b"PK\x03\x04" or name.lower().endswith(".xlsx"):
        return _read_xlsx(content)
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    return _sheet(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _read_xlsx(content: bytes) -> Sheet:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise FileProblem(
            "Dit is geen geldig XLSX-bestand; sla het op als Excel-werkmap of als CSV."
        ) from None
    try:
        return _sheet(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()


def _safe(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def write_csv(header: list[str], rows: Iterable[list]) -> bytes:
    """Semicolons and a byte-order mark: what Dutch Excel opens without an import wizard."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_safe(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_xlsx(title: str, header: list[str], rows: Iterable[list]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.append(header)
    for row in rows:
        sheet.append([_safe(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
