"""Loads the deterministic Jakarta demo dataset into the database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import today as jakarta_today
from app.demo.generator import generate_demo
from app.demo.records import DemoBuyer, DemoData, DemoRequest, DemoSeller
from app.services.accounts import hash_password
from app.services.demo_deals import play_deals
from app.services.demo_history import play_history
from app.services.index_changes import request_rebuild
from app.services.settings import DEFAULTS, WorkflowSettings
from app.services.storefront import week_of
from models import (
    Category,
    DemandRequest,
    FeaturedListing,
    Kecamatan,
    Kelurahan,
    Kota,
    Listing,
    Organisation,
    SupplierCertification,
    SupplierProfile,
    User,
)

DEMO_PASSWORD = "pasarpadu-demo-2026"


def database_is_empty(session: Session) -> bool:
    """True when no user account exists yet."""
    return not session.scalar(select(func.count()).select_from(User))


class _Places:
    """Looks up reference places by name."""

    def __init__(self, session: Session) -> None:
        self.kota = {k.name: k for k in session.scalars(select(Kota))}
        self.kecamatan = {(k.kota.name, k.name): k for k in session.scalars(select(Kecamatan))}
        self.kelurahan = {(k.kecamatan_id, k.name): k for k in session.scalars(select(Kelurahan))}

    def organisation_place(self, kota: str, kecamatan: str, kelurahan: str) -> dict[str, int | None]:
        found = self.kecamatan[(kota, kecamatan)]
        village = self.kelurahan.get((found.id, kelurahan))
        return {
            "kota_id": found.kota_id,
            "kecamatan_id": found.id,
            "kelurahan_id": village.id if village else None,
        }


def _moment(today: date, days_ago: int) -> datetime:
    return datetime.combine(today - timedelta(days=days_ago), time(9, 0), tzinfo=UTC)


def _add_seller(
    session: Session,
    places: _Places,
    categories: dict[str, Category],
    seller: DemoSeller,
    password_hash: str,
    today: date,
    index: int,
) -> list[Listing]:
    organisation = Organisation(
        kind="umkm",
        legal_name=seller.legal_name,
        nib=seller.nib,
        npwp=seller.npwp,
        street_address=seller.street_address,
        phone=seller.phone,
        email=seller.email,
        created_at=_moment(today, 400 - index % 365),
        **places.organisation_place(seller.kota, seller.kecamatan, seller.kelurahan),
    )
    profile = SupplierProfile(
        organisation=organisation,
        display_name=seller.legal_name,
        about=seller.about,
        kbli_codes=list(seller.kbli_codes),
        jakpreneur_member=seller.jakpreneur,
        scale=seller.scale,
        monthly_capacity=seller.monthly_capacity,
        verified=seller.verified,
        active=seller.active,
        verified_at=_moment(today, 200) if seller.verified else None,
    )
    for certificate in seller.certifications:
        profile.certifications.append(
            SupplierCertification(
                kind=certificate.kind, number=certificate.number, expires_on=certificate.expires_on
            )
        )
    session.add(
        User(
            email=seller.email,
            password_hash=password_hash,
            full_name=seller.contact_name,
            role="seller",
            organisation=organisation,
            active=seller.active,
        )
    )
    listings = []
    for position, item in enumerate(seller.listings):
        created = _moment(today, (index * 7 + position * 3) % 300 + 1)
        listing = Listing(
            supplier=profile,
            category=categories[item.category],
            title=item.title,
            description=item.description,
            price=item.price,
            unit=item.unit,
            min_order=item.min_order,
            monthly_capacity=item.monthly_capacity,
            lead_time_days=item.lead_time_days,
            status=item.status,
            created_at=created,
            updated_at=created,
            published_at=created if item.status != "draft" else None,
        )
        session.add(listing)
        listings.append(listing)
    return listings


def _add_buyer(session: Session, places: _Places, buyer: DemoBuyer, password_hash: str) -> Organisation:
    organisation = Organisation(
        kind=buyer.kind,
        legal_name=buyer.legal_name,
        street_address=buyer.street_address,
        phone=buyer.phone,
        email=buyer.email,
        skip_review=buyer.skip_review,
        verification_state="verified",
        verified_at=datetime.now(UTC),
        **places.organisation_place(buyer.kota, buyer.kecamatan, buyer.kelurahan),
    )
    for email, name in buyer.users:
        session.add(
            User(
                email=email,
                password_hash=password_hash,
                full_name=name,
                role="buyer",
                organisation=organisation,
            )
        )
    session.add(organisation)
    return organisation


def _add_request(
    session: Session,
    places: _Places,
    categories: dict[str, Category],
    buyer: Organisation,
    request: DemoRequest,
    today: date,
    index: int,
) -> DemandRequest:
    place = places.organisation_place(request.kota, request.kecamatan, "")
    created = _moment(today, max(3, 10 - request.needed_by_offset_days // 2) + index % 5)
    demand = DemandRequest(
        buyer=buyer,
        created_by=buyer.users[0] if buyer.users else None,
        title=request.title,
        description=request.description,
        category=categories.get(request.category),
        quantity=request.quantity,
        unit=request.unit,
        budget_ceiling=request.budget_ceiling,
        kota_id=place["kota_id"],
        kecamatan_id=place["kecamatan_id"],
        needed_by=today + timedelta(days=request.needed_by_offset_days),
        required_certifications=list(request.required_certifications),
        umkm_only=request.umkm_only,
        status="draft",
        created_at=created,
        updated_at=created,
    )
    session.add(demand)
    return demand


def seed_demo(
    session: Session,
    seed: int = 2026,
    today: date | None = None,
    index_catalogue: Callable[[Session], None] | None = None,
    settings: WorkflowSettings = DEFAULTS,
) -> dict[str, int]:
    """Insert the demo dataset; returns how many of each thing were added.

    ``index_catalogue``, when given, is called once the catalogue is in the session and before
    the requests' history is played, so the history's proposals come from the engine.
    """
    today = today or jakarta_today()
    data: DemoData = generate_demo(seed=seed, today=today)
    places = _Places(session)
    categories = {c.slug: c for c in session.scalars(select(Category))}
    password_hash = hash_password(DEMO_PASSWORD)
    featured: list[Listing] = []
    listing_count = 0
    for index, seller in enumerate(data.sellers):
        listings = _add_seller(session, places, categories, seller, password_hash, today, index)
        listing_count += len(listings)
        featured += [
            listing
            for listing, item in zip(listings, seller.listings, strict=True)
            if item.featured and item.status == "active" and seller.active
        ]
    buyers = [_add_buyer(session, places, buyer, password_hash) for buyer in data.buyers]
    officials = [
        User(email=o.email, password_hash=password_hash, full_name=o.contact_name, role="official")
        for o in data.officials
    ]
    session.add_all(officials)
    session.flush()
    plans = [
        (_add_request(session, places, categories, buyers[r.buyer_index], r, today, n), r)
        for n, r in enumerate(data.requests)
    ]
    friday = week_of(today)
    for listing in featured[:8]:
        session.add(FeaturedListing(week_of=friday, listing=listing))
    session.flush()
    if index_catalogue is not None:
        index_catalogue(session)
    play_history(session, plans, officials[0], today, seed)
    orders = play_deals(session, officials[0], today, seed, settings)
    request_rebuild(session, "seed")  # the indexer builds the whole demo catalogue in one go
    return {
        "sellers": len(data.sellers),
        "listings": listing_count,
        "buyers": len(data.buyers),
        "requests": len(data.requests),
        "officials": len(data.officials),
        "orders": orders,
    }
