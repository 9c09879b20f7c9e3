"""The open-data exports: which tables may be downloaded, by whom, and the query behind each.

Each query formats its columns in SQL (times in WIB, dates, yes/no, formula-safe free text), so
the rows go to the CSV writer (``app.opendata.csv_files``) as they come from the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Select, String, case, cast, func, literal, select
from sqlalchemy.orm import Session, aliased

from app.opendata.csv_files import CHUNK, FORMULA_STARTS, PlainRows, formula_safe
from app.services.metric_filters import MetricFilters
from app.services.ocds import OCID_PREFIX, public_text
from app.services.periods import in_period, jakarta_time
from app.services.supplier_joins import join_supplier
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


def _supplier_side(
    query: Select[Any], supplier_id: Any, request_id: Any, filters: MetricFilters
) -> Select[Any]:
    """``query`` joined to the request (with its category) and the supplier (with its kota).

    The kota filter is the supplier's, the category filter the request's.
    """
    query = query.join(DemandRequest, DemandRequest.id == request_id).outerjoin(
        Category, Category.id == DemandRequest.category_id
    )
    query = join_supplier(query, supplier_id, SupplierOrg, SupplierKota)
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
        .where(*in_period(Match.created_at, filters))
        .order_by(Match.id)
    )
    return _supplier_side(query, Match.supplier_id, Match.request_id, filters)


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
        .where(*in_period(Quote.created_at, filters))
        .order_by(Quote.id)
    )
    return _supplier_side(query, Match.supplier_id, Match.request_id, filters)


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
        .where(*in_period(Award.awarded_at, filters))
        .order_by(Award.id)
    )
    query = _supplier_side(query, Award.supplier_id, Award.request_id, filters)
    return query.join(BuyerOrg, BuyerOrg.id == DemandRequest.buyer_id)


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
                        values[index] = formula_safe(public_text(values[index]))
                    yield values

    return PlainRows(rows())
