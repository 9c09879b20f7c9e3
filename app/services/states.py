"""State machines of demand requests, proposals (matches) and quotes, and the audit trail.

Every change of state goes through ``transition``, which refuses an illegal move with a
clear message (writing nothing) and appends an audit event otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from flask_babel import lazy_gettext as _l
from sqlalchemy import inspect
from sqlalchemy.orm import Session

from app.services import ServiceError
from models import AuditEvent, User
from models.states import (
    DeliveryState,
    DisputeState,
    InvoiceState,
    MatchState,
    OrderState,
    QuoteState,
    RequestState,
)

REQUEST_TRANSITIONS: dict[str, set[str]] = {
    RequestState.DRAFT: {RequestState.OPEN, RequestState.CANCELLED},
    RequestState.OPEN: {RequestState.UNDER_REVIEW, RequestState.INVITED, RequestState.CANCELLED},
    RequestState.UNDER_REVIEW: {RequestState.OPEN, RequestState.INVITED, RequestState.CANCELLED},
    RequestState.INVITED: {RequestState.QUOTED, RequestState.CANCELLED},
    RequestState.QUOTED: {RequestState.AWARDED, RequestState.CANCELLED},
    RequestState.AWARDED: {RequestState.FULFILLED},
    RequestState.FULFILLED: set(),
    RequestState.CANCELLED: set(),
}
MATCH_TRANSITIONS: dict[str, set[str]] = {
    MatchState.PROPOSED: {MatchState.APPROVED, MatchState.REJECTED, MatchState.DECLINED},
    MatchState.APPROVED: {MatchState.INVITED, MatchState.DECLINED},
    MatchState.REJECTED: set(),
    MatchState.INVITED: {MatchState.QUOTED, MatchState.DECLINED},
    MatchState.QUOTED: {MatchState.AWARDED, MatchState.DECLINED, MatchState.INVITED},
    MatchState.AWARDED: set(),
    MatchState.DECLINED: set(),
}
QUOTE_TRANSITIONS: dict[str, set[str]] = {
    QuoteState.SUBMITTED: {QuoteState.WITHDRAWN, QuoteState.ACCEPTED, QuoteState.NOT_CHOSEN},
    QuoteState.WITHDRAWN: set(),
    QuoteState.ACCEPTED: set(),
    QuoteState.NOT_CHOSEN: set(),
}
# From award to paid (orders, deliveries, disputes, invoices).
ORDER_TRANSITIONS: dict[str, set[str]] = {
    OrderState.PENDING: {OrderState.ACCEPTED, OrderState.DECLINED, OrderState.EXPIRED, OrderState.CANCELLED},
    OrderState.ACCEPTED: {OrderState.DELIVERED, OrderState.CANCELLED},
    OrderState.DELIVERED: {OrderState.COMPLETED},
    OrderState.DECLINED: set(),
    OrderState.EXPIRED: set(),
    OrderState.CANCELLED: set(),
    OrderState.COMPLETED: set(),
}
DELIVERY_TRANSITIONS: dict[str, set[str]] = {
    DeliveryState.SENT: {DeliveryState.RECEIVED, DeliveryState.DISPUTED},
    # settled; official accepts; official rejects
    DeliveryState.DISPUTED: {DeliveryState.SENT, DeliveryState.RECEIVED, DeliveryState.REJECTED},
    DeliveryState.RECEIVED: set(),
    DeliveryState.REJECTED: set(),
}
DISPUTE_TRANSITIONS: dict[str, set[str]] = {
    DisputeState.OPEN: {DisputeState.SETTLED, DisputeState.ESCALATED},
    DisputeState.ESCALATED: {DisputeState.DECIDED},
    DisputeState.SETTLED: set(),
    DisputeState.DECIDED: set(),
}
INVOICE_TRANSITIONS: dict[str, set[str]] = {
    InvoiceState.ISSUED: {InvoiceState.PAID, InvoiceState.CANCELLED},
    InvoiceState.PAID: set(),
    InvoiceState.CANCELLED: set(),
}
MACHINES = {
    "request": REQUEST_TRANSITIONS,
    "match": MATCH_TRANSITIONS,
    "quote": QUOTE_TRANSITIONS,
    "order": ORDER_TRANSITIONS,
    "delivery": DELIVERY_TRANSITIONS,
    "dispute": DISPUTE_TRANSITIONS,
    "invoice": INVOICE_TRANSITIONS,
}

STATE_NAMES = {
    "draft": _l("Draft"),
    "open": _l("Open"),
    "under_review": _l("Under review"),
    "invited": _l("Suppliers invited"),
    "quoted": _l("Quotes received"),
    "awarded": _l("Awarded"),
    "fulfilled": _l("Fulfilled"),
    "cancelled": _l("Cancelled"),
    "proposed": _l("Proposed"),
    "approved": _l("Approved"),
    "rejected": _l("Rejected"),
    "declined": _l("Not chosen"),
    "submitted": _l("Submitted"),
    "withdrawn": _l("Withdrawn"),
    "accepted": _l("Accepted"),
    "not_chosen": _l("Not chosen"),
    "request.quotes_due": _l("Quote deadline set at the invitation"),
    "pending": _l("Awaiting the seller"),
    "expired": _l("Expired"),
    "delivered": _l("Delivered"),
    "completed": _l("Completed"),
    "sent": _l("Sent"),
    "received": _l("Received"),
    "disputed": _l("Problem raised"),
    "settled": _l("Settled"),
    "escalated": _l("With an official"),
    "decided": _l("Decided"),
    "issued": _l("Awaiting payment"),
    "paid": _l("Paid"),
}


class Stateful(Protocol):
    """Anything with an id and a status."""

    id: int
    status: str


def can_move(kind: str, current: str, target: str) -> bool:
    """True when ``kind`` objects may go from ``current`` to ``target``."""
    return target in MACHINES[kind].get(current, set())


def record_event(
    session: Session,
    *,
    actor: User | None,
    action: str,
    object_type: str,
    object_id: int | None,
    from_state: str | None = None,
    to_state: str | None = None,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit event (rows are never updated or deleted)."""
    event = AuditEvent(
        actor_id=actor.id if actor else None,
        action=action,
        object_type=object_type,
        object_id=object_id,
        from_state=from_state,
        to_state=to_state,
        reason=reason,
        data=data or {},
    )
    session.add(event)
    return event


def transition(
    session: Session,
    kind: str,
    obj: Stateful,
    target: str,
    actor: User | None,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> None:
    """Move ``obj`` to ``target`` and audit it, or refuse with a ServiceError."""
    current = obj.status
    if not can_move(kind, current, target):
        raise ServiceError(
            str(
                _l(
                    "This cannot go from “%(current)s” to “%(target)s”.",
                    current=STATE_NAMES.get(current, current),
                    target=STATE_NAMES.get(target, target),
                )
            )
        )
    session.flush()  # obj needs its id for the event
    obj.status = target
    record_event(
        session,
        actor=actor,
        action=f"{kind}.{target}",
        object_type=kind,
        object_id=obj.id,
        from_state=current,
        to_state=target,
        reason=reason,
        data=data,
    )


def _plain(value: Any) -> Any:
    """A value as it can be stored in an event's JSON data."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def record_changes(
    session: Session,
    *,
    actor: User | None,
    action: str,
    object_type: str,
    obj: Any,
    fields: Iterable[str],
    created: bool = False,
) -> AuditEvent | None:
    """Append one event with the before and after values of the ``fields`` that changed
    (all of them for a new object); call it after the change and before the flush."""
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for field in fields:
        history = state.attrs[field].history
        new = _plain(getattr(obj, field))
        if created:
            after[field] = new
        elif history.has_changes():
            old = _plain(history.deleted[0]) if history.deleted else None
            if old != new:
                before[field], after[field] = old, new
    if not created and not after:
        return None
    session.flush()  # the object needs its id for the event
    return record_event(
        session,
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=obj.id,
        data={"before": before, "after": after},
    )
