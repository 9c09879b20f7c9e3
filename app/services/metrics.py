"""Programme metrics: which UMKM were reached, with how much money, and how evenly.

Every figure is one aggregate query (GROUP BY, COUNT DISTINCT, SUM) over the filtered rows;
Python only ever sees per-supplier or per-group totals, never the proposals themselves.

Filters (all optional):

- period ``start``..``end`` (Jakarta dates, both inclusive): each event counts on its own date —
  a proposal on the day it was made, an invitation when it was sent, a quote when it was
  submitted, an award when it was made; "listed" and "verified" count UMKM as of the period end;
- ``kota_id``: the kota where the *supplier* is based (the UMKM reached);
- ``category_id``: the category of the *request* (for listed/verified: of an active listing).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, Integer, Select, cast, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from app.services.periods import days_between, dialect_of, in_period, jakarta_month, midnight_utc
from app.services.visibility import listing_visible
from matching.exposure import gini, top_share
from models import (
    Award,
    Category,
    DemandRequest,
    Kota,
    Listing,
    Match,
    Organisation,
    Quote,
    SupplierProfile,
)
from models.reference_data import BUSINESS_SCALE_LABELS, BUSINESS_SCALES

MAX_MONTHS = 120
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)  # dates outside are typing mistakes
CHARTS = ("funnel", "month", "kota", "category", "scale", "concentration")
SMALL_SCALES = ("micro", "small")
STAGES: tuple[tuple[str, Any], ...] = (
    ("listed", _l("UMKM listed")),
    ("verified", _l("Verified")),
    ("proposed", _l("Proposed")),
    ("invited", _l("Invited")),
    ("quoted", _l("Quoted")),
    ("awarded", _l("Awarded")),
)


@dataclass(frozen=True)
class MetricFilters:
    """Period (Jakarta dates, inclusive), supplier kota and request category; None = all."""

    start: date | None = None
    end: date | None = None
    kota_id: int | None = None
    category_id: int | None = None

    @property
    def since(self) -> datetime | None:
        """The first moment of the period, in UTC."""
        return midnight_utc(self.start) if self.start else None

    @property
    def before(self) -> datetime | None:
        """The first moment after the period, in UTC."""
        return midnight_utc(self.end + timedelta(days=1)) if self.end else None

    def as_args(self) -> dict[str, str]:
        """The filters as query-string arguments (for links to CSV files and exports)."""
        args = {
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
            "kota": str(self.kota_id) if self.kota_id else None,
            "category": str(self.category_id) if self.category_id else None,
        }
        return {key: value for key, value in args.items() if value}


@dataclass(frozen=True)
class Group:
    """One bar or slice of a chart: a key, a label, an amount and how many awards made it."""

    key: str
    label: str
    value: int
    count: int = 0


@dataclass(frozen=True)
class Concentration:
    """How evenly something was spread across suppliers (Gini 0 = even, towards 1 = captured)."""

    gini: float
    top10_share: float
    suppliers: int
    reached: int
    total: int


@dataclass
class ProgrammeMetrics:
    """Everything the dashboard and the transparency page show, for one set of filters."""

    filters: MetricFilters
    funnel: list[Group] = field(default_factory=list)
    total_value: int = 0
    awards: int = 0
    requests_awarded: int = 0
    by_month: list[Group] = field(default_factory=list)
    by_kota: list[Group] = field(default_factory=list)
    by_category: list[Group] = field(default_factory=list)
    by_scale: list[Group] = field(default_factory=list)
    micro_small_value: int = 0
    proposals: Concentration = Concentration(0.0, 0.0, 0, 0, 0)
    award_values: Concentration = Concentration(0.0, 0.0, 0, 0, 0)
    median_days_to_award: float | None = None

    @property
    def micro_small_share(self) -> float | None:
        """Share of the awarded value that went to micro and small enterprises."""
        return self.micro_small_value / self.total_value if self.total_value else None

    def stage(self, key: str) -> int:
        """The number of distinct UMKM at one funnel stage."""
        return next((g.value for g in self.funnel if g.key == key), 0)


# --- building blocks -------------------------------------------------------------------------


def _suppliers_in_kota(kota_id: int) -> Select[int]:
    return (
        select(SupplierProfile.id)
        .join(Organisation, Organisation.id == SupplierProfile.organisation_id)
        .where(Organisation.kota_id == kota_id)
    )


def _requests_in_category(category_id: int) -> Select[int]:
    return select(DemandRequest.id).where(DemandRequest.category_id == category_id)


def _scoped(supplier_column: Any, request_column: Any, filters: MetricFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.kota_id:
        conditions.append(supplier_column.in_(_suppliers_in_kota(filters.kota_id)))
    if filters.category_id:
        conditions.append(request_column.in_(_requests_in_category(filters.category_id)))
    return conditions


def award_conditions(filters: MetricFilters) -> list[ColumnElement[bool]]:
    return in_period(Award.awarded_at, filters) + _scoped(Award.supplier_id, Award.request_id, filters)


# --- the figures -----------------------------------------------------------------------------


def _umkm_listed(filters: MetricFilters) -> Select[int]:
    """Active UMKM with at least one active listing (in the category) by the period's end."""
    listing = [Listing.supplier_id == SupplierProfile.id, listing_visible()]
    if filters.category_id:
        listing.append(Listing.category_id == filters.category_id)
    if filters.before is not None:
        listing.append(or_(Listing.published_at.is_(None), Listing.published_at < filters.before))
    query = (
        select(SupplierProfile.id)
        .join(Organisation, Organisation.id == SupplierProfile.organisation_id)
        .where(Organisation.kind == "umkm", SupplierProfile.active.is_(True), exists().where(*listing))
    )
    if filters.kota_id:
        query = query.where(Organisation.kota_id == filters.kota_id)
    if filters.before is not None:
        query = query.where(SupplierProfile.created_at < filters.before)
    return query


def _verified(query: Select[int], filters: MetricFilters) -> Select[int]:
    query = query.where(SupplierProfile.verified.is_(True))
    if filters.before is not None:
        query = query.where(
            or_(SupplierProfile.verified_at.is_(None), SupplierProfile.verified_at < filters.before)
        )
    return query


def _count(session: Session, query: Select[Any]) -> int:
    return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def proposals_per_supplier(session: Session, filters: MetricFilters) -> dict[int, int]:
    """How many proposals each supplier received in the filtered period (one row per supplier)."""
    conditions = in_period(Match.created_at, filters) + _scoped(Match.supplier_id, Match.request_id, filters)
    rows = session.execute(
        select(Match.supplier_id, func.count()).where(*conditions).group_by(Match.supplier_id)
    )
    return {int(supplier_id): int(count) for supplier_id, count in rows}


def awards_per_supplier(session: Session, filters: MetricFilters) -> dict[int, tuple[int, int]]:
    """Awarded value and number of awards per supplier: ``{supplier id: (value, awards)}``."""
    rows = session.execute(
        select(Award.supplier_id, func.sum(Award.total_value), func.count())
        .where(*award_conditions(filters))
        .group_by(Award.supplier_id)
    )
    return {int(s): (int(value or 0), int(n)) for s, value, n in rows}


def _invited(session: Session, filters: MetricFilters) -> int:
    conditions = [
        Match.invited_at.is_not(None),
        *in_period(Match.invited_at, filters),
        *_scoped(Match.supplier_id, Match.request_id, filters),
    ]
    return int(session.scalar(select(func.count(distinct(Match.supplier_id))).where(*conditions)) or 0)


def _quoted(session: Session, filters: MetricFilters) -> int:
    conditions = [
        Quote.status != "withdrawn",
        *in_period(Quote.created_at, filters),
        *_scoped(Match.supplier_id, Match.request_id, filters),
    ]
    query = (
        select(func.count(distinct(Match.supplier_id)))
        .select_from(Quote)
        .join(Match, Match.id == Quote.match_id)
        .where(*conditions)
        # SQLite would read each wide proposal row; the narrow (id, supplier_id) index does.
        .with_hint(Match, "INDEXED BY ix_matches_id_supplier_id", "sqlite")
    )
    return int(session.scalar(query) or 0)


def concentration(amounts: dict[int, int], population: set[int] | None = None) -> Concentration:
    """Gini and top-10 share of per-supplier amounts; ``population`` adds zeros for the rest."""
    values = dict.fromkeys(population or (), 0)
    values.update(amounts)
    numbers = list(values.values())
    return Concentration(
        gini=round(gini(numbers), 4),
        top10_share=round(top_share(numbers, 10), 4),
        suppliers=len(numbers),
        reached=sum(1 for v in numbers if v > 0),
        total=int(sum(numbers)),
    )


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


def programme_metrics(
    session: Session, filters: MetricFilters, locale: str = "id", charts: Collection[str] = CHARTS
) -> ProgrammeMetrics:
    """The programme figures for the filters, each from aggregate queries.

    ``charts`` limits the work to what those charts need (a chart's CSV file needs only its
    own numbers); the headline figures come with the funnel.
    """
    metrics = ProgrammeMetrics(filters=filters)
    wanted = set(charts)
    if wanted & {"funnel", "concentration"}:
        listed_query = _umkm_listed(filters)
        verified_ids = set(session.scalars(_verified(listed_query, filters)).all())
        proposed = proposals_per_supplier(session, filters)
        awarded = awards_per_supplier(session, filters)
        values = {supplier: value for supplier, (value, _n) in awarded.items()}
        metrics.proposals = concentration(proposed, verified_ids)
        metrics.award_values = concentration(values)
        metrics.total_value = sum(values.values())
        metrics.awards = sum(n for _v, n in awarded.values())
        if "funnel" in wanted:
            counts = {
                "listed": _count(session, listed_query),
                "verified": len(verified_ids),
                "proposed": len(proposed),
                "invited": _invited(session, filters),
                "quoted": _quoted(session, filters),
                "awarded": len(awarded),
            }
            metrics.funnel = [Group(key, str(label), counts[key]) for key, label in STAGES]
            metrics.median_days_to_award, metrics.requests_awarded = median_days_to_award(session, filters)
    if wanted & {"scale", "kota"}:
        metrics.by_scale, metrics.by_kota = value_by_scale_and_kota(session, filters, locale)
        metrics.micro_small_value = sum(g.value for g in metrics.by_scale if g.key in SMALL_SCALES)
    if "month" in wanted:
        metrics.by_month = value_by_month(session, filters)
    if "category" in wanted:
        metrics.by_category = value_by_category(session, filters, locale)
    return metrics
