"""From award to paid: orders and their lines, deliveries and receipts (BAST), disputes,
invoices, payments and the ratings both sides give each other."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, utcnow
from models.states import (
    DeliveryState,
    DisputeState,
    InvoiceState,
    OrderState,
    allowed,
    values,
)

if TYPE_CHECKING:
    from models.accounts import Organisation, SupplierProfile, User
    from models.catalogue import Listing
    from models.places import Kecamatan
    from models.procurement import Award

ORDER_SOURCES = ("direct", "award")
ORDER_STATUSES = values(OrderState)
DELIVERY_STATUSES = values(DeliveryState)
DISPUTE_STATUSES = values(DisputeState)
DISPUTE_OUTCOMES = ("accept", "reject")
INVOICE_STATUSES = values(InvoiceState)
RATING_DIRECTIONS = ("buyer_to_seller", "seller_to_buyer")


class Order(Base):
    """A purchase order (Surat Pesanan): a direct buy from the catalogue or an award."""

    __tablename__ = "orders"
    __table_args__ = (allowed("status", OrderState),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    source: Mapped[str] = mapped_column(String(8), index=True)
    award_id: Mapped[int | None] = mapped_column(ForeignKey("awards.id"), unique=True)
    buyer_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier_profiles.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    delivery_kecamatan_id: Mapped[int | None] = mapped_column(ForeignKey("kecamatan.id"))
    delivery_address: Mapped[str] = mapped_column(String(300), default="")
    delivery_date: Mapped[date] = mapped_column(Date)
    payment_term_days: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    total_value: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(10), default=OrderState.PENDING.value, index=True)
    respond_by: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decline_reason: Mapped[str] = mapped_column(Text, default="")
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    # Every step on an order locks it and moves its version on (see ``hold``), so two
    # actions on one order never both succeed from the same stale read.
    __mapper_args__ = {"version_id_col": version}

    award: Mapped[Award | None] = relationship()
    buyer: Mapped[Organisation] = relationship()
    supplier: Mapped[SupplierProfile] = relationship()
    created_by: Mapped[User | None] = relationship()
    delivery_kecamatan: Mapped[Kecamatan | None] = relationship()
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.id"
    )
    deliveries: Mapped[list[Delivery]] = relationship(back_populates="order", order_by="Delivery.id")
    invoices: Mapped[list[Invoice]] = relationship(back_populates="order", order_by="Invoice.id")
    disputes: Mapped[list[Dispute]] = relationship(back_populates="order", order_by="Dispute.id")
    ratings: Mapped[list[Rating]] = relationship(back_populates="order", order_by="Rating.id")


class OrderLine(Base):
    """One item of an order: what, how many, at which unit price (whole rupiah)."""

    __tablename__ = "order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    listing_id: Mapped[int | None] = mapped_column(ForeignKey("listings.id"), index=True)
    description: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(32), default="")
    unit_price: Mapped[int] = mapped_column(BigInteger)

    order: Mapped[Order] = relationship(back_populates="lines")
    listing: Mapped[Listing | None] = relationship()

    @property
    def total_price(self) -> int:
        """Unit price times quantity, in rupiah."""
        return self.unit_price * self.quantity


class Delivery(Base):
    """One shipment of (part of) an order; the buyer confirms it (BAST) or raises a problem."""

    __tablename__ = "deliveries"
    __table_args__ = (allowed("status", DeliveryState),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    status: Mapped[str] = mapped_column(String(10), default=DeliveryState.SENT.value, index=True)
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"), index=True)

    order: Mapped[Order] = relationship(back_populates="deliveries")
    lines: Mapped[list[DeliveryLine]] = relationship(
        back_populates="delivery", cascade="all, delete-orphan", order_by="DeliveryLine.id"
    )
    receipt: Mapped[Receipt | None] = relationship(back_populates="delivery", uselist=False)
    invoice: Mapped[Invoice | None] = relationship(back_populates="deliveries")

    @property
    def value_received(self) -> int:
        """What the received quantities are worth, in rupiah."""
        return sum((line.quantity_received or 0) * line.order_line.unit_price for line in self.lines)


class DeliveryLine(Base):
    """How many of one order line a delivery carried, and how many the buyer received."""

    __tablename__ = "delivery_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(ForeignKey("deliveries.id"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), index=True)
    quantity_sent: Mapped[int] = mapped_column(Integer)
    quantity_received: Mapped[int | None] = mapped_column(Integer)

    delivery: Mapped[Delivery] = relationship(back_populates="lines")
    order_line: Mapped[OrderLine] = relationship()


class Receipt(Base):
    """The handover record (Berita Acara Serah Terima, BAST) of one delivery."""

    __tablename__ = "receipts"

    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(ForeignKey("deliveries.id"), unique=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    received_by_name: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    delivery: Mapped[Delivery] = relationship(back_populates="receipt")
    received_by: Mapped[User | None] = relationship()


class Dispute(Base):
    """A problem the buyer raised with a delivery; an official decides if it is not settled."""

    __tablename__ = "disputes"
    __table_args__ = (allowed("status", DisputeState),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    delivery_id: Mapped[int] = mapped_column(ForeignKey("deliveries.id"), index=True)
    raised_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=DisputeState.OPEN.value, index=True)
    raised_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    escalate_after: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    escalated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    settled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    outcome: Mapped[str | None] = mapped_column(String(8))
    decision: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    order: Mapped[Order] = relationship(back_populates="disputes")
    delivery: Mapped[Delivery] = relationship()
    raised_by: Mapped[User | None] = relationship(foreign_keys=[raised_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class Invoice(Base):
    """The seller's bill for received deliveries; due a payment term after receipt."""

    __tablename__ = "invoices"
    __table_args__ = (allowed("status", InvoiceState),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(10), default=InvoiceState.ISSUED.value, index=True)
    paid_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    order: Mapped[Order] = relationship(back_populates="invoices")
    deliveries: Mapped[list[Delivery]] = relationship(back_populates="invoice")
    payments: Mapped[list[Payment]] = relationship(back_populates="invoice", order_by="Payment.id")

    @property
    def amount_paid(self) -> int:
        """What the buyer has paid on this invoice so far, in rupiah."""
        return sum(payment.amount for payment in self.payments)


class Payment(Base):
    """A payment the buyer recorded against an invoice."""

    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    paid_on: Mapped[date] = mapped_column(Date, index=True)
    reference: Mapped[str] = mapped_column(String(100), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    invoice: Mapped[Invoice] = relationship(back_populates="payments")


class Rating(Base):
    """One side's rating of the other for one order (1–5 each), at most once per direction.

    Buyer to seller: quality, timeliness, communication (the seller may reply).
    Seller to buyer: payment, communication.
    """

    __tablename__ = "ratings"
    __table_args__ = (UniqueConstraint("order_id", "direction"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    direction: Mapped[str] = mapped_column(String(16))
    rater_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    rated_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    quality: Mapped[int | None] = mapped_column(Integer)
    timeliness: Mapped[int | None] = mapped_column(Integer)
    communication: Mapped[int] = mapped_column(Integer)
    payment: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    reply: Mapped[str] = mapped_column(Text, default="")
    replied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)

    order: Mapped[Order] = relationship(back_populates="ratings")

    @property
    def average(self) -> float:
        """The mean of the scores given."""
        scores = [
            s for s in (self.quality, self.timeliness, self.communication, self.payment) if s is not None
        ]
        return sum(scores) / len(scores)
