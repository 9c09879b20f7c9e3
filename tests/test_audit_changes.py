"""Edits of listings, profiles, certificates and draft requests, and log-ins, are audited."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today
from app.services.demand import RequestInput, update_request
from app.services.quotes import QuoteInput, revise_quote, submit_quote
from models import AuditEvent, Match
from tests.conftest import PASSWORD, login
from tests.factories import category, kecamatan, make_buyer, make_request, make_seller


def _events(db: Session, action: str) -> list[AuditEvent]:
    db.expire_all()
    return list(db.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def test_listing_create_and_edit_are_audited_in_html_and_api(app: Flask, db: Session) -> None:
    make_seller(db, email="seller@test.id")
    db.commit()
    client = app.test_client()
    login(client, "seller@test.id")
    assert (
        client.post(
            "/seller/listings/new",
            data={
                "title": "Keripik singkong balado",
                "category_id": category(db).id,
                "price": "15000",
                "unit": "bungkus",
                "min_order": "1",
                "lead_time_days": "1",
            },
        ).status_code
        == 302
    )
    created = _events(db, "listing.created")
    assert len(created) == 1 and created[0].data["after"]["price"] == 15000
    assert created[0].actor_id is not None
    token = client.post("/api/v1/auth/token", json={"email": "seller@test.id", "password": PASSWORD})
    headers = {"Authorization": f"Bearer {token.get_json()['token']}"}
    changed = client.patch(f"/api/v1/listings/{created[0].object_id}", headers=headers, json={"price": 17000})
    assert changed.status_code == 200
    edited = _events(db, "listing.edited")
    assert edited[-1].data == {"before": {"price": 15000}, "after": {"price": 17000}}


def test_profile_and_certificates_are_audited(app: Flask, db: Session, seller_client: FlaskClient) -> None:
    page = seller_client.post(
        "/seller/certifications",
        data={"kind": "halal", "number": "ID-123", "expires_on": (today() + timedelta(days=90)).isoformat()},
    )
    assert page.status_code == 302
    added = _events(db, "certificate.added")
    assert added and added[0].data["after"]["number"] == "ID-123"
    certificate_id = added[0].data["after"]["id"]
    seller_client.post(f"/seller/certifications/{certificate_id}/delete")
    removed = _events(db, "certificate.removed")
    assert removed and removed[0].data["before"]["number"] == "ID-123"


def test_draft_edits_logins_and_quote_revisions_keep_before_and_after(app: Flask, db: Session) -> None:
    buyer = make_buyer(db, email="buyer@test.id")
    demand = make_request(db, buyer)
    db.commit()
    login(app.test_client(), "buyer@test.id")
    assert _events(db, "login.succeeded")
    update_request(
        db,
        demand,
        buyer,
        RequestInput(
            title=demand.title,
            description=demand.description,
            category_id=demand.category_id,
            quantity=250,
            unit=demand.unit,
            budget_ceiling=demand.budget_ceiling,
            kecamatan_id=kecamatan(db, "Cakung").id,
            needed_by=demand.needed_by,
            quotes_due=None,
            required_certifications=[],
            umkm_only=True,
        ),
        today(),
    )
    edited = _events(db, "request.edited")
    assert edited[0].data == {"before": {"quantity": 100}, "after": {"quantity": 250}}


def test_quote_revisions_keep_note_and_attachment_and_awards_the_quantity(app: Flask, db: Session) -> None:
    from tests.test_quote_races import _invited

    match = _invited(db)
    seller = make_seller(db)
    due = today() + timedelta(days=5)
    quote = submit_quote(db, db.get(Match, match.id), seller, QuoteInput(19_000, 100, due, "awal"), today())
    revise_quote(db, quote, seller, QuoteInput(18_000, 100, due, "harga baru"), today(), "a.pdf")
    revised = _events(db, "quote.revised")[0].data
    assert revised["before"]["note"] == "awal" and revised["after"]["note"] == "harga baru"
    assert revised["before"]["attachment_name"] is None and revised["after"]["attachment_name"] == "a.pdf"
    from app.services.awards import award

    award(db, match.request_id, {quote.id: 60}, make_buyer(db), "Harga terbaik")
    accepted = _events(db, "quote.accepted")[0].data
    assert accepted["quantity"] == 60
