"""Who may see and change what: anonymous visitors, wrong roles, other sellers."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from models import Listing
from tests.conftest import login
from tests.factories import make_buyer, make_listing, make_seller

SELLER_PAGES = ["/seller/", "/seller/profile", "/seller/listings", "/seller/listings/new"]


@pytest.mark.parametrize("path", SELLER_PAGES)
def test_anonymous_visitors_are_sent_to_login(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


@pytest.mark.parametrize("path", SELLER_PAGES)
def test_buyers_cannot_use_the_seller_area(app: Flask, db: Session, path: str) -> None:
    make_buyer(db, email="buyer@test.id")
    db.commit()
    client = app.test_client()
    login(client, "buyer@test.id")
    assert client.get(path).status_code == 403


def test_another_sellers_listing_answers_404(app: Flask, db: Session) -> None:
    owner = make_seller(db, email="owner@test.id")
    listing = make_listing(db, owner.organisation.supplier_profile, title="Batik tulis Betawi")
    make_seller(db, email="other@test.id")
    db.commit()
    listing_id = listing.id
    client = app.test_client()
    login(client, "other@test.id")
    assert client.get(f"/seller/listings/{listing_id}").status_code == 404
    edit = client.post(f"/seller/listings/{listing_id}", data={"title": "Dicuri", "price": "1"})
    assert edit.status_code == 404
    assert client.post(f"/seller/listings/{listing_id}/archive").status_code == 404
    assert client.post(f"/seller/listings/{listing_id}/publish").status_code == 404
    assert client.post(f"/seller/listings/{listing_id}/photos/1/delete").status_code == 404
    db.expire_all()
    unchanged = db.get(Listing, listing_id)
    assert unchanged is not None
    assert unchanged.title == "Batik tulis Betawi" and unchanged.status == "active"
    listings_page = client.get("/seller/listings").get_data(as_text=True)
    assert "Batik tulis Betawi" not in listings_page
