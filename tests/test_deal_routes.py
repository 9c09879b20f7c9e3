"""From award to paid through the pages: buy directly, answer, download the purchase order,
send, confirm receipt, invoice, pay, rate; who may see what; officials' lists; "Minta
penawaran"; the scheduled job on the command line."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today
from models import DemandRequest, Invoice, Match, Order
from tests.conftest import login
from tests.factories import kecamatan, make_buyer, make_listing, make_official, make_seller


def _setup(app: Flask, db: Session) -> dict:
    seller = make_seller(db, email="sri@test.id", name="Katering Bu Sri")
    listing = make_listing(db, seller.organisation.supplier_profile, price=35_000)
    buyer = make_buyer(db, email="dinas@test.id")
    make_official(db, email="petugas@test.id")
    db.commit()
    clients = {}
    for name, email in (
        ("buyer", "dinas@test.id"),
        ("seller", "sri@test.id"),
        ("official", "petugas@test.id"),
    ):
        clients[name] = app.test_client()
        login(clients[name], email)
    return {"listing": listing, "buyer_user": buyer, "seller_user": seller, **clients}


def _buy(setup: dict, db: Session, quantity: int = 100) -> tuple[int, str]:
    response = setup["buyer"].post(
        f"/orders/buy/{setup['listing'].id}",
        data={
            "quantity": quantity,
            "kecamatan_id": kecamatan(db).id,
            "address": "Jl. Raya 1",
            "delivery_date": (today() + timedelta(days=5)).isoformat(),
        },
    )
    order = db.scalar(select(Order))
    return response.status_code, (order.id if order else 0)


def test_the_whole_deal_through_the_pages(app: Flask, db: Session) -> None:
    setup = _setup(app, db)
    page = setup["buyer"].get(f"/listing/{setup['listing'].id}").get_data(as_text=True)
    assert f"/orders/buy/{setup['listing'].id}" in page
    status, order_id = _buy(setup, db)
    assert status == 302
    assert setup["buyer"].get(f"/orders/{order_id}/purchase-order.pdf").status_code == 404
    assert setup["seller"].post(f"/orders/{order_id}/answer", data={"action": "accept"}).status_code == 302
    detail = setup["buyer"].get(f"/orders/{order_id}").get_data(as_text=True)
    assert "081234567890" in detail  # the seller's phone, now that the order is accepted
    for who in ("buyer", "seller", "official"):
        pdf = setup[who].get(f"/orders/{order_id}/purchase-order.pdf")
        assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    order = db.get(Order, order_id)
    line_id = order.lines[0].id
    setup["seller"].post(f"/orders/{order_id}/deliveries", data={f"qty-{line_id}": "100"})
    db.expire_all()
    delivery = db.get(Order, order_id).deliveries[0]
    setup["buyer"].post(
        f"/orders/deliveries/{delivery.id}/receipt",
        data={"received_on": today().isoformat(), "received_by_name": "Budi", f"received-{line_id}": "100"},
    )
    setup["seller"].post(f"/orders/{order_id}/invoice")
    invoice = db.scalar(select(Invoice))
    assert invoice is not None and invoice.amount == 3_500_000
    setup["buyer"].post(
        f"/orders/invoices/{invoice.id}/payment",
        data={"amount": "3.500.000", "paid_on": today().isoformat(), "reference": "TRX-9"},
    )
    setup["buyer"].post(
        f"/orders/{order_id}/rating",
        data={"quality": "5", "timeliness": "4", "communication": "5", "comment": "Enak dan tepat waktu"},
    )
    db.expire_all()
    assert db.get(Order, order_id).status == "completed"
    supplier_page = setup["buyer"].get(f"/supplier/{setup['listing'].supplier_id}").get_data(as_text=True)
    assert "4.7" in supplier_page and "Enak dan tepat waktu" in supplier_page
    buyer_page = (
        app.test_client().get(f"/buyers/{setup['buyer_user'].organisation_id}").get_data(as_text=True)
    )
    assert "100%" in buyer_page
    orders_page = setup["seller"].get("/orders/").get_data(as_text=True)
    assert order.number in orders_page


def test_strangers_see_nothing_of_an_order(app: Flask, db: Session) -> None:
    setup = _setup(app, db)
    _, order_id = _buy(setup, db)
    make_seller(db, email="lain@test.id")
    make_buyer(db, email="lain-buyer@test.id")
    db.commit()
    # answering is for sellers: another seller does not find the order (404), a buyer is refused (403)
    for email, answer_status in (("lain@test.id", 404), ("lain-buyer@test.id", 403)):
        stranger = app.test_client()
        login(stranger, email)
        assert stranger.get(f"/orders/{order_id}").status_code == 404
        assert stranger.get(f"/orders/{order_id}/purchase-order.pdf").status_code == 404
        assert (
            order_id
            and stranger.post(f"/orders/{order_id}/answer", data={"action": "accept"}).status_code
            == answer_status
        )
    assert app.test_client().get(f"/orders/{order_id}").status_code == 302  # to log-in
    db.expire_all()
    assert db.get(Order, order_id).status == "pending"


def test_bad_quantity_is_shown_and_nothing_is_ordered(app: Flask, db: Session) -> None:
    setup = _setup(app, db)
    status, order_id = _buy(setup, db, quantity=5)
    assert status == 422 and order_id == 0


def test_officials_see_overdue_invoices_oldest_first(app: Flask, db: Session) -> None:
    from app.services.billing import issue_invoice
    from app.services.fulfilment import confirm_receipt, send_delivery
    from app.services.orders import accept_order

    setup = _setup(app, db)
    _, order_id = _buy(setup, db)
    order = db.get(Order, order_id)
    accept_order(db, order, setup["seller_user"])
    delivery = send_delivery(db, order, setup["seller_user"], {order.lines[0].id: 100})
    confirm_receipt(db, delivery, setup["buyer_user"], today(), {}, "Budi", today())
    invoice = issue_invoice(db, order, setup["seller_user"])
    invoice.due_on = today() - timedelta(days=3)
    db.commit()
    page = setup["official"].get("/orders/overdue").get_data(as_text=True)
    assert invoice.number in page
    assert setup["buyer"].get("/orders/overdue").status_code == 403


def test_ask_for_a_quote_addresses_the_supplier(app: Flask, db: Session) -> None:
    setup = _setup(app, db)
    listing = setup["listing"]
    form = setup["buyer"].get(f"/requests/new?listing={listing.id}").get_data(as_text=True)
    assert listing.title in form and 'name="addressed_to"' in form
    response = setup["buyer"].post(
        f"/requests/new?listing={listing.id}",
        data={
            "title": listing.title,
            "description": "Untuk rapat",
            "category_id": listing.category_id,
            "quantity": 50,
            "unit": "kotak",
            "kecamatan_id": kecamatan(db).id,
            "needed_by": (today() + timedelta(days=20)).isoformat(),
            "umkm_only": "y",
            "addressed_to": listing.supplier_id,
            "action": "publish",
        },
    )
    assert response.status_code == 302
    request = db.scalar(select(DemandRequest))
    assert request.addressed_to_id == listing.supplier_id
    proposal = db.scalar(
        select(Match).where(Match.request_id == request.id, Match.supplier_id == listing.supplier_id)
    )
    assert proposal is not None and proposal.status == "proposed"  # still reviewed
    assert request.status == "under_review"


def test_jobs_deals_command_runs(app: Flask, db: Session) -> None:
    result = app.test_cli_runner().invoke(args=["jobs", "deals"])
    assert result.exit_code == 0 and "Expired 0 unanswered orders" in result.output


def test_after_an_award_both_sides_reach_the_purchase_order(app: Flask, db: Session) -> None:
    from app.services.awards import award
    from app.services.demand import invite_suppliers, publish_request
    from app.services.quotes import QuoteInput, submit_quote
    from tests.factories import make_request

    setup = _setup(app, db)
    buyer, seller = setup["buyer_user"], setup["seller_user"]
    buyer.organisation.skip_review = True
    request = make_request(db, buyer)
    publish_request(db, request, buyer, today())
    match = db.scalar(
        select(Match).where(Match.request_id == request.id, Match.supplier_id == setup["listing"].supplier_id)
    )
    if match is None:
        match = Match(
            request=request,
            supplier_id=setup["listing"].supplier_id,
            rank=1,
            score=1.0,
            status="approved",
            explanation={},
        )
        db.add(match)
        db.flush()
    invite_suppliers(db, request, [match.id], buyer)
    quote = submit_quote(db, match, seller, QuoteInput(34_000, 100, today() + timedelta(days=7), ""), today())
    award(db, request.id, {quote.id: 100}, buyer, "Harga terbaik.")
    db.commit()
    order = db.scalar(select(Order))
    link = f"/orders/{order.id}"
    invitation = setup["seller"].get(f"/seller/invitations/{match.id}").get_data(as_text=True)
    assert link in invitation
    assert f"/buyers/{buyer.organisation_id}" in invitation  # how this buyer pays, before quoting
    assert link in setup["buyer"].get(f"/requests/{request.id}").get_data(as_text=True)
    page = setup["seller"].get(link).get_data(as_text=True)
    assert "0215550000" in page  # the buyer's phone
    pdf = setup["seller"].get(f"{link}/purchase-order.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_an_official_decides_a_problem_sent_to_them(app: Flask, db: Session) -> None:
    from datetime import UTC, datetime

    from app.services.fulfilment import escalate_disputes, raise_problem, send_delivery
    from app.services.orders import accept_order
    from models import Dispute, clock_at

    setup = _setup(app, db)
    _, order_id = _buy(setup, db)
    order = db.get(Order, order_id)
    accept_order(db, order, setup["seller_user"])
    delivery = send_delivery(db, order, setup["seller_user"], {order.lines[0].id: 100})
    dispute = raise_problem(db, delivery, setup["buyer_user"], "Kemasan rusak.")
    with clock_at(datetime.now(UTC) + timedelta(days=4)):
        escalate_disputes(db)
    db.commit()
    listed = setup["official"].get("/orders/disputes").get_data(as_text=True)
    assert "Kemasan rusak." in listed
    setup["official"].post(
        f"/orders/disputes/{dispute.id}/decide",
        data={"outcome": "accept", "decision": "Foto menunjukkan barang baik."},
    )
    db.expire_all()
    decided = db.get(Dispute, dispute.id)
    assert decided.status == "decided" and decided.outcome == "accept"
    assert db.get(Order, order_id).status == "delivered"
    page = setup["buyer"].get(f"/orders/{order_id}").get_data(as_text=True)
    assert "Foto menunjukkan barang baik." in page
