"""Sellers' side of a procurement: invitations, quotes (submit, revise, withdraw)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.services import ServiceError
from app.services.demand import HORIZON
from app.services.locks import lock_match, lock_quote
from app.services.notifications import notify_organisation
from app.services.paging import page_rows
from app.services.states import record_event, transition
from app.services.timeline import note_data, note_reason
from models import DemandRequest, Match, Quote, SupplierProfile, User

SELLER_VISIBLE = ("invited", "quoted", "awarded", "declined")


@dataclass
class QuoteInput:
    """What a seller offers."""

    unit_price: int
    quantity: int
    delivery_date: date
    note: str


def invitations(
    session: Session, supplier: SupplierProfile, page: int, per_page: int
) -> tuple[list[Match], int]:
    """The supplier's invitations, newest first (open ones and decided ones)."""
    query = select(Match).where(Match.supplier_id == supplier.id, Match.status.in_(SELLER_VISIBLE))
    shown = query.options(
        selectinload(Match.request).selectinload(DemandRequest.buyer),
        selectinload(Match.quotes).selectinload(Quote.award),
    ).order_by(Match.invited_at.desc(), Match.id.desc())
    return page_rows(session, shown, page, per_page)


def own_invitation(session: Session, supplier: SupplierProfile, match_id: int) -> Match | None:
    """The supplier's invitation with this id, or None (missing, someone else's, not invited)."""
    match = session.get(Match, match_id)
    if match is None or match.supplier_id != supplier.id or match.status not in SELLER_VISIBLE:
        return None
    return match


def live_quote(match: Match) -> Quote | None:
    """The supplier's current (submitted or decided, not withdrawn) quote."""
    for quote in sorted(match.quotes, key=lambda q: q.id, reverse=True):
        if quote.status != "withdrawn":
            return quote
    return None


def check_quote(match: Match, data: QuoteInput, today: date) -> None:
    """Refuse a quote that cannot be sent at all (closed request, past deadline, bad figures)."""
    request = match.request
    if request.status not in ("invited", "quoted"):
        raise ServiceError(str(_l("This request no longer accepts quotes.")))
    if request.quotes_due is not None and today > request.quotes_due:
        raise ServiceError(str(_l("The deadline for quotes has passed.")))
    if data.unit_price <= 0:
        raise ServiceError(str(_l("Enter a unit price in whole rupiah.")), "unit_price")
    if not 0 < data.quantity <= request.quantity:
        raise ServiceError(str(_l("Quantity must be between 1 and %(n)d.", n=request.quantity)), "quantity")
    if data.delivery_date < today:
        raise ServiceError(str(_l("The delivery date cannot be in the past.")), "delivery_date")
    if data.delivery_date > today + HORIZON:
        raise ServiceError(str(_l("The delivery date can be at most two years ahead.")), "delivery_date")


def submit_quote(
    session: Session,
    match: Match,
    actor: User,
    data: QuoteInput,
    today: date,
    attachment_name: str | None = None,
) -> Quote:
    """Send a quote for an invitation; the buyer is told.

    The invitation is locked first, so a double click or a retried call cannot send two.
    """
    match = lock_match(session, match.id)
    already = session.scalar(
        select(Quote.id).where(Quote.match_id == match.id, Quote.status != "withdrawn").limit(1)
    )
    if match.status != "invited" or already is not None:
        raise ServiceError(str(_l("A quote for this invitation was already sent; revise it instead.")))
    check_quote(match, data, today)
    quote = Quote(
        match=match,
        unit_price=data.unit_price,
        quantity=data.quantity,
        delivery_date=data.delivery_date,
        note=data.note.strip(),
        attachment_name=attachment_name,
        status="submitted",
    )
    session.add(quote)
    transition(session, "match", match, "quoted", actor)
    session.flush()
    record_event(
        session,
        actor=actor,
        action="quote.submitted",
        object_type="quote",
        object_id=quote.id,
        to_state="submitted",
        data={"unit_price": data.unit_price, "quantity": data.quantity},
    )
    request = match.request
    if request.status == "invited":
        transition(session, "request", request, "quoted", actor)
    notify_organisation(
        session,
        request.buyer,
        "quote",
        _l("New quote for %(title)s", title=request.title),
        _l(
            "%(seller)s quoted %(qty)d %(unit)s.",
            seller=match.supplier.display_name,
            qty=data.quantity,
            unit=request.unit,
        ),
        f"/requests/{request.id}#quotes",
    )
    return quote


def revise_quote(
    session: Session,
    quote: Quote,
    actor: User,
    data: QuoteInput,
    today: date,
    attachment_name: str | None = None,
) -> None:
    """Change a submitted quote before the deadline."""
    quote = lock_quote(session, quote.id)
    if quote.status != "submitted":
        raise ServiceError(str(_l("Only a submitted quote can be revised.")))
    check_quote(quote.match, data, today)
    before = {
        "unit_price": quote.unit_price,
        "quantity": quote.quantity,
        "delivery_date": quote.delivery_date.isoformat(),
        "note": quote.note,
        "attachment_name": quote.attachment_name,
    }
    quote.unit_price, quote.quantity = data.unit_price, data.quantity
    quote.delivery_date, quote.note = data.delivery_date, data.note.strip()
    if attachment_name:
        quote.attachment_name = attachment_name
    after = {
        "unit_price": quote.unit_price,
        "quantity": quote.quantity,
        "delivery_date": quote.delivery_date.isoformat(),
        "note": quote.note,
        "attachment_name": quote.attachment_name,
    }
    record_event(
        session,
        actor=actor,
        action="quote.revised",
        object_type="quote",
        object_id=quote.id,
        from_state="submitted",
        to_state="submitted",
        data={"before": before, "after": after},
    )
    session.flush()


def withdraw_quote(session: Session, quote: Quote, actor: User, today: date) -> None:
    """Take a quote back before the deadline; the invitation stays open."""
    quote = lock_quote(session, quote.id)
    if quote.status != "submitted":
        raise ServiceError(str(_l("Only a submitted quote can be withdrawn.")))
    request = quote.match.request
    if request.quotes_due is not None and today > request.quotes_due:
        raise ServiceError(str(_l("The deadline for quotes has passed.")))
    transition(session, "quote", quote, "withdrawn", actor)
    transition(
        session,
        "match",
        quote.match,
        "invited",
        actor,
        reason=note_reason("quote_withdrawn"),
        data=note_data("quote_withdrawn"),
    )
