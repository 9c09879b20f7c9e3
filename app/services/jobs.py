"""Scheduled work: closing what is past its date, reminding sellers of deadlines, and the
follow-up of orders (expiry, escalation of problems, invoice reminders)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.demand import OPEN_STATES, cancel_request
from app.services.notifications import notify_organisation
from app.services.settings import DEFAULTS, WorkflowSettings
from app.services.states import transition
from app.services.timeline import note_data
from models import DemandRequest, Match, Notification

EXPIRED = "expired: needed-by date passed without an award"
NO_QUOTE = "no quote before the deadline"


@dataclass
class ExpiryReport:
    """What a run of ``flask jobs expire`` closed and who it reminded."""

    requests: list[int] = field(default_factory=list)
    invitations: list[int] = field(default_factory=list)
    reminders: list[int] = field(default_factory=list)


def expire(session: Session, today: date) -> ExpiryReport:
    """Close requests past their needed-by date and invitations past the quote deadline."""
    report = ExpiryReport()
    overdue = session.scalars(
        select(DemandRequest)
        .where(DemandRequest.status.in_(OPEN_STATES), DemandRequest.needed_by < today)
        .order_by(DemandRequest.id)
    ).all()
    for request in overdue:
        cancel_request(session, request, None, EXPIRED)
        report.requests.append(request.id)
    stale = session.scalars(
        select(Match)
        .join(Match.request)
        .where(Match.status == "invited", DemandRequest.quotes_due < today)
        .order_by(Match.id)
    ).all()
    for match in stale:
        transition(session, "match", match, "declined", None, reason=NO_QUOTE, data=note_data("no_quote"))
        match.decline_reason = NO_QUOTE
        report.invitations.append(match.id)
    report.reminders = remind(session, today)
    session.flush()
    return report


@dataclass
class DealsReport:
    """What a run of ``flask jobs deals`` did."""

    orders: list[int] = field(default_factory=list)
    disputes: list[int] = field(default_factory=list)
    due_soon: list[int] = field(default_factory=list)
    overdue: list[int] = field(default_factory=list)


def deals(session: Session, today: date, settings: WorkflowSettings = DEFAULTS) -> DealsReport:
    """Expire direct orders not answered in time, escalate problems not settled in time to the
    officials, and remind about invoices due soon or overdue."""
    from app.services.billing import remind_invoices
    from app.services.fulfilment import escalate_disputes
    from app.services.orders import expire_orders

    reminders = remind_invoices(session, today, settings)
    return DealsReport(
        orders=expire_orders(session),
        disputes=escalate_disputes(session),
        due_soon=reminders["due_soon"],
        overdue=reminders["overdue"],
    )


def remind(session: Session, today: date, days_ahead: int = 2) -> list[int]:
    """Remind invited sellers without a quote whose deadline is near (once per invitation)."""
    due_soon = session.scalars(
        select(Match)
        .join(Match.request)
        .where(
            Match.status == "invited",
            DemandRequest.quotes_due >= today,
            DemandRequest.quotes_due <= today + timedelta(days=days_ahead),
        )
    ).all()
    reminded = []
    for match in due_soon:
        link = f"/seller/invitations/{match.id}"
        already = session.scalar(
            select(Notification.id).where(Notification.kind == "deadline", Notification.link == link).limit(1)
        )
        if already:
            continue
        request = match.request
        notify_organisation(
            session,
            match.supplier.organisation,
            "deadline",
            _l("Quote due soon: %(title)s", title=request.title),
            _l("Quotes for this request are due on %(due)s.", due=str(request.quotes_due)),
            link,
        )
        reminded.append(match.id)
    return reminded
