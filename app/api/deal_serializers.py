"""Orders and invoices as the API's dicts, for the parts a schema cannot read off the rows
(contacts shown once accepted, received quantities, overdue ``today``); ``deal_schemas`` dumps
the rest straight from the rows."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from app.services.fulfilment import quantity_received
from app.services.order_records import contacts_visible, party
from models import Invoice, Order, Organisation


def contact(organisation: Organisation) -> dict[str, str]:
    """An organisation's contact details: address, contact person, phone, e-mail."""
    return asdict(party(organisation))


def invoice(row: Invoice, today: date) -> dict[str, Any]:
    """An invoice with its payments and whether it is overdue ``today``."""
    return {
        "id": row.id,
        "order_id": row.order_id,
        "number": row.number,
        "amount": row.amount,
        "amount_paid": row.amount_paid,
        "issued_at": row.issued_at,
        "due_on": row.due_on,
        "status": row.status,
        "overdue": row.status == "issued" and row.due_on < today,
        "buyer": row.order.buyer.legal_name,
        "seller": row.order.supplier.display_name,
        "payments": [
            {"id": p.id, "amount": p.amount, "paid_on": p.paid_on, "reference": p.reference}
            for p in row.payments
        ],
    }


def order(row: Order, today: date) -> dict[str, Any]:
    """An order with its lines, deliveries, problems, invoices and ratings; each side's
    contact details once the seller accepted."""
    visible = contacts_visible(row)
    seller = row.supplier.organisation
    return {
        "id": row.id,
        "number": row.number,
        "source": row.source,
        "status": row.status,
        "version": row.version,
        "award_id": row.award_id,
        "request_id": row.award.request_id if row.award else None,
        "buyer": {
            "organisation_id": row.buyer_id,
            "name": row.buyer.legal_name,
            "supplier_id": None,
            "contact": contact(row.buyer) if visible else None,
        },
        "seller": {
            "organisation_id": seller.id,
            "name": row.supplier.display_name,
            "supplier_id": row.supplier_id,
            "contact": contact(seller) if visible else None,
        },
        "delivery_kecamatan_id": row.delivery_kecamatan_id,
        "delivery_address": row.delivery_address,
        "delivery_date": row.delivery_date,
        "payment_term_days": row.payment_term_days,
        "total_value": row.total_value,
        "note": row.note,
        "respond_by": row.respond_by,
        "decline_reason": row.decline_reason,
        "created_at": row.created_at,
        "accepted_at": row.accepted_at,
        "delivered_at": row.delivered_at,
        "completed_at": row.completed_at,
        "purchase_order_available": visible,
        "lines": [
            {
                "id": line.id,
                "listing_id": line.listing_id,
                "description": line.description,
                "quantity": line.quantity,
                "unit": line.unit,
                "unit_price": line.unit_price,
                "total_price": line.total_price,
                "quantity_received": quantity_received(line, row.deliveries),
            }
            for line in row.lines
        ],
        "deliveries": list(row.deliveries),  # DeliveryOut, DisputeOut, RatingOut dump the rows
        "disputes": list(row.disputes),
        "invoices": [invoice(i, today) for i in row.invoices],
        "ratings": list(row.ratings),
    }
