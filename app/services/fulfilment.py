"""Delivery of an order: the seller sends (partial deliveries allowed), the buyer confirms
receipt (BAST) or raises a problem, and an official decides a problem left unsettled."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.policy import may_review
from app.services import ServiceError
from app.services.notifications import notify, notify_organisation
from app.services.orders import as_utc, hold, order_link, require_buyer, require_seller
from app.services.settings import DEFAULTS, WorkflowSettings
from app.services.states import record_event, transition
from models import (
    Delivery,
    DeliveryLine,
    Dispute,
    Order,
    OrderLine,
    Receipt,
    Role,
    User,
    utcnow,
)


def quantity_received(line: OrderLine, deliveries: list[Delivery]) -> int:
    """How much of ``line`` the buyer has received."""
    return sum(
        dl.quantity_received or 0
        for d in deliveries
        if d.status == "received"
        for dl in d.lines
        if dl.order_line_id == line.id
    )


def quantity_outstanding(line: OrderLine, deliveries: list[Delivery]) -> int:
    """How much of ``line`` still has to be sent: ordered less received less on its way."""
    on_the_way = sum(
        dl.quantity_sent
        for d in deliveries
        if d.status in ("sent", "disputed")
        for dl in d.lines
        if dl.order_line_id == line.id
    )
    return max(line.quantity - quantity_received(line, deliveries) - on_the_way, 0)


def send_delivery(
    session: Session, order: Order, actor: User, quantities: Mapping[int, int], note: str = ""
) -> Delivery:
    """The seller marks ``{order line id: quantity}`` as sent."""
    require_seller(order, actor)
    hold(session, order)
    if order.status != "accepted":
        raise ServiceError(str(_l("Only an accepted order can be delivered.")))
    lines = {line.id: line for line in order.lines}
    chosen = {int(k): int(v) for k, v in quantities.items() if int(v) != 0}
    if not chosen or any(v < 0 for v in chosen.values()):
        raise ServiceError(str(_l("Enter how many items you send.")), "quantity")
    earlier = list(order.deliveries)
    for line_id, quantity in chosen.items():
        line = lines.get(line_id)
        if line is None:
            raise ServiceError(str(_l("This item is not part of the order.")), "quantity")
        left = quantity_outstanding(line, earlier)
        if quantity > left:
            raise ServiceError(
                str(
                    _l(
                        "Only %(n)d %(unit)s of “%(item)s” are left to send.",
                        n=left,
                        unit=line.unit,
                        item=line.description,
                    )
                ),
                "quantity",
            )
    delivery = Delivery(
        status="sent",
        sent_by_id=actor.id,
        note=note.strip(),
        lines=[
            DeliveryLine(order_line=lines[line_id], quantity_sent=quantity)
            for line_id, quantity in chosen.items()
        ],
    )
    order.deliveries.append(delivery)
    session.add(delivery)
    session.flush()
    record_event(
        session,
        actor=actor,
        action="delivery.sent",
        object_type="delivery",
        object_id=delivery.id,
        to_state="sent",
        data={"order_id": order.id, "quantities": {str(k): v for k, v in chosen.items()}},
    )
    notify_organisation(
        session,
        order.buyer,
        "delivery",
        _l("Goods sent for order %(number)s", number=order.number),
        _l(
            "%(seller)s sent goods. Confirm receipt (BAST) or raise a problem.",
            seller=order.supplier.display_name,
        ),
        order_link(order),
    )
    return delivery


def confirm_receipt(
    session: Session,
    delivery: Delivery,
    actor: User,
    received_on: date,
    quantities: Mapping[int, int],
    received_by_name: str,
    today: date,
    note: str = "",
) -> Receipt:
    """The buyer signs the handover (BAST): the date, who received, how many of each item."""
    order = delivery.order
    require_buyer(order, actor)
    hold(session, order, delivery)
    if delivery.status != "sent":
        raise ServiceError(str(_l("This delivery is not waiting for confirmation.")))
    sent_on = as_utc(delivery.sent_at).date()
    if received_on > today or received_on < sent_on - timedelta(days=1):
        raise ServiceError(
            str(_l("The receipt date must be between the sending date and today.")), "received_on"
        )
    if not received_by_name.strip():
        raise ServiceError(
            str(_l("Enter the name of the person who received the goods.")), "received_by_name"
        )
    _record_quantities(delivery, quantities)
    receipt = _receipt(session, delivery, actor, received_on, received_by_name, note)
    transition(
        session, "delivery", delivery, "received", actor, data={"received_on": received_on.isoformat()}
    )
    _after_receipt(session, order, actor)
    notify_organisation(
        session,
        order.supplier.organisation,
        "delivery",
        _l("Receipt confirmed for order %(number)s", number=order.number),
        _l(
            "The buyer confirmed receipt on %(day)s. You can issue the invoice now.",
            day=received_on.isoformat(),
        ),
        order_link(order),
    )
    return receipt


def _record_quantities(delivery: Delivery, quantities: Mapping[int, int]) -> None:
    for line in delivery.lines:
        received = int(quantities.get(line.order_line_id, line.quantity_sent))
        if not 0 <= received <= line.quantity_sent:
            raise ServiceError(
                str(_l("Received quantities must be between 0 and what was sent.")), "quantity"
            )
        line.quantity_received = received
    if sum(line.quantity_received or 0 for line in delivery.lines) == 0:
        raise ServiceError(str(_l("Nothing received? Raise a problem instead.")), "quantity")


def _receipt(
    session: Session, delivery: Delivery, actor: User, received_on: date, received_by_name: str, note: str
) -> Receipt:
    receipt = Receipt(
        delivery=delivery,
        received_on=received_on,
        received_by_id=actor.id,
        received_by_name=received_by_name.strip()[:120],
        note=note.strip(),
    )
    session.add(receipt)
    return receipt


def _after_receipt(session: Session, order: Order, actor: User | None) -> None:
    """Mark the order delivered once every line is fully received."""
    session.flush()
    if order.status == "accepted" and all(
        quantity_received(line, order.deliveries) >= line.quantity for line in order.lines
    ):
        transition(session, "order", order, "delivered", actor)
        order.delivered_at = utcnow()
        request = order.award.request if order.award else None
        if (
            request is not None
            and request.status == "awarded"
            and all(o.status in ("delivered", "completed") for o in _orders_of_request(session, request.id))
        ):
            transition(session, "request", request, "fulfilled", actor)
            request.closed_at = utcnow()


def _orders_of_request(session: Session, request_id: int) -> list[Order]:
    from models import Award

    return list(
        session.scalars(
            select(Order).join(Award, Award.id == Order.award_id).where(Award.request_id == request_id)
        )
    )


def raise_problem(
    session: Session, delivery: Delivery, actor: User, reason: str, settings: WorkflowSettings = DEFAULTS
) -> Dispute:
    """The buyer reports a problem with a delivery; unsettled (``settings``'s escalation days),
    it goes to an official."""
    order = delivery.order
    require_buyer(order, actor)
    if not reason.strip():
        raise ServiceError(str(_l("Describe the problem.")), "reason")
    hold(session, order, delivery)
    transition(session, "delivery", delivery, "disputed", actor, reason=reason.strip())
    days = settings.dispute_escalation_days
    dispute = Dispute(
        order=order,
        delivery=delivery,
        raised_by_id=actor.id,
        reason=reason.strip(),
        status="open",
        escalate_after=utcnow() + timedelta(days=days),
    )
    session.add(dispute)
    session.flush()
    record_event(
        session,
        actor=actor,
        action="dispute.open",
        object_type="dispute",
        object_id=dispute.id,
        to_state="open",
        reason=reason.strip(),
        data={"order_id": order.id, "delivery_id": delivery.id},
    )
    notify_organisation(
        session,
        order.supplier.organisation,
        "dispute",
        _l("Problem with order %(number)s", number=order.number),
        _l(
            "The buyer reports: %(reason)s. Settle it within %(n)d days, or an official will decide.",
            reason=reason.strip(),
            n=days,
        ),
        order_link(order),
    )
    return dispute


def settle_dispute(session: Session, dispute: Dispute, actor: User) -> None:
    """The buyer says the problem is settled; the delivery waits for confirmation again."""
    require_buyer(dispute.order, actor)
    hold(session, dispute.order, dispute, dispute.delivery)
    transition(session, "dispute", dispute, "settled", actor)
    dispute.settled_at = utcnow()
    transition(session, "delivery", dispute.delivery, "sent", actor, reason="problem settled")
    notify_organisation(
        session,
        dispute.order.supplier.organisation,
        "dispute",
        _l("Problem settled for order %(number)s", number=dispute.order.number),
        _l("The buyer marked the problem as settled."),
        order_link(dispute.order),
    )


def escalate_disputes(session: Session) -> list[int]:
    """Send every problem still open past its time to the officials."""
    now = utcnow()
    due = session.scalars(
        select(Dispute).where(Dispute.status == "open", Dispute.escalate_after < now).order_by(Dispute.id)
    ).all()
    officials = list(session.scalars(select(User).where(User.role == Role.OFFICIAL, User.active.is_(True))))
    escalated = []
    for dispute in due:
        transition(session, "dispute", dispute, "escalated", None, reason="not settled in time")
        dispute.escalated_at = now
        order = dispute.order
        subject = _l("Problem with order %(number)s goes to an official", number=order.number)
        body = _l(
            "The problem was not settled in time; an official will decide. Reason given: %(reason)s",
            reason=dispute.reason,
        )
        notify(session, officials, "dispute", subject, body, "/orders/disputes")
        for organisation in (order.buyer, order.supplier.organisation):
            notify_organisation(session, organisation, "dispute", subject, body, order_link(order))
        escalated.append(dispute.id)
    session.flush()
    return escalated


def decide_dispute(
    session: Session, dispute: Dispute, official: User, outcome: str, decision: str, today: date
) -> None:
    """An official decides: ``accept`` (the delivery counts as received as sent) or ``reject``
    (the goods go back; the seller may send again)."""
    if not may_review(official):
        raise ServiceError(str(_l("Only officials decide problems.")))
    if outcome not in ("accept", "reject"):
        raise ServiceError(str(_l("Choose a decision.")), "outcome")
    if not decision.strip():
        raise ServiceError(str(_l("Explain the decision.")), "decision")
    hold(session, dispute.order, dispute, dispute.delivery)
    transition(
        session, "dispute", dispute, "decided", official, reason=decision.strip(), data={"outcome": outcome}
    )
    dispute.outcome = outcome
    dispute.decision = decision.strip()
    dispute.decided_by_id = official.id
    dispute.decided_at = utcnow()
    delivery = dispute.delivery
    order = dispute.order
    if outcome == "accept":
        for line in delivery.lines:
            line.quantity_received = line.quantity_sent
        _receipt(session, delivery, official, today, official.full_name or official.email, decision)
        transition(session, "delivery", delivery, "received", official, reason=decision.strip())
        _after_receipt(session, order, official)
    else:
        transition(session, "delivery", delivery, "rejected", official, reason=decision.strip())
    subject = _l("Decision on order %(number)s", number=order.number)
    body = _l("An official decided: %(decision)s", decision=decision.strip())
    for organisation in (order.buyer, order.supplier.organisation):
        notify_organisation(session, organisation, "dispute", subject, body, order_link(order))


def disputes_for_officials(session: Session) -> list[Dispute]:
    """Problems waiting for an official, oldest first, then the open ones."""
    return list(
        session.scalars(
            select(Dispute)
            .where(Dispute.status.in_(("escalated", "open")))
            .order_by(Dispute.status, Dispute.raised_at, Dispute.id)
        )
    )
