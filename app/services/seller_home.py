"""What a seller's home shows, most urgent first: invitations to answer, quotes awaiting the
buyer, recent decisions, verification and what it still lacks, then the listings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from models import AuditEvent, Award, DemandRequest, Listing, ListingPhoto, Match, Quote, SupplierProfile
from models.states import RequestState

OPEN_REQUEST_STATES = (RequestState.INVITED, RequestState.QUOTED)
STALE_PRICE_AFTER = timedelta(days=180)
RECENT_DECISIONS = 5
NIB = re.compile(r"^\d{13}$")


@dataclass
class OpenInvitation:
    """An invitation still waiting for the seller's quote, and the days left to answer."""

    match: Match
    days_left: int | None


@dataclass
class Decision:
    """A buyer's decision on one of the seller's quotes."""

    match: Match
    quote: Quote
    award: Award | None

    @property
    def won(self) -> bool:
        """True when (part of) the quote was awarded."""
        return self.quote.status == "accepted"


@dataclass
class Verification:
    """Whether officials verified the seller, and what the profile still lacks."""

    verified: bool
    verified_at: datetime | None
    missing: list[str] = field(default_factory=list)
    declined_reason: str = ""


@dataclass
class SellerHome:
    """Everything the seller's home shows."""

    invitations: list[OpenInvitation]
    awaiting_decision: list[tuple[Match, Quote]]
    decisions: list[Decision]
    verification: Verification
    counts: dict[str, int]
    without_photo: int
    stale_price: int


def _open_invitations(session: Session, supplier: SupplierProfile, today: date) -> list[OpenInvitation]:
    rows = session.scalars(
        select(Match)
        .join(DemandRequest, Match.request_id == DemandRequest.id)
        .where(
            Match.supplier_id == supplier.id,
            Match.status == "invited",
            DemandRequest.status.in_(OPEN_REQUEST_STATES),
            (DemandRequest.quotes_due.is_(None)) | (DemandRequest.quotes_due >= today),
        )
        .options(selectinload(Match.request).selectinload(DemandRequest.buyer))
    ).all()
    found = [
        OpenInvitation(m, (m.request.quotes_due - today).days if m.request.quotes_due else None) for m in rows
    ]
    return sorted(found, key=lambda o: (o.days_left is None, o.days_left or 0, o.match.id))


def _awaiting_decision(session: Session, supplier: SupplierProfile) -> list[tuple[Match, Quote]]:
    rows = session.execute(
        select(Match, Quote)
        .join(Quote, Quote.match_id == Match.id)
        .join(DemandRequest, Match.request_id == DemandRequest.id)
        .where(
            Match.supplier_id == supplier.id,
            Quote.status == "submitted",
            DemandRequest.status.in_(OPEN_REQUEST_STATES),
        )
        .options(selectinload(Match.request).selectinload(DemandRequest.buyer))
        .order_by(DemandRequest.quotes_due, Quote.id)
    ).all()
    return [(m, q) for m, q in rows]


def _decisions(session: Session, supplier: SupplierProfile) -> list[Decision]:
    rows = session.execute(
        select(Match, Quote)
        .join(Quote, Quote.match_id == Match.id)
        .where(Match.supplier_id == supplier.id, Quote.status.in_(("accepted", "not_chosen")))
        .options(selectinload(Match.request).selectinload(DemandRequest.buyer))
        .order_by(Quote.updated_at.desc(), Quote.id.desc())
        .limit(RECENT_DECISIONS)
    ).all()
    awards = (
        {
            a.quote_id: a
            for a in session.scalars(select(Award).where(Award.quote_id.in_([q.id for _, q in rows])))
        }
        if rows
        else {}
    )
    return [Decision(m, q, awards.get(q.id)) for m, q in rows]


def _verification(session: Session, supplier: SupplierProfile, active_listings: int) -> Verification:
    if supplier.verified:
        return Verification(True, supplier.verified_at)
    missing: list[str] = []
    if not NIB.match(supplier.organisation.nib or ""):
        missing.append(str(_l("an NIB of 13 digits")))
    if not (supplier.about or "").strip():
        missing.append(str(_l("a short description of your business")))
    if not supplier.kbli_codes:
        missing.append(str(_l("your KBLI business codes")))
    if active_listings == 0:
        missing.append(str(_l("at least one product on display")))
    declined = session.scalar(
        select(AuditEvent.reason)
        .where(
            AuditEvent.action == "supplier.verification_declined",
            AuditEvent.object_type == "supplier",
            AuditEvent.object_id == supplier.id,
        )
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(1)
    )
    return Verification(False, None, missing, declined or "")


def _listing_figures(
    session: Session, supplier: SupplierProfile, now: datetime
) -> tuple[dict[str, int], int, int]:
    counts = {status: 0 for status in ("active", "draft", "archived")}
    for status, n in session.execute(
        select(Listing.status, func.count())
        .where(Listing.supplier_id == supplier.id)
        .group_by(Listing.status)
    ).all():
        counts[status] = int(n)
    active = (Listing.supplier_id == supplier.id) & (Listing.status == "active")
    with_photo = select(ListingPhoto.listing_id)
    without_photo = (
        session.scalar(select(func.count()).select_from(Listing).where(active, Listing.id.not_in(with_photo)))
        or 0
    )
    stale = (
        session.scalar(
            select(func.count())
            .select_from(Listing)
            .where(active, Listing.updated_at < now - STALE_PRICE_AFTER)
        )
        or 0
    )
    return counts, int(without_photo), int(stale)


def seller_home(session: Session, supplier: SupplierProfile, today: date, now: datetime) -> SellerHome:
    """The seller's home, most urgent first."""
    counts, without_photo, stale = _listing_figures(session, supplier, now)
    return SellerHome(
        invitations=_open_invitations(session, supplier, today),
        awaiting_decision=_awaiting_decision(session, supplier),
        decisions=_decisions(session, supplier),
        verification=_verification(session, supplier, counts["active"]),
        counts=counts,
        without_photo=without_photo,
        stale_price=stale,
    )
