"""The JSON API as an integrating system uses it: tokens, one error format, the whole workflow."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today
from models import ApiToken, AuditEvent
from tests.conftest import PASSWORD
from tests.factories import kecamatan, make_buyer, make_listing, make_official, make_seller


def _token(client: FlaskClient, email: str, password: str = PASSWORD) -> str:
    response = client.post("/api/v1/auth/token", json={"email": email, "password": password})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["token"]


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_token_is_shown_once_stored_hashed_and_revocable(client: FlaskClient, db: Session) -> None:
    make_seller(db, email="seller@test.id")
    db.commit()
    token = _token(client, "seller@test.id")
    stored = db.scalars(select(ApiToken)).one()
    assert token not in stored.token_hash and stored.token_hash != token
    listed = client.get("/api/v1/auth/tokens", headers=_auth(token)).get_json()
    assert "token" not in listed["items"][0] and listed["items"][0]["role"] == "seller"
    assert client.delete(f"/api/v1/auth/tokens/{stored.id}", headers=_auth(token)).status_code == 204
    after = client.get("/api/v1/listings", headers=_auth(token))
    assert after.status_code == 401
    actions = set(db.scalars(select(AuditEvent.action)))
    assert {"token.created", "token.revoked"} <= actions


def test_errors_share_one_format(client: FlaskClient, db: Session) -> None:
    make_seller(db, email="seller@test.id")
    make_buyer(db, email="buyer@test.id")
    db.commit()
    bad = client.post("/api/v1/auth/token", json={"email": "seller@test.id", "password": "nope"})
    assert bad.status_code == 401
    assert set(bad.get_json()["error"]) == {"code", "message", "details"}
    assert client.get("/api/v1/listings").status_code == 401
    buyer = _token(client, "buyer@test.id")
    forbidden = client.get("/api/v1/listings", headers=_auth(buyer))
    assert forbidden.status_code == 403 and forbidden.get_json()["error"]["code"] == "forbidden"
    seller = _token(client, "seller@test.id")
    invalid = client.post("/api/v1/listings", headers=_auth(seller), json={"title": "x", "price": -1})
    assert invalid.status_code == 422
    details = invalid.get_json()["error"]["details"]
    assert {"title", "price", "category", "unit"} <= set(details)
    missing = client.get("/api/v1/listings/999999", headers=_auth(seller))
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "not_found"


def test_sellers_manage_only_their_own_listings(client: FlaskClient, db: Session) -> None:
    owner = make_seller(db, email="owner@test.id")
    theirs = make_listing(db, owner.organisation.supplier_profile, title="Batik tulis Betawi")
    make_seller(db, email="other@test.id")
    db.commit()
    other = _token(client, "other@test.id")
    assert client.get(f"/api/v1/listings/{theirs.id}", headers=_auth(other)).status_code == 404
    assert (
        client.patch(
            f"/api/v1/listings/{theirs.id}", headers=_auth(other), json={"title": "Dicuri orang"}
        ).status_code
        == 404
    )
    created = client.post(
        "/api/v1/listings",
        headers=_auth(other),
        json={"title": "Kopi robusta Lampung", "category": "beverage", "price": 85000, "unit": "kg"},
    )
    assert created.status_code == 201 and created.get_json()["status"] == "draft"
    listing_id = created.get_json()["id"]
    published = client.post(f"/api/v1/listings/{listing_id}/publish", headers=_auth(other))
    assert published.get_json()["status"] == "active"
    found = client.get("/api/v1/search?q=kopi+robusta").get_json()
    assert found["items"][0]["id"] == listing_id and found["page"] == 1 and found["total"] >= 1


def test_whole_procurement_through_the_api(client: FlaskClient, db: Session) -> None:
    for n, name in enumerate(["Katering Bu Sri", "Dapur Betawi"]):
        seller = make_seller(db, email=f"katering{n}@test.id", name=name)
        make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
    make_buyer(db, email="buyer@test.id")
    make_official(db, email="official@test.id")
    db.commit()
    buyer, official = _token(client, "buyer@test.id"), _token(client, "official@test.id")
    body = {
        "title": "Nasi kotak rapat",
        "description": "Nasi kotak ayam untuk 100 peserta",
        "quantity": 100,
        "unit": "kotak",
        "budget_ceiling": 5_000_000,
        "category": "catering",
        "kecamatan_id": kecamatan(db, "Cakung").id,
        "needed_by": (today() + timedelta(days=20)).isoformat(),
    }
    created = client.post("/api/v1/requests", headers=_auth(buyer), json=body)
    assert created.status_code == 201
    request_id = created.get_json()["id"]
    past = client.post(
        "/api/v1/requests", headers=_auth(buyer), json={**body, "needed_by": today().isoformat()}
    )
    assert past.status_code == 422 and "needed_by" in past.get_json()["error"]["details"]
    published = client.post(f"/api/v1/requests/{request_id}/publish", headers=_auth(buyer))
    assert published.get_json()["status"] == "under_review"
    again = client.post(f"/api/v1/requests/{request_id}/publish", headers=_auth(buyer))
    assert again.status_code == 409
    assert (
        client.get(f"/api/v1/requests/{request_id}/proposals", headers=_auth(buyer)).get_json()["total"] == 0
    )
    queue = client.get("/api/v1/proposals", headers=_auth(official)).get_json()
    ids = [p["id"] for p in queue["items"]]
    assert len(ids) == 2 and "sentence_id" in queue["items"][0]["explanation"]
    reviewed = client.post(
        "/api/v1/proposals/review", headers=_auth(official), json={"match_ids": ids, "decision": "approve"}
    )
    assert reviewed.status_code == 200
    client.post(f"/api/v1/requests/{request_id}/invite", headers=_auth(buyer), json={"match_ids": ids})
    quotes = []
    for n in range(2):
        seller = _token(client, f"katering{n}@test.id")
        invitation = client.get("/api/v1/invitations", headers=_auth(seller)).get_json()["items"][0]
        sent = client.post(
            f"/api/v1/invitations/{invitation['id']}/quote",
            headers=_auth(seller),
            json={
                "unit_price": 30_000 + n * 1000,
                "quantity": 100,
                "delivery_date": (today() + timedelta(days=10)).isoformat(),
            },
        )
        assert sent.status_code == 201
        quotes.append(sent.get_json()["id"])
    compared = client.get(f"/api/v1/requests/{request_id}/quotes", headers=_auth(buyer)).get_json()
    assert [q["total_price"] for q in compared["items"]] == [3_000_000, 3_100_000]
    awarded = client.post(
        f"/api/v1/requests/{request_id}/awards",
        headers=_auth(buyer),
        json={"awards": [{"quote_id": quotes[0], "quantity": 100}], "reason": "Termurah"},
    )
    assert awarded.status_code == 201 and awarded.get_json()["items"][0]["total_value"] == 3_000_000
    twice = client.post(
        f"/api/v1/requests/{request_id}/awards",
        headers=_auth(buyer),
        json={"awards": [{"quote_id": quotes[1], "quantity": 100}], "reason": "x"},
    )
    assert twice.status_code == 409


def test_rate_limits_answer_429_with_retry_after(app: Flask, tmp_path) -> None:
    from app import create_app
    from app.config import config_for_tests
    from app.extensions import limiter

    config = config_for_tests(str(tmp_path), app.config["SQLALCHEMY_DATABASE_URI"])
    config.update(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://")
    limited_app = create_app(config)
    try:
        with limited_app.app_context():
            client = limited_app.test_client()
            for _ in range(10):
                client.post("/api/v1/auth/token", json={"email": "x@test.id", "password": "y"})
            limited = client.post("/api/v1/auth/token", json={"email": "x@test.id", "password": "y"})
            assert limited.status_code == 429
            assert limited.get_json()["error"]["code"] == "too_many_requests"
            assert int(limited.headers["Retry-After"]) > 0
            for _ in range(10):
                client.post("/auth/login", data={"email": "x@test.id", "password": "y"})
            page = client.post("/auth/login", data={"email": "x@test.id", "password": "y"})
            assert page.status_code == 429 and int(page.headers["Retry-After"]) > 0
            assert "Terlalu banyak" in page.get_data(as_text=True)
    finally:
        limiter.init_app(app)  # give the shared limiter back to the suite's app


def test_openapi_document_and_local_interactive_docs(client: FlaskClient) -> None:
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert "/api/v1/requests/{request_id}/awards" in spec["paths"]
    page = client.get("/api/v1/docs")
    html = page.get_data(as_text=True)
    assert page.mimetype == "text/html" and "<script>" not in html and "https://" not in html
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert client.get("/api/v1/docs/assets/swagger-ui-bundle.js").status_code == 200


def test_changing_one_field_of_a_draft_request_keeps_the_others(client: FlaskClient, db: Session) -> None:
    make_buyer(db, email="buyer@test.id")
    db.commit()
    buyer = _auth(_token(client, "buyer@test.id"))
    body = {
        "title": "Nasi kotak rapat",
        "description": "Nasi kotak ayam untuk 100 peserta",
        "quantity": 100,
        "unit": "kotak",
        "budget_ceiling": 5_000_000,
        "category": "catering",
        "kecamatan_id": kecamatan(db, "Cakung").id,
        "needed_by": (today() + timedelta(days=20)).isoformat(),
    }
    created = client.post("/api/v1/requests", headers=buyer, json=body).get_json()
    changed = client.patch(f"/api/v1/requests/{created['id']}", headers=buyer, json={"quantity": 120})
    assert changed.status_code == 200, changed.get_json()
    after = changed.get_json()
    assert after["quantity"] == 120
    for key in ("title", "description", "unit", "budget_ceiling", "category", "needed_by"):
        assert after[key] == created[key], key
