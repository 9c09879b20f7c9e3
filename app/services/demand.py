"""Buyers' demand requests: create, edit, publish (runs the matcher), cancel, fulfil, invite."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today as jakarta_today
from app.services import ServiceError
from app.services.addressed_requests import propose_addressed_supplier
from app.services.buyer_verification import require_verified_buyer
from app.services.deadlines import deadline_at_invitation
from app.services.locks import lock_quotes_of, lock_request
from app.services.matchmaking import match_request
from app.services.notifications import Text, notify_organisation
from app.services.paging import page_rows
from app.services.settings import DEFAULTS, MATCH_DEFAULTS, MatchSettings, WorkflowSettings
from app.services.states import record_changes, record_event, transition
from app.services.timeline import note_data, note_reason
from app.templating import thousands
from matching.results import SupplierMatch
from models import (
    CERTIFICATION_KINDS,
    Category,
    DemandRequest,
    Kecamatan,
    Match,
    Organisation,
    Quote,
    User,
    utcnow,
)
from models.states import RequestState

OPEN_STATES = (RequestState.OPEN, RequestState.UNDER_REVIEW, RequestState.INVITED, RequestState.QUOTED)
HORIZON = timedelta(days=731)  # needs and deliveries are planned at most two years ahead
REQUEST_FIELDS = (
    "title",
    "description",
    "category_id",
    "quantity",
    "unit",
    "budget_ceiling",
    "kecamatan_id",
    "needed_by",
    "quotes_due",
    "required_certifications",
    "umkm_only",
)


@dataclass
class RequestInput:
    """The editable fields of a demand request."""

    title: str
    description: str
    category_id: int | None
    quantity: int
    unit: str
    budget_ceiling: int | None
    kecamatan_id: int
    needed_by: date
    quotes_due: date | None
    required_certifications: list[str]
    umkm_only: bool


def _validate(session: Session, data: RequestInput, today: date) -> Kecamatan:
    if data.quantity <= 0:
        raise ServiceError(str(_l("The quantity must be more than zero.")), "quantity")
    if data.budget_ceiling is not None and data.budget_ceiling < 0:
        raise ServiceError(str(_l("The budget cannot be negative.")), "budget_ceiling")
    if data.needed_by <= today:
        raise ServiceError(str(_l("The needed-by date must be in the future.")), "needed_by")
    if data.needed_by > today + HORIZON:
        raise ServiceError(str(_l("The needed-by date can be at most two years ahead.")), "needed_by")
    if data.quotes_due is not None and not today <= data.quotes_due <= data.needed_by:
        raise ServiceError(str(_l("Quotes must be due between today and the needed-by date.")), "quotes_due")
    unknown = [c for c in data.required_certifications if c not in CERTIFICATION_KINDS]
    if unknown:
        raise ServiceError(
            str(_l("Unknown certificate: %(c)s", c=", ".join(unknown))), "required_certifications"
        )
    if data.category_id is not None and session.get(Category, data.category_id) is None:
        raise ServiceError(str(_l("Choose a category from the list.")), "category_id")
    kecamatan = session.get(Kecamatan, data.kecamatan_id)
    if kecamatan is None:
        raise ServiceError(str(_l("Choose a kecamatan from the list.")), "kecamatan_id")
    return kecamatan


def _apply(request: DemandRequest, data: RequestInput, kecamatan: Kecamatan) -> None:
    request.title = data.title.strip()
    request.description = data.description.strip()
    request.category_id = data.category_id
    request.quantity = data.quantity
    request.unit = data.unit.strip()
    request.budget_ceiling = data.budget_ceiling
    request.kecamatan_id = kecamatan.id
    request.kota_id = kecamatan.kota_id
    request.needed_by = data.needed_by
    request.quotes_due = data.quotes_due
    request.required_certifications = list(dict.fromkeys(data.required_certifications))
    request.umkm_only = data.umkm_only


def create_request(session: Session, buyer: User, data: RequestInput, today: date) -> DemandRequest:
    """A new draft request of the buyer's organisation."""
    if buyer.organisation is None:
        raise ServiceError(str(_l("Your account has no organisation.")))
    kecamatan = _validate(session, data, today)
    request = DemandRequest(buyer=buyer.organisation, created_by=buyer, status="draft")
    _apply(request, data, kecamatan)
    session.add(request)
    session.flush()
    record_event(
        session,
        actor=buyer,
        action="request.created",
        object_type="request",
        object_id=request.id,
        to_state="draft",
    )
    return request


def update_request(
    session: Session, request: DemandRequest, actor: User, data: RequestInput, today: date
) -> None:
    """Change a draft request (published requests are matched and can no longer change)."""
    if request.status != "draft":
        raise ServiceError(str(_l("Only drafts can be edited; cancel and post a new request instead.")))
    kecamatan = _validate(session, data, today)
    _apply(request, data, kecamatan)
    record_changes(
        session,
        actor=actor,
        action="request.edited",
        object_type="request",
        obj=request,
        fields=REQUEST_FIELDS,
    )
    session.flush()


def _store_matches(session: Session, request: DemandRequest, matches: list[SupplierMatch]) -> list[Match]:
    stored = []
    for found in matches:
        explanation = found.to_dict()["explanation"]
        explanation["reserved"] = found.reserved
        explanation["other_listing_ids"] = [m.listing_id for m in found.other_listings]
        match = Match(
            request=request,
            supplier_id=found.supplier_id,
            listing_id=found.listing_id,
            rank=found.rank,
            score=round(float(found.score), 4),
            explanation=explanation,
            status="proposed",
        )
        session.add(match)
        stored.append(match)
    session.flush()
    return stored


def publish_request(
    session: Session,
    request: DemandRequest,
    actor: User,
    today: date,
    settings: MatchSettings = MATCH_DEFAULTS,
) -> list[Match]:
    """Open the request and store the matcher's proposals (made with ``settings``); they await
    review unless skipped."""
    if request.status != "draft":
        raise ServiceError(str(_l("Only a draft can be published; this request already is.")))
    require_verified_buyer(request.buyer)
    if request.needed_by is not None and request.needed_by <= today:
        raise ServiceError(str(_l("The needed-by date has passed; change it before publishing.")))
    if request.category_id is None:
        raise ServiceError(str(_l("Choose a category before publishing.")), "category_id")
    if request.kecamatan_id is None:
        raise ServiceError(str(_l("Choose the delivery kecamatan before publishing.")), "kecamatan_id")
    transition(session, "request", request, "open", actor)
    request.published_at = utcnow()
    # No quote deadline yet: it is set when suppliers are invited, after their review.
    matches = propose_addressed_supplier(
        session,
        request,
        _store_matches(session, request, match_request(session, request, today, settings=settings)),
    )
    if request.buyer.skip_review:
        for match in matches:
            transition(
                session,
                "match",
                match,
                "approved",
                None,
                reason=note_reason("skips_review"),
                data=note_data("skips_review"),
            )
    elif matches:
        transition(session, "request", request, "under_review", actor)
    return matches


def cancel_request(session: Session, request: DemandRequest, actor: User | None, reason: str) -> None:
    """Cancel a request before it is awarded; suppliers still in play are told."""
    if not reason.strip():
        raise ServiceError(str(_l("Say why the request is cancelled.")), "reason")
    lock_request(session, request.id)  # read afresh: an award may have won meanwhile
    lock_quotes_of(session, request.id)
    transition(session, "request", request, "cancelled", actor, reason=reason)
    request.closed_at = utcnow()
    close_open_matches(
        session,
        request,
        actor,
        reason,
        _l("Request closed: %(title)s", title=request.title),
        _l("The buyer closed this request. Reason: %(reason)s", reason=reason),
    )


def close_open_matches(
    session: Session, request: DemandRequest, actor: User | None, reason: str, subject: Text, body: Text
) -> None:
    """Decline every proposal still in play (unreviewed ones too), mark its submitted quotes
    not chosen, and tell the suppliers that were invited (``subject`` and ``body``)."""
    for match in request.matches:
        if match.status not in ("proposed", "approved", "invited", "quoted"):
            continue
        for quote in match.quotes:
            if quote.status == "submitted":
                transition(session, "quote", quote, "not_chosen", actor, reason=reason)
                quote.outcome_reason = reason
        was_invited = match.status not in ("proposed", "approved")
        transition(session, "match", match, "declined", actor, reason=reason)
        match.decline_reason = reason
        if was_invited:
            notify_organisation(
                session,
                match.supplier.organisation,
                "decision",
                subject,
                body,
                f"/seller/invitations/{match.id}",
            )


def fulfil_request(session: Session, request: DemandRequest, actor: User) -> None:
    """Record that the awarded goods or services were delivered."""
    transition(session, "request", request, "fulfilled", actor)
    request.closed_at = utcnow()


def set_shortlist(session: Session, request: DemandRequest, match_ids: Iterable[int], actor: User) -> None:
    """Mark exactly these approved proposals as shortlisted."""
    chosen = set(match_ids)
    for match in request.matches:
        if match.status != "proposed" and match.status != "rejected":
            match.shortlisted = match.id in chosen
    record_event(
        session,
        actor=actor,
        action="request.shortlisted",
        object_type="request",
        object_id=request.id,
        data={"match_ids": sorted(chosen)},
    )
    session.flush()


def invite_suppliers(
    session: Session,
    request: DemandRequest,
    match_ids: Iterable[int],
    actor: User,
    today: date | None = None,
    settings: WorkflowSettings = DEFAULTS,
) -> int:
    """Invite approved proposals to quote; returns how many were invited.

    The quote deadline is set (or moved later) so that the invited suppliers have time to
    quote (``settings.quote_window_days``): see ``deadlines.deadline_at_invitation``.
    """
    lock_request(session, request.id)  # read afresh: a cancellation or award may have won
    lock_quotes_of(session, request.id)
    chosen = set(match_ids)
    targets = [m for m in request.matches if m.id in chosen]
    if not targets:
        raise ServiceError(str(_l("Choose at least one supplier to invite.")))
    if request.status not in ("open", "under_review", "invited", "quoted"):
        raise ServiceError(str(_l("Suppliers can only be invited while the request is open.")))
    _set_quote_deadline(session, request, actor, today or jakarta_today(), settings.quote_window_days)
    for match in targets:
        transition(session, "match", match, "invited", actor)
        match.invited_at = utcnow()
        notify_organisation(
            session,
            match.supplier.organisation,
            "invitation",
            _l("Invitation to quote: %(title)s", title=request.title),
            _l(
                "%(buyer)s invites you to quote for %(qty)s %(unit)s by %(due)s.",
                buyer=request.buyer.legal_name,
                qty=thousands(request.quantity),
                unit=request.unit,
                due=request.quotes_due,
            ),
            f"/seller/invitations/{match.id}",
        )
    if request.status in ("open", "under_review"):
        transition(session, "request", request, "invited", actor)
    return len(targets)


def _set_quote_deadline(
    session: Session, request: DemandRequest, actor: User, today: date, window_days: int
) -> None:
    due = deadline_at_invitation(request, today, window_days)
    if due != request.quotes_due:
        record_event(
            session,
            actor=actor,
            action="request.quotes_due",
            object_type="request",
            object_id=request.id,
            data={
                "before": request.quotes_due.isoformat() if request.quotes_due else None,
                "after": due.isoformat(),
            },
        )
        moved = request.quotes_due is not None
        request.quotes_due = due
        if moved:  # suppliers invited earlier are told their deadline moved later
            for match in request.matches:
                if match.status in ("invited", "quoted"):
                    notify_organisation(
                        session,
                        match.supplier.organisation,
                        "invitation",
                        _l("New quote deadline: %(title)s", title=request.title),
                        _l("More suppliers were invited; quotes are now due by %(due)s.", due=due),
                        f"/seller/invitations/{match.id}",
                    )


def buyer_requests(
    session: Session, organisation: Organisation, status: str | None, page: int, per_page: int
) -> tuple[list[DemandRequest], int]:
    """One page of an organisation's requests, newest first."""
    query = select(DemandRequest).where(DemandRequest.buyer_id == organisation.id)
    if status:
        query = query.where(DemandRequest.status == status)
    shown = query.order_by(DemandRequest.created_at.desc(), DemandRequest.id.desc())
    return page_rows(session, shown, page, per_page)


def quotes_of(request: DemandRequest) -> list[Quote]:
    """Live and decided quotes of the request (withdrawn ones left out), cheapest total first."""
    quotes = [q for m in request.matches for q in m.quotes if q.status != "withdrawn"]
    return sorted(quotes, key=lambda q: (q.total_price, q.delivery_date))
