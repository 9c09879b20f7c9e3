"""Marshmallow schemas of the deal path: orders, deliveries, receipts, invoices, payments,
ratings and problems (disputes)."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import validate

from app.api.schemas import MAX_ID, Bool, Date, DateTime, Int, List, Nested, PageArgs, Str, page_of
from models import DISPUTE_OUTCOMES, ORDER_STATUSES

Score = validate.Range(min=1, max=5)
Quantity = validate.Range(min=0, max=100_000_000)


class OrderArgs(PageArgs):
    """``?status=&page=&per_page=``."""

    status = Str(load_default=None, allow_none=True, validate=validate.OneOf(ORDER_STATUSES))


class DirectOrderIn(ma.Schema):
    """A direct purchase of one catalogue item (up to the direct-purchase ceiling)."""

    listing_id = Int(required=True, validate=validate.Range(min=1, max=MAX_ID))
    quantity = Int(required=True, validate=validate.Range(min=1, max=100_000_000))
    kecamatan_id = Int(
        required=True,
        validate=validate.Range(min=1, max=MAX_ID),
        metadata={"description": "Where the goods go"},
    )
    address = Str(load_default="", validate=validate.Length(max=300))
    delivery_date = Date(required=True)
    note = Str(load_default="", validate=validate.Length(max=2000))


class LineQuantity(ma.Schema):
    """How many of one order line."""

    line_id = Int(required=True, validate=validate.Range(min=1, max=MAX_ID))
    quantity = Int(required=True, validate=Quantity)


def _today_by_default() -> ma.fields.Date:
    """An optional day; the service takes today (Jakarta) when it is left out."""
    return Date(load_default=None, allow_none=True, metadata={"description": "Defaults to today (Jakarta)"})


class _LinesIn(ma.Schema):
    """A body with ``lines`` of an order, each at most once."""

    @ma.validates_schema
    def _lines(self, data: dict[str, Any], **kwargs: Any) -> None:
        ids = [line["line_id"] for line in data.get("lines", [])]
        if len(ids) != len(set(ids)):
            raise ma.ValidationError("Each order line may appear only once.", "lines")


class DeliveryIn(_LinesIn):
    """The seller sends (part of) the order."""

    lines = List(Nested(LineQuantity), required=True, validate=validate.Length(min=1, max=200))
    note = Str(load_default="", validate=validate.Length(max=2000))


class ReceiptIn(_LinesIn):
    """The buyer's handover record (BAST) of one delivery."""

    received_on = _today_by_default()
    received_by_name = Str(required=True, validate=validate.Length(min=1, max=120))
    lines = List(
        Nested(LineQuantity),
        load_default=list,
        validate=validate.Length(max=200),
        metadata={"description": "Quantities received; lines left out: all that was sent"},
    )
    note = Str(load_default="", validate=validate.Length(max=2000))


class DecisionIn(ma.Schema):
    """An official's decision on a problem with a delivery."""

    outcome = Str(required=True, validate=validate.OneOf(DISPUTE_OUTCOMES))
    decision = Str(required=True, validate=validate.Length(min=1, max=2000))


class PaymentIn(ma.Schema):
    """A payment the buyer made on an invoice."""

    amount = Int(required=True, validate=validate.Range(min=1, max=10**15))
    paid_on = _today_by_default()
    reference = Str(load_default="", validate=validate.Length(max=100))


class RatingIn(ma.Schema):
    """A rating (1-5): buyers give quality, timeliness, communication; sellers give payment
    and communication."""

    quality = Int(load_default=None, allow_none=True, validate=Score)
    timeliness = Int(load_default=None, allow_none=True, validate=Score)
    communication = Int(required=True, validate=Score)
    payment = Int(load_default=None, allow_none=True, validate=Score)
    comment = Str(load_default="", validate=validate.Length(max=2000))


class ReplyIn(ma.Schema):
    """The seller's public answer to a rating."""

    reply = Str(required=True, validate=validate.Length(min=1, max=2000))


class Contact(ma.Schema):
    """An organisation's contact details (shown to the other side once the order is accepted)."""

    name = Str(required=True)
    address = Str(required=True)
    contact_name = Str(required=True)
    phone = Str(required=True)
    email = Str(required=True)


class PartyOut(ma.Schema):
    """One side of the order."""

    organisation_id = Int(required=True)
    name = Str(required=True)
    supplier_id = Int(allow_none=True)
    contact = Nested(Contact, allow_none=True)


class OrderLineOut(ma.Schema):
    """One ordered item."""

    id = Int(required=True)
    listing_id = Int(allow_none=True)
    description = Str(required=True)
    quantity = Int(required=True)
    unit = Str(required=True)
    unit_price = Int(required=True)
    total_price = Int(required=True)
    quantity_received = Int(required=True)


class Rounded(ma.fields.Float):
    """A number shown with at most two decimals."""

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> float | None:
        return None if value is None else round(float(value), 2)


class DeliveryLineOut(ma.Schema):
    """What one delivery carried of one order line (dumped from a ``DeliveryLine``)."""

    line_id = Int(required=True, attribute="order_line_id")
    quantity_sent = Int(required=True)
    quantity_received = Int(allow_none=True)


class DeliveryOut(ma.Schema):
    """A delivery and, once confirmed, its receipt (BAST) (dumped from a ``Delivery``)."""

    id = Int(required=True)
    status = Str(required=True)
    sent_at = DateTime(required=True)
    note = Str(required=True)
    lines = List(Nested(DeliveryLineOut), required=True)
    received_on = Date(allow_none=True, attribute="receipt.received_on", dump_default=None)
    received_by_name = Str(allow_none=True, attribute="receipt.received_by_name", dump_default=None)
    invoice_id = Int(allow_none=True)


class DisputeOut(ma.Schema):
    """A problem raised with a delivery (dumped from a ``Dispute``)."""

    id = Int(required=True)
    delivery_id = Int(required=True)
    status = Str(required=True)
    reason = Str(required=True)
    raised_at = DateTime(required=True)
    escalate_after = DateTime(required=True)
    outcome = Str(allow_none=True)
    decision = Str(required=True)


class PaymentOut(ma.Schema):
    """A recorded payment."""

    id = Int(required=True)
    amount = Int(required=True)
    paid_on = Date(required=True)
    reference = Str(required=True)


class InvoiceOut(ma.Schema):
    """An invoice with its payments."""

    id = Int(required=True)
    order_id = Int(required=True)
    number = Str(required=True)
    amount = Int(required=True)
    amount_paid = Int(required=True)
    issued_at = DateTime(required=True)
    due_on = Date(required=True)
    status = Str(required=True)
    overdue = Bool(required=True)
    buyer = Str(required=True)
    seller = Str(required=True)
    payments = List(Nested(PaymentOut), required=True)


class RatingOut(ma.Schema):
    """A rating of one side by the other (dumped from a ``Rating``)."""

    id = Int(required=True)
    direction = Str(required=True)
    quality = Int(allow_none=True)
    timeliness = Int(allow_none=True)
    communication = Int(required=True)
    payment = Int(allow_none=True)
    average = Rounded(required=True)
    comment = Str(required=True)
    reply = Str(required=True)
    created_at = DateTime(required=True)


class OrderOut(ma.Schema):
    """A purchase order with everything that happened to it."""

    id = Int(required=True)
    number = Str(required=True)
    source = Str(required=True)
    status = Str(required=True)
    version = Int(required=True, metadata={"description": "Moves on with every step"})
    award_id = Int(allow_none=True)
    request_id = Int(allow_none=True)
    buyer = Nested(PartyOut, required=True)
    seller = Nested(PartyOut, required=True)
    delivery_kecamatan_id = Int(allow_none=True)
    delivery_address = Str(required=True)
    delivery_date = Date(required=True)
    payment_term_days = Int(required=True)
    total_value = Int(required=True)
    note = Str(required=True)
    respond_by = DateTime(allow_none=True)
    decline_reason = Str(required=True)
    created_at = DateTime(required=True)
    accepted_at = DateTime(allow_none=True)
    delivered_at = DateTime(allow_none=True)
    completed_at = DateTime(allow_none=True)
    purchase_order_available = Bool(required=True)
    lines = List(Nested(OrderLineOut), required=True)
    deliveries = List(Nested(DeliveryOut), required=True)
    disputes = List(Nested(DisputeOut), required=True)
    invoices = List(Nested(InvoiceOut), required=True)
    ratings = List(Nested(RatingOut), required=True)


OrderPage = page_of(OrderOut, "OrderPage")
InvoicePage = page_of(InvoiceOut, "InvoicePage")
