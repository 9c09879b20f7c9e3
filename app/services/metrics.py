"""Programme metrics: which UMKM were reached, with how much money, and how evenly.

Every figure is one aggregate query (GROUP BY, COUNT DISTINCT, SUM) over the filtered rows;
Python only ever sees per-supplier or per-group totals, never the proposals themselves. The
filters are ``metric_filters.MetricFilters``; the breakdowns of the awarded value are in
``award_breakdowns``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from app.services.award_breakdowns import (
    Group,
    median_days_to_award,
    value_by_category,
    value_by_month,
    value_by_scale_and_kota,
)
from app.services.metric_filters import MetricFilters, award_conditions, scope_conditions
from app.services.periods import in_period
from app.services.visibility import listing_visible
from matching.exposure import gini, top_share
from models import Award, Listing, Match, Organisation, Quote, SupplierProfile

# MetricFilters, Group and median_days_to_award are public here too: callers import them from here.
__all__ = [
    "CHARTS",
    "Concentration",
    "Group",
    "MetricFilters",
    "ProgrammeMetrics",
    "awards_per_supplier",
    "concentration",
    "median_days_to_award",
    "programme_metrics",
    "proposals_per_supplier",
]

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
    conditions = in_period(Match.created_at, filters) + scope_conditions(
        Match.supplier_id, Match.request_id, filters
    )
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
        *scope_conditions(Match.supplier_id, Match.request_id, filters),
    ]
    return int(session.scalar(select(func.count(distinct(Match.supplier_id))).where(*conditions)) or 0)


def _quoted(session: Session, filters: MetricFilters) -> int:
    conditions = [
        Quote.status != "withdrawn",
        *in_period(Quote.created_at, filters),
        *scope_conditions(Match.supplier_id, Match.request_id, filters),
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
