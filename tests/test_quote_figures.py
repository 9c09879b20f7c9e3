"""Figures a seller and a buyer read about quotes: what was actually awarded after a split,
and where a quote misses the need (late, part of the quantity, above the budget per unit)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today
from app.services.demand import invite_suppliers, publish_request
from app.services.quote_checks import quote_gaps
from app.services.quotes import QuoteInput, submit_quote
from app.services.review import approve
from models import DemandRequest, Match, Notification, Quote
from tests.conftest import login
from tests.factories import make_buyer, make_listing, make_official, make_request, make_seller

CATERERS = [("Katering Bu Sri", "Cakung", 29_000), ("Dapur Betawi Bang Udin", "Duren Sawit", 31_000)]


def _client(app: Flask, email: str) -> FlaskClient:
    client = app.test_client()
    login(client, email)
    return client


@pytest.fixture()
def invited(db: Session) -> tuple[DemandRequest, dict[str, Match]]:
    """50 kotak needed within 20 days for at most Rp 1.500.000; two caterers invited."""
    for n, (name, place, price) in enumerate(CATERERS):
        seller = make_seller(db, email=f"katering{n}@test.id", name=name, kecamatan_name=place)
        make_listing(
            db,
            seller.organisation.supplier_profile,
            title="Nasi kotak ayam bakar",
            price=price,
            description="Nasi kotak ayam bakar untuk rapat kantor.",
        )
    buyer = make_buyer(db, email="buyer@test.id")
    official = make_official(db, email="official@test.id")
    demand = make_request(db, buyer, title="Nasi kotak rapat RW", quantity=50, budget=1_500_000, days=20)
    publish_request(db, demand, buyer, today())
    approve(db, [m.id for m in demand.matches], official)
    invite_suppliers(db, demand, [m.id for m in demand.matches], buyer, today())
    db.commit()
    return demand, {m.supplier.display_name: m for m in demand.matches}


def _quote(db: Session, match: Match, price: int, quantity: int, days: int) -> Quote:
    seller = match.supplier.organisation.users[0]
    quote = submit_quote(
        db, match, seller, QuoteInput(price, quantity, today() + timedelta(days=days), ""), today()
    )
    db.commit()
    return quote


def test_split_award_shows_the_awarded_figures_everywhere(app: Flask, db: Session, invited: tuple) -> None:
    demand, matches = invited
    sri, udin = matches["Katering Bu Sri"], matches["Dapur Betawi Bang Udin"]
    sri_quote = _quote(db, sri, 29_000, 50, 10)  # Rp 1.450.000 offered
    udin_quote = _quote(db, udin, 31_000, 50, 10)
    buyer = _client(app, "buyer@test.id")
    done = buyer.post(
        f"/requests/{demand.id}/award",
        data={f"qty_{sri_quote.id}": "30", f"qty_{udin_quote.id}": "20", "reason": "Dibagi dua"},
    )
    assert done.status_code == 302

    seller = _client(app, "katering0@test.id")
    page = seller.get(f"/seller/invitations/{sri.id}").get_data(as_text=True)
    awarded = re.search(r'data-testid="awarded">(.*?)</section>', page, re.S).group(1)
    assert "30 kotak" in awarded and "Rp 870.000" in awarded and "dari 50 yang Anda tawarkan" in awarded
    assert "Rp 1.450.000" not in awarded
    status = re.search(r'data-testid="quote-status">(.*?)</dd>', page, re.S).group(1)
    assert status == "Diterima untuk 30 dari 50 kotak"
    inbox = seller.get("/seller/invitations").get_data(as_text=True)
    assert "Rp 870.000" in inbox and "30 kotak" in inbox and "Rp 1.450.000" not in inbox

    won = db.scalars(select(Notification).where(Notification.subject.like("Anda menang%"))).all()
    bodies = sorted(n.body for n in won)
    assert any("30 dari 50 kotak" in b and "Rp 870.000" in b for b in bodies), bodies
    assert any("20 dari 50 kotak" in b and "Rp 620.000" in b for b in bodies), bodies
    mails = [p.read_text() for p in Path(app.config["MAIL_OUTBOX"]).glob("*.eml")]
    assert any("Rp 870.000" in m for m in mails)

    compare = buyer.get(f"/requests/{demand.id}").get_data(as_text=True)
    lines = re.findall(r'data-testid="quote-awarded">(.*?)</span>', compare)
    assert sorted(lines) == ["Dimenangkan: 20 kotak, Rp 620.000", "Dimenangkan: 30 kotak, Rp 870.000"]
    public = app.test_client().get("/transparency").get_data(as_text=True)
    assert "Rp 870.000" in public and "Rp 620.000" in public and "Rp 1.450.000" not in public

    token = (
        app.test_client()
        .post(
            "/api/v1/auth/token", json={"email": "katering0@test.id", "password": "kata sandi yang panjang"}
        )
        .get_json()["token"]
    )
    api = (
        app.test_client()
        .get(f"/api/v1/invitations/{sri.id}", headers={"Authorization": f"Bearer {token}"})
        .get_json()
    )
    assert api["quote"]["awarded_quantity"] == 30 and api["quote"]["awarded_value"] == 870_000
    assert api["quote"]["total_price"] == 1_450_000  # what was offered stays readable


def test_quote_gaps_name_each_miss(app: Flask, db: Session, invited: tuple) -> None:
    demand, _ = invited
    with app.test_request_context():
        on_target = QuoteInput(30_000, 50, demand.needed_by, "")
        assert quote_gaps(demand, on_target) == []
        missed = QuoteInput(30_001, 30, demand.needed_by + timedelta(days=3), "")
        gaps = {g.kind: g for g in quote_gaps(demand, missed)}
    assert set(gaps) == {"over_budget", "partial", "late"}
    assert gaps["over_budget"].label == "Di atas anggaran per satuan (Rp 30.000)"
    assert gaps["partial"].label == "Sebagian saja: 30 dari 50"
    assert gaps["late"].label == "Terlambat 3 hari"


def test_seller_is_warned_before_a_quote_that_misses_the_need(
    app: Flask, db: Session, invited: tuple
) -> None:
    demand, matches = invited
    sri = matches["Katering Bu Sri"]
    seller = _client(app, "katering0@test.id")
    late = (demand.needed_by + timedelta(days=2)).isoformat()
    form = {"unit_price": "35.000", "quantity": "30", "delivery_date": late}
    first = seller.post(f"/seller/invitations/{sri.id}", data=form)
    assert first.status_code == 200
    page = first.get_data(as_text=True)
    box = re.search(r'data-testid="quote-gaps"(.*?)</div>', page, re.S).group(1)
    assert "Harga satuan Rp 35.000 di atas anggaran per satuan, Rp 30.000" in box
    assert "Menawarkan 30 dari 50 kotak yang dibutuhkan" in box
    assert "setelah tanggal dibutuhkan" in box
    assert "kirim saja" in box  # the confirmation the seller must tick
    assert 'value="35.000"' in page  # what was typed is kept
    assert db.scalars(select(Quote)).first() is None  # nothing sent yet

    sent = seller.post(
        f"/seller/invitations/{sri.id}", data={**form, "confirm_gaps": "over_budget,partial,late"}
    )
    assert sent.status_code == 302
    assert db.scalars(select(Quote)).one().quantity == 30
    mine = seller.get(f"/seller/invitations/{sri.id}").get_data(as_text=True)
    assert "Sebagian saja: 30 dari 50" in mine and "Terlambat 2 hari" in mine  # beside the figures

    # Revising into a new miss warns again; a quote that meets the need goes straight through.
    again = seller.post(
        f"/seller/invitations/{sri.id}",
        data={"unit_price": "29000", "quantity": "20", "delivery_date": demand.needed_by.isoformat()},
    )
    assert again.status_code == 200 and "Menawarkan 20 dari 50" in again.get_data(as_text=True)
    fixed = seller.post(
        f"/seller/invitations/{sri.id}",
        data={"unit_price": "29000", "quantity": "50", "delivery_date": demand.needed_by.isoformat()},
    )
    assert fixed.status_code == 302
    db.expire_all()
    assert db.scalars(select(Quote)).one().quantity == 50


def test_quote_form_carries_the_need_for_live_warnings(app: Flask, db: Session, invited: tuple) -> None:
    demand, matches = invited
    page = (
        _client(app, "katering0@test.id")
        .get(f"/seller/invitations/{matches['Katering Bu Sri'].id}")
        .get_data(as_text=True)
    )
    assert 'data-need-quantity="50"' in page and 'data-budget-ceiling="1500000"' in page
    assert f'data-needed-by="{demand.needed_by.isoformat()}"' in page
    assert "js/quote-check.js" in page
    assert re.search(r'data-testid="quote-gaps"[^>]*hidden', page)  # nothing to warn about yet


def test_buyer_comparison_flags_each_miss_next_to_its_figure(app: Flask, db: Session, invited: tuple) -> None:
    demand, matches = invited
    _quote(db, matches["Katering Bu Sri"], 29_000, 50, 10)
    _quote(db, matches["Dapur Betawi Bang Udin"], 32_000, 40, 25)  # dear, partial and late
    page = _client(app, "buyer@test.id").get(f"/requests/{demand.id}").get_data(as_text=True)
    rows = re.findall(r'<tr data-testid="quote-row">(.*?)</tr>', page, re.S)
    good = next(r for r in rows if "Katering Bu Sri" in r)
    weak = next(r for r in rows if "Dapur Betawi" in r)
    assert "gap-flag" not in good
    cells = re.findall(r"<td>(.*?)</td>", weak, re.S)
    assert "Rp 32.000" in cells[1] and "Di atas anggaran per satuan (Rp 30.000)" in cells[1]
    assert "40" in cells[2] and "Sebagian saja: 40 dari 50" in cells[2]
    assert "Terlambat 5 hari" in cells[4]

    token = (
        app.test_client()
        .post("/api/v1/auth/token", json={"email": "buyer@test.id", "password": "kata sandi yang panjang"})
        .get_json()["token"]
    )
    api = (
        app.test_client()
        .get(f"/api/v1/requests/{demand.id}/quotes", headers={"Authorization": f"Bearer {token}"})
        .get_json()
    )
    kinds = {q["supplier_name"]: sorted(g["kind"] for g in q["gaps"]) for q in api["items"]}
    assert kinds == {"Katering Bu Sri": [], "Dapur Betawi Bang Udin": ["late", "over_budget", "partial"]}
