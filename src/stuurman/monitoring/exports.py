"""The monitor as CSV, XLSX and the printable half-year report (PDF with its charts). All three read a
built Report, so they carry exactly what the page shows: hidden values as their text, never a number.
"""

import base64
import csv
import io

from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.styles import Font

from .report import Report
from .suppression import HIDDEN_COUNT, HIDDEN_FIGURE, THRESHOLD

NOTE = (
    f"Aantallen onder de {THRESHOLD} staan er als '{HIDDEN_COUNT}'; cijfers die daaruit volgen (aandelen, "
    f"verschillen, bedragen) als '{HIDDEN_FIGURE}'. Soms is ook een groter getal verborgen, zodat een "
    "verborgen getal niet uit een totaal is terug te rekenen."
)


def _cell(value):
    """A number where there is one, else the text ('< 10', 'verborgen', '—')."""
    return value.number if value.number is not None and not value.hidden else value.text


def _about(report: Report) -> list[list[str]]:
    flt = report.filter
    return [
        ["Monitor sociaal domein"],
        ["Selectie", flt.describe()],
        ["Vergeleken met", report.previous.label],
        ["Berekend op", f"{report.refreshed_at:%d-%m-%Y %H:%M}"],
        ["Kleine aantallen", NOTE],
    ]


def csv_bytes(report: Report) -> bytes:
    """Semicolons and a byte-order mark, as Dutch Excel opens it; numbers in Dutch notation as shown."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["onderdeel", "tabel", "rij", "kolom", "waarde"])
    writer.writerow(["Selectie", _safe(report.filter.describe()), "", "", ""])
    writer.writerow(["Kleine aantallen", NOTE, "", "", ""])
    for section in report.sections:
        for table in section.tables:
            for row in table.rows:
                for column, value in zip(table.columns[1:], row.values, strict=True):
                    # Our own number text ("-12", "17,2") as it is; labels guarded against formulas.
                    text = value.text if value.number is not None else _safe(value.text)
                    writer.writerow(
                        [_safe(section.title), _safe(table.caption), _safe(row.label), _safe(column), text]
                    )
    return buffer.getvalue().encode("utf-8-sig")


def _safe(value):
    # A label starting with '=' or '+' must stay text in a spreadsheet (formula injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return f"'{value}"
    return value


def xlsx_bytes(report: Report) -> bytes:
    workbook = Workbook()
    about = workbook.active
    about.title = "Toelichting"
    for line in _about(report):
        about.append([_safe(v) for v in line])
    about["A1"].font = Font(bold=True, size=14)
    about.column_dimensions["A"].width = 20
    about.column_dimensions["B"].width = 110
    used = {"Toelichting"}
    for section in report.sections:
        about.append([])
        about.append([section.title, section.definition])
        for table in section.tables:
            title = _sheet_title(table.caption.split(",")[0], used)
            sheet = workbook.create_sheet(title)
            sheet.append([_safe(table.caption)])
            sheet["A1"].font = Font(bold=True)
            sheet.append([_safe(column) for column in table.columns])
            for cell in sheet[2]:
                cell.font = Font(bold=True)
            for row in table.rows:
                sheet.append([_safe(row.label), *(_safe(_cell(value)) for value in row.values)])
            sheet.column_dimensions["A"].width = 44
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(text: str, used: set[str]) -> str:
    # Excel allows 31 characters and none of []:*?/\ in a sheet title, each title once.
    clean = "".join("-" if ch in "[]:*?/\\" else ch for ch in text).strip()[:28] or "Tabel"
    title, n = clean, 2
    while title in used:
        title, n = f"{clean[:25]} {n}", n + 1
    used.add(title)
    return title


def pdf_bytes(report: Report, charts: dict[str, str]) -> bytes:
    """``charts``: section id → SVG document, embedded as images with their text alternative."""
    from weasyprint import HTML

    images = {
        key: "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
        for key, svg in charts.items()
    }
    html = render_to_string("monitoring/report_pdf.html", {"report": report, "charts": images, "note": NOTE})
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
