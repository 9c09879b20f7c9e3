"""Buyer organisations verified by officials before their first request is published."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.services import ServiceError
from app.services.notifications import notify, notify_organisation
from app.services.paging import page_rows
from app.services.states import record_event
from models import DemandRequest, Organisation, Role, User, utcnow

BUYER_KINDS = ("government", "bumd", "corporate")


def awaits_verification_message() -> str:
    """What a buyer is told when publishing before an official verified the organisation."""
    return str(
        _l(
            "Your organisation awaits verification by an official. You can save drafts "
            "now; they can be published once the organisation is verified."
        )
    )


def require_verified_buyer(organisation: Organisation) -> None:
    """Refuse publishing for a buyer organisation that no official has verified yet."""
    if organisation.kind in BUYER_KINDS and not organisation.buyer_verified:
        if organisation.verification_state == "rejected":
            raise ServiceError(
                str(
                    _l(
                        "Your organisation's verification was declined: %(reason)s",
                        reason=organisation.verification_reason or "–",
                    )
                )
            )
        raise ServiceError(awaits_verification_message())


@dataclass
class BuyerRow:
    """One buyer organisation in the officials' list, with what helps decide."""

    organisation: Organisation
    drafts: int


def buyer_organisations(
    session: Session, state: str, search: str, page: int, per_page: int
) -> tuple[list[BuyerRow], int]:
    """Buyer organisations in ``state`` (oldest registration first), optionally by name or e-mail."""
    query = select(Organisation).where(Organisation.kind.in_(BUYER_KINDS))
    if state in ("pending", "verified", "rejected"):
        query = query.where(Organisation.verification_state == state)
    if search.strip():
        pattern = f"%{search.strip().lower()}%"
        query = query.where(
            func.lower(Organisation.legal_name).like(pattern) | func.lower(Organisation.email).like(pattern)
        )
    shown = query.options(selectinload(Organisation.users), selectinload(Organisation.kecamatan)).order_by(
        Organisation.created_at, Organisation.id
    )
    rows, total = page_rows(session, shown, page, per_page)
    ids = [o.id for o in rows]
    drafts = (
        dict(
            session.execute(
                select(DemandRequest.buyer_id, func.count())
                .where(DemandRequest.buyer_id.in_(ids))
                .group_by(DemandRequest.buyer_id)
            ).all()
        )
        if ids
        else {}
    )
    return [BuyerRow(o, int(drafts.get(o.id, 0))) for o in rows], total


def pending_count(session: Session) -> int:
    """How many buyer organisations wait for verification."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Organisation)
            .where(Organisation.kind.in_(BUYER_KINDS), Organisation.verification_state == "pending")
        )
        or 0
    )


def buyer_organisation(session: Session, organisation_id: int) -> Organisation | None:
    """The buyer organisation with this id, or None (missing or a seller)."""
    organisation = session.get(Organisation, organisation_id)
    if organisation is None or organisation.kind not in BUYER_KINDS:
        return None
    return organisation


def verify_buyer(session: Session, organisation: Organisation, official: User) -> None:
    """Verify a buyer organisation: from now on its requests can be published; it is told."""
    if organisation.buyer_verified:
        raise ServiceError(str(_l("This organisation is already verified.")))
    previous = organisation.verification_state
    organisation.verification_state, organisation.verified_at = "verified", utcnow()
    organisation.verification_reason = ""
    record_event(
        session,
        actor=official,
        action="buyer.verified",
        object_type="organisation",
        object_id=organisation.id,
        from_state=previous,
        to_state="verified",
    )
    notify_organisation(
        session,
        organisation,
        "verification",
        _l("Your organisation is verified"),
        _l("You can now publish your requests to suppliers."),
        "/requests/",
    )
    session.flush()


def reject_buyer(session: Session, organisation: Organisation, official: User, reason: str) -> None:
    """Decline a buyer organisation with a reason (required); it is told why."""
    if not reason.strip():
        raise ServiceError(str(_l("Give a reason so the organisation knows what to fix.")), "reason")
    if organisation.buyer_verified:
        raise ServiceError(str(_l("This organisation is already verified.")))
    previous = organisation.verification_state
    organisation.verification_state = "rejected"
    organisation.verification_reason = reason.strip()[:2000]
    record_event(
        session,
        actor=official,
        action="buyer.verification_declined",
        object_type="organisation",
        object_id=organisation.id,
        from_state=previous,
        to_state="rejected",
        reason=reason.strip(),
    )
    notify_organisation(
        session,
        organisation,
        "verification",
        _l("Verification of your organisation was declined"),
        reason.strip(),
        "/requests/",
    )
    session.flush()


def announce_new_buyer(session: Session, organisation: Organisation) -> None:
    """Tell the officials that a new buyer organisation waits for verification."""
    officials = session.scalars(select(User).where(User.role == Role.OFFICIAL, User.active.is_(True)))
    notify(
        session,
        officials,
        "verification",
        _l("New buyer organisation to verify: %(name)s", name=organisation.legal_name),
        _l("Check that the organisation is who it says it is before its requests go out."),
        f"/review/buyers/{organisation.id}",
    )
