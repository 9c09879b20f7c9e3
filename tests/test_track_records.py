"""The matcher reads each supplier's delivery and rating record from the deal tables."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.services.catalogue_records import records_for, track_records
from matching.track_record import PRIOR_SCORE, TrackRecord, track_record_score
from tests import deal_rows
from tests.factories import make_buyer, make_listing, make_seller


def test_delivered_orders_on_time_and_ratings_reach_the_records(db: Session) -> None:
    buyer = make_buyer(db).organisation
    sri = make_seller(db, name="Katering Bu Sri").organisation.supplier_profile
    newcomer = make_seller(db, name="Katering Baru").organisation.supplier_profile
    on_time = deal_rows.order(db, buyer, sri, delivery_date=date(2026, 5, 8))
    deal_rows.deliver(db, on_time, received_on=date(2026, 5, 8))
    deal_rows.rate_seller(db, on_time, 5, 5, 4)
    late = deal_rows.order(db, buyer, sri, delivery_date=date(2026, 5, 8))
    deal_rows.deliver(db, late, received_on=date(2026, 5, 11))
    deal_rows.pay(db, deal_rows.invoice(db, late, due_on=date(2026, 5, 14)), date(2026, 5, 14))
    deal_rows.rate_seller(db, late, 4, 2, 3)
    deal_rows.order(db, buyer, sri)  # accepted, not delivered yet: not counted
    half = deal_rows.order(db, buyer, sri)
    deal_rows.deliver(db, half, received_on=date(2026, 5, 6), quantity=50)  # partly received
    deal_rows.order(db, buyer, sri, status="declined")
    db.commit()

    records = track_records(db, [sri.id, newcomer.id])

    assert set(records) == {sri.id}  # no history: read as new by the engine
    record = records[sri.id]
    assert (record.completed_orders, record.on_time_deliveries, record.rating_count) == (2, 1, 2)
    assert record.rating_sum == (14 / 3) + (9 / 3)
    listing = make_listing(db, sri)
    fresh = make_listing(db, newcomer)
    db.commit()
    got = records_for(db, [listing.id, fresh.id])
    assert got[listing.id].track_record == record
    assert got[fresh.id].track_record is None
    assert track_record_score(got[fresh.id].track_record) == PRIOR_SCORE


def test_a_delivery_received_late_in_the_evening_in_jakarta_still_counts_as_that_day(db: Session) -> None:
    buyer = make_buyer(db).organisation
    seller = make_seller(db).organisation.supplier_profile
    row = deal_rows.order(db, buyer, seller, delivery_date=date(2026, 5, 8))
    deal_rows.deliver(db, row, received_on=date(2026, 5, 8))
    row.delivered_at = deal_rows.moment(date(2026, 5, 8), hour=16)  # 23:00 WIB on the 8th
    db.commit()
    assert track_records(db, [seller.id])[seller.id] == TrackRecord(1, 1, 0.0, 0)
    row.delivered_at = deal_rows.moment(date(2026, 5, 8), hour=17)  # 00:00 WIB on the 9th
    db.commit()
    assert track_records(db, [seller.id])[seller.id] == TrackRecord(1, 0, 0.0, 0)


def test_the_matcher_ranks_and_explains_with_the_track_record(app: Flask, db: Session) -> None:
    from app.clock import today
    from app.services.matchmaking import match_request
    from tests.factories import make_request

    buyer_user = make_buyer(db)
    sellers = {}
    for name in ("Katering Mawar", "Katering Melati"):
        profile = make_seller(db, name=name, kecamatan_name="Cakung").organisation.supplier_profile
        profile.display_name = name
        make_listing(
            db,
            profile,
            title="Nasi kotak ayam bakar",
            description="Nasi kotak ayam bakar untuk rapat kantor.",
        )
        sellers[name] = profile
    for _ in range(8):  # Melati: eight orders delivered on time, rated 5
        row = deal_rows.order(
            db, buyer_user.organisation, sellers["Katering Melati"], delivery_date=date(2026, 5, 8)
        )
        deal_rows.deliver(db, row, received_on=date(2026, 5, 7))
        deal_rows.rate_seller(db, row, 5, 5, 5)
    request = make_request(db, buyer_user)
    db.commit()

    matches = match_request(db, request, today(), fairness=0.0)

    by_supplier = {m.supplier_id: m for m in matches}
    melati = by_supplier[sellers["Katering Melati"].id]
    mawar = by_supplier[sellers["Katering Mawar"].id]
    assert melati.rank < mawar.rank
    assert melati.explanation.scores.track_record > 0 == mawar.explanation.scores.track_record
    assert "8 pesanan selesai, 8 tepat waktu, nilai 5,0 dari 5" in melati.explanation.sentence_id
    assert "rekam jejak" not in mawar.explanation.sentence_id


@pytest.mark.parametrize(
    ("delivered_at", "on_time"),
    [
        (datetime(2026, 5, 8, 16, 30, tzinfo=UTC), True),  # 23:30 WIB on the due date
        (datetime(2026, 5, 8, 23, 0, tzinfo=UTC), False),  # 06:00 WIB the day after: still the 8th in UTC
    ],
)
def test_the_supplier_page_and_the_ranking_count_a_delivery_on_the_same_jakarta_day(
    client: FlaskClient, db: Session, delivered_at: datetime, on_time: bool
) -> None:
    buyer = make_buyer(db).organisation
    seller = make_seller(db).organisation.supplier_profile
    row = deal_rows.order(db, buyer, seller, delivery_date=date(2026, 5, 8))
    deal_rows.deliver(db, row, received_on=date(2026, 5, 8))
    row.delivered_at = delivered_at
    listing = make_listing(db, seller)
    db.commit()

    ranked = records_for(db, [listing.id])[listing.id].track_record
    page = client.get(f"/supplier/{seller.id}").get_data(as_text=True)
    shown = re.search(r"(\d+)% dikirim tepat waktu", page)

    assert ranked == TrackRecord(1, int(on_time), 0.0, 0)
    assert shown is not None and int(shown.group(1)) == (100 if on_time else 0)
