"""Purchase orders: a direct buy from the catalogue (the seller accepts or declines in time)
or the order that follows an award, and the checks and locks every later step of an order
shares (``app.services.order_records`` reads them back: lists, document, timeline)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.policy import Permission, can, is_order_buyer, is_order_seller
from app.services import ServiceError
from app.services.notifications import notify_organisation
from app.services.settings import DEFAULTS, WorkflowSettings
from app.services.states import record_event, transition
from app.services.visibility import is_visible
from models import (
    Award,
    Invoice,
    Kecamatan,
    Listing,
    Order,
    OrderLine,
    User,
    utcnow,
)

HORIZON = timedelta(days=731)


@dataclass
class DirectOrderInput:
    """What a buyer fills in to buy a catalogue item directly."""

    listing_id: int
    quantity: int
    kecamatan_id: int
    address: str
    delivery_date: date
    note: str = ""


def order_link(order: Order) -> str:
    """The order's page, as stored in notifications."""
    return f"/orders/{order.id}"


def numbered(session: Session, obj: Order | Invoice, prefix: str) -> None:
    """Give a new order (or invoice) its number ``PREFIX-YEAR-000123`` from its id."""
    obj.number = "tmp-" + secrets.token_hex(8)
    session.add(obj)
    session.flush()
    obj.number = f"{prefix}-{utcnow().year}-{obj.id:06d}"


def quantity_bounds(listing: Listing) -> tuple[int, int | None]:
    """The smallest and largest quantity one direct order of ``listing`` may ask for."""
    capacity = listing.monthly_capacity or listing.supplier.monthly_capacity
    return max(listing.min_order, 1), capacity


def _issue(session: Session, order: Order, line: OrderLine, actor: User, data: dict[str, Any]) -> None:
    """Number a new order of one ``line`` and record its creation (``data`` for the audit)."""
    order.lines.append(line)
    numbered(session, order, "PO")
    record_event(
        session,
        actor=actor,
        action="order.created",
        object_type="order",
        object_id=order.id,
        to_state=order.status,
        data=data,
    )


def place_direct_order(
    session: Session, buyer: User, data: DirectOrderInput, today: date, settings: WorkflowSettings = DEFAULTS
) -> Order:
    """A direct order of one catalogue item, awaiting the seller's answer (within the
    ceiling, answer time and payment term of ``settings``)."""
    organisation = buyer.organisation
    if not can(buyer, Permission.BUY) or organisation is None:
        raise ServiceError(str(_l("Only buyers can order directly.")))
    listing = session.get(Listing, data.listing_id)
    if listing is None or not is_visible(listing) or not listing.supplier.verified:
        raise ServiceError(str(_l("This product cannot be ordered now.")))
    low, high = quantity_bounds(listing)
    if data.quantity < low:
        raise ServiceError(
            str(_l("The minimum order is %(n)d %(unit)s.", n=low, unit=listing.unit)), "quantity"
        )
    if high is not None and data.quantity > high:
        raise ServiceError(
            str(_l("The seller can supply at most %(n)d %(unit)s.", n=high, unit=listing.unit)), "quantity"
        )
    total = data.quantity * listing.price
    ceiling = settings.direct_purchase_ceiling
    if total > ceiling:
        raise ServiceError(
            str(
                _l(
                    "A direct order can be worth at most %(ceiling)s; post a need to ask for quotes instead.",
                    ceiling="Rp " + f"{ceiling:,}".replace(",", "."),
                )
            ),
            "quantity",
        )
    kecamatan = session.get(Kecamatan, data.kecamatan_id)
    if kecamatan is None:
        raise ServiceError(str(_l("Choose a kecamatan from the list.")), "kecamatan_id")
    earliest = today + timedelta(days=max(listing.lead_time_days, 1))
    if data.delivery_date < earliest:
        raise ServiceError(
            str(
                _l(
                    "The seller needs %(n)d days; choose %(day)s or later.",
                    n=listing.lead_time_days,
                    day=earliest.isoformat(),
                )
            ),
            "delivery_date",
        )
    if data.delivery_date > today + HORIZON:
        raise ServiceError(str(_l("The delivery date can be at most two years ahead.")), "delivery_date")
    hours = settings.order_response_hours
    order = Order(
        source="direct",
        buyer=organisation,
        supplier=listing.supplier,
        created_by=buyer,
        delivery_kecamatan=kecamatan,
        delivery_address=data.address.strip()[:300],
        delivery_date=data.delivery_date,
        payment_term_days=settings.payment_term_days,
        note=data.note.strip(),
        total_value=total,
        status="pending",
        respond_by=utcnow() + timedelta(hours=hours),
    )
    line = OrderLine(
        listing=listing,
        description=listing.title,
        quantity=data.quantity,
        unit=listing.unit,
        unit_price=listing.price,
    )
    _issue(
        session,
        order,
        line,
        buyer,
        {"source": "direct", "listing_id": listing.id, "quantity": data.quantity, "total": total},
    )
    notify_organisation(
        session,
        listing.supplier.organisation,
        "order",
        _l("New order %(number)s: %(title)s", number=order.number, title=listing.title),
        _l(
            "%(buyer)s orders %(qty)d %(unit)s for delivery on %(day)s. Accept or decline "
            "within %(hours)d hours.",
            buyer=organisation.legal_name,
            qty=data.quantity,
            unit=listing.unit,
            day=data.delivery_date.isoformat(),
            hours=hours,
        ),
        order_link(order),
    )
    return order


def order_from_award(
    session: Session, award: Award, actor: User, settings: WorkflowSettings = DEFAULTS
) -> Order:
    """The purchase order that follows an award (accepted at once: the seller offered it)."""
    request = award.request
    quote = award.quote
    order = Order(
        source="award",
        award=award,
        buyer=request.buyer,
        supplier=award.supplier,
        created_by=actor,
        delivery_kecamatan=request.kecamatan,
        delivery_address="",
        delivery_date=quote.delivery_date,
        payment_term_days=settings.payment_term_days,
        note="",
        total_value=award.total_value,
        status="accepted",
        accepted_at=utcnow(),
    )
    line = OrderLine(
        listing_id=quote.match.listing_id,
        description=request.title,
        quantity=award.quantity,
        unit=request.unit,
        unit_price=award.unit_price,
    )
    _issue(session, order, line, actor, {"source": "award", "award_id": award.id, "total": award.total_value})
    notify_organisation(
        session,
        award.supplier.organisation,
        "order",
        _l("Purchase order %(number)s: %(title)s", number=order.number, title=request.title),
        _l("The purchase order is ready; deliver by %(day)s.", day=order.delivery_date.isoformat()),
        order_link(order),
    )
    return order


def hold(session: Session, order: Order, *related: object) -> None:
    """Lock the order for the rest of the transaction and read it (and ``related`` rows of it)
    afresh, and move its version on: concurrent steps on one order queue up on PostgreSQL, and
    one made from a stale read is refused on SQLite."""
    session.scalar(
        select(Order).where(Order.id == order.id).with_for_update().execution_options(populate_existing=True)
    )
    session.expire(order, ["deliveries", "invoices", "ratings", "disputes"])
    for obj in related:
        session.refresh(obj)
    order.updated_at = utcnow()


def require_seller(order: Order, actor: User) -> None:
    """Refuse unless ``actor`` sells for the order's supplier."""
    if not is_order_seller(actor, order):
        raise ServiceError(str(_l("Only the seller of this order can do this.")))


def require_buyer(order: Order, actor: User) -> None:
    """Refuse unless ``actor`` buys for the order's organisation."""
    if not is_order_buyer(actor, order):
        raise ServiceError(str(_l("Only the buyer of this order can do this.")))


def accept_order(session: Session, order: Order, actor: User) -> None:
    """The seller takes the order on (before its answer deadline)."""
    require_seller(order, actor)
    hold(session, order)
    if order.status == "pending" and order.respond_by is not None and as_utc(order.respond_by) < utcnow():
        raise ServiceError(str(_l("The time to answer this order has passed.")))
    transition(session, "order", order, "accepted", actor)
    order.accepted_at = utcnow()
    notify_organisation(
        session,
        order.buyer,
        "order",
        _l("Order %(number)s accepted", number=order.number),
        _l(
            "%(seller)s accepted your order; the purchase order can be downloaded.",
            seller=order.supplier.display_name,
        ),
        order_link(order),
    )


def decline_order(session: Session, order: Order, actor: User, reason: str) -> None:
    """The seller turns the order down, saying why."""
    require_seller(order, actor)
    hold(session, order)
    if not reason.strip():
        raise ServiceError(str(_l("Say why you decline the order.")), "reason")
    transition(session, "order", order, "declined", actor, reason=reason.strip())
    order.decline_reason = reason.strip()
    notify_organisation(
        session,
        order.buyer,
        "order",
        _l("Order %(number)s declined", number=order.number),
        _l(
            "%(seller)s declined your order. Reason: %(reason)s",
            seller=order.supplier.display_name,
            reason=reason.strip(),
        ),
        order_link(order),
    )


def cancel_order(session: Session, order: Order, actor: User, reason: str) -> None:
    """The buyer withdraws an order before anything was delivered."""
    require_buyer(order, actor)
    hold(session, order)
    if not reason.strip():
        raise ServiceError(str(_l("Say why the order is cancelled.")), "reason")
    if order.deliveries:
        raise ServiceError(str(_l("Goods were already sent; raise a problem instead.")))
    transition(session, "order", order, "cancelled", actor, reason=reason.strip())
    order.decline_reason = reason.strip()
    notify_organisation(
        session,
        order.supplier.organisation,
        "order",
        _l("Order %(number)s cancelled", number=order.number),
        _l("The buyer cancelled the order. Reason: %(reason)s", reason=reason.strip()),
        order_link(order),
    )


def as_utc(moment: datetime) -> datetime:
    """A stored moment as an aware UTC datetime (SQLite hands back naive ones, in UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def expire_orders(session: Session) -> list[int]:
    """Expire direct orders the seller did not answer in time; the buyer is told."""
    now = utcnow()
    stale = session.scalars(
        select(Order).where(Order.status == "pending", Order.respond_by < now).order_by(Order.id)
    ).all()
    expired = []
    for order in stale:
        transition(session, "order", order, "expired", None, reason="the seller did not answer in time")
        notify_organisation(
            session,
            order.buyer,
            "order",
            _l("Order %(number)s expired", number=order.number),
            _l(
                "%(seller)s did not answer in time. You may order elsewhere.",
                seller=order.supplier.display_name,
            ),
            order_link(order),
        )
        expired.append(order.id)
    session.flush()
    return expired
