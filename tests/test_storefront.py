"""The public storefront: home, categories, search with filters, product pages, languages."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.templating import rupiah
from models import SupplierCertification
from tests.factories import make_listing, make_seller


def _catalogue(db: Session) -> None:
    katering = make_seller(db, name="Katering Bu Sri", kecamatan_name="Cakung")
    supplier = katering.organisation.supplier_profile
    make_listing(
        db,
        supplier,
        title="Nasi kotak ayam bakar",
        price=35_000,
        description="Nasi kotak untuk rapat, lauk ayam bakar dan sayur.",
    )
    make_listing(
        db,
        supplier,
        title="Tumpeng nasi kuning",
        price=850_000,
        unit="paket",
        description="Tumpeng untuk syukuran kantor.",
    )
    db.add(SupplierCertification(supplier=supplier, kind="halal", number="ID123"))
    batik = make_seller(db, name="Batik Terogong", kecamatan_name="Cilandak", scale="small")
    make_listing(
        db,
        batik.organisation.supplier_profile,
        title="Kemeja batik Betawi",
        category_slug="uniform",
        price=275_000,
        unit="pcs",
        description="Kemeja batik motif ondel-ondel untuk seragam kantor.",
    )
    make_listing(
        db, batik.organisation.supplier_profile, title="Draf rahasia", publish=False, category_slug="uniform"
    )
    db.commit()


def test_rupiah_format() -> None:
    assert rupiah(1_250_000) == "Rp 1.250.000"
    assert rupiah(500) == "Rp 500"


def test_home_shows_categories_and_weekly_picks(client: FlaskClient, db: Session) -> None:
    _catalogue(db)
    page = client.get("/").get_data(as_text=True)
    assert "Jumat Beli Lokal" in page
    assert "Katering" in page and "Seragam" in page  # Indonesian category names
    assert 'lang="id"' in page


def test_search_finds_indonesian_words_and_hides_drafts(client: FlaskClient, db: Session) -> None:
    _catalogue(db)
    page = client.get("/search?q=nasi+kotak").get_data(as_text=True)
    assert "Nasi kotak ayam bakar" in page
    assert "Rp 35.000" in page
    assert "Draf rahasia" not in client.get("/search?q=draf").get_data(as_text=True)


def test_search_filters(client: FlaskClient, db: Session) -> None:
    _catalogue(db)
    cheap = client.get("/search?max=100.000").get_data(as_text=True)
    assert "Nasi kotak ayam bakar" in cheap and "Tumpeng nasi kuning" not in cheap
    halal = client.get("/search?cert=halal").get_data(as_text=True)
    assert "Nasi kotak ayam bakar" in halal and "Kemeja batik Betawi" not in halal
    small = client.get("/search?scale=small").get_data(as_text=True)
    assert "Kemeja batik Betawi" in small and "Nasi kotak" not in small
    category = client.get("/category/uniform").get_data(as_text=True)
    assert "Kemeja batik Betawi" in category and "Tumpeng" not in category


def test_search_paginates(client: FlaskClient, db: Session) -> None:
    seller = make_seller(db)
    for n in range(30):
        make_listing(
            db,
            seller.organisation.supplier_profile,
            title=f"Keripik singkong rasa {n}",
            category_slug="snack",
        )
    for n in range(40):
        make_listing(
            db,
            seller.organisation.supplier_profile,
            title=f"Kemeja batik motif {n}",
            category_slug="uniform",
            description="Kemeja batik lengan panjang.",
        )
    db.commit()
    first = client.get("/search?q=keripik").get_data(as_text=True)
    assert "30 produk" in first and "Halaman 1 dari 2" in first
    second = client.get("/search?q=keripik&page=2").get_data(as_text=True)
    assert second.count('class="card"') == 6


def test_empty_search_says_so(client: FlaskClient, db: Session) -> None:
    page = client.get("/search?q=zzzqqq").get_data(as_text=True)
    assert "Belum ada yang cocok" in page


def test_product_page_has_a_seller_card(client: FlaskClient, db: Session) -> None:
    seller = make_seller(db, name="Katering Bu Sri", kecamatan_name="Cakung")
    listing = make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
    db.commit()
    page = client.get(f"/listing/{listing.id}").get_data(as_text=True)
    assert "Katering Bu Sri" in page and "Cakung" in page and "Terverifikasi" in page
    assert client.get("/listing/999999").status_code == 404


def test_english_switch(client: FlaskClient, db: Session) -> None:
    _catalogue(db)
    response = client.get("/lang/en?next=/search?q=nasi")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'lang="en"' in page and "Filters" in page
    assert client.get("/lang/en?next=https://evil.example/").headers["Location"] == "/"


def test_pages_set_security_headers_and_use_no_cdn(client: FlaskClient, db: Session) -> None:
    response = client.get("/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    page = response.get_data(as_text=True)
    assert "https://" not in page and "http://cdn" not in page
    assert 'name="viewport"' in page


def test_healthz(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": True}
