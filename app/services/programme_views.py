"""What the dashboard and the transparency page show: filters, chart tables, recent awards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.services.award_breakdowns import Group
from app.services.deal_metrics import DealFigures
from app.services.metric_filters import EARLIEST, LATEST, MetricFilters, award_conditions
from app.services.metrics import ProgrammeMetrics
from models import Award, Category, DemandRequest, Kota, Organisation, SupplierProfile
from models.reference_data import BUSINESS_SCALE_LABELS, ORGANISATION_KIND_LABELS


def chart_table(metrics: ProgrammeMetrics, chart: str) -> tuple[list[str], list[list[Any]]] | None:
    """The numbers behind one chart as a header and rows (for the tables and CSV files)."""
    value, awards = str(_l("Value awarded (Rp)")), str(_l("Number of awards"))
    tables: dict[str, tuple[list[str], list[Group]]] = {
        "funnel": ([str(_l("Stage")), str(_l("Distinct UMKM"))], metrics.funnel),
        "month": ([str(_l("Month")), value, awards], metrics.by_month),
        "kota": ([str(_l("Kota")), value, awards], metrics.by_kota),
        "category": ([str(_l("Category")), value, awards], metrics.by_category),
        "scale": ([str(_l("Business scale")), value, awards], metrics.by_scale),
    }
    if chart == "concentration":
        rows: list[list[Any]] = []
        for label, c in (
            (str(_l("Proposals")), metrics.proposals),
            (str(_l("Awarded value")), metrics.award_values),
        ):
            rows.append([label, c.gini, c.top10_share, c.suppliers, c.reached, c.total])
        return [
            str(_l("Measure")),
            "Gini",
            str(_l("Top-10 share")),
            str(_l("Suppliers")),
            str(_l("Suppliers reached")),
            str(_l("Total")),
        ], rows
    if chart not in tables:
        return None
    header, groups = tables[chart]
    if chart == "funnel":
        return header, [[g.label, g.value] for g in groups]
    if chart == "month":
        return header, [[g.key, g.value, g.count] for g in groups]
    return header, [[g.label, g.value, g.count] for g in groups]


def payments_table(figures: DealFigures, locale: str) -> tuple[list[str], list[list[Any]]]:
    """On-time payment by buyer agency as a header and rows (the table and its CSV file)."""
    header = [
        str(_l("Buyer")),
        str(_l("Kind of buyer")),
        str(_l("Invoices due")),
        str(_l("Paid on time")),
        str(_l("Paid late")),
        str(_l("Share paid on time")),
        str(_l("Overdue invoices")),
        str(_l("Overdue amount (Rp)")),
    ]
    which = 1 if locale == "en" else 0
    rows = [
        [
            b.buyer,
            ORGANISATION_KIND_LABELS.get(b.kind, (b.kind, b.kind))[which],
            b.invoices_due,
            b.paid_on_time,
            b.paid_late,
            round(b.on_time_share, 4) if b.on_time_share is not None else "",
            b.overdue_invoices,
            b.overdue_value,
        ]
        for b in figures.by_buyer
    ]
    return header, rows


def parse_filters(args: Any) -> MetricFilters:
    """Filters from query-string arguments (``from``, ``to``, ``kota``, ``category``).

    Unparseable values are ignored; a period given backwards is put the right way round.
    """

    def day(name: str) -> date | None:
        try:
            found = date.fromisoformat(args.get(name, "") or "")
        except ValueError:
            return None
        return found if EARLIEST <= found <= LATEST else None

    def number(name: str) -> int | None:
        value = args.get(name, "") or ""
        return int(value) if value.isdigit() and 0 < int(value) < 2**31 else None

    start, end = day("from"), day("to")
    if start and end and start > end:
        start, end = end, start
    return MetricFilters(start=start, end=end, kota_id=number("kota"), category_id=number("category"))


@dataclass(frozen=True)
class PublicAward:
    """An award as the public may see it: organisations, category, value and date."""

    awarded_at: datetime
    buyer: str
    supplier: str
    scale: str
    category: str
    value: int


def recent_awards(
    session: Session, filters: MetricFilters, locale: str, limit: int = 10
) -> list[PublicAward]:
    """The latest awards under the filters (buyer and winning supplier are public facts)."""
    buyer, supplier = aliased(Organisation), aliased(Organisation)
    name = Category.name_en if locale == "en" else Category.name_id
    rows = session.execute(
        select(
            Award.awarded_at,
            buyer.legal_name,
            supplier.legal_name,
            SupplierProfile.scale,
            name,
            Award.total_value,
        )
        .join(DemandRequest, DemandRequest.id == Award.request_id)
        .join(buyer, buyer.id == DemandRequest.buyer_id)
        .join(SupplierProfile, SupplierProfile.id == Award.supplier_id)
        .join(supplier, supplier.id == SupplierProfile.organisation_id)
        .outerjoin(Category, Category.id == DemandRequest.category_id)
        .where(*award_conditions(filters))
        .order_by(Award.awarded_at.desc(), Award.id.desc())
        .limit(limit)
    )
    which = 1 if locale == "en" else 0
    return [
        PublicAward(
            at, b, s, BUSINESS_SCALE_LABELS.get(scale, (scale, scale))[which], category or "–", int(value)
        )
        for at, b, s, scale, category, value in rows
    ]


def filter_choices(session: Session) -> dict[str, list[Any]]:
    """The kota and categories the filter form offers."""
    return {
        "kota_list": list(session.scalars(select(Kota).order_by(Kota.code))),
        "categories": list(session.scalars(select(Category).order_by(Category.position))),
    }
