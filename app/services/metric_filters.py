"""The filters every programme figure takes, and the SQL conditions they become.

Filters (all optional):

- period ``start``..``end`` (Jakarta dates, both inclusive): each event counts on its own date —
  a proposal on the day it was made, an invitation when it was sent, a quote when it was
  submitted, an award when it was made; "listed" and "verified" count UMKM as of the period end;
- ``kota_id``: the kota where the *supplier* is based (the UMKM reached);
- ``category_id``: the category of the *request* (for listed/verified: of an active listing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, select

from app.services.periods import in_period, midnight_utc
from models import Award, DemandRequest, Organisation, SupplierProfile

EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)  # dates outside are typing mistakes


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


def _suppliers_in_kota(kota_id: int) -> Select[int]:
    return (
        select(SupplierProfile.id)
        .join(Organisation, Organisation.id == SupplierProfile.organisation_id)
        .where(Organisation.kota_id == kota_id)
    )


def _requests_in_category(category_id: int) -> Select[int]:
    return select(DemandRequest.id).where(DemandRequest.category_id == category_id)


def scope_conditions(
    supplier_column: Any, request_column: Any, filters: MetricFilters
) -> list[ColumnElement[bool]]:
    """Conditions for the filters' supplier kota and request category on two id columns."""
    conditions: list[ColumnElement[bool]] = []
    if filters.kota_id:
        conditions.append(supplier_column.in_(_suppliers_in_kota(filters.kota_id)))
    if filters.category_id:
        conditions.append(request_column.in_(_requests_in_category(filters.category_id)))
    return conditions


def award_conditions(filters: MetricFilters) -> list[ColumnElement[bool]]:
    """The conditions that select the awards within the filters."""
    return in_period(Award.awarded_at, filters) + scope_conditions(
        Award.supplier_id, Award.request_id, filters
    )
