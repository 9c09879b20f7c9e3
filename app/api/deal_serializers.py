"""Orders and what followed them as the API's plain dicts (``deal_schemas`` documents them)."""
from __future__ import annotations

from datetime import date
from typing import Any

from app.services.fulfilment import quantity_received
from app.services.orders import contacts_visible
from models import Delivery, Dispute, Invoice, Order, Organisation, Rating


def contact(organisation: Organisation) -> dict[str, str]:
    """An organisation's contact details: address, contact person, phone, e-mail."""
    place = ", ".join(p for p in (organisation.street_address,
                                  organisation.kecamatan.name if organisation.kecamatan else "",
                                  organisation.kota.name if organisation.kota else "") if p)
    person = organisation.users[0] if organisation.users else None
    return {"name": organisation.legal_name, "address": place,
            "contact_name": person.full_name if person else "", "phone": organisation.phone or "",
            "email": organisation.email or (person.email if person else "")}


def delivery(row: Delivery) -> dict[str, Any]:
    """A delivery with its lines and receipt."""
    return {
        "id": row.id, "status": row.status, "sent_at": row.sent_at, "note": row.note,
        "lines": [{"line_id": line.order_line_id, "quantity_sent": line.quantity_sent,
                   "quantity_received": line.quantity_received} for line in row.lines],
        "received_on": row.receipt.received_on if row.receipt else None,
        "received_by_name": row.receipt.received_by_name if row.receipt else None,
        "invoice_id": row.invoice_id,
    }


def dispute(row: Dispute) -> dict[str, Any]:
    """A problem raised with a delivery."""
    return {"id": row.id, "delivery_id": row.delivery_id, "status": row.status,
            "reason": row.reason, "raised_at": row.raised_at,
            "escalate_after": row.escalate_after, "outcome": row.outcome,
            "decision": row.decision}


def invoice(row: Invoice, today: date) -> dict[str, Any]:
    """An invoice with its payments and whether it is overdue ``today``."""
    return {
        "id": row.id, "order_id": row.order_id, "number": row.number, "amount": row.amount,
        "amount_paid": row.amount_paid, "issued_at": row.issued_at, "due_on": row.due_on,
        "status": row.status, "overdue": row.status == "issued" and row.due_on < today,
        "buyer": row.order.buyer.legal_name, "seller": row.order.supplier.display_name,
        "payments": [{"id": p.id, "amount": p.amount, "paid_on": p.paid_on,
                      "reference": p.reference} for p in row.payments],
    }


def rating(row: Rating) -> dict[str, Any]:
    """A rating."""
    return {"id": row.id, "direction": row.direction, "quality": row.quality,
            "timeliness": row.timeliness, "communication": row.communication,
            "payment": row.payment, "average": round(row.average, 2), "comment": row.comment,
            "reply": row.reply, "created_at": row.created_at}


def order(row: Order, today: date) -> dict[str, Any]:
    """An order with its lines, deliveries, problems, invoices and ratings; each side's
    contact details once the seller accepted."""
    visible = contacts_visible(row)
    seller = row.supplier.organisation
    return {
        "id": row.id, "number": row.number, "source": row.source, "status": row.status,
        "version": row.version,
        "award_id": row.award_id, "request_id": row.award.request_id if row.award else None,
        "buyer": {"organisation_id": row.buyer_id, "name": row.buyer.legal_name,
                  "supplier_id": None, "contact": contact(row.buyer) if visible else None},
        "seller": {"organisation_id": seller.id, "name": row.supplier.display_name,
                   "supplier_id": row.supplier_id,
                   "contact": contact(seller) if visible else None},
        "delivery_kecamatan_id": row.delivery_kecamatan_id,
        "delivery_address": row.delivery_address, "delivery_date": row.delivery_date,
        "payment_term_days": row.payment_term_days, "total_value": row.total_value,
        "note": row.note, "respond_by": row.respond_by, "decline_reason": row.decline_reason,
        "created_at": row.created_at, "accepted_at": row.accepted_at,
        "delivered_at": row.delivered_at, "completed_at": row.completed_at,
        "purchase_order_available": visible,
        "lines": [{"id": line.id, "listing_id": line.listing_id, "description": line.description,
                   "quantity": line.quantity, "unit": line.unit, "unit_price": line.unit_price,
                   "total_price": line.total_price,
                   "quantity_received": quantity_received(line, row.deliveries)}
                  for line in row.lines],
        "deliveries": [delivery(d) for d in row.deliveries],
        "disputes": [dispute(d) for d in row.disputes],
        "invoices": [invoice(i, today) for i in row.invoices],
        "ratings": [rating(r) for r in row.ratings],
    }
