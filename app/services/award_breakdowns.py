"""Where the awarded money went, and how long the awards took.

The value is broken down by month, supplier kota, business scale and request category; each
breakdown is one aggregate query over the awards within the filters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from app.services.metric_filters import MetricFilters, award_conditions
from app.services.periods import days_between, dialect_of, jakarta_month
from models import Award, Category, DemandRequest, Kota, Organisation, SupplierProfile
from models.reference_data import BUSINESS_SCALE_LABELS, BUSINESS_SCALES

MAX_MONTHS = 120


@dataclass(frozen=True)
class Group:
    """One bar or slice of a chart: a key, a label, an amount and how many awards made it."""

    key: str
    label: str
    value: int
    count: int = 0


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months: list[str] = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def value_by_month(session: Session, filters: MetricFilters) -> list[Group]:
    """Awarded value per Jakarta month, every month of the span (zeros included; the last 120)."""
    month = jakarta_month(dialect_of(session), Award.awarded_at).label("month")
    rows = {
        m: (int(v or 0), int(n))
        for m, v, n in session.execute(
            select(month, func.sum(Award.total_value), func.count())
            .where(*award_conditions(filters))
            .group_by(month)
            .order_by(month)
        )
    }
    if not rows and not (filters.start and filters.end):
        return []
    first = filters.start.strftime("%Y-%m") if filters.start else min(rows)
    last = filters.end.strftime("%Y-%m") if filters.end else max(rows)
    return [Group(m, month_label(m), *rows.get(m, (0, 0))) for m in _months(first, last)[-MAX_MONTHS:]]


def month_label(key: str) -> str:
    """``2026-11`` as the reader says it: ``November 2026``."""
    return str(format_date(date(int(key[:4]), int(key[5:7]), 1), "MMMM yyyy"))


def value_by_scale_and_kota(
    session: Session, filters: MetricFilters, locale: str
) -> tuple[list[Group], list[Group]]:
    """Awarded value per business scale (all three) and per supplier kota (largest first).

    One query: awards are summed per supplier first, then the per-supplier sums are grouped by
    (scale, kota) in SQL — at most 3 × 6 groups, which are rolled up into the two breakdowns.
    """
    per_supplier = (
        select(
            Award.supplier_id.label("supplier_id"),
            func.sum(Award.total_value).label("value"),
            func.count().label("n"),
        )
        .where(*award_conditions(filters))
        .group_by(Award.supplier_id)
        .subquery()
    )
    rows = session.execute(
        select(
            SupplierProfile.scale,
            Kota.code,
            Kota.name,
            func.sum(per_supplier.c.value),
            func.sum(per_supplier.c.n),
        )
        .select_from(per_supplier)
        .join(SupplierProfile, SupplierProfile.id == per_supplier.c.supplier_id)
        .join(Organisation, Organisation.id == SupplierProfile.organisation_id)
        .outerjoin(Kota, Kota.id == Organisation.kota_id)
        .group_by(SupplierProfile.scale, Kota.code, Kota.name)
    ).all()
    scales: dict[str, list[int]] = {scale: [0, 0] for scale in BUSINESS_SCALES}
    places: dict[tuple[str, str], list[int]] = {}
    for scale, code, name, value, n in rows:
        for bucket in (
            scales.setdefault(scale, [0, 0]),
            places.setdefault((code or "", name or str(_l("Unknown"))), [0, 0]),
        ):
            bucket[0] += int(value or 0)
            bucket[1] += int(n or 0)
    which = 1 if locale == "en" else 0
    by_scale = [
        Group(scale, BUSINESS_SCALE_LABELS.get(scale, (scale, scale))[which], *totals)
        for scale, totals in scales.items()
    ]
    by_kota = sorted(
        (Group(code, name, *totals) for (code, name), totals in places.items()),
        key=lambda g: (-g.value, g.label),
    )
    return by_scale, by_kota


def value_by_category(session: Session, filters: MetricFilters, locale: str) -> list[Group]:
    """Awarded value per request category, largest first."""
    name = Category.name_en if locale == "en" else Category.name_id
    rows = session.execute(
        select(Category.slug, name, func.sum(Award.total_value), func.count())
        .select_from(Award)
        .join(DemandRequest, DemandRequest.id == Award.request_id)
        .outerjoin(Category, Category.id == DemandRequest.category_id)
        .where(*award_conditions(filters))
        .group_by(Category.slug, name)
    )
    groups = [
        Group(slug or "", label or str(_l("No category")), int(v or 0), int(n)) for slug, label, v, n in rows
    ]
    return sorted(groups, key=lambda g: (-g.value, g.label))


def median_days_to_award(session: Session, filters: MetricFilters) -> tuple[float | None, int]:
    """Median days from a request's publication (or creation) to its first award, and how many.

    SQL computes each awarded request's duration and counts requests per whole hour of
    duration (GROUP BY); the median is read off that histogram — at most a few thousand
    (hours, requests) pairs, exact to the hour — on SQLite (which has no ``percentile_cont``)
    and PostgreSQL alike, with no sort of the individual durations.
    """
    first_award = (
        select(Award.request_id.label("request_id"), func.min(Award.awarded_at).label("first"))
        .where(*award_conditions(filters))
        .group_by(Award.request_id)
        .subquery()
    )
    started = func.coalesce(DemandRequest.published_at, DemandRequest.created_at)
    hours = cast(func.round(days_between(dialect_of(session), first_award.c.first, started) * 24), Integer)
    histogram = session.execute(
        select(hours.label("hours"), func.count())
        .select_from(first_award)
        .join(DemandRequest, DemandRequest.id == first_award.c.request_id)
        .group_by(hours)
        .order_by(hours)
    ).all()
    n = sum(int(count) for _hours, count in histogram)
    if n == 0:
        return None, 0
    wanted, found, seen = [(n + 1) // 2, (n + 2) // 2], [], 0
    for value, count in histogram:
        seen += int(count)
        while wanted and wanted[0] <= seen:
            found.append(int(value))
            wanted.pop(0)
    return round(sum(found) / len(found) / 24, 1), n
