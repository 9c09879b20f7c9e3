"""From award to paid, as services: direct orders, deliveries, receipts, problems, invoices,
payments, ratings, and the scheduled jobs that expire, escalate and remind."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today
from app.policy import can_view_order
from app.services import ServiceError
from app.services.billing import issue_invoice, overdue_invoices, record_payment
from app.services.fulfilment import (
    confirm_receipt,
    decide_dispute,
    raise_problem,
    send_delivery,
    settle_dispute,
)
from app.services.jobs import deals
from app.services.order_records import purchase_order_document
from app.services.orders import (
    DirectOrderInput,
    accept_order,
    decline_order,
    place_direct_order,
)
from app.services.purchase_order_pdf import render_purchase_order
from app.services.ratings import buyer_record, rate_buyer, rate_seller, reply_to_rating
from app.services.supplier_records import supplier_records
from app.services.working_days import add_working_days
from app.settings import workflow
from models import AuditEvent, Notification, Order, User, clock_at
from tests.factories import kecamatan, make_buyer, make_listing, make_official, make_seller


@pytest.fixture()
def deal(db: Session) -> dict:
    seller = make_seller(db, email="sri@test.id", name="Katering Bu Sri")
    listing = make_listing(db, seller.organisation.supplier_profile, price=35_000)
    buyer = make_buyer(db, email="dinas@test.id")
    db.commit()
    return {"seller": seller, "listing": listing, "buyer": buyer}


def _order(db: Session, deal: dict, quantity: int = 100, days: int = 5) -> Order:
    return place_direct_order(
        db,
        deal["buyer"],
        DirectOrderInput(
            listing_id=deal["listing"].id,
            quantity=quantity,
            kecamatan_id=kecamatan(db).id,
            address="Jl. Raya Bekasi 1",
            delivery_date=today() + timedelta(days=days),
        ),
        today(),
    )


def _delivered(db: Session, deal: dict, received_on: date | None = None) -> Order:
    order = _order(db, deal)
    accept_order(db, order, deal["seller"])
    delivery = send_delivery(db, order, deal["seller"], {order.lines[0].id: 100})
    confirm_receipt(db, delivery, deal["buyer"], received_on or today(), {}, "Budi", today())
    return order


def test_direct_order_waits_for_the_seller_and_notifies_them(db: Session, deal: dict) -> None:
    order = _order(db, deal)
    assert order.status == "pending"
    assert order.number == f"PO-{datetime.now(UTC).year}-{order.id:06d}"
    assert order.total_value == 3_500_000
    assert db.scalar(select(Notification).where(Notification.user_id == deal["seller"].id))
    accept_order(db, order, deal["seller"])
    assert order.status == "accepted"
    events = db.scalars(select(AuditEvent.action).where(AuditEvent.object_type == "order")).all()
    assert events == ["order.created", "order.accepted"]


@pytest.mark.parametrize("quantity, message", [(9, "minimum"), (3001, "paling banyak")])
def test_quantity_must_respect_minimum_and_capacity(
    db: Session, deal: dict, quantity: int, message: str
) -> None:
    with pytest.raises(ServiceError, match=message):
        _order(db, deal, quantity=quantity)


def test_direct_order_above_the_ceiling_is_refused(app: Flask, db: Session, deal: dict) -> None:
    app.config["DIRECT_PURCHASE_CEILING"] = 1_000_000
    try:
        with pytest.raises(ServiceError, match=r"paling banyak Rp 1\.000\.000"):
            place_direct_order(
                db,
                deal["buyer"],
                DirectOrderInput(
                    listing_id=deal["listing"].id,
                    quantity=100,
                    kecamatan_id=kecamatan(db).id,
                    address="Jl. Raya Bekasi 1",
                    delivery_date=today() + timedelta(days=5),
                ),
                today(),
                workflow(),
            )  # the configured ceiling, as the routes pass it
    finally:
        app.config["DIRECT_PURCHASE_CEILING"] = 50_000_000
    assert db.scalar(select(Order)) is None


def test_delivery_date_respects_the_lead_time(db: Session, deal: dict) -> None:
    with pytest.raises(ServiceError, match="memerlukan 2 hari"):
        _order(db, deal, days=1)


def test_only_the_parties_act_and_see(db: Session, deal: dict) -> None:
    order = _order(db, deal)
    stranger = make_seller(db)
    other_buyer = make_buyer(db)
    with pytest.raises(ServiceError):
        accept_order(db, order, stranger)
    with pytest.raises(ServiceError):
        accept_order(db, order, deal["buyer"])
    assert can_view_order(deal["buyer"], order) and can_view_order(deal["seller"], order)
    assert not can_view_order(stranger, order) and not can_view_order(other_buyer, order)
    assert can_view_order(make_official(db), order)


def test_declining_needs_a_reason_and_tells_the_buyer(db: Session, deal: dict) -> None:
    order = _order(db, deal)
    with pytest.raises(ServiceError):
        decline_order(db, order, deal["seller"], " ")
    decline_order(db, order, deal["seller"], "Dapur penuh minggu itu.")
    assert order.status == "declined"
    with pytest.raises(ServiceError):
        accept_order(db, order, deal["seller"])


def test_unanswered_order_expires_through_the_job(db: Session, deal: dict) -> None:
    order = _order(db, deal)
    late = datetime.now(UTC) + timedelta(hours=49)
    with clock_at(late):
        report = deals(db, today())
    assert report.orders == [order.id]
    assert order.status == "expired"
    with pytest.raises(ServiceError):
        accept_order(db, order, deal["seller"])


def test_purchase_order_pdf_once_accepted(db: Session, deal: dict) -> None:
    order = _order(db, deal)
    with pytest.raises(ServiceError):
        purchase_order_document(order, "id")
    accept_order(db, order, deal["seller"])
    document = purchase_order_document(order, "id")
    assert document.number == order.number and document.buyer.name.startswith("Dinas Uji")
    assert render_purchase_order(document).startswith(b"%PDF")


def test_partial_deliveries_then_order_delivered(db: Session, deal: dict) -> None:
    order = _order(db, deal)
    accept_order(db, order, deal["seller"])
    line = order.lines[0]
    first = send_delivery(db, order, deal["seller"], {line.id: 60})
    with pytest.raises(ServiceError, match="Hanya tersisa 40"):
        send_delivery(db, order, deal["seller"], {line.id: 41})
    confirm_receipt(db, first, deal["buyer"], today(), {line.id: 55}, "Budi", today())
    assert order.status == "accepted"
    second = send_delivery(db, order, deal["seller"], {line.id: 45})  # 5 short were re-sent
    confirm_receipt(db, second, deal["buyer"], today(), {}, "Budi", today())
    assert order.status == "delivered"
    assert first.receipt.received_by_name == "Budi"


def test_receipt_cannot_exceed_what_was_sent(db: Session, deal: dict) -> None:
    order = _order(db, deal)
    accept_order(db, order, deal["seller"])
    delivery = send_delivery(db, order, deal["seller"], {order.lines[0].id: 10})
    with pytest.raises(ServiceError):
        confirm_receipt(db, delivery, deal["buyer"], today(), {order.lines[0].id: 11}, "B", today())
    with pytest.raises(ServiceError):
        confirm_receipt(db, delivery, deal["buyer"], today() + timedelta(days=1), {}, "B", today())


def test_problem_settled_or_escalated_and_decided(db: Session, deal: dict) -> None:
    order = _order(db, deal)
    accept_order(db, order, deal["seller"])
    line = order.lines[0]
    first = send_delivery(db, order, deal["seller"], {line.id: 50})
    dispute = raise_problem(db, first, deal["buyer"], "Nasi basi.")
    settle_dispute(db, dispute, deal["buyer"])
    assert dispute.status == "settled" and first.status == "sent"
    dispute = raise_problem(db, first, deal["buyer"], "Nasi basi lagi.")
    official = make_official(db)
    assert deals(db, today()).disputes == []  # not yet due
    with clock_at(datetime.now(UTC) + timedelta(days=4)):
        assert deals(db, today()).disputes == [dispute.id]
    assert dispute.status == "escalated"
    assert db.scalar(select(Notification).where(Notification.user_id == official.id))
    decide_dispute(db, dispute, official, "reject", "Foto menunjukkan makanan rusak.", today())
    assert dispute.status == "decided" and first.status == "rejected"
    assert dispute.decided_by_id == official.id
    # the rejected goods can be sent again
    send_delivery(db, order, deal["seller"], {line.id: 100})


def test_invoice_due_date_counts_working_days(db: Session, deal: dict) -> None:
    friday = date(2026, 11, 27)
    order = _order(db, deal)
    accept_order(db, order, deal["seller"])
    delivery = send_delivery(db, order, deal["seller"], {order.lines[0].id: 100})
    delivery.sent_at = datetime(2026, 11, 26, tzinfo=UTC)
    confirm_receipt(db, delivery, deal["buyer"], friday, {}, "Budi", today())
    invoice = issue_invoice(db, order, deal["seller"])
    assert invoice.amount == 3_500_000
    assert invoice.due_on == add_working_days(friday, 3) == date(2026, 12, 2)
    with pytest.raises(ServiceError):
        issue_invoice(db, order, deal["seller"])  # nothing left to bill


def test_payment_completes_the_order_and_counts_on_time(db: Session, deal: dict) -> None:
    order = _delivered(db, deal)
    invoice = issue_invoice(db, order, deal["seller"])
    with pytest.raises(ServiceError):
        record_payment(db, invoice, deal["buyer"], invoice.amount + 1, today(), "TRX", today())
    with pytest.raises(ServiceError):
        record_payment(db, invoice, deal["seller"], invoice.amount, today(), "TRX", today())
    record_payment(db, invoice, deal["buyer"], 1_000_000, today(), "TRX-1", today())
    assert invoice.status == "issued"
    record_payment(db, invoice, deal["buyer"], 2_500_000, today(), "TRX-2", today())
    assert invoice.status == "paid" and order.status == "completed"
    record = buyer_record(db, deal["buyer"].organisation, today())
    assert record.on_time_share == 1.0 and record.median_days_to_pay == 0.0


def test_reminders_before_and_after_the_due_date_once_each(db: Session, deal: dict) -> None:
    order = _delivered(db, deal)
    invoice = issue_invoice(db, order, deal["seller"])
    assert deals(db, invoice.due_on - timedelta(days=1)).due_soon == [invoice.id]
    assert deals(db, invoice.due_on).due_soon == []  # once
    after = deals(db, invoice.due_on + timedelta(days=1))
    assert after.overdue == [invoice.id]
    assert deals(db, invoice.due_on + timedelta(days=2)).overdue == []
    assert overdue_invoices(db, invoice.due_on + timedelta(days=1)) == [invoice]
    record = buyer_record(db, deal["buyer"].organisation, invoice.due_on + timedelta(days=1))
    assert record.invoices_due == 1 and record.on_time_share == 0.0


def test_ratings_once_per_order_with_a_reply(db: Session, deal: dict) -> None:
    order = _order(db, deal)
    accept_order(db, order, deal["seller"])
    with pytest.raises(ServiceError):
        rate_seller(db, order, deal["buyer"], 5, 5, 5)  # nothing received yet
    delivery = send_delivery(db, order, deal["seller"], {order.lines[0].id: 100})
    confirm_receipt(db, delivery, deal["buyer"], today(), {}, "Budi", today())
    with pytest.raises(ServiceError):
        rate_seller(db, order, deal["buyer"], 6, 5, 5)
    rating = rate_seller(db, order, deal["buyer"], 5, 4, 3, "Enak")
    with pytest.raises(ServiceError, match="sudah dinilai"):
        rate_seller(db, order, deal["buyer"], 5, 5, 5)
    reply_to_rating(db, rating, deal["seller"], "Terima kasih!")
    with pytest.raises(ServiceError):
        reply_to_rating(db, rating, deal["seller"], "Lagi")
    issue_invoice(db, order, deal["seller"])
    rate_buyer(db, order, deal["seller"], 5, 4)
    record = supplier_records(db, [order.supplier_id])[order.supplier_id]
    assert record.rating == 4.0 and record.delivered_orders == 1 and record.on_time_deliveries == 1
    assert buyer_record(db, deal["buyer"].organisation, today()).rating == 4.5


def test_an_award_becomes_an_accepted_order(db: Session, deal: dict) -> None:
    from app.services.awards import award
    from app.services.demand import invite_suppliers, publish_request
    from app.services.quotes import QuoteInput, submit_quote
    from models import Match
    from tests.factories import make_request

    deal["buyer"].organisation.skip_review = True
    request = make_request(db, deal["buyer"])
    publish_request(db, request, deal["buyer"], today())
    supplier_id = deal["seller"].organisation.supplier_profile.id
    match = db.scalar(select(Match).where(Match.request_id == request.id, Match.supplier_id == supplier_id))
    if match is None:
        match = Match(request=request, supplier_id=supplier_id, rank=1, score=1.0, status="approved")
        db.add(match)
        db.flush()
    invite_suppliers(db, request, [match.id], deal["buyer"])
    quote = submit_quote(
        db, match, deal["seller"], QuoteInput(34_000, 100, today() + timedelta(days=7), ""), today()
    )
    award(db, request.id, {quote.id: 100}, deal["buyer"], "Harga terbaik.")
    order = db.scalar(select(Order))
    assert order.source == "award" and order.status == "accepted" and order.total_value == 3_400_000
    send = send_delivery(db, order, deal["seller"], {order.lines[0].id: 100})
    confirm_receipt(db, send, deal["buyer"], today(), {}, "Budi", today())
    assert order.status == "delivered" and request.status == "fulfilled"


def test_a_step_from_a_stale_read_is_refused(app: Flask, db: Session, deal: dict) -> None:
    from app.extensions import db as flask_db

    order = _order(db, deal)
    db.commit()
    with Session(flask_db.engine) as other:  # the seller answers in another tab, first
        accept_order(other, other.get(Order, order.id), other.get(User, deal["seller"].id))
        other.commit()
    assert order.status == "pending"  # this session still holds the old read
    with pytest.raises(ServiceError):
        decline_order(db, order, deal["seller"], "Tidak bisa.")
    db.rollback()
    assert db.get(Order, order.id).status == "accepted"
