"""Turns database rows into the matching engine's plain records and queries."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.services.supplier_records import supplier_records
from app.services.visibility import visible_listings
from matching.track_record import TrackRecord
from matching.types import Certification, DemandQuery, ListingRecord
from models import (
    Award,
    Category,
    DemandRequest,
    Kecamatan,
    Kota,
    Listing,
    Match,
    Organisation,
    SupplierCertification,
    SupplierProfile,
)

BATCH = 1000


def indexable() -> Select[Listing]:
    """Listings the index holds: the visible ones (``visibility.visible_listings``)."""
    return visible_listings()


def awards_won(session: Session, supplier_ids: Iterable[int]) -> dict[int, int]:
    """How many awards each of these suppliers has won."""
    return _awards(session, supplier_ids)


def _awards(session: Session, supplier_ids: Iterable[int]) -> dict[int, int]:
    ids = list(set(supplier_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(Award.supplier_id, func.count(Award.id))
        .where(Award.supplier_id.in_(ids))
        .group_by(Award.supplier_id)
    ).all()
    return {int(supplier_id): int(count) for supplier_id, count in rows}


def track_records(session: Session, supplier_ids: Iterable[int]) -> dict[int, TrackRecord]:
    """Each supplier's record of delivered orders (on time or not) and buyers' ratings, as the
    engine reads it: ``supplier_records``, the figures the supplier's page shows.

    Suppliers without any history are left out (the engine reads them as new).
    """
    return {
        supplier_id: record.track_record()
        for supplier_id, record in supplier_records(session, supplier_ids).items()
    }


def records_for(session: Session, listing_ids: Iterable[int]) -> dict[int, ListingRecord]:
    """Records of the given listings (whatever their status), keyed by listing id.

    Flat column queries over primary and foreign keys (listings with their category, seller
    and place; then certificates; then award counts and track records), no ORM objects: the
    cost follows the number of candidates, whatever the size of the catalogue.
    """
    ids = list(dict.fromkeys(int(i) for i in listing_ids))
    result: dict[int, ListingRecord] = {}
    for start in range(0, len(ids), BATCH):
        result.update(_flat_records(session, ids[start : start + BATCH]))
    return result


def _flat_records(session: Session, ids: list[int]) -> dict[int, ListingRecord]:
    rows = session.execute(
        select(
            Listing.id,
            Listing.supplier_id,
            Listing.title,
            Listing.description,
            Category.slug,
            Category.name_id,
            SupplierProfile.display_name,
            SupplierProfile.about,
            Listing.price,
            Listing.unit,
            Listing.min_order,
            Listing.monthly_capacity,
            SupplierProfile.monthly_capacity,
            Listing.lead_time_days,
            Kota.name,
            Kecamatan.name,
            SupplierProfile.scale,
            Organisation.kind,
            Listing.status,
            SupplierProfile.active,
            SupplierProfile.verified,
        )
        .join(Category, Category.id == Listing.category_id)
        .join(SupplierProfile, SupplierProfile.id == Listing.supplier_id)
        .join(Organisation, Organisation.id == SupplierProfile.organisation_id)
        .outerjoin(Kota, Kota.id == Organisation.kota_id)
        .outerjoin(Kecamatan, Kecamatan.id == Organisation.kecamatan_id)
        .where(Listing.id.in_(ids))
    ).all()
    suppliers = {int(row[1]) for row in rows}
    certificates: dict[int, list[Certification]] = {}
    if suppliers:
        for supplier_id, kind, expires_on in session.execute(
            select(
                SupplierCertification.supplier_id,
                SupplierCertification.kind,
                SupplierCertification.expires_on,
            )
            .where(SupplierCertification.supplier_id.in_(suppliers))
            .order_by(SupplierCertification.supplier_id, SupplierCertification.kind)
        ):
            certificates.setdefault(int(supplier_id), []).append(Certification(kind, expires_on))
    awards = _awards(session, suppliers)
    records = track_records(session, suppliers)
    out: dict[int, ListingRecord] = {}
    for (
        listing_id,
        supplier_id,
        title,
        description,
        slug,
        category_name,
        display_name,
        about,
        price,
        unit,
        min_order,
        capacity,
        supplier_capacity,
        lead_time,
        kota,
        kecamatan,
        scale,
        org_kind,
        status,
        active,
        verified,
    ) in rows:
        out[int(listing_id)] = ListingRecord(
            listing_id=int(listing_id),
            supplier_id=int(supplier_id),
            title=title,
            description=description,
            category=slug,
            category_name=category_name,
            supplier_name=display_name,
            seller_text=" ".join(filter(None, [display_name, about])),
            price=price,
            unit=unit,
            min_order=min_order,
            monthly_capacity=capacity or supplier_capacity,
            lead_time_days=lead_time,
            kota=kota or "",
            kecamatan=kecamatan or "",
            certifications=tuple(certificates.get(int(supplier_id), ())),
            scale=scale,
            is_umkm=org_kind == "umkm",
            listing_active=status == "active",
            seller_active=bool(active),
            seller_verified=bool(verified),
            awards_won=awards.get(int(supplier_id), 0),
            track_record=records.get(int(supplier_id)),
        )
    return out


def listing_words(session: Session, listing_ids: Iterable[int]) -> dict[int, str]:
    """Title, description, category and seller name of each listing, for word matching."""
    ids = list(listing_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(
            Listing.id,
            Listing.title,
            Listing.description,
            Category.name_id,
            Category.slug,
            SupplierProfile.display_name,
        )
        .join(Listing.category)
        .join(Listing.supplier)
        .where(Listing.id.in_(ids))
    )
    return {int(row[0]): " ".join(part or "" for part in row[1:]) for row in rows}


def iter_indexable_records(session: Session, batch: int = 2 * BATCH) -> Iterator[ListingRecord]:
    """Every indexable listing as a record, streamed in id order, ``batch`` at a time.

    Flat column queries (no ORM objects), so memory stays flat and a national catalogue
    streams at database speed.
    """
    last_id = 0
    while True:
        ids = list(
            session.scalars(
                indexable()
                .with_only_columns(Listing.id)
                .where(Listing.id > last_id)
                .order_by(Listing.id)
                .limit(batch)
            )
        )
        if not ids:
            return
        records = _flat_records(session, ids)
        yield from (records[i] for i in ids if i in records)
        last_id = ids[-1]


def count_indexable(session: Session) -> int:
    """How many listings the index should hold."""
    return session.scalar(select(func.count()).select_from(indexable().subquery())) or 0


def demand_query(request: DemandRequest, today: date) -> DemandQuery:
    """The engine's view of a demand request."""
    return DemandQuery(
        text=f"{request.title}. {request.description}".strip(),
        category=request.category.slug if request.category else None,
        quantity=request.quantity,
        unit=request.unit,
        budget_ceiling=request.budget_ceiling,
        kota=request.kota.name if request.kota else "",
        kecamatan=request.kecamatan.name if request.kecamatan else "",
        needed_by=request.needed_by,
        today=today,
        required_certifications=tuple(request.required_certifications or ()),
        umkm_only=request.umkm_only,
    )


def proposals_per_day(
    session: Session,
    today: date,
    supplier_ids: Iterable[int] | None = None,
    days: int = 180,
    undecided: bool = True,
) -> list[tuple[int, date, int]]:
    """(supplier id, day, proposals) for each supplier and day of the last ``days`` days: the
    one count of exposure (``undecided`` False leaves out proposals still awaiting review).

    Counted per supplier and day in the database, so the cost follows the candidates, not the
    number of proposals ever made.
    """
    since = datetime.combine(today - timedelta(days=days), datetime.min.time(), tzinfo=UTC)
    day = func.date(Match.created_at)
    query = (
        select(Match.supplier_id, day, func.count(Match.id))
        .where(Match.created_at >= since)
        .group_by(Match.supplier_id, day)
    )
    if supplier_ids is not None:
        ids = list(set(supplier_ids))
        if not ids:
            return []
        query = query.where(Match.supplier_id.in_(ids))
    if not undecided:
        query = query.where(Match.status != "proposed")
    return [
        (int(supplier_id), on if isinstance(on, date) else date.fromisoformat(str(on)[:10]), int(count))
        for supplier_id, on, count in session.execute(query)
    ]


def exposure_events(
    session: Session,
    today: date,
    supplier_ids: Iterable[int] | None = None,
    days: int = 180,
    undecided: bool = True,
) -> list[tuple[int, date]]:
    """(supplier id, day) once per proposal of the last ``days`` days, for the given suppliers
    (``undecided`` False leaves out proposals still awaiting review, which a batch re-match
    may replace, so that its rankings do not depend on one another)."""
    return [
        (supplier_id, on)
        for supplier_id, on, count in proposals_per_day(session, today, supplier_ids, days, undecided)
        for _ in range(count)
    ]
