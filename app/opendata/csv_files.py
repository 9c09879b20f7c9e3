"""CSV files as spreadsheets expect them, streamed: the open-data exports and the chart tables.

Files are UTF-8 *with* a byte-order mark, so spreadsheet programs (Excel in particular) read
accented names correctly when the file is opened by double-click; other tools skip the BOM.
Rows are streamed in chunks straight from a database cursor, so a file of a million rows
starts at once and never sits whole in memory. Money is whole rupiah as a plain integer (no
"Rp", no dots) so spreadsheets treat it as a number; times are Jakarta time (WIB).
Text cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from flask import Response

from app.clock import JAKARTA

BOM = "\ufeff"
CHUNK = 2000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(JAKARTA).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return round(value, 4)
    return formula_safe(value)


class PlainRows:
    """Rows that are already CSV-ready (text and numbers), so they are written as they are."""

    def __init__(self, rows: Iterable[Sequence[Any]]) -> None:
        self._rows = rows

    def __iter__(self) -> Iterator[Sequence[Any]]:
        return iter(self._rows)


def csv_chunks(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The CSV text (BOM, header, rows) in chunks of a few thousand rows.

    Rows from ``export_rows`` are already plain text and numbers; other rows (the chart tables)
    get their dates, booleans and formula-like text converted cell by cell.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(BOM)
    writer.writerow(header)
    plain = isinstance(rows, PlainRows)
    iterator = iter(rows)
    while True:
        batch = list(itertools.islice(iterator, CHUNK))
        if not batch:
            break
        writer.writerows(batch if plain else ([_cell(v) for v in row] for row in batch))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Response:
    """A CSV download named ``filename``, streamed chunk by chunk when ``rows`` is lazy.

    The chunks need no request context: ``export_rows`` reads on its own connection.
    """
    response = Response(csv_chunks(header, rows), mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
