"""Ranking reads listing records with flat queries that agree with the ORM view."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.catalogue_records import records_for, to_record
from models import Listing, SupplierCertification
from tests.factories import make_listing, make_seller


def test_records_for_matches_the_orm_view(db: Session) -> None:
    seller = make_seller(db, name="Katering Bu Sri", kecamatan_name="Cakung")
    profile = seller.organisation.supplier_profile
    profile.about = "Nasi kotak dan tumpeng untuk acara kantor"
    db.add(SupplierCertification(supplier=profile, kind="halal", number="ID-1",
                                 expires_on=date(2030, 1, 1)))
    db.add(SupplierCertification(supplier=profile, kind="pirt", number="P-2"))
    nasi = make_listing(db, profile, title="Nasi kotak ayam bakar")
    archived = make_listing(db, profile, title="Tumpeng nasi kuning")
    archived.status = "archived"
    other = make_listing(db, make_seller(db, name="Aneka").organisation.supplier_profile,
                         title="Kursi lipat", category_slug="furniture")
    db.commit()

    got = records_for(db, [nasi.id, archived.id, other.id, 999_999])

    assert set(got) == {nasi.id, archived.id, other.id}
    for listing in db.scalars(select(Listing).where(Listing.id.in_(list(got)))):
        assert got[listing.id] == to_record(listing, awards_won=0)
    assert {c.kind for c in got[nasi.id].certifications} == {"halal", "pirt"}
    assert got[archived.id].listing_active is False
    assert got[nasi.id].kecamatan == "Cakung"
