"""Factories for test data, built through the same services the app uses."""

from __future__ import annotations

import itertools

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.accounts import (
    OrganisationDetails,
    create_staff_user,
    register_buyer,
    register_seller,
)
from app.services.listings import ListingInput, create_listing
from models import Category, DemandRequest, Kecamatan, Kota, Listing, SupplierProfile, User

_counter = itertools.count(1)
PASSWORD = "kata sandi yang panjang"


def kecamatan(session: Session, name: str | None = None) -> Kecamatan:
    """A kecamatan by name, or the first one."""
    query = select(Kecamatan).order_by(Kecamatan.id)
    if name:
        query = select(Kecamatan).where(Kecamatan.name == name)
    found = session.scalars(query).first()
    assert found is not None, f"no kecamatan {name!r} in the reference data"
    return found


def kota(session: Session, name: str) -> Kota:
    """A kota by name."""
    found = session.scalar(select(Kota).where(Kota.name == name))
    assert found is not None
    return found


def category(session: Session, slug: str = "catering") -> Category:
    """A category by slug."""
    found = session.scalar(select(Category).where(Category.slug == slug))
    assert found is not None
    return found


def make_seller(
    session: Session,
    email: str | None = None,
    name: str | None = None,
    kecamatan_name: str | None = None,
    verified: bool = True,
    scale: str = "micro",
) -> User:
    """A seller user with an UMKM organisation and supplier profile."""
    n = next(_counter)
    user = register_seller(
        session,
        email=email or f"seller{n}@test.id",
        password=PASSWORD,
        full_name=f"Penjual {n}",
        details=OrganisationDetails(
            legal_name=name or f"Usaha Maju {n}",
            kecamatan_id=kecamatan(session, kecamatan_name).id,
            phone="081234567890",
            nib=f"{n:013d}",
        ),
        scale=scale,
    )
    assert user.organisation is not None and user.organisation.supplier_profile is not None
    user.organisation.supplier_profile.verified = verified
    session.flush()
    return user


def make_buyer(
    session: Session, email: str | None = None, kind: str = "government", verified: bool = True
) -> User:
    """A buyer user with its organisation, verified by an official unless told otherwise."""
    n = next(_counter)
    user = register_buyer(
        session,
        email=email or f"buyer{n}@test.id",
        password=PASSWORD,
        full_name=f"Pembeli {n}",
        kind=kind,
        details=OrganisationDetails(
            legal_name=f"Dinas Uji {n}", kecamatan_id=kecamatan(session).id, phone="0215550000"
        ),
    )
    assert user.organisation is not None
    if verified:
        user.organisation.verification_state = "verified"
        session.flush()
    return user


def make_admin(session: Session, email: str | None = None) -> User:
    """An admin account."""
    n = next(_counter)
    return create_staff_user(
        session,
        email=email or f"admin{n}@test.id",
        password=PASSWORD,
        full_name=f"Admin {n}",
        role="admin",
    )


def make_official(session: Session, email: str | None = None) -> User:
    """An official account."""
    n = next(_counter)
    return create_staff_user(
        session,
        email=email or f"official{n}@test.id",
        password=PASSWORD,
        full_name=f"Petugas {n}",
        role="official",
    )


def make_listing(
    session: Session,
    supplier: SupplierProfile,
    title: str = "Nasi kotak",
    category_slug: str = "catering",
    price: int = 35_000,
    description: str = "Nasi kotak lengkap untuk rapat kantor.",
    publish: bool = True,
    unit: str = "kotak",
) -> Listing:
    """A listing of the supplier, published unless told otherwise."""
    return create_listing(
        session,
        supplier,
        ListingInput(
            title=title,
            description=description,
            category_id=category(session, category_slug).id,
            price=price,
            unit=unit,
            min_order=10,
            monthly_capacity=3000,
            lead_time_days=2,
        ),
        publish=publish,
    )


def make_request(
    session: Session,
    buyer: User,
    title: str = "Nasi kotak rapat koordinasi",
    description: str = "Nasi kotak ayam bakar untuk 100 peserta rapat.",
    quantity: int = 100,
    budget: int | None = 5_000_000,
    days: int = 21,
    kecamatan_name: str = "Cakung",
    certifications: list[str] | None = None,
    category_slug: str | None = "catering",
) -> DemandRequest:
    """A draft demand request of the buyer's organisation."""
    from datetime import timedelta

    from app.clock import today
    from app.services.demand import RequestInput, create_request

    return create_request(
        session,
        buyer,
        RequestInput(
            title=title,
            description=description,
            category_id=category(session, category_slug).id if category_slug else None,
            quantity=quantity,
            unit="kotak",
            budget_ceiling=budget,
            kecamatan_id=kecamatan(session, kecamatan_name).id,
            needed_by=today() + timedelta(days=days),
            quotes_due=None,
            required_certifications=certifications or [],
            umkm_only=True,
        ),
        today(),
    )
