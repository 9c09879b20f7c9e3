"""Ranking reads listing records with flat queries that agree with the ORM view."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.catalogue_records import records_for
from matching.types import Certification, ListingRecord
from models import Listing, SupplierCertification
from tests.factories import make_listing, make_seller


def to_record(listing: Listing, awards_won: int = 0) -> ListingRecord:
    """The engine's view of one listing, read through the ORM relationships (the oracle)."""
    supplier = listing.supplier
    organisation = supplier.organisation
    seller_words = " ".join(filter(None, [supplier.display_name, supplier.about]))
    return ListingRecord(
        listing_id=listing.id,
        supplier_id=supplier.id,
        title=listing.title,
        description=listing.description,
        category=listing.category.slug,
        category_name=listing.category.name_id,
        supplier_name=supplier.display_name,
        seller_text=seller_words,
        price=listing.price,
        unit=listing.unit,
        min_order=listing.min_order,
        monthly_capacity=listing.monthly_capacity or supplier.monthly_capacity,
        lead_time_days=listing.lead_time_days,
        kota=organisation.kota.name if organisation.kota else "",
        kecamatan=organisation.kecamatan.name if organisation.kecamatan else "",
        certifications=tuple(Certification(c.kind, c.expires_on) for c in supplier.certifications),
        scale=supplier.scale,
        is_umkm=organisation.kind == "umkm",
        listing_active=listing.status == "active",
        seller_active=supplier.active,
        seller_verified=supplier.verified,
        awards_won=awards_won,
    )


def test_records_for_matches_the_orm_view(db: Session) -> None:
    seller = make_seller(db, name="Katering Bu Sri", kecamatan_name="Cakung")
    profile = seller.organisation.supplier_profile
    profile.about = "Nasi kotak dan tumpeng untuk acara kantor"
    db.add(SupplierCertification(supplier=profile, kind="halal", number="ID-1", expires_on=date(2030, 1, 1)))
    db.add(SupplierCertification(supplier=profile, kind="pirt", number="P-2"))
    nasi = make_listing(db, profile, title="Nasi kotak ayam bakar")
    archived = make_listing(db, profile, title="Tumpeng nasi kuning")
    archived.status = "archived"
    other = make_listing(
        db,
        make_seller(db, name="Aneka").organisation.supplier_profile,
        title="Kursi lipat",
        category_slug="furniture",
    )
    db.commit()

    got = records_for(db, [nasi.id, archived.id, other.id, 999_999])

    assert set(got) == {nasi.id, archived.id, other.id}
    for listing in db.scalars(select(Listing).where(Listing.id.in_(list(got)))):
        assert got[listing.id] == to_record(listing, awards_won=0)
    assert {c.kind for c in got[nasi.id].certifications} == {"halal", "pirt"}
    assert got[archived.id].listing_active is False
    assert got[nasi.id].kecamatan == "Cakung"
