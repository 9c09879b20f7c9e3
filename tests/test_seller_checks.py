"""Seller data checks: expired and duplicate certificates, and what officials see to verify."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import today
from app.services.demand import invite_suppliers, publish_request
from app.services.profiles import add_certification
from app.services.review import approve, decline_verification
from models import SupplierCertification, SupplierProfile, User
from tests.conftest import login
from tests.factories import make_buyer, make_listing, make_official, make_request, make_seller


def _certificate(
    client: FlaskClient, number: str, expires_on: str = "", kind: str = "halal"
) -> tuple[int, str]:
    response = client.post(
        "/seller/certifications",
        data={"kind": kind, "number": number, "expires_on": expires_on},
        follow_redirects=True,
    )
    return response.status_code, response.get_data(as_text=True)


def _profile(db: Session, email: str) -> SupplierProfile:
    user = db.scalar(select(User).where(User.email == email))
    assert user is not None and user.organisation is not None
    return user.organisation.supplier_profile


def _count(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(SupplierCertification)) or 0


def test_an_expired_certificate_is_refused_beside_its_field(seller_client: FlaskClient, db: Session) -> None:
    status, page = _certificate(seller_client, "ID00110000123450120", "2020-06-30")
    assert status == 422
    assert "kedaluwarsa pada 30 Juni 2020" in page
    assert 'id="expires_on-error"' in page  # next to the "valid until" field
    assert 'value="ID00110000123450120"' in page  # what was typed is kept
    assert _count(db) == 0
    status, _ = _certificate(
        seller_client, "ID00110000123450120", (today() + timedelta(days=365)).isoformat()
    )
    assert status == 200 and _count(db) == 1


def test_the_same_certificate_twice_is_refused_for_one_seller(
    seller_client: FlaskClient, db: Session
) -> None:
    assert _certificate(seller_client, "PIRT 2063175010123-25", kind="pirt")[0] == 200
    status, page = _certificate(seller_client, " pirt  2063175010123-25 ", kind="pirt")
    assert status == 422 and "sudah menambahkan sertifikat ini" in page
    assert _count(db) == 1


def test_a_number_another_seller_holds_is_accepted_and_flagged_to_officials(
    app: Flask, seller_client: FlaskClient, db: Session
) -> None:
    copier = make_seller(db, email="peniru@test.id", name="Katering Peniru", verified=False)
    make_official(db, email="official@test.id")
    db.commit()
    assert _certificate(seller_client, "ID00110000999990120")[0] == 200
    client = app.test_client()
    login(client, "peniru@test.id")
    status, page = _certificate(client, "id00110000999990120")
    assert status == 200 and "petugas akan memeriksanya" in page
    official = app.test_client()
    login(official, "official@test.id")
    sellers = official.get("/review/sellers").get_data(as_text=True)
    assert "nomor sertifikat juga dipakai penjual lain" in sellers
    screen = official.get(f"/review/sellers/{copier.organisation.supplier_profile.id}")
    text = screen.get_data(as_text=True)
    original = _profile(db, "seller@test.id")
    assert 'data-testid="seller-warnings"' in text
    assert f"juga didaftarkan oleh {original.display_name}" in text
    assert f'href="/review/sellers/{original.id}"' in text


def test_a_certificate_that_expires_later_shows_expired_and_stops_counting(
    app: Flask, seller_client: FlaskClient, db: Session
) -> None:
    supplier = _profile(db, "seller@test.id")
    rival = make_seller(db, email="rival@test.id", name="Dapur Halal Rival")
    make_listing(db, rival.organisation.supplier_profile, title="Nasi kotak ayam bakar halal")
    for holder in (supplier, rival.organisation.supplier_profile):
        add_certification(db, holder, "halal", f"HALAL-{holder.id}", today() + timedelta(days=30))
    supplier.certifications[0].expires_on = today() - timedelta(days=1)  # time has passed
    buyer = make_buyer(db, email="buyer@test.id")
    db.commit()
    page = seller_client.get("/seller/profile").get_data(as_text=True)
    assert 'class="badge expired">kedaluwarsa' in page
    search = app.test_client().get("/search?q=nasi+kotak&cert=halal").get_data(as_text=True)
    assert "Dapur Halal Rival" in search and supplier.display_name not in search
    demand = make_request(db, buyer, certifications=["halal"])
    proposed = {m.supplier_id for m in publish_request(db, demand, buyer, today())}
    assert rival.organisation.supplier_profile.id in proposed and supplier.id not in proposed


def test_the_verification_screen_shows_what_an_official_needs(app: Flask, db: Session) -> None:
    seller = make_seller(db, email="baru@test.id", name="Katering Baru", verified=False, scale="small")
    supplier = seller.organisation.supplier_profile
    make_listing(db, supplier, title="Nasi kotak ayam bakar madu")
    make_listing(db, supplier, title="Tumpeng mini", publish=False)
    add_certification(db, supplier, "pirt", "2063175010123-25", date(2030, 1, 31))
    official = make_official(db, email="official@test.id")
    decline_verification(db, supplier, official, "Foto NIB tidak terbaca")
    db.commit()
    client = app.test_client()
    login(client, "official@test.id")
    page = client.get(f"/review/sellers/{supplier.id}").get_data(as_text=True)
    for expected in (
        "Kecil",  # business scale
        seller.full_name,
        "baru@test.id",  # owner
        seller.organisation.kecamatan.name,  # address
        "Terdaftar",  # registration date
        "1 tayang, 1 draf, 0 diarsipkan",  # listing count
        "PIRT",
        "2063175010123-25",
        "31 Jan 2030",  # documents with validity
        "Diminta memperbaiki",
        "Foto NIB tidak terbaca",  # past decisions
        "Jumlah kemenangan",
        "Penawaran terkirim",
    ):  # history of deals
        assert expected in page, expected
    assert 'data-testid="seller-warnings"' not in page


def test_the_verification_screen_counts_proposals_and_nib_duplicates(app: Flask, db: Session) -> None:
    seller = make_seller(db, email="sri@test.id", name="Katering Bu Sri")
    supplier = seller.organisation.supplier_profile
    make_listing(db, supplier, title="Nasi kotak ayam bakar")
    twin = make_seller(db, email="kembar@test.id", name="Katering Kembar", verified=False)
    twin.organisation.nib = seller.organisation.nib
    buyer = make_buyer(db, email="buyer@test.id")
    official = make_official(db, email="official@test.id")
    demand = make_request(db, buyer)
    matches = publish_request(db, demand, buyer, today())
    approve(db, [m.id for m in matches], official)
    invite_suppliers(db, demand, [m.id for m in matches], buyer)
    db.commit()
    client = app.test_client()
    login(client, "official@test.id")
    page = client.get(f"/review/sellers/{twin.organisation.supplier_profile.id}").get_data(as_text=True)
    assert f"NIB {seller.organisation.nib} juga didaftarkan oleh" in page
    own = client.get(f"/review/sellers/{supplier.id}").get_data(as_text=True)
    assert "Diusulkan ke pembeli</dt><dd>1</dd>" in own


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_officials_open_the_certificate_document(app: Flask, seller_client: FlaskClient, db: Session) -> None:
    from io import BytesIO

    make_official(db, email="official@test.id")
    make_seller(db, email="lain@test.id")
    db.commit()
    response = seller_client.post(
        "/seller/certifications",
        data={
            "kind": "halal",
            "number": "ID00110000123450120",
            "expires_on": "",
            "document": (BytesIO(PDF), "sertifikat-halal.pdf"),
        },
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert response.status_code == 200 and "dokumen terlampir" in response.get_data(as_text=True)
    bad = seller_client.post(
        "/seller/certifications",
        data={"kind": "pirt", "number": "P-IRT 1", "document": (BytesIO(b"not a document"), "x.txt")},
        content_type="multipart/form-data",
    )
    assert bad.status_code == 422 and 'id="document-error"' in bad.get_data(as_text=True)
    supplier = _profile(db, "seller@test.id")
    certificate = supplier.certifications[0]
    official = app.test_client()
    login(official, "official@test.id")
    screen = official.get(f"/review/sellers/{supplier.id}").get_data(as_text=True)
    url = f"/review/sellers/{supplier.id}/certificates/{certificate.id}/document"
    assert url in screen
    document = official.get(url)
    assert document.status_code == 200 and document.mimetype == "application/pdf"
    assert document.data == PDF
    other = app.test_client()
    login(other, "lain@test.id")
    assert other.get(url).status_code == 403


def test_the_verification_screen_names_certificates_as_every_other_page(app: Flask, db: Session) -> None:
    seller = make_seller(db, email="halal@test.id", name="Katering Halal Baru", verified=False, scale="micro")
    supplier = seller.organisation.supplier_profile
    add_certification(db, supplier, "halal", "ID31110009999", date(2030, 1, 31))
    seller.organisation.street_address = "Jl. " + "panjang" * 20  # a long unbroken address
    make_official(db, email="official@test.id")
    db.commit()
    client = app.test_client()
    login(client, "official@test.id")
    page = client.get(f"/review/sellers/{supplier.id}").get_data(as_text=True)
    assert "Halal ID31110009999" in page and "HALAL" not in page  # as on the product page
    assert "31 Jan 2030" in page and "2030-01-31" not in page  # dates in words, checks too
    assert "Mikro" in page and "micro" not in page
