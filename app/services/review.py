"""Officials' work: reviewing proposed matches and verifying sellers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from app.services import ServiceError
from app.services.catalogue_records import proposals_per_day
from app.services.index_changes import record_change
from app.services.locks import lock_requests
from app.services.notifications import notify_organisation
from app.services.paging import page_rows
from app.services.states import STATE_NAMES, record_event, transition
from app.services.timeline import note_data, note_reason
from models import DemandRequest, Match, SupplierProfile, User, utcnow
from models.states import RequestState

NIB_PATTERN = re.compile(r"^\d{13}$")
CLOSED_STATES = (RequestState.AWARDED, RequestState.FULFILLED, RequestState.CANCELLED)


@dataclass(frozen=True)
class QueueFilters:
    """Filters of the review queue."""

    kota_id: int | None = None
    category_id: int | None = None
    min_age_days: int | None = None


def _queue_query(filters: QueueFilters, today: date) -> Select[Match]:
    query = (
        select(Match)
        .join(Match.request)
        .where(Match.status == "proposed", DemandRequest.status.in_(("open", "under_review")))
    )
    if filters.kota_id:
        query = query.where(DemandRequest.kota_id == filters.kota_id)
    if filters.category_id:
        query = query.where(DemandRequest.category_id == filters.category_id)
    if filters.min_age_days:
        cutoff = datetime.combine(
            today - timedelta(days=filters.min_age_days), datetime.min.time(), tzinfo=UTC
        )
        query = query.where(Match.created_at <= cutoff)
    return query


def review_queue(
    session: Session, filters: QueueFilters, today: date, page: int, per_page: int
) -> tuple[list[Match], int]:
    """Proposals awaiting review, oldest first, one page, and how many there are in all."""
    query = _queue_query(filters, today)
    shown = query.options(
        selectinload(Match.request), selectinload(Match.supplier), selectinload(Match.listing)
    ).order_by(Match.created_at, Match.request_id, Match.rank)
    return page_rows(session, shown, page, per_page)


def recent_exposure(
    session: Session, supplier_ids: Iterable[int], today: date, days: int = 90
) -> dict[int, int]:
    """How often each supplier was proposed in the last ``days`` days (what reviewers see)."""
    counts: dict[int, int] = {}
    for supplier_id, _on, count in proposals_per_day(session, today, supplier_ids, days):
        counts[supplier_id] = counts.get(supplier_id, 0) + count
    return counts


def _locked(session: Session, ids: list[int]) -> tuple[list[DemandRequest], list[Match]]:
    """The proposals and their requests, row-locked and read afresh (requests first)."""
    if not ids:
        raise ServiceError(str(_l("Choose at least one proposal.")))
    request_ids = session.scalars(select(Match.request_id).where(Match.id.in_(ids)))
    requests = lock_requests(session, request_ids)  # an award or cancellation waits for us
    found = list(
        session.scalars(
            select(Match)
            .where(Match.id.in_(ids))
            .order_by(Match.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    )
    if len(found) != len(ids):
        raise ServiceError(str(_l("Some of these proposals no longer exist.")))
    return requests, found


def _matches(session: Session, match_ids: Iterable[int]) -> list[Match]:
    ids = list(dict.fromkeys(int(i) for i in match_ids))
    requests, found = _locked(session, ids)
    if any(r.status in CLOSED_STATES for r in requests):
        raise ServiceError(
            str(
                _l(
                    "The request of some of these proposals is already closed "
                    "(awarded, fulfilled or cancelled); they can no longer be "
                    "reviewed."
                )
            )
        )
    if any(m.status != "proposed" for m in found):
        raise ServiceError(str(_l("Some of these proposals were already reviewed or closed.")))
    return found


def _announce_to_buyer(session: Session, requests: set[DemandRequest]) -> None:
    for request in requests:
        approved = sum(1 for m in request.matches if m.status == "approved")
        if approved:
            notify_organisation(
                session,
                request.buyer,
                "proposals",
                _l("Suppliers ready for %(title)s", title=request.title),
                _l("%(n)d proposed suppliers were approved; you can now invite them to quote.", n=approved),
                f"/requests/{request.id}",
            )


def approve(session: Session, match_ids: Iterable[int], official: User) -> int:
    """Approve proposals (one or many); the buyer can then see and invite them."""
    matches = _matches(session, match_ids)
    for match in matches:
        transition(session, "match", match, "approved", official)
        match.reviewed_by_id, match.reviewed_at = official.id, utcnow()
    _finish_reviews(session, {m.request for m in matches}, official)
    _announce_to_buyer(session, {m.request for m in matches})
    return len(matches)


def reject(session: Session, match_ids: Iterable[int], official: User, reason: str) -> int:
    """Reject proposals with a reason (required); the buyer never sees them."""
    if not reason.strip():
        raise ServiceError(str(_l("Give a reason for the rejection.")), "reason")
    matches = _matches(session, match_ids)
    for match in matches:
        transition(session, "match", match, "rejected", official, reason=reason.strip())
        match.review_reason = reason.strip()
        match.reviewed_by_id, match.reviewed_at = official.id, utcnow()
    _finish_reviews(session, {m.request for m in matches}, official)
    return len(matches)


@dataclass
class Outcome:
    """What one batch of decisions did: counts, and the proposals left as they were."""

    approved: int = 0
    rejected: int = 0
    stale: list[str] = field(default_factory=list)


def decide(session: Session, approvals: Iterable[int], rejections: dict[int, str], official: User) -> Outcome:
    """Approve and reject proposals in one transaction, each through the audited transition.

    A rejection needs a reason (refused before anything is written). A proposal another
    official already decided, or whose request has closed meanwhile, is left as it is and
    reported in ``Outcome.stale``; the others are decided.
    """
    approve_ids = list(dict.fromkeys(int(i) for i in approvals))
    reject_ids = {int(k): v for k, v in rejections.items()}
    if set(approve_ids) & set(reject_ids):
        raise ServiceError(str(_l("A proposal cannot be approved and rejected at once.")))
    for match_id, reason in reject_ids.items():
        if not reason.strip():
            raise ServiceError(str(_l("Give a reason for the rejection.")), f"reason_{match_id}")
    _, found = _locked(session, approve_ids + list(reject_ids))
    outcome, touched = Outcome(), set()
    for match in found:
        request = match.request
        if request.status in CLOSED_STATES:
            outcome.stale.append(
                str(
                    _l(
                        "%(supplier)s for “%(title)s”: the request is already closed; left as it is.",
                        supplier=match.supplier.display_name,
                        title=request.title,
                    )
                )
            )
            continue
        if match.status != "proposed":
            outcome.stale.append(
                str(
                    _l(
                        "%(supplier)s for “%(title)s” was already decided (%(state)s) by %(name)s; "
                        "left as it is.",
                        supplier=match.supplier.display_name,
                        title=request.title,
                        state=STATE_NAMES.get(match.status, match.status),
                        name=_reviewer_name(session, match),
                    )
                )
            )
            continue
        if match.id in reject_ids:
            reason = reject_ids[match.id].strip()
            transition(session, "match", match, "rejected", official, reason=reason)
            match.review_reason = reason
            outcome.rejected += 1
        else:
            transition(session, "match", match, "approved", official)
            outcome.approved += 1
        match.reviewed_by_id, match.reviewed_at = official.id, utcnow()
        touched.add(request)
    _finish_reviews(session, touched, official)
    _announce_to_buyer(session, {m.request for m in found if m.request in touched and m.status == "approved"})
    return outcome


def _reviewer_name(session: Session, match: Match) -> str:
    reviewer = session.get(User, match.reviewed_by_id) if match.reviewed_by_id else None
    return (reviewer.full_name or reviewer.email) if reviewer else str(_l("another official"))


def _finish_reviews(session: Session, requests: set[DemandRequest], official: User) -> None:
    """A request whose proposals are all reviewed goes back to the buyer."""
    for request in requests:
        if request.status == "under_review" and all(m.status != "proposed" for m in request.matches):
            transition(
                session,
                "request",
                request,
                "open",
                official,
                reason=note_reason("review_finished"),
                data=note_data("review_finished"),
            )


def verification_queue(session: Session, page: int, per_page: int) -> tuple[list[SupplierProfile], int]:
    """Active sellers not yet verified, oldest registration first."""
    query = select(SupplierProfile).where(
        SupplierProfile.verified.is_(False), SupplierProfile.active.is_(True)
    )
    shown = query.options(
        selectinload(SupplierProfile.organisation), selectinload(SupplierProfile.certifications)
    ).order_by(SupplierProfile.created_at, SupplierProfile.id)
    return page_rows(session, shown, page, per_page)


def verify_supplier(session: Session, supplier: SupplierProfile, official: User) -> None:
    """Mark the seller verified; from now on the matcher may propose it."""
    if supplier.verified:
        raise ServiceError(str(_l("This seller is already verified.")))
    if not NIB_PATTERN.match(supplier.organisation.nib or ""):
        raise ServiceError(str(_l("The NIB must have 13 digits before the seller can be verified.")))
    supplier.verified, supplier.verified_by_id, supplier.verified_at = True, official.id, utcnow()
    record_event(
        session,
        actor=official,
        action="supplier.verified",
        object_type="supplier",
        object_id=supplier.id,
        from_state="unverified",
        to_state="verified",
    )
    record_change(session, supplier_ids=[supplier.id], reason="verification")
    notify_organisation(
        session,
        supplier.organisation,
        "verification",
        _l("Your business is verified"),
        _l("Buyers' requests can now be matched to your products."),
        "/seller/",
    )


def decline_verification(session: Session, supplier: SupplierProfile, official: User, reason: str) -> None:
    """Tell the seller what to fix before verification; the seller stays unverified."""
    if not reason.strip():
        raise ServiceError(str(_l("Give a reason so the seller knows what to fix.")), "reason")
    record_event(
        session,
        actor=official,
        action="supplier.verification_declined",
        object_type="supplier",
        object_id=supplier.id,
        from_state="unverified",
        to_state="unverified",
        reason=reason.strip(),
    )
    notify_organisation(
        session,
        supplier.organisation,
        "verification",
        _l("Verification needs changes"),
        reason.strip(),
        "/seller/profile",
    )
