"""Product and supplier pages as visitors see them, and proposal names leading to the supplier."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.clock import today
from app.services.demand import publish_request
from models import SupplierCertification
from tests.conftest import login
from tests.factories import make_buyer, make_listing, make_official, make_request, make_seller


@pytest.fixture()
def shop(db: Session) -> dict[str, int]:
    """A verified small caterer with certificates (one expired) and three products; a rival."""
    seller = make_seller(
        db, email="sri@test.id", name="Katering Bu Sri", kecamatan_name="Cakung", scale="small"
    )
    supplier = seller.organisation.supplier_profile
    nasi = make_listing(db, supplier, title="Nasi kotak ayam bakar", price=35_000)
    make_listing(db, supplier, title="Tumpeng nasi kuning", price=850_000, unit="paket")
    make_listing(db, supplier, title="Snack box rapat", price=15_000)
    db.add(
        SupplierCertification(
            supplier=supplier, kind="halal", number="ID31110001234", expires_on=today() + timedelta(days=400)
        )
    )
    db.add(
        SupplierCertification(
            supplier=supplier, kind="pirt", number="2063171010123-27", expires_on=today() - timedelta(days=30)
        )
    )
    rival = make_seller(db, email="udin@test.id", name="Dapur Bang Udin", verified=False)
    make_listing(db, rival.organisation.supplier_profile, title="Nasi kotak rendang", price=40_000)
    db.commit()
    return {"listing": nasi.id, "supplier": supplier.id, "rival": rival.organisation.supplier_profile.id}


def _main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_product_page_has_facts_seller_card_actions_and_similar(client: FlaskClient, shop: dict) -> None:
    page = _main(client.get(f"/listing/{shop['listing']}").get_data(as_text=True))
    assert "Nasi kotak ayam bakar" in page and "Rp 35.000" in page and "/ kotak" in page
    assert "Pesanan minimum" in page or "Minimum" in page
    assert "10 kotak" in page and "3.000 kotak" in page and "2 hari" in page  # min order, capacity, lead time
    assert '<section class="actions" data-testid="actions">' in page  # filled by the deal actions
    card = page[page.index('data-testid="seller-card"') : page.index("</aside>")]
    assert f'href="/supplier/{shop["supplier"]}"' in card
    assert "Terverifikasi" in card and "Usaha kecil" in card  # verification and business scale
    assert "Halal" in card and "PIRT" in card and "kedaluwarsa" in card  # the expired one is marked
    similar = page[page.index('data-testid="similar"') : page.index('id="more-title"')]
    assert "Nasi kotak rendang" in similar  # another supplier's product in the same category
    assert "Tumpeng" not in similar


def test_supplier_page_shows_certificates_scale_place_and_pages_listings(
    app: Flask, client: FlaskClient, shop: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "PER_PAGE", 2)
    page = _main(client.get(f"/supplier/{shop['supplier']}").get_data(as_text=True))
    assert "Katering Bu Sri" in page and "Terverifikasi" in page and "Usaha kecil" in page
    assert "Cakung, Jakarta Timur" in page
    certs = page[page.index('data-testid="certificates"') :]
    assert "ID31110001234" in certs and "berlaku hingga" in certs
    pirt = re.search(r'<li class="expired">.*?</li>', certs, re.S)
    assert pirt and "PIRT" in pirt.group(0) and "kedaluwarsa" in pirt.group(0)
    assert "3 produk dipajang" in page and "Halaman 1 dari 2" in page
    second = _main(client.get(f"/supplier/{shop['supplier']}?page=2").get_data(as_text=True))
    assert "Nasi kotak ayam bakar" in second and "Snack box rapat" not in second
    rival = _main(client.get(f"/supplier/{shop['rival']}").get_data(as_text=True))
    assert "Belum terverifikasi" in rival and "Belum ada sertifikat terdaftar." in rival


def test_proposal_supplier_names_link_to_the_supplier_page(app: Flask, db: Session, shop: dict) -> None:
    buyer = make_buyer(db, email="dinas@test.id")
    make_official(db, email="petugas@test.id")
    demand = make_request(db, buyer)
    publish_request(db, demand, buyer, today())
    db.commit()
    official = app.test_client()
    login(official, "petugas@test.id")
    queue = official.get("/review/").get_data(as_text=True)
    link = f'<a class="supplier-link" href="/supplier/{shop["supplier"]}"'
    assert link in queue
    assert link in official.get(f"/requests/{demand.id}").get_data(as_text=True)


def test_search_filters_start_closed_and_count_the_active_ones(client: FlaskClient, shop: dict) -> None:
    plain = client.get("/search?q=nasi").get_data(as_text=True)
    panel = re.search(r"<details[^>]*data-testid=\"filters\"[^>]*>", plain)
    assert panel and " open" not in panel.group(0)  # closed: the results come first on phones
    assert 'data-testid="active-filters"' not in plain
    filtered = client.get("/search?q=nasi&cert=halal&scale=small&max=100000").get_data(as_text=True)
    assert re.search(r'data-testid="active-filters">3 aktif<', filtered)
