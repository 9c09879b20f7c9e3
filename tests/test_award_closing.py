"""An award or a cancellation closes every proposal still in play; award bodies are checked."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today
from app.services.demand import invite_suppliers, publish_request
from app.services.quotes import QuoteInput, submit_quote
from app.services.review import approve
from models import Match, Notification
from tests.conftest import PASSWORD
from tests.factories import make_buyer, make_listing, make_official, make_request, make_seller


def _quoted_with_leftover(db: Session) -> tuple[int, int, int]:
    """A request with one quoted supplier and one proposal nobody reviewed yet."""
    for n in range(2):
        seller = make_seller(db, email=f"katering{n}@test.id", name=f"Katering {n}")
        make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
    buyer = make_buyer(db, email="buyer@test.id")
    make_official(db, email="official@test.id")
    demand = make_request(db, buyer)
    publish_request(db, demand, buyer, today())
    chosen, leftover = demand.matches[0], demand.matches[1]
    approve(db, [chosen.id], make_official(db))
    invite_suppliers(db, demand, [chosen.id], buyer)
    quote = submit_quote(db, chosen, buyer, QuoteInput(19_000, 100, today() + timedelta(days=5), ""), today())
    db.commit()
    assert leftover.status == "proposed"
    return demand.id, quote.id, leftover.id


def _auth(client, email: str) -> dict[str, str]:
    token = client.post("/api/v1/auth/token", json={"email": email, "password": PASSWORD})
    return {"Authorization": f"Bearer {token.get_json()['token']}"}


def test_award_closes_leftover_proposals_and_review_refuses_them(app: Flask, db: Session) -> None:
    request_id, quote_id, leftover_id = _quoted_with_leftover(db)
    client = app.test_client()
    buyer, official = _auth(client, "buyer@test.id"), _auth(client, "official@test.id")
    awarded = client.post(
        f"/api/v1/requests/{request_id}/awards",
        headers=buyer,
        json={"awards": [{"quote_id": quote_id, "quantity": 100}], "reason": "Harga terbaik"},
    )
    assert awarded.status_code == 201
    db.expire_all()
    assert db.get(Match, leftover_id).status == "declined"
    before = len(db.scalars(select(Notification)).all())
    review = client.post(
        "/api/v1/proposals/review", headers=official, json={"match_ids": [leftover_id], "decision": "approve"}
    )
    assert review.status_code == 409, review.get_json()
    assert (
        "closed" in review.get_json()["error"]["message"] or "tutup" in review.get_json()["error"]["message"]
    )
    db.expire_all()
    assert db.get(Match, leftover_id).status == "declined"
    assert len(db.scalars(select(Notification)).all()) == before


def test_cancel_closes_unreviewed_proposals(app: Flask, db: Session) -> None:
    request_id, _quote_id, leftover_id = _quoted_with_leftover(db)
    client = app.test_client()
    buyer = _auth(client, "buyer@test.id")
    cancelled = client.post(
        f"/api/v1/requests/{request_id}/cancel", headers=buyer, json={"reason": "Anggaran dialihkan"}
    )
    assert cancelled.status_code == 200
    db.expire_all()
    assert db.get(Match, leftover_id).status == "declined"


def test_duplicate_award_lines_are_refused(app: Flask, db: Session) -> None:
    request_id, quote_id, _leftover = _quoted_with_leftover(db)
    client = app.test_client()
    buyer = _auth(client, "buyer@test.id")
    twice = client.post(
        f"/api/v1/requests/{request_id}/awards",
        headers=buyer,
        json={
            "awards": [{"quote_id": quote_id, "quantity": 50}, {"quote_id": quote_id, "quantity": 50}],
            "reason": "Harga terbaik",
        },
    )
    assert twice.status_code == 422 and "awards" in twice.get_json()["error"]["details"]


def test_html_award_of_a_quote_revised_meanwhile_is_refused(app: Flask, db: Session) -> None:
    from app.services.quotes import revise_quote
    from models import Award, Quote
    from tests.conftest import login

    request_id, quote_id, _leftover = _quoted_with_leftover(db)
    client = app.test_client()
    login(client, "buyer@test.id")
    page = client.get(f"/requests/{request_id}").get_data(as_text=True)
    assert f'name="version_{quote_id}" value="1"' in page
    quote = db.get(Quote, quote_id)
    revise_quote(
        db,
        quote,
        quote.match.request.buyer.users[0],
        QuoteInput(99_999, 100, today() + timedelta(days=5), ""),
        today(),
    )
    db.commit()
    answer = client.post(
        f"/requests/{request_id}/award",
        data={f"qty_{quote_id}": "100", f"version_{quote_id}": "1", "reason": "Harga terbaik"},
        follow_redirects=True,
    )
    assert "muat ulang" in answer.get_data(as_text=True).lower()
    assert db.scalars(select(Award)).all() == []
