"""Deal rows written straight into the tables (orders, deliveries, receipts, invoices, payments,
ratings), for reporting tests that need a history without walking every step of the flow."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from itertools import count

from sqlalchemy.orm import Session

from models import (
    Delivery,
    DeliveryLine,
    Invoice,
    Order,
    OrderLine,
    Organisation,
    Payment,
    Rating,
    Receipt,
    SupplierProfile,
)

_numbers = count(1)


def moment(day: date, hour: int = 3) -> datetime:
    """``day`` at 10:00 in Jakarta (03:00 UTC) unless told otherwise."""
    return datetime.combine(day, time(hour), tzinfo=UTC)


def order(
    db: Session,
    buyer: Organisation,
    supplier: SupplierProfile,
    *,
    quantity: int = 100,
    unit_price: int = 35_000,
    ordered: date = date(2026, 5, 4),
    delivery_date: date = date(2026, 5, 8),
    status: str = "accepted",
    description: str = "Nasi kotak ayam bakar",
    award_id: int | None = None,
    listing_id: int | None = None,
) -> Order:
    """An order with one line, accepted on the day it was placed unless ``status`` says not."""
    n = next(_numbers)
    row = Order(
        number=f"SP-T-{n:05d}",
        source="award" if award_id else "direct",
        award_id=award_id,
        buyer_id=buyer.id,
        supplier_id=supplier.id,
        delivery_address="Jl. Medan Merdeka Selatan 8-9",
        delivery_date=delivery_date,
        payment_term_days=3,
        total_value=quantity * unit_price,
        status=status,
        created_at=moment(ordered),
        accepted_at=moment(ordered) if status not in ("pending", "declined", "expired") else None,
    )
    row.lines.append(
        OrderLine(
            description=description,
            quantity=quantity,
            unit="kotak",
            unit_price=unit_price,
            listing_id=listing_id,
        )
    )
    db.add(row)
    db.flush()
    return row


def deliver(
    db: Session,
    row: Order,
    received_on: date | None,
    quantity: int | None = None,
    sent_on: date | None = None,
    status: str | None = None,
) -> Delivery:
    """A delivery of ``quantity`` (all by default) of the first line, received on ``received_on``
    (None: still on its way). The order becomes delivered when all of it was received."""
    line = row.lines[0]
    amount = line.quantity if quantity is None else quantity
    delivery = Delivery(
        order=row,
        status=status or ("received" if received_on else "sent"),
        sent_at=moment(sent_on or received_on or row.delivery_date),
    )
    delivery.lines.append(
        DeliveryLine(order_line=line, quantity_sent=amount, quantity_received=amount if received_on else None)
    )
    db.add(delivery)
    if received_on is not None:
        db.add(Receipt(delivery=delivery, received_on=received_on, received_by_name="Petugas Gudang"))
        if amount >= line.quantity:
            row.status, row.delivered_at = "delivered", moment(received_on)
    db.flush()
    return delivery


def invoice(
    db: Session, row: Order, due_on: date, amount: int | None = None, issued_on: date | None = None
) -> Invoice:
    """An issued invoice of the order (the whole value by default)."""
    bill = Invoice(
        order=row,
        number=f"INV-T-{next(_numbers):05d}",
        amount=row.total_value if amount is None else amount,
        issued_at=moment(issued_on or due_on),
        due_on=due_on,
        status="issued",
    )
    db.add(bill)
    db.flush()
    for delivery in row.deliveries:
        delivery.invoice_id = bill.id
    return bill


def pay(db: Session, bill: Invoice, paid_on: date, amount: int | None = None) -> Payment:
    """A payment on the invoice; paid in full, the invoice is paid (and the order completed)."""
    payment = Payment(
        invoice=bill,
        amount=bill.amount if amount is None else amount,
        paid_on=paid_on,
        reference=f"TRF-{next(_numbers)}",
    )
    db.add(payment)
    db.flush()
    if bill.amount_paid >= bill.amount:
        bill.status, bill.paid_at = "paid", moment(paid_on)
        if bill.order.status == "delivered":
            bill.order.status, bill.order.completed_at = "completed", moment(paid_on)
    db.flush()
    return payment


def rate_seller(
    db: Session, row: Order, quality: int, timeliness: int, communication: int, on: date = date(2026, 5, 20)
) -> Rating:
    """The buyer's rating of the seller for this order."""
    rating = Rating(
        order=row,
        direction="buyer_to_seller",
        rater_id=row.buyer_id,
        rated_id=row.supplier.organisation_id,
        quality=quality,
        timeliness=timeliness,
        communication=communication,
        created_at=moment(on),
    )
    db.add(rating)
    db.flush()
    return rating
