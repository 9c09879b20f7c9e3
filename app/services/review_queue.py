"""The officials' review queue, one block per request, with filters, search and reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from app.clock import JAKARTA
from app.services import ServiceError
from app.services.paging import first_row
from models import DemandRequest, Listing, Match, Organisation, SupplierProfile

OPEN_FOR_REVIEW = ("open", "under_review")

# Reasons an official picks from when rejecting a proposal ("other" needs a note).
REJECTION_REASONS: dict[str, object] = {
    "not_fit": _l("The product does not fit the need"),
    "capacity": _l("Not enough capacity for the quantity"),
    "price": _l("Price far above the budget"),
    "location": _l("Too far from the delivery place"),
    "lead_time": _l("Cannot deliver by the needed-by date"),
    "certificate": _l("Required certificate missing or expired"),
    "seller_data": _l("Doubts about the seller's data"),
    "other": _l("Other reason (say which in the note)"),
}


@dataclass(frozen=True)
class QueueFilters:
    """What the official narrowed the queue to; every field is optional."""

    request_id: int | None = None
    buyer_id: int | None = None
    category_id: int | None = None
    kota_id: int | None = None
    min_age_days: int | None = None
    text: str = ""
    newest_first: bool = False

    @property
    def active(self) -> bool:
        """True when at least one filter is set."""
        return any(
            (self.request_id, self.buyer_id, self.category_id, self.kota_id, self.min_age_days, self.text)
        )


@dataclass
class RequestBlock:
    """One request with its need and the proposals of it that wait for review."""

    request: DemandRequest
    proposals: list[Match] = field(default_factory=list)
    oldest: datetime | None = None


@dataclass
class QueuePage:
    """One page of request blocks and how much waits in all (under the filters)."""

    blocks: list[RequestBlock]
    requests: int
    proposals: int


def rejection_text(code: str, note: str) -> str:
    """The stored reason of a rejection: the chosen reason, then the note, if any.

    A value that is not one of the listed reasons is taken as the reason's own words
    (the API and older forms send free text).
    """
    code, note = code.strip(), " ".join(note.split())
    if not code:
        raise ServiceError(str(_l("Choose a reason for the rejection from the list.")))
    if code == "other" and not note:
        raise ServiceError(str(_l("Say in the note why the proposal is rejected.")))
    label = (
        str(REJECTION_REASONS[code])
        if code in REJECTION_REASONS and code != "other"
        else ("" if code == "other" else code)
    )
    return ": ".join(part for part in (label, note) if part)


def waited_days(created_at: datetime, today: date) -> int:
    """Whole days since ``created_at`` (in Jakarta), never negative."""
    moment = created_at if created_at.tzinfo else created_at.replace(tzinfo=UTC)
    return max((today - moment.astimezone(JAKARTA).date()).days, 0)


def _pending(filters: QueueFilters, today: date) -> Select[int, datetime, int]:
    """(request id, oldest proposal, proposals) of the requests with proposals to review."""
    query = (
        select(
            Match.request_id,
            func.min(Match.created_at).label("oldest"),
            func.count(Match.id).label("waiting"),
        )
        .join(DemandRequest, DemandRequest.id == Match.request_id)
        .where(Match.status == "proposed", DemandRequest.status.in_(OPEN_FOR_REVIEW))
        .group_by(Match.request_id)
    )
    if filters.request_id:
        query = query.where(Match.request_id == filters.request_id)
    if filters.buyer_id:
        query = query.where(DemandRequest.buyer_id == filters.buyer_id)
    if filters.kota_id:
        query = query.where(DemandRequest.kota_id == filters.kota_id)
    if filters.category_id:
        query = query.where(DemandRequest.category_id == filters.category_id)
    if filters.min_age_days:
        cutoff = datetime.combine(
            today - timedelta(days=filters.min_age_days - 1), datetime.min.time(), tzinfo=JAKARTA
        ).astimezone(UTC)
        query = query.having(func.min(Match.created_at) < cutoff)
    if filters.text.strip():
        words = filters.text.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{words}%"
        buyer = aliased(Organisation)
        query = (
            query.join(SupplierProfile, SupplierProfile.id == Match.supplier_id)
            .join(buyer, buyer.id == DemandRequest.buyer_id)
            .outerjoin(Listing, Listing.id == Match.listing_id)
            .where(
                or_(
                    *(
                        func.lower(column).like(pattern, escape="\\")
                        for column in (
                            DemandRequest.title,
                            DemandRequest.description,
                            buyer.legal_name,
                            SupplierProfile.display_name,
                            Listing.title,
                        )
                    )
                )
            )
        )
    return query


def queue_page(session: Session, filters: QueueFilters, today: date, page: int, per_page: int) -> QueuePage:
    """One page of request blocks, the request whose proposal waited longest first
    (or the most recent first, when the filters ask for it)."""
    pending = _pending(filters, today).subquery()
    requests, proposals = session.execute(
        select(func.count(), func.coalesce(func.sum(pending.c.waiting), 0))
    ).one()
    rows = session.execute(
        select(pending.c.request_id, pending.c.oldest)
        .order_by(
            *(
                (pending.c.oldest.desc(), pending.c.request_id.desc())
                if filters.newest_first
                else (pending.c.oldest, pending.c.request_id)
            )
        )
        .limit(per_page)
        .offset(first_row(page, per_page))
    ).all()
    ids = [int(row[0]) for row in rows]
    loaded = {
        r.id: r
        for r in session.scalars(
            select(DemandRequest)
            .where(DemandRequest.id.in_(ids))
            .options(
                selectinload(DemandRequest.buyer),
                selectinload(DemandRequest.kota),
                selectinload(DemandRequest.kecamatan),
                selectinload(DemandRequest.category),
            )
        )
    }
    blocks = {rid: RequestBlock(loaded[rid], oldest=oldest) for rid, oldest in rows if rid in loaded}
    for match in session.scalars(
        select(Match)
        .where(and_(Match.request_id.in_(ids), Match.status == "proposed"))
        .options(selectinload(Match.supplier), selectinload(Match.listing))
        .order_by(Match.request_id, Match.rank, Match.id)
    ):
        blocks[match.request_id].proposals.append(match)
    return QueuePage([blocks[i] for i in ids if i in blocks], int(requests), int(proposals))


def filter_choices(session: Session) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The requests and the buyers that have proposals waiting, for the filter lists."""
    waiting = (
        select(Match.request_id)
        .join(DemandRequest, DemandRequest.id == Match.request_id)
        .where(Match.status == "proposed", DemandRequest.status.in_(OPEN_FOR_REVIEW))
    )
    requests = session.execute(
        select(DemandRequest.id, DemandRequest.title)
        .where(DemandRequest.id.in_(waiting))
        .order_by(DemandRequest.id)
        .limit(500)
    ).all()
    buyers = session.execute(
        select(Organisation.id, Organisation.legal_name)
        .where(Organisation.id.in_(select(DemandRequest.buyer_id).where(DemandRequest.id.in_(waiting))))
        .order_by(Organisation.legal_name)
    ).all()
    return ([(int(i), f"#{i} {t}") for i, t in requests], [(int(i), str(n)) for i, n in buyers])
