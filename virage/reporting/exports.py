"""Exports: CSV streamed row by row (StreamingHttpResponse), XLSX written by openpyxl in
write-only mode (rows go to a temporary file, never all in memory) then streamed from it, and
the funder report as PDF (fpdf2, pure Python).

Cells a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) get a leading
apostrophe (OWASP "CSV injection"); numbers stay numbers; a hidden cell is the text "< 5";
an empty cell means nothing to show."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable
from datetime import date, datetime

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


def safe(value):
    """A cell value safe for a spreadsheet: text that could start a formula is quoted;
    dates become ISO text (local date for a moment in time); None becomes empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).date().isoformat()
            if timezone.is_aware(value)
            else (value.date().isoformat())
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(DANGEROUS_PREFIXES):
        return "'" + text
    return text


class _Echo:
    def write(self, value):
        return value


def csv_response(rows: Iterable[list], *, filename: str) -> StreamingHttpResponse:
    """Stream `rows` (an iterable of lists, the header first) as a UTF-8 CSV file with a byte
    order mark, so spreadsheets read the accents right."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"
        for row in rows:
            yield writer.writerow([safe(v) for v in row])

    response = StreamingHttpResponse(lines(), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(rows: Iterable[list], *, filename: str, sheet: str) -> FileResponse:
    """Write `rows` with openpyxl in write-only mode into a temporary file, then stream the
    file (deleted when the response is closed)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title=_sheet_title(sheet))
    for row in rows:
        worksheet.append([safe(v) for v in row])
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - closed by FileResponse
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(
        handle, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_TYPE
    )


def _sheet_title(text: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in str(text)).strip()
    return (cleaned or "Data")[:31]


def table_response(table, *, fmt: str, filename: str):
    if fmt == "csv":
        return csv_response(table.export_rows(), filename=filename)
    return xlsx_response(table.export_rows(), filename=filename, sheet=table.title)


def rows_response(rows: Iterable[list], *, fmt: str, filename: str, sheet: str):
    if fmt == "csv":
        return csv_response(rows, filename=filename)
    return xlsx_response(rows, filename=filename, sheet=sheet)
