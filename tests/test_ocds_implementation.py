"""OCDS: contracts from purchase orders, with payments as transactions and deliveries as
milestones; direct purchases as processes of their own; still valid OCDS 1.1.5 + scale."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services import billing, fulfilment, orders, ratings
from models import Award, Listing, Order, clock_at
from tests.test_dashboard import Programme, at, build_programme
from tests.test_opendata import EMAIL, PHONE, validate

SAMPLE = Path(__file__).resolve().parents[1] / "docs" / "ocds-sample-implementation.json"


def _deliver_and_pay(
    db: Session, p: Programme, order: Order, parts: list[tuple[date, int]], paid: list[tuple[date, int]]
) -> None:
    """Send and receive each (day, quantity), invoice after each receipt, pay (day, amount)."""
    seller = next(u for u in p.users.values() if u.organisation_id == order.supplier.organisation_id)
    buyer = p.users["buyer"]
    line = order.lines[0]
    invoices = []
    for day, quantity in parts:
        with clock_at(at(day)):
            delivery = fulfilment.send_delivery(db, order, seller, {line.id: quantity})
            fulfilment.confirm_receipt(
                db, delivery, buyer, day, {line.id: quantity}, "Petugas Gudang Dewi", day
            )
            invoices.append(billing.issue_invoice(db, order, seller))
    for invoice, (day, amount) in zip(invoices, paid):
        with clock_at(at(day)):
            billing.record_payment(db, invoice, buyer, amount, day, "TRF 0812-3456-7890", day)


@pytest.fixture()
def deals(db: Session) -> Programme:
    """The dashboard's programme, then: request A's order delivered in two parts and paid; a
    direct purchase from Mpok Ani accepted, half delivered; one that is still pending."""
    p = build_programme(db)
    p.users["buyer"].organisation.legal_name = "Dinas Pendidikan Provinsi DKI Jakarta"
    award_a = db.scalar(select(Award).where(Award.request_id == p.requests["A"].id))
    order_a = db.scalar(select(Order).where(Order.award_id == award_a.id))
    _deliver_and_pay(
        db,
        p,
        order_a,
        [(date(2026, 3, 9), 60), (date(2026, 3, 11), 40)],
        [(date(2026, 3, 12), 2_040_000), (date(2026, 3, 20), 1_360_000)],
    )
    with clock_at(at(date(2026, 3, 21))):
        ratings.rate_seller(db, order_a, p.users["buyer"], 5, 4, 5, "Tepat waktu, hubungi 0812-3456-7890")
    ani = p.users["Warung Nasi Mpok Ani"]
    listing = db.scalar(select(Listing).where(Listing.supplier_id == ani.organisation.supplier_profile.id))
    buyer = p.users["buyer"]
    with clock_at(at(date(2026, 5, 4))):
        direct = orders.place_direct_order(
            db,
            buyer,
            orders.DirectOrderInput(
                listing_id=listing.id,
                quantity=80,
                kecamatan_id=buyer.organisation.kecamatan_id,
                address="Jl. Medan Merdeka Selatan 8-9",
                delivery_date=date(2026, 5, 8),
                note="Hubungi bu.dewi@dinas.go.id",
            ),
            date(2026, 5, 4),
        )
        orders.accept_order(db, direct, ani)
        orders.place_direct_order(
            db,
            buyer,
            orders.DirectOrderInput(
                listing_id=listing.id,
                quantity=20,
                kecamatan_id=buyer.organisation.kecamatan_id,
                address="",
                delivery_date=date(2026, 5, 12),
            ),
            date(2026, 5, 4),
        )
    _deliver_and_pay(db, p, direct, [(date(2026, 5, 8), 40)], [(date(2026, 5, 13), 1_200_000)])
    db.commit()
    p.requests["direct"] = direct
    return p


def _package(app: Flask, query: str = "") -> dict[str, Any]:
    response = app.test_client().get(f"/open-data/ocds/release-package.json{query}")
    assert response.status_code == 200
    return response.get_json()


def test_the_package_with_contracts_and_implementation_validates(
    app: Flask, db: Session, deals: Programme
) -> None:
    package = _package(app)
    validate(package)
    text = json.dumps(package, ensure_ascii=False)
    assert not EMAIL.search(text) and not PHONE.search(text)
    assert "Petugas Gudang" not in text and "TRF" not in text  # no people, no bank references
    if os.environ.get("PASARPADU_WRITE_OCDS_SAMPLE"):
        direct = deals.requests["direct"]
        wanted = {f"ocds-pasarpadu-{deals.requests['A'].id}", f"ocds-pasarpadu-po-{direct.id}"}
        sample = dict(
            package,
            releases=[r for r in package["releases"] if r["ocid"] in wanted],
            uri="https://pasarpadu.jakarta.go.id/open-data/ocds/release-package.json",
            publishedDate="2026-05-14T10:00:00+07:00",
            publisher={"name": "Pasar Padu", "uri": "https://pasarpadu.jakarta.go.id/"},
        )
        sample.pop("links", None)
        SAMPLE.write_text(json.dumps(sample, ensure_ascii=False, indent=2) + "\n", "utf-8")


def test_an_awarded_request_has_its_orders_payments_and_deliveries(
    app: Flask, db: Session, deals: Programme
) -> None:
    releases = {r["ocid"]: r for r in _package(app)["releases"]}
    a = releases[f"ocds-pasarpadu-{deals.requests['A'].id}"]
    assert a["tag"] == ["tender", "award", "contract", "implementation"]
    (contract,) = a["contracts"]
    assert contract["awardID"] == a["awards"][0]["id"]
    assert contract["status"] == "terminated"  # delivered and paid in full
    assert contract["value"] == {"amount": 3_400_000, "currency": "IDR"}
    assert contract["dateSigned"].startswith("2026-03-06")
    transactions = contract["implementation"]["transactions"]
    assert [t["value"]["amount"] for t in transactions] == [2_040_000, 1_360_000]
    assert transactions[0]["date"] == "2026-03-12T00:00:00+07:00"
    seller = next(p for p in a["parties"] if p["id"] == transactions[0]["payee"]["id"])
    assert "payee" in seller["roles"]
    buyer = next(p for p in a["parties"] if "buyer" in p["roles"])
    assert buyer["roles"] == ["buyer", "payer"] and transactions[0]["payer"]["id"] == buyer["id"]
    due, first, second = contract["implementation"]["milestones"]
    assert (due["type"], due["status"], due["dateMet"][:10]) == ("delivery", "met", "2026-03-11")
    assert (first["status"], first["dateMet"]) == ("met", "2026-03-09T00:00:00+07:00")
    assert first["description"] == "Dikirim 60 kotak, diterima 60 kotak (BAST)"
    assert second["title"] == "Pengiriman 2"
    b = releases[f"ocds-pasarpadu-{deals.requests['B'].id}"]
    assert "implementation" not in b["tag"]  # ordered, nothing delivered yet
    assert {c["status"] for c in b["contracts"]} == {"active"}
    assert all(len(c["implementation"]["milestones"]) == 1 for c in b["contracts"])


def test_a_direct_purchase_is_a_process_of_its_own_once_accepted(
    app: Flask, db: Session, deals: Programme
) -> None:
    direct = deals.requests["direct"]
    releases = {r["ocid"]: r for r in _package(app)["releases"]}
    pending = db.scalar(select(Order).where(Order.status == "pending"))
    assert f"ocds-pasarpadu-po-{pending.id}" not in releases  # not yet a contract
    release = releases[f"ocds-pasarpadu-po-{direct.id}"]
    assert release["tender"]["procurementMethod"] == "direct"
    assert release["tender"]["items"][0]["classification"]["id"] == "catering"
    assert release["tag"] == ["tender", "award", "contract", "implementation"]
    (contract,) = release["contracts"]
    assert contract["status"] == "active" and contract["value"]["amount"] == 80 * 30_000
    due, part = contract["implementation"]["milestones"]
    assert due["status"] == "scheduled" and part["status"] == "met"
    assert [t["value"]["amount"] for t in contract["implementation"]["transactions"]] == [1_200_000]
    seller = next(p for p in release["parties"] if "supplier" in p["roles"])
    assert seller["details"]["scale"] == "micro" and "payee" in seller["roles"]
    may = _package(app, "?since=2026-05-01&until=2026-05-31")
    assert [r["ocid"] for r in may["releases"]] == [f"ocds-pasarpadu-po-{direct.id}"]
    validate(may)


def test_payments_move_the_release_id_and_date(app: Flask, db: Session, deals: Programme) -> None:
    direct = deals.requests["direct"]
    before = next(r for r in _package(app)["releases"] if r["ocid"].endswith(f"po-{direct.id}"))
    invoice = direct.invoices[0]
    with clock_at(at(date(2026, 5, 14))):
        seller = deals.users["Warung Nasi Mpok Ani"]
        line = direct.lines[0]
        delivery = fulfilment.send_delivery(db, direct, seller, {line.id: 40})
        fulfilment.confirm_receipt(
            db, delivery, deals.users["buyer"], date(2026, 5, 14), {line.id: 40}, "Dewi", date(2026, 5, 14)
        )
    db.commit()
    after = next(r for r in _package(app)["releases"] if r["ocid"].endswith(f"po-{direct.id}"))
    assert after["id"] != before["id"] and after["date"] > before["date"]
    assert invoice.status == "paid"


def test_the_sample_in_the_docs_is_valid_ocds() -> None:
    sample = json.loads(SAMPLE.read_text("utf-8"))
    validate(sample)
    tags = [r["tag"] for r in sample["releases"]]
    assert all("implementation" in t for t in tags)
    methods = {r["tender"]["procurementMethod"] for r in sample["releases"]}
    assert methods == {"limited", "direct"}
