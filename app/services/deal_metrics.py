"""Programme figures after the award: value delivered to and paid to UMKM, on-time payment by
buyer agency, and overdue invoices.

Same filters and rules as ``metrics``: each event counts on its own date — a delivery on the
day the buyer signed its receipt (BAST), a payment on the day it was paid, an invoice's
punctuality on its due date; kota is where the *supplier* is based; category is the request's
(orders from an award) or the listing's (direct purchases). Every figure is a grouped SQL
query that runs on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, CompoundSelect, case, distinct, func, or_, select
from sqlalchemy.orm import Session

from app.services.metrics import MetricFilters
from app.services.periods import on_days
from models import (
    Award,
    Delivery,
    DeliveryLine,
    DemandRequest,
    Invoice,
    Listing,
    Order,
    OrderLine,
    Organisation,
    Payment,
    Receipt,
    SupplierProfile,
)


@dataclass(frozen=True)
class BuyerPayments:
    """How one buyer organisation pays its UMKM suppliers."""

    buyer_id: int
    buyer: str
    kind: str
    invoices_due: int
    paid_on_time: int
    paid_late: int
    overdue_invoices: int
    overdue_value: int

    @property
    def on_time_share(self) -> float | None:
        """Share of the invoices due that were paid by their due date."""
        return self.paid_on_time / self.invoices_due if self.invoices_due else None


@dataclass
class DealFigures:
    """The after-award figures for one set of filters."""

    delivered_value: int = 0
    delivered_orders: int = 0
    paid_value: int = 0
    paid_invoices: int = 0
    invoices_due: int = 0
    paid_on_time: int = 0
    overdue_value: int = 0
    overdue_invoices: int = 0
    oldest_overdue_days: int | None = None
    by_buyer: list[BuyerPayments] = field(default_factory=list)

    @property
    def on_time_share(self) -> float | None:
        """Share of all invoices due that were paid by their due date."""
        return self.paid_on_time / self.invoices_due if self.invoices_due else None


def _orders_in_category(category_id: int) -> CompoundSelect[int]:
    """Orders of the category: by the awarded request's category, or a listed item's."""
    from_awards = (
        select(Order.id)
        .join(Award, Award.id == Order.award_id)
        .join(DemandRequest, DemandRequest.id == Award.request_id)
        .where(DemandRequest.category_id == category_id)
    )
    from_listings = (
        select(OrderLine.order_id)
        .join(Listing, Listing.id == OrderLine.listing_id)
        .where(Listing.category_id == category_id)
    )
    return from_awards.union(from_listings)


def order_scope(filters: MetricFilters) -> list[ColumnElement[bool]]:
    """Orders from UMKM suppliers (in the kota) and of the category, as SQL conditions."""
    suppliers = (
        select(SupplierProfile.id)
        .join(Organisation, Organisation.id == SupplierProfile.organisation_id)
        .where(Organisation.kind == "umkm")
    )
    if filters.kota_id:
        suppliers = suppliers.where(Organisation.kota_id == filters.kota_id)
    conditions: list[ColumnElement[bool]] = [Order.supplier_id.in_(suppliers)]
    if filters.category_id:
        conditions.append(Order.id.in_(_orders_in_category(filters.category_id)))
    return conditions


def delivered(session: Session, filters: MetricFilters) -> tuple[int, int]:
    """Value of the goods UMKM handed over (received quantities × unit price) and in how many
    orders, by the date on the receipt."""
    value = func.sum(DeliveryLine.quantity_received * OrderLine.unit_price)
    row = session.execute(
        select(value, func.count(distinct(Order.id)))
        .select_from(DeliveryLine)
        .join(Delivery, Delivery.id == DeliveryLine.delivery_id)
        .join(Receipt, Receipt.delivery_id == Delivery.id)
        .join(OrderLine, OrderLine.id == DeliveryLine.order_line_id)
        .join(Order, Order.id == Delivery.order_id)
        .where(
            Delivery.status == "received",
            DeliveryLine.quantity_received.is_not(None),
            *on_days(Receipt.received_on, filters),
            *order_scope(filters),
        )
    ).one()
    return int(row[0] or 0), int(row[1] or 0)


def paid(session: Session, filters: MetricFilters) -> tuple[int, int]:
    """Money paid to UMKM and on how many invoices, by the payment date."""
    row = session.execute(
        select(func.sum(Payment.amount), func.count(distinct(Payment.invoice_id)))
        .join(Invoice, Invoice.id == Payment.invoice_id)
        .join(Order, Order.id == Invoice.order_id)
        .where(*on_days(Payment.paid_on, filters), *order_scope(filters))
    ).one()
    return int(row[0] or 0), int(row[1] or 0)


def payments_by_buyer(session: Session, filters: MetricFilters, today: date) -> list[BuyerPayments]:
    """Per buyer organisation: invoices fallen due in the period (paid, or unpaid past their
    due date), how many were paid by the due date, and what is overdue now; worst first."""
    settled = (
        select(
            Payment.invoice_id.label("invoice_id"),
            func.max(Payment.paid_on).label("last_paid"),
            func.sum(Payment.amount).label("amount"),
        )
        .group_by(Payment.invoice_id)
        .subquery()
    )
    is_paid = Invoice.status == "paid"
    overdue = (Invoice.status == "issued") & (Invoice.due_on < today)
    outstanding = Invoice.amount - func.coalesce(settled.c.amount, 0)
    rows = session.execute(
        select(
            Organisation.id,
            Organisation.legal_name,
            Organisation.kind,
            func.count(Invoice.id),
            func.sum(case((is_paid & (settled.c.last_paid <= Invoice.due_on), 1), else_=0)),
            func.sum(case((is_paid & (settled.c.last_paid > Invoice.due_on), 1), else_=0)),
            func.sum(case((overdue, 1), else_=0)),
            func.sum(case((overdue, outstanding), else_=0)),
        )
        .select_from(Invoice)
        .join(Order, Order.id == Invoice.order_id)
        .join(Organisation, Organisation.id == Order.buyer_id)
        .outerjoin(settled, settled.c.invoice_id == Invoice.id)
        .where(or_(is_paid, overdue), *on_days(Invoice.due_on, filters), *order_scope(filters))
        .group_by(Organisation.id, Organisation.legal_name, Organisation.kind)
    ).all()
    found = [
        BuyerPayments(
            int(i), name, kind, int(n), int(on_time or 0), int(late or 0), int(late_now or 0), int(value or 0)
        )
        for i, name, kind, n, on_time, late, late_now, value in rows
    ]
    return sorted(
        found,
        key=lambda b: (b.on_time_share if b.on_time_share is not None else 1.0, -b.overdue_value, b.buyer),
    )


def oldest_overdue(session: Session, filters: MetricFilters, today: date) -> date | None:
    """The due date of the oldest invoice still unpaid past it."""
    return session.scalar(
        select(func.min(Invoice.due_on))
        .join(Order, Order.id == Invoice.order_id)
        .where(
            Invoice.status == "issued",
            Invoice.due_on < today,
            *on_days(Invoice.due_on, filters),
            *order_scope(filters),
        )
    )


def deal_figures(session: Session, filters: MetricFilters, today: date) -> DealFigures:
    """Everything the dashboard and the transparency page show after the award."""
    figures = DealFigures()
    figures.delivered_value, figures.delivered_orders = delivered(session, filters)
    figures.paid_value, figures.paid_invoices = paid(session, filters)
    figures.by_buyer = payments_by_buyer(session, filters, today)
    figures.invoices_due = sum(b.invoices_due for b in figures.by_buyer)
    figures.paid_on_time = sum(b.paid_on_time for b in figures.by_buyer)
    figures.overdue_invoices = sum(b.overdue_invoices for b in figures.by_buyer)
    figures.overdue_value = sum(b.overdue_value for b in figures.by_buyer)
    oldest = oldest_overdue(session, filters, today) if figures.overdue_invoices else None
    figures.oldest_overdue_days = (today - oldest).days if oldest else None
    return figures
