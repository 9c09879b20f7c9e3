"""Ratings both sides give once per order, the seller's reply, and the buyer's record shown on
the buyer page (on-time payment, rating); the supplier's record is ``supplier_records``."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.services import ServiceError
from app.services.notifications import Text, notify_organisation
from app.services.orders import as_utc, hold, order_link, require_buyer, require_seller
from app.services.states import record_event
from models import Invoice, Order, Organisation, Payment, Rating, User, utcnow

SCORE_RANGE = range(1, 6)


def _score(value: int | None, field: str) -> int:
    if value is None or value not in SCORE_RANGE:
        raise ServiceError(str(_l("Give a score from 1 to 5.")), field)
    return value


def can_rate(order: Order) -> bool:
    """Ratings open once the buyer has received something."""
    return any(d.status == "received" for d in order.deliveries)


def rating_of(order: Order, direction: str) -> Rating | None:
    """The order's rating in one direction, if given."""
    return next((r for r in order.ratings if r.direction == direction), None)


def _new_rating(order: Order, actor: User, direction: str, comment: str, **scores: int | None) -> Rating:
    """The order's first rating in this direction, its scores checked (in the order given)."""
    if rating_of(order, direction) is not None:
        raise ServiceError(str(_l("This order was already rated.")))
    buyer, seller = order.buyer_id, order.supplier.organisation_id
    rater, rated = (buyer, seller) if direction == "buyer_to_seller" else (seller, buyer)
    return Rating(
        order=order,
        direction=direction,
        rater_id=rater,
        rated_id=rated,
        created_by_id=actor.id,
        comment=comment.strip()[:2000],
        **{field: _score(value, field) for field, value in scores.items()},
    )


def _store(session: Session, rating: Rating, actor: User, rated: Organisation, message: Text) -> Rating:
    """Save the rating, audit it and tell the rated organisation."""
    session.add(rating)
    session.flush()  # a second rating racing this one breaks the unique key: answered as 409
    record_event(
        session,
        actor=actor,
        action=f"rating.{rating.direction}",
        object_type="rating",
        object_id=rating.id,
        data={"order_id": rating.order_id, "average": round(rating.average, 2)},
    )
    order = rating.order
    notify_organisation(
        session,
        rated,
        "rating",
        _l("New rating for order %(number)s", number=order.number),
        message,
        order_link(order),
    )
    return rating


def rate_seller(
    session: Session,
    order: Order,
    actor: User,
    quality: int | None,
    timeliness: int | None,
    communication: int | None,
    comment: str = "",
) -> Rating:
    """The buyer rates the seller's delivery: quality, timeliness, communication (once)."""
    require_buyer(order, actor)
    hold(session, order)
    if not can_rate(order):
        raise ServiceError(str(_l("You can rate once goods were received.")))
    rating = _new_rating(
        order,
        actor,
        "buyer_to_seller",
        comment,
        quality=quality,
        timeliness=timeliness,
        communication=communication,
    )
    message = _l(
        "%(buyer)s rated your delivery %(avg).1f of 5. You may reply.",
        buyer=order.buyer.legal_name,
        avg=rating.average,
    )
    return _store(session, rating, actor, order.supplier.organisation, message)


def rate_buyer(
    session: Session,
    order: Order,
    actor: User,
    payment: int | None,
    communication: int | None,
    comment: str = "",
) -> Rating:
    """The seller rates the buyer: payment and communication (once)."""
    require_seller(order, actor)
    hold(session, order)
    if not order.invoices:
        raise ServiceError(str(_l("You can rate the buyer once you have invoiced.")))
    rating = _new_rating(
        order, actor, "seller_to_buyer", comment, payment=payment, communication=communication
    )
    message = _l(
        "%(seller)s rated working with you %(avg).1f of 5.",
        seller=order.supplier.display_name,
        avg=rating.average,
    )
    return _store(session, rating, actor, order.buyer, message)


def reply_to_rating(session: Session, rating: Rating, actor: User, reply: str) -> None:
    """The seller answers the buyer's rating once, in public."""
    require_seller(rating.order, actor)
    hold(session, rating.order, rating)
    if rating.direction != "buyer_to_seller":
        raise ServiceError(str(_l("Only ratings of your delivery can be answered.")))
    if rating.reply:
        raise ServiceError(str(_l("You already replied.")))
    if not reply.strip():
        raise ServiceError(str(_l("Write a reply.")), "reply")
    rating.reply = reply.strip()[:2000]
    rating.replied_at = utcnow()
    record_event(session, actor=actor, action="rating.reply", object_type="rating", object_id=rating.id)
    session.flush()


def recent_ratings(session: Session, supplier_id: int, limit: int = 5) -> list[Rating]:
    """The supplier's latest ratings with comments or replies, newest first."""
    return list(
        session.scalars(
            select(Rating)
            .join(Order, Order.id == Rating.order_id)
            .where(Order.supplier_id == supplier_id, Rating.direction == "buyer_to_seller")
            .order_by(Rating.created_at.desc(), Rating.id.desc())
            .limit(limit)
        )
    )


@dataclass(frozen=True)
class BuyerRecord:
    """How a buyer organisation pays."""

    invoices_due: int
    paid_on_time: int
    median_days_to_pay: float | None
    rating_sum: float
    rating_count: int
    completed_orders: int

    @property
    def on_time_share(self) -> float | None:
        """Share of invoices due so far that were paid by their due date."""
        return self.paid_on_time / self.invoices_due if self.invoices_due else None

    @property
    def rating(self) -> float | None:
        """Sellers' mean rating of the buyer (1–5), or None."""
        return self.rating_sum / self.rating_count if self.rating_count else None


def buyer_record(session: Session, organisation: Organisation, today: date) -> BuyerRecord:
    """Share of invoices paid on time (unpaid overdue ones count as late) and median days
    from invoice to payment."""
    last_payment = (
        select(Payment.invoice_id, func.max(Payment.paid_on).label("paid_on"))
        .group_by(Payment.invoice_id)
        .subquery()
    )
    rows = session.execute(
        select(Invoice.status, Invoice.due_on, Invoice.issued_at, last_payment.c.paid_on)
        .join(Order, Order.id == Invoice.order_id)
        .outerjoin(last_payment, last_payment.c.invoice_id == Invoice.id)
        .where(Order.buyer_id == organisation.id, Invoice.status != "cancelled")
    ).all()
    due = on_time = 0
    days: list[int] = []
    for status, due_on, issued_at, paid_on in rows:
        if status == "paid":
            due += 1
            on_time += paid_on <= due_on
            days.append(max((paid_on - as_utc(issued_at).date()).days, 0))
        elif due_on < today:
            due += 1
    ratings = session.execute(
        select(Rating.payment, Rating.communication).where(
            Rating.rated_id == organisation.id, Rating.direction == "seller_to_buyer"
        )
    ).all()
    completed = (
        session.scalar(
            select(func.count())
            .select_from(Order)
            .where(Order.buyer_id == organisation.id, Order.status == "completed")
        )
        or 0
    )
    return BuyerRecord(
        invoices_due=due,
        paid_on_time=on_time,
        median_days_to_pay=float(statistics.median(days)) if days else None,
        rating_sum=sum(((p or 0) + (c or 0)) / 2 for p, c in ratings),
        rating_count=len(ratings),
        completed_orders=completed,
    )
