"""CSV files: the open-data exports and the numbers behind each dashboard chart.

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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from flask import Response, abort, request
from sqlalchemy import Engine, Select, String, case, cast, func, literal, select
from sqlalchemy.orm import Session, aliased

from app.clock import JAKARTA, today
from app.extensions import db
from app.i18n import current_language
from app.services import deal_metrics, programme_views
from app.services import metrics as metrics_service
from app.services.metrics import MetricFilters
from app.services.ocds import OCID_PREFIX, public_text
from app.services.periods import in_period, jakarta_time
from models import (
    Award,
    Category,
    DemandRequest,
    Kota,
    Match,
    Organisation,
    Quote,
    SupplierProfile,
)

BOM = "\ufeff"
CHUNK = 2000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: Any) -> Any:
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
    return _safe(value)


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


class PlainRows:
    """Rows that are already CSV-ready (text and numbers), so they are written as they are."""

    def __init__(self, rows: Iterable[Sequence[Any]]) -> None:
        self._rows = rows

    def __iter__(self) -> Iterator[Sequence[Any]]:
        return iter(self._rows)


@dataclass(frozen=True)
class Export:
    """One downloadable table: its columns, its query, and whether the public may have it.

    ``query(filters, dialect)`` selects the columns already formatted by the database (times
    in WIB as text, dates as text, yes/no, free text made formula-safe), so rows go to the CSV
    writer untouched — except the ``public_text`` columns (free text the public sees), which
    get e-mail addresses and phone numbers masked here.
    """

    name: str
    public: bool
    columns: tuple[str, ...]
    query: Callable[[MetricFilters, str], Select[Any]]
    public_text: tuple[int, ...] = ()


def wib(column: Any, dialect: str) -> Any:
    """A UTC timestamp column as ``YYYY-MM-DD HH:MM:SS`` Jakarta time, formatted in SQL."""
    return jakarta_time(dialect, column)


def _day(column: Any) -> Any:
    return cast(column, String)


def _yes_no(column: Any) -> Any:
    return case((column.is_(True), "yes"), else_="no")


def _text(column: Any) -> Any:
    """Free text made formula-safe in SQL: a leading =, +, -, @, tab or CR gets an apostrophe."""
    return case((func.substr(column, 1, 1).in_(FORMULA_STARTS), literal("'") + column), else_=column)


def _ocid(column: Any) -> Any:
    return literal(OCID_PREFIX) + cast(column, String)


BuyerOrg = aliased(Organisation, name="buyer_org")
SupplierOrg = aliased(Organisation, name="supplier_org")
RequestKota = aliased(Kota, name="request_kota")
SupplierKota = aliased(Kota, name="supplier_kota")


def _requests(filters: MetricFilters, dialect: str) -> Select[Any]:
    query = (
        select(
            DemandRequest.id,
            _ocid(DemandRequest.id),
            wib(DemandRequest.published_at, dialect),
            DemandRequest.status,
            DemandRequest.title,
            _text(BuyerOrg.legal_name),
            BuyerOrg.kind,
            Category.slug,
            DemandRequest.quantity,
            _text(DemandRequest.unit),
            DemandRequest.budget_ceiling,
            RequestKota.name,
            _day(DemandRequest.needed_by),
            _day(DemandRequest.quotes_due),
            _yes_no(DemandRequest.umkm_only),
            wib(DemandRequest.closed_at, dialect),
        )
        .join(BuyerOrg, BuyerOrg.id == DemandRequest.buyer_id)
        .outerjoin(Category, Category.id == DemandRequest.category_id)
        .outerjoin(RequestKota, RequestKota.id == DemandRequest.kota_id)
        .where(
            DemandRequest.published_at.is_not(None),
            DemandRequest.status != "draft",
            *in_period(DemandRequest.published_at, filters),
        )
        .order_by(DemandRequest.id)
    )
    if filters.kota_id:
        query = query.where(DemandRequest.kota_id == filters.kota_id)
    if filters.category_id:
        query = query.where(DemandRequest.category_id == filters.category_id)
    return query


def _supplier_scope(query: Select[Any], filters: MetricFilters) -> Select[Any]:
    if filters.kota_id:
        query = query.where(SupplierOrg.kota_id == filters.kota_id)
    if filters.category_id:
        query = query.where(DemandRequest.category_id == filters.category_id)
    return query


def _proposals(filters: MetricFilters, dialect: str) -> Select[Any]:
    query = (
        select(
            Match.id,
            Match.request_id,
            wib(Match.created_at, dialect),
            Category.slug,
            Match.supplier_id,
            _text(SupplierProfile.display_name),
            SupplierProfile.scale,
            SupplierKota.name,
            Match.rank,
            Match.score,
            Match.status,
            wib(Match.reviewed_at, dialect),
            _text(Match.review_reason),
            wib(Match.invited_at, dialect),
            _text(Match.decline_reason),
        )
        .join(DemandRequest, DemandRequest.id == Match.request_id)
        .outerjoin(Category, Category.id == DemandRequest.category_id)
        .join(SupplierProfile, SupplierProfile.id == Match.supplier_id)
        .join(SupplierOrg, SupplierOrg.id == SupplierProfile.organisation_id)
        .outerjoin(SupplierKota, SupplierKota.id == SupplierOrg.kota_id)
        .where(*in_period(Match.created_at, filters))
        .order_by(Match.id)
    )
    return _supplier_scope(query, filters)


def _quotes(filters: MetricFilters, dialect: str) -> Select[Any]:
    query = (
        select(
            Quote.id,
            Quote.match_id,
            Match.request_id,
            wib(Quote.created_at, dialect),
            Category.slug,
            Match.supplier_id,
            _text(SupplierProfile.display_name),
            SupplierProfile.scale,
            SupplierKota.name,
            Quote.unit_price,
            Quote.quantity,
            Quote.unit_price * Quote.quantity,
            _day(Quote.delivery_date),
            Quote.status,
            wib(Quote.updated_at, dialect),
        )
        .join(Match, Match.id == Quote.match_id)
        .join(DemandRequest, DemandRequest.id == Match.request_id)
        .outerjoin(Category, Category.id == DemandRequest.category_id)
        .join(SupplierProfile, SupplierProfile.id == Match.supplier_id)
        .join(SupplierOrg, SupplierOrg.id == SupplierProfile.organisation_id)
        .outerjoin(SupplierKota, SupplierKota.id == SupplierOrg.kota_id)
        .where(*in_period(Quote.created_at, filters))
        .order_by(Quote.id)
    )
    return _supplier_scope(query, filters)


def _awards(filters: MetricFilters, dialect: str) -> Select[Any]:
    query = (
        select(
            Award.id,
            Award.request_id,
            _ocid(Award.request_id),
            wib(Award.awarded_at, dialect),
            DemandRequest.title,
            _text(BuyerOrg.legal_name),
            BuyerOrg.kind,
            Category.slug,
            _text(SupplierOrg.legal_name),
            SupplierProfile.scale,
            SupplierKota.name,
            Award.quantity,
            _text(DemandRequest.unit),
            Award.unit_price,
            Award.total_value,
        )
        .join(DemandRequest, DemandRequest.id == Award.request_id)
        .join(BuyerOrg, BuyerOrg.id == DemandRequest.buyer_id)
        .outerjoin(Category, Category.id == DemandRequest.category_id)
        .join(SupplierProfile, SupplierProfile.id == Award.supplier_id)
        .join(SupplierOrg, SupplierOrg.id == SupplierProfile.organisation_id)
        .outerjoin(SupplierKota, SupplierKota.id == SupplierOrg.kota_id)
        .where(*in_period(Award.awarded_at, filters))
        .order_by(Award.id)
    )
    return _supplier_scope(query, filters)


EXPORTS: dict[str, Export] = {
    "requests": Export(
        "requests",
        True,
        (
            "request_id",
            "ocid",
            "published_at_wib",
            "status",
            "title",
            "buyer",
            "buyer_kind",
            "category",
            "quantity",
            "unit",
            "budget_ceiling_idr",
            "delivery_kota",
            "needed_by",
            "quotes_due",
            "umkm_only",
            "closed_at_wib",
        ),
        _requests,
        public_text=(4,),
    ),
    "awards": Export(
        "awards",
        True,
        (
            "award_id",
            "request_id",
            "ocid",
            "awarded_at_wib",
            "request_title",
            "buyer",
            "buyer_kind",
            "category",
            "supplier",
            "supplier_scale",
            "supplier_kota",
            "quantity",
            "unit",
            "unit_price_idr",
            "total_value_idr",
        ),
        _awards,
        public_text=(4,),
    ),
    "proposals": Export(
        "proposals",
        False,
        (
            "proposal_id",
            "request_id",
            "proposed_at_wib",
            "category",
            "supplier_id",
            "supplier",
            "supplier_scale",
            "supplier_kota",
            "rank",
            "score",
            "status",
            "reviewed_at_wib",
            "review_reason",
            "invited_at_wib",
            "decline_reason",
        ),
        _proposals,
    ),
    "quotes": Export(
        "quotes",
        False,
        (
            "quote_id",
            "proposal_id",
            "request_id",
            "submitted_at_wib",
            "category",
            "supplier_id",
            "supplier",
            "supplier_scale",
            "supplier_kota",
            "unit_price_idr",
            "quantity",
            "total_price_idr",
            "delivery_date",
            "status",
            "updated_at_wib",
        ),
        _quotes,
    ),
}


def export_rows(session: Session, export: Export, filters: MetricFilters) -> PlainRows:
    """The rows of one export, ready for the CSV writer, read lazily in batches.

    The rows are read on a connection of their own, opened on the first row and closed after
    the last (or when the download is abandoned), so a long download does not depend on the
    request's session, which is closed when the view returns.
    """
    engine = session.get_bind()
    statement = export.query(filters, engine.dialect.name)
    public = export.public_text

    def rows() -> Iterator[Sequence[Any]]:
        if not isinstance(engine, Engine):  # a session bound to one connection: not supported
            raise TypeError("exports need a session bound to an engine")
        with engine.connect() as connection:
            result = connection.execution_options(yield_per=CHUNK).execute(statement)
            for partition in result.partitions():
                if not public:
                    yield from partition
                    continue
                for row in partition:
                    values = list(row)
                    for index in public:
                        values[index] = _safe(public_text(values[index]))
                    yield values

    return PlainRows(rows())


def chart_csv_response(chart: str) -> Response:
    """The numbers behind one programme chart, for the request's filters, as a CSV file."""
    filters = programme_views.parse_filters(request.args)
    if chart == "payments":
        figures = deal_metrics.deal_figures(db.session, filters, today())
        return csv_response(
            f"pasarpadu-payments-{today().isoformat()}.csv",
            *programme_views.payments_table(figures, current_language()),
        )
    if chart not in metrics_service.CHARTS:
        abort(404)
    metrics = metrics_service.programme_metrics(db.session, filters, current_language(), charts=[chart])
    table = programme_views.chart_table(metrics, chart)
    assert table is not None
    return csv_response(f"pasarpadu-{chart}-{today().isoformat()}.csv", *table)
