"""OCDS contracts from purchase orders, with their implementation: a transaction per payment
and a milestone per delivery (plus the delivery date the order promised).

Awarded requests get one contract per award, built from the award's order once it exists;
direct purchases from the catalogue get a release of their own (ocid ``…-po-<id>``, method
"direct") once the seller accepted them. Only organisations appear: who signed a receipt,
notes, dispute reasons and bank references never leave the platform.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, literal, select, union_all
from sqlalchemy.orm import Session, selectinload

from app.clock import JAKARTA
from app.services import ocds
from models import (
    Delivery,
    DeliveryLine,
    DemandRequest,
    Invoice,
    Listing,
    Order,
    OrderLine,
    Organisation,
    SupplierProfile,
)

CONTRACT_STATUS = {
    "pending": "pending",
    "accepted": "active",
    "delivered": "active",
    "completed": "terminated",
    "declined": "cancelled",
    "expired": "cancelled",
    "cancelled": "cancelled",
}
DIRECT_METHOD_DETAILS = (
    "Pasar Padu: direct purchase of a catalogue item (e-purchasing) up to the "
    "direct-purchase ceiling, accepted by the seller"
)


def order_ocid(order_id: int) -> str:
    """The Open Contracting ID of a direct purchase."""
    return f"{ocds.OCID_PREFIX}po-{order_id}"


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _day_start(day: date) -> str:
    return datetime.combine(day, time.min, tzinfo=JAKARTA).isoformat()


def with_details() -> list[Any]:
    """Loader options for everything a contract shows (one query per relationship)."""
    return [
        selectinload(Order.lines).selectinload(OrderLine.listing).selectinload(Listing.category),
        selectinload(Order.deliveries).selectinload(Delivery.lines).selectinload(DeliveryLine.order_line),
        selectinload(Order.deliveries).selectinload(Delivery.receipt),
        selectinload(Order.invoices).selectinload(Invoice.payments),
        selectinload(Order.buyer).selectinload(Organisation.kota),
        selectinload(Order.supplier)
        .selectinload(SupplierProfile.organisation)
        .selectinload(Organisation.kota),
    ]


def orders_of_awards(session: Session, award_ids: Iterable[int]) -> dict[int, Order]:
    """The order that followed each award, keyed by award id."""
    ids = list(award_ids)
    if not ids:
        return {}
    rows = session.scalars(select(Order).where(Order.award_id.in_(ids)).options(*with_details()))
    return {int(order.award_id): order for order in rows if order.award_id is not None}


def latest_moment(order: Order) -> datetime:
    """The last time anything about the order changed (for release dates and ids)."""
    moments = [order.updated_at, order.created_at, order.accepted_at, order.delivered_at, order.completed_at]
    for delivery in order.deliveries:
        moments.append(delivery.sent_at)
        if delivery.receipt is not None:
            moments.append(delivery.receipt.created_at)
    for invoice in order.invoices:
        moments += [invoice.issued_at, invoice.paid_at, *(p.created_at for p in invoice.payments)]
    return max(_aware(m) for m in moments if m is not None)


def _item(line: OrderLine, position: int) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": str(position),
        "description": ocds.public_text(line.description),
        "quantity": line.quantity,
        "unit": {"name": line.unit or "unit", "value": ocds._value(line.unit_price)},
    }
    category = line.listing.category if line.listing is not None else None
    if category is not None:
        item["classification"] = {
            "scheme": ocds.CLASSIFICATION_SCHEME,
            "id": category.slug,
            "description": category.name_id,
            "description_en": category.name_en,
        }
    return item


def _milestones(order: Order) -> list[dict[str, Any]]:
    """The promised delivery date, then one milestone per delivery with what was received."""
    due = ocds._end_of_day(order.delivery_date)
    done = order.status in ("delivered", "completed") and order.delivered_at is not None
    promised: dict[str, Any] = {
        "id": f"PP-DUE-{order.id}",
        "title": "Batas waktu pengiriman",
        "type": "delivery",
        "description": "Seluruh barang diterima pembeli (BAST)",
        "dueDate": due,
        "status": "met" if done else "notMet" if order.status in ("cancelled",) else "scheduled",
    }
    if done:
        promised["dateMet"] = ocds._moment(order.delivered_at)
    milestones = [promised]
    for number, delivery in enumerate(order.deliveries, start=1):
        sent = sum(line.quantity_sent for line in delivery.lines)
        received = sum(line.quantity_received or 0 for line in delivery.lines)
        unit = delivery.lines[0].order_line.unit if delivery.lines else ""
        milestone: dict[str, Any] = {
            "id": f"PP-DLV-{delivery.id}",
            "title": f"Pengiriman {number}",
            "type": "delivery",
            "dueDate": due,
            "dateModified": ocds._moment(delivery.sent_at),
        }
        if delivery.status == "received" and delivery.receipt is not None:
            milestone["status"] = "met" if received >= sent else "partiallyMet"
            milestone["dateMet"] = _day_start(delivery.receipt.received_on)
            milestone["dateModified"] = ocds._moment(delivery.receipt.created_at)
            milestone["description"] = f"Dikirim {sent} {unit}, diterima {received} {unit} (BAST)"
        elif delivery.status == "rejected":
            milestone["status"] = "notMet"
            milestone["description"] = f"Dikirim {sent} {unit}, ditolak"
        else:
            milestone["status"] = "scheduled"
            milestone["description"] = (
                f"Dikirim {sent} {unit}, menunggu konfirmasi penerimaan"
                if delivery.status == "sent"
                else f"Dikirim {sent} {unit}, ada masalah yang dilaporkan"
            )
        milestones.append(milestone)
    return milestones


def _transactions(order: Order, payer: dict[str, str], payee: dict[str, str]) -> list[dict[str, Any]]:
    """One transaction per payment recorded against the order's invoices."""
    return [
        {
            "id": f"PP-PAY-{payment.id}",
            "source": None,
            "date": _day_start(payment.paid_on),
            "value": ocds._value(payment.amount),
            "payer": payer,
            "payee": payee,
        }
        for invoice in order.invoices
        for payment in invoice.payments
    ]


def contract(order: Order, contract_id: str, award_id: str, title: str) -> dict[str, Any]:
    """The OCDS contract of an order with its implementation (payments and deliveries)."""
    buyer, seller = order.buyer, order.supplier.organisation
    payer = {"id": ocds._party_id(buyer.id), "name": buyer.legal_name}
    payee = {"id": ocds._party_id(seller.id), "name": seller.legal_name}
    implementation: dict[str, Any] = {}
    if order.status not in ("pending", "declined", "expired"):
        implementation = {
            "milestones": _milestones(order),
            "transactions": _transactions(order, payer, payee) or None,
        }
    return {
        "id": contract_id,
        "awardID": award_id,
        "title": ocds.public_text(title),
        "status": CONTRACT_STATUS.get(order.status, "active"),
        "value": ocds._value(order.total_value),
        "items": [_item(line, k) for k, line in enumerate(order.lines, start=1)],
        "period": {
            "startDate": ocds._moment(order.accepted_at),
            "endDate": ocds._end_of_day(order.delivery_date),
        },
        "dateSigned": ocds._moment(order.accepted_at),
        "implementation": implementation or None,
    }


def payment_roles(parties: dict[str, dict[str, Any]], contracts: list[dict[str, Any]]) -> None:
    """Add the payer and payee roles to the parties named in the contracts' transactions."""
    for item in contracts:
        for transaction in (item.get("implementation") or {}).get("transactions") or []:
            for role in ("payer", "payee"):
                party = parties.get(transaction[role]["id"])
                if party is not None and role not in party["roles"]:
                    party["roles"] = [*party["roles"], role]


def has_implementation(contracts: list[dict[str, Any]]) -> bool:
    """True when a contract records a payment or a delivery."""
    for item in contracts:
        implementation = item.get("implementation") or {}
        if implementation.get("transactions") or len(implementation.get("milestones") or []) > 1:
            return True
    return False


def direct_release(order: Order) -> dict[str, Any]:
    """The OCDS release of a direct purchase accepted by its seller."""
    buyer, seller = order.buyer, order.supplier.organisation
    ocid = order_ocid(order.id)
    title = order.lines[0].description if order.lines else order.number
    buyer_key, seller_key = ocds._party_id(buyer.id), ocds._party_id(seller.id)
    parties = {
        buyer_key: {
            "id": buyer_key,
            "name": buyer.legal_name,
            "roles": ["buyer"],
            "address": ocds._address(buyer),
        },
        seller_key: {
            "id": seller_key,
            "name": seller.legal_name,
            "roles": ["tenderer", "supplier"],
            "details": {"scale": ocds.OCDS_SCALE.get(order.supplier.scale, "")},
            "address": ocds._address(seller),
        },
    }
    award_id = f"PP-AWD-PO-{order.id}"
    items = [_item(line, k) for k, line in enumerate(order.lines, start=1)]
    contracts = [contract(order, f"PP-CON-PO-{order.id}", award_id, title)]
    payment_roles(parties, contracts)
    latest = latest_moment(order)
    tags = ["tender", "award", "contract"] + (["implementation"] if has_implementation(contracts) else [])
    reference = {"id": seller_key, "name": seller.legal_name}
    return ocds._clean(
        {
            "ocid": ocid,
            "id": f"{ocid}-{latest.astimezone(UTC):%Y%m%dT%H%M%S}",
            "date": ocds._moment(latest),
            "tag": tags,
            "initiationType": "tender",
            "language": "id",
            "parties": list(parties.values()),
            "buyer": {"id": buyer_key, "name": buyer.legal_name},
            "tender": {
                "id": f"PP-PO-{order.id}",
                "title": ocds.public_text(title),
                "status": "complete",
                "items": items,
                "value": ocds._value(order.total_value),
                "procurementMethod": "direct",
                "procurementMethodDetails": DIRECT_METHOD_DETAILS,
                "tenderPeriod": {
                    "startDate": ocds._moment(order.created_at),
                    "endDate": ocds._moment(order.accepted_at),
                },
                "numberOfTenderers": 1,
                "tenderers": [reference],
            },
            "awards": [
                {
                    "id": award_id,
                    "title": ocds.public_text(title),
                    "status": "active",
                    "date": ocds._moment(order.accepted_at),
                    "value": ocds._value(order.total_value),
                    "suppliers": [reference],
                    "items": items,
                }
            ],
            "contracts": contracts,
        }
    )


def published_direct_orders(window: ocds.ReleaseWindow) -> Select[str, int, datetime | None]:
    """Direct purchases the seller accepted within the window (by acceptance date)."""
    query = select(
        literal("order").label("kind"), Order.id.label("id"), Order.accepted_at.label("moment")
    ).where(Order.source == "direct", Order.accepted_at.is_not(None))
    if window.since:
        query = query.where(Order.accepted_at >= ocds._start_utc(window.since))
    if window.until:
        query = query.where(Order.accepted_at < ocds._start_utc(window.until + timedelta(days=1)))
    return query


def published_processes(window: ocds.ReleaseWindow) -> Select[Any]:
    """(kind, id) of every published process in the window, oldest first: requests by
    publication, direct purchases by acceptance."""
    requests = (
        ocds.published_requests(window)
        .with_only_columns(
            literal("request").label("kind"),
            DemandRequest.id.label("id"),
            DemandRequest.published_at.label("moment"),
        )
        .order_by(None)
    )
    both = union_all(requests, published_direct_orders(window)).subquery()
    return select(both.c.kind, both.c.id).order_by(both.c.moment, both.c.kind, both.c.id)


def direct_orders(session: Session, ids: list[int]) -> dict[int, Order]:
    """Direct purchases by id, with everything their releases show."""
    if not ids:
        return {}
    return {
        order.id: order
        for order in session.scalars(select(Order).where(Order.id.in_(ids)).options(*with_details()))
    }
