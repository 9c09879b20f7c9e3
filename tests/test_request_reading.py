"""The request page says what the matcher read in the buyer's words and lets the buyer
apply it: the category in one click, and requirements stated in the text."""

from __future__ import annotations

from flask import Flask
from sqlalchemy.orm import Session

from tests.conftest import login
from tests.factories import make_buyer, make_request


def test_buyer_sees_the_category_read_and_sets_it_in_one_click(app: Flask, db: Session) -> None:
    buyer = make_buyer(db, email="pembaca@test.id")
    demand = make_request(
        db,
        buyer,
        title="Belanja makan minum rapat koordinasi",
        description="Nasi kotak ayam goreng",
        category_slug=None,
    )
    db.commit()
    client = app.test_client()
    login(client, "pembaca@test.id")
    page = client.get(f"/requests/{demand.id}").get_data(as_text=True)
    assert "Kami membaca ini sebagai: Katering" in page and "Pakai kategori ini" in page
    response = client.post(
        f"/requests/{demand.id}/reading", data={"apply": "category", "category_id": _catering_id(db)}
    )
    assert response.status_code == 302
    db.refresh(demand)
    assert demand.category is not None and demand.category.slug == "catering"


def test_requirements_in_the_text_are_proposed_then_applied(app: Flask, db: Session) -> None:
    buyer = make_buyer(db, email="halal@test.id")
    demand = make_request(
        db,
        buyer,
        title="Nasi kotak untuk 50 orang",
        description="Wajib halal, dikirim ke Duren Sawit.",
        quantity=100,
    )
    db.commit()
    client = app.test_client()
    login(client, "halal@test.id")
    page = client.get(f"/requests/{demand.id}").get_data(as_text=True)
    assert "wajib sertifikat Halal" in page and "(“Wajib halal”)" in page
    assert demand.required_certifications == []  # nothing applied before the buyer confirms
    client.post(f"/requests/{demand.id}/reading", data={"apply": "requirements"})
    db.refresh(demand)
    assert demand.required_certifications == ["halal"]
    assert demand.quantity == 50 and demand.unit == "orang"
    assert demand.kecamatan.name == "Duren Sawit"


def _catering_id(db: Session) -> str:
    from tests.factories import category

    return str(category(db, "catering").id)


def test_buyers_read_sentences_while_score_numbers_stay_for_officials(app: Flask, db: Session) -> None:
    from app.clock import today
    from app.services.demand import publish_request
    from tests.factories import make_listing, make_official, make_seller

    seller = make_seller(db, email="kat@test.id", name="Katering Bu Sri", kecamatan_name="Cakung")
    make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam goreng")
    buyer = make_buyer(db, email="angka@test.id")
    make_official(db, email="pejabat@test.id")
    demand = make_request(db, buyer, title="Nasi kotak ayam goreng rapat")
    db.commit()
    publish_request(db, demand, buyer, today())
    for match in demand.matches:
        match.status = "approved"
    db.commit()
    client = app.test_client()
    login(client, "angka@test.id")
    buyer_page = client.get(f"/requests/{demand.id}").get_data(as_text=True)
    assert "Katering Bu Sri" in buyer_page and 'class="scores"' not in buyer_page
    official = app.test_client()
    login(official, "pejabat@test.id")
    assert 'class="scores"' in official.get(f"/requests/{demand.id}").get_data(as_text=True)
