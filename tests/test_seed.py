"""The demo dataset: counts from the issue, and every stage of the workflow with examples."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from app.services.demo import DEMO_PASSWORD
from models import (
    REQUEST_STATUSES,
    Award,
    Category,
    Delivery,
    DemandRequest,
    Dispute,
    Invoice,
    Kota,
    Listing,
    Order,
    Organisation,
    Payment,
    Quote,
    Rating,
    SupplierProfile,
    User,
)
from tests.conftest import login


@pytest.mark.slow
def test_seed_demo_builds_a_realistic_marketplace(app: Flask, db: Session, client: FlaskClient) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(args=["seed-demo", "--if-empty"])
    assert result.exit_code == 0, result.output
    count = lambda q: db.scalar(q) or 0
    assert count(select(func.count()).select_from(SupplierProfile)) >= 300
    kota_of_sellers = count(
        select(func.count(distinct(Organisation.kota_id))).where(Organisation.kind == "umkm")
    )
    assert kota_of_sellers == count(select(func.count()).select_from(Kota)) == 6
    assert count(select(func.count()).select_from(Listing)) >= 1000
    empty_categories = count(
        select(func.count())
        .select_from(Category)
        .where(Category.parent_id.is_(None), ~Category.listings.any())
    )
    assert empty_categories == 0
    buyer_kinds = set(db.scalars(select(Organisation.kind).where(Organisation.kind != "umkm")))
    assert buyer_kinds == {"government", "bumd", "corporate"}
    assert count(select(func.count()).select_from(Organisation).where(Organisation.kind != "umkm")) >= 10
    assert count(select(func.count()).select_from(DemandRequest)) >= 40
    assert count(select(func.count()).select_from(User).where(User.role == "official")) >= 3
    statuses = set(db.scalars(select(DemandRequest.status)))
    assert statuses == set(REQUEST_STATUSES), statuses
    assert count(select(func.count()).select_from(Award)) >= 3
    assert count(select(func.count()).select_from(Quote)) >= 6

    order_states = set(db.scalars(select(Order.status)))
    assert {"pending", "accepted", "declined", "expired", "delivered", "completed"} <= order_states
    assert set(db.scalars(select(Order.source))) == {"direct", "award"}
    assert {"sent", "received", "disputed"} <= set(db.scalars(select(Delivery.status)))
    assert {"open", "escalated"} <= set(db.scalars(select(Dispute.status)))
    paid = db.execute(select(Invoice.due_on, Payment.paid_on).join(Payment.invoice)).all()
    assert any(p <= d for d, p in paid) and any(p > d for d, p in paid)  # on time and late
    assert count(select(func.count()).select_from(Invoice).where(Invoice.status == "issued")) >= 2
    assert {"buyer_to_seller", "seller_to_buyer"} <= set(db.scalars(select(Rating.direction)))

    again = runner.invoke(args=["seed-demo", "--if-empty"])
    assert "skipped" in again.output

    login(client, "pembeli@demo.pasarpadu.id", DEMO_PASSWORD)
    assert "Permintaan" in client.get("/requests/").get_data(as_text=True)
    page = client.get("/search?q=nasi+kotak").get_data(as_text=True)
    assert "Nasi" in page or "nasi" in page
