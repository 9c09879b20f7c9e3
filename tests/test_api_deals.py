"""The deal path through the JSON API: buy directly, accept, purchase order, deliver, confirm
receipt, problem, invoice, pay, rate; and who may do what."""

from __future__ import annotations

import io
from datetime import date, timedelta

from flask.testing import FlaskClient
from pypdf import PdfReader
from sqlalchemy.orm import Session

from app.clock import today
from models import clock_at
from tests.deal_rows import moment
from tests.factories import kecamatan, make_buyer, make_listing, make_official, make_seller
from tests.test_api import _auth, _token


def _world(db: Session) -> int:
    """A caterer with a listing (min 10, capacity 3000, 2 days' lead time), two buyers, an
    official; the listing's id."""
    seller = make_seller(db, email="sri@test.id", name="Katering Bu Sri")
    listing = make_listing(
        db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar", price=35_000
    )
    make_seller(db, email="other-seller@test.id")
    make_buyer(db, email="buyer@test.id")
    make_buyer(db, email="other-buyer@test.id")
    make_official(db, email="official@test.id")
    db.commit()
    return listing.id


def _order_body(db: Session, listing_id: int, quantity: int = 100, days: int = 5) -> dict:
    return {
        "listing_id": listing_id,
        "quantity": quantity,
        "kecamatan_id": kecamatan(db, "Cakung").id,
        "address": "Jl. Raya Bekasi Km 18",
        "delivery_date": (today() + timedelta(days=days)).isoformat(),
    }


def test_buy_deliver_invoice_pay_and_rate_through_the_api(client: FlaskClient, db: Session) -> None:
    listing_id = _world(db)
    buyer, seller = _token(client, "buyer@test.id"), _token(client, "sri@test.id")
    official = _token(client, "official@test.id")

    placed = client.post("/api/v1/orders", headers=_auth(buyer), json=_order_body(db, listing_id))
    assert placed.status_code == 201, placed.get_json()
    order = placed.get_json()
    assert (order["status"], order["total_value"], order["source"]) == ("pending", 3_500_000, "direct")
    assert order["seller"]["contact"] is None and not order["purchase_order_available"]
    order_id, line_id = order["id"], order["lines"][0]["id"]
    early = client.get(f"/api/v1/orders/{order_id}/purchase-order.pdf", headers=_auth(buyer))
    assert early.status_code == 409

    accepted = client.post(f"/api/v1/orders/{order_id}/accept", headers=_auth(seller)).get_json()
    assert accepted["status"] == "accepted"
    assert accepted["seller"]["contact"]["phone"] == "081234567890"  # both sides see contacts
    assert accepted["buyer"]["contact"]["phone"] == "0215550000"
    pdf = client.get(f"/api/v1/orders/{order_id}/purchase-order.pdf", headers=_auth(buyer))
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text()
    assert order["number"] in text and "Rp 3.500.000" in text

    sent = client.post(
        f"/api/v1/orders/{order_id}/deliveries",
        headers=_auth(seller),
        json={"lines": [{"line_id": line_id, "quantity": 60}]},
    )
    assert sent.status_code == 201
    first = sent.get_json()["deliveries"][0]["id"]
    too_many = client.post(
        f"/api/v1/orders/{order_id}/deliveries",
        headers=_auth(seller),
        json={"lines": [{"line_id": line_id, "quantity": 41}]},
    )
    assert too_many.status_code == 422 and "quantity" in too_many.get_json()["error"]["details"]
    problem = client.post(
        f"/api/v1/deliveries/{first}/problem", headers=_auth(buyer), json={"reason": "Sepuluh kotak basi"}
    )
    dispute = problem.get_json()["disputes"][0]
    assert problem.get_json()["deliveries"][0]["status"] == "disputed"
    settled = client.post(f"/api/v1/disputes/{dispute['id']}/settle", headers=_auth(buyer))
    assert settled.get_json()["disputes"][0]["status"] == "settled"
    received = client.post(
        f"/api/v1/deliveries/{first}/receipt",
        headers=_auth(buyer),
        json={"received_by_name": "Dewi", "lines": [{"line_id": line_id, "quantity": 60}]},
    )
    assert received.status_code == 200
    assert received.get_json()["lines"][0]["quantity_received"] == 60
    rest = client.post(
        f"/api/v1/orders/{order_id}/deliveries",
        headers=_auth(seller),
        json={"lines": [{"line_id": line_id, "quantity": 40}]},
    ).get_json()
    second = rest["deliveries"][1]["id"]
    done = client.post(
        f"/api/v1/deliveries/{second}/receipt", headers=_auth(buyer), json={"received_by_name": "Dewi"}
    ).get_json()
    assert done["status"] == "delivered"

    billed = client.post(f"/api/v1/orders/{order_id}/invoices", headers=_auth(seller))
    assert billed.status_code == 201
    invoice = billed.get_json()["invoices"][0]
    assert invoice["amount"] == 3_500_000 and invoice["status"] == "issued"
    nothing_left = client.post(f"/api/v1/orders/{order_id}/invoices", headers=_auth(seller))
    assert nothing_left.status_code == 409
    part = client.post(
        f"/api/v1/invoices/{invoice['id']}/payments",
        headers=_auth(buyer),
        json={"amount": 1_500_000, "reference": "SP2D-001"},
    )
    assert part.get_json()["invoices"][0]["amount_paid"] == 1_500_000
    over = client.post(
        f"/api/v1/invoices/{invoice['id']}/payments", headers=_auth(buyer), json={"amount": 2_000_001}
    )
    assert over.status_code == 422 and "amount" in over.get_json()["error"]["details"]
    due = date.fromisoformat(invoice["due_on"])
    with clock_at(moment(due + timedelta(days=1))):
        overdue = client.get("/api/v1/invoices/overdue", headers=_auth(official)).get_json()
        assert [i["number"] for i in overdue["items"]] == [invoice["number"]]
        assert overdue["items"][0]["overdue"] is True
        paid = client.post(
            f"/api/v1/invoices/{invoice['id']}/payments", headers=_auth(buyer), json={"amount": 2_000_000}
        ).get_json()
    assert paid["status"] == "completed" and paid["invoices"][0]["status"] == "paid"

    rated = client.post(
        f"/api/v1/orders/{order_id}/rating",
        headers=_auth(buyer),
        json={"quality": 5, "timeliness": 4, "communication": 5, "comment": "Enak dan tepat waktu"},
    )
    assert rated.status_code == 201
    rating = rated.get_json()["ratings"][0]
    assert rating["direction"] == "buyer_to_seller" and rating["average"] == 4.67
    twice = client.post(
        f"/api/v1/orders/{order_id}/rating",
        headers=_auth(buyer),
        json={"quality": 1, "timeliness": 1, "communication": 1},
    )
    assert twice.status_code == 409
    replied = client.post(
        f"/api/v1/ratings/{rating['id']}/reply", headers=_auth(seller), json={"reply": "Terima kasih!"}
    ).get_json()
    assert replied["ratings"][0]["reply"] == "Terima kasih!"
    back = client.post(
        f"/api/v1/orders/{order_id}/rating", headers=_auth(seller), json={"payment": 3, "communication": 5}
    ).get_json()
    assert {r["direction"] for r in back["ratings"]} == {"buyer_to_seller", "seller_to_buyer"}
    listed = client.get("/api/v1/orders?status=completed", headers=_auth(seller)).get_json()
    assert [o["id"] for o in listed["items"]] == [order_id] and listed["total"] == 1


def test_only_the_parties_see_and_act_on_an_order(client: FlaskClient, db: Session) -> None:
    listing_id = _world(db)
    buyer = _token(client, "buyer@test.id")
    order_id = client.post(
        "/api/v1/orders", headers=_auth(buyer), json=_order_body(db, listing_id)
    ).get_json()["id"]
    other_buyer, other_seller = _token(client, "other-buyer@test.id"), _token(client, "other-seller@test.id")
    for token in (other_buyer, other_seller):
        assert client.get(f"/api/v1/orders/{order_id}", headers=_auth(token)).status_code == 404
        assert client.get("/api/v1/orders", headers=_auth(token)).get_json()["total"] == 0
    assert client.post(f"/api/v1/orders/{order_id}/accept", headers=_auth(other_seller)).status_code == 404
    assert client.post(f"/api/v1/orders/{order_id}/accept", headers=_auth(buyer)).status_code == 403
    assert client.get(f"/api/v1/orders/{order_id}").status_code == 401
    official = _token(client, "official@test.id")
    assert client.get(f"/api/v1/orders/{order_id}", headers=_auth(official)).status_code == 200
    assert client.get("/api/v1/invoices/overdue", headers=_auth(buyer)).status_code == 403


def test_the_seller_declines_and_bad_orders_are_refused(client: FlaskClient, db: Session) -> None:
    listing_id = _world(db)
    buyer, seller = _token(client, "buyer@test.id"), _token(client, "sri@test.id")
    over = client.post(
        "/api/v1/orders", headers=_auth(buyer), json=_order_body(db, listing_id, quantity=1500)
    )  # Rp 52.500.000
    assert over.status_code == 422 and "quantity" in over.get_json()["error"]["details"]
    few = client.post("/api/v1/orders", headers=_auth(buyer), json=_order_body(db, listing_id, 5))
    assert few.status_code == 422
    rushed = client.post("/api/v1/orders", headers=_auth(buyer), json=_order_body(db, listing_id, days=1))
    assert rushed.status_code == 422 and "delivery_date" in rushed.get_json()["error"]["details"]
    assert (
        client.post("/api/v1/orders", headers=_auth(seller), json=_order_body(db, listing_id)).status_code
        == 403
    )
    order_id = client.post(
        "/api/v1/orders", headers=_auth(buyer), json=_order_body(db, listing_id)
    ).get_json()["id"]
    no_reason = client.post(f"/api/v1/orders/{order_id}/decline", headers=_auth(seller), json={})
    assert no_reason.status_code == 422
    declined = client.post(
        f"/api/v1/orders/{order_id}/decline",
        headers=_auth(seller),
        json={"reason": "Dapur sedang direnovasi"},
    ).get_json()
    assert declined["status"] == "declined" and declined["decline_reason"] == "Dapur sedang direnovasi"
    late = client.post(f"/api/v1/orders/{order_id}/accept", headers=_auth(seller))
    assert late.status_code == 409 and set(late.get_json()["error"]) == {"code", "message", "details"}


def test_the_openapi_document_lists_the_deal_path(client: FlaskClient) -> None:
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for path in (
        "/api/v1/orders",
        "/api/v1/orders/{order_id}/accept",
        "/api/v1/orders/{order_id}/purchase-order.pdf",
        "/api/v1/orders/{order_id}/deliveries",
        "/api/v1/deliveries/{delivery_id}/receipt",
        "/api/v1/orders/{order_id}/invoices",
        "/api/v1/invoices/{invoice_id}/payments",
        "/api/v1/orders/{order_id}/rating",
        "/api/v1/invoices/overdue",
    ):
        assert path in paths
    pdf = paths["/api/v1/orders/{order_id}/purchase-order.pdf"]["get"]["responses"]["200"]
    assert "application/pdf" in pdf["content"]


def test_a_step_that_loses_a_race_is_refused_with_409(client: FlaskClient, db: Session, monkeypatch) -> None:
    from sqlalchemy.orm import Session as OrmSession
    from sqlalchemy.orm.exc import StaleDataError

    listing_id = _world(db)
    buyer, seller = _token(client, "buyer@test.id"), _token(client, "sri@test.id")
    order = client.post("/api/v1/orders", headers=_auth(buyer), json=_order_body(db, listing_id)).get_json()
    assert order["version"] >= 1

    def lost(self: OrmSession) -> None:
        raise StaleDataError("the order moved on meanwhile")

    with monkeypatch.context() as patch:
        patch.setattr(OrmSession, "commit", lost)
        raced = client.post(f"/api/v1/orders/{order['id']}/accept", headers=_auth(seller))
    assert raced.status_code == 409 and "again" in raced.get_json()["error"]["message"]
    after = client.get(f"/api/v1/orders/{order['id']}", headers=_auth(buyer)).get_json()
    assert after["status"] == "pending"
