"""The seller's home shows what needs action first: invitations with their deadlines, quotes
waiting for the buyer, recent decisions, verification, then the listings."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from sqlalchemy.orm import Session

from app.clock import today
from models import Award, Match, Quote, utcnow
from tests.conftest import login
from tests.factories import make_buyer, make_listing, make_request, make_seller

EXPLANATION = {"scores": {}, "matched_terms": [], "checks": [], "sentence_id": "Cocok", "sentence_en": "Fits"}


def _invitation(
    db: Session, supplier, buyer, title: str, status: str, due_in: int, quote_status: str | None = None
) -> Match:
    demand = make_request(db, buyer, title=title)
    demand.status, demand.published_at = ("quoted" if status != "awarded" else "awarded"), utcnow()
    demand.quotes_due = today() + timedelta(days=due_in)
    match = Match(
        request=demand,
        supplier=supplier,
        rank=1,
        score=1.0,
        explanation=EXPLANATION,
        status=status,
        invited_at=utcnow(),
    )
    db.add(match)
    if quote_status:
        quote = Quote(
            match=match,
            unit_price=30_000,
            quantity=100,
            status=quote_status,
            delivery_date=today() + timedelta(days=15),
            outcome_reason="",
        )
        db.add(quote)
        db.flush()
        if quote_status == "accepted":
            db.add(
                Award(
                    request=demand,
                    quote=quote,
                    supplier=supplier,
                    quantity=60,
                    unit_price=30_000,
                    total_value=1_800_000,
                    reason="Harga terbaik",
                )
            )
    db.flush()
    return match


def _sections(html: str, *names: str) -> list[int]:
    return [html.index(f'data-testid="home-{name}"') for name in names]


def test_home_lists_what_needs_action_first_soonest_deadline_first(app: Flask, db: Session) -> None:
    seller = make_seller(db, email="sri@test.id")
    supplier = seller.organisation.supplier_profile
    make_listing(db, supplier, title="Nasi kotak ayam bakar")
    buyer = make_buyer(db)
    _invitation(db, supplier, buyer, "Snack rapat pleno", "invited", due_in=10)
    _invitation(db, supplier, buyer, "Nasi kotak pelatihan", "invited", due_in=3)
    _invitation(db, supplier, buyer, "Tumpeng syukuran", "invited", due_in=-1)  # deadline passed
    _invitation(db, supplier, buyer, "Kue basah arisan", "quoted", due_in=5, quote_status="submitted")
    _invitation(db, supplier, buyer, "Nasi box HUT", "awarded", due_in=-3, quote_status="accepted")
    _invitation(db, supplier, buyer, "Katering seminar", "declined", due_in=-3, quote_status="not_chosen")
    db.commit()
    client = app.test_client()
    login(client, "sri@test.id")
    html = client.get("/seller/").get_data(as_text=True)

    assert _sections(html, "invitations", "awaiting", "decisions", "verification", "listings") == sorted(
        _sections(html, "invitations", "awaiting", "decisions", "verification", "listings")
    )
    invitations = html[
        html.index('data-testid="home-invitations"') : html.index('data-testid="home-awaiting"')
    ]
    assert invitations.index("Nasi kotak pelatihan") < invitations.index("Snack rapat pleno")
    assert "3 hari lagi" in invitations and "10 hari lagi" in invitations
    assert "Tumpeng syukuran" not in html  # its deadline passed: nothing to do any more
    awaiting = html[html.index('data-testid="home-awaiting"') : html.index('data-testid="home-decisions"')]
    assert "Kue basah arisan" in awaiting and "Rp 3.000.000" in awaiting
    decisions = html[
        html.index('data-testid="home-decisions"') : html.index('data-testid="home-verification"')
    ]
    assert "Nasi box HUT" in decisions and "Rp 1.800.000" in decisions  # the awarded 60, not 100
    assert "Katering seminar" in decisions and "Tidak terpilih" in decisions
    assert "Usaha Anda telah terverifikasi" in html


def test_empty_home_says_so_in_words(app: Flask, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    db.commit()
    client = app.test_client()
    login(client, "sri@test.id")
    html = client.get("/seller/").get_data(as_text=True)
    assert "Tidak ada undangan yang menunggu penawaran Anda" in html
    assert "Tidak ada penawaran yang menunggu keputusan pembeli" in html
    assert "Belum ada keputusan" in html
    assert "Anda belum punya produk" in html


def test_unverified_seller_sees_verification_first_with_what_is_missing(app: Flask, db: Session) -> None:
    seller = make_seller(db, email="sri@test.id", verified=False)
    seller.organisation.nib = "123"
    db.commit()
    client = app.test_client()
    login(client, "sri@test.id")
    html = client.get("/seller/").get_data(as_text=True)
    assert html.index('data-testid="home-verification"') < html.index('data-testid="home-invitations"')
    missing = html[html.index('data-testid="missing"') :]
    for item in (
        "NIB 13 digit",
        "deskripsi singkat usaha Anda",
        "kode KBLI",
        "minimal satu produk yang tayang",
    ):
        assert item in missing


def test_listing_hints_for_missing_photos_and_stale_prices(app: Flask, db: Session) -> None:
    seller = make_seller(db, email="sri@test.id")
    supplier = seller.organisation.supplier_profile
    make_listing(db, supplier, title="Nasi kotak ayam bakar")
    old = make_listing(db, supplier, title="Kue lapis legit")
    make_listing(db, supplier, title="Draf tumpeng", publish=False)
    db.flush()
    old.updated_at = utcnow() - timedelta(days=200)
    db.commit()
    client = app.test_client()
    login(client, "sri@test.id")
    html = client.get("/seller/").get_data(as_text=True)
    listings = html[html.index('data-testid="home-listings"') :]
    assert "<strong>2</strong>" in listings and "<strong>1</strong>" in listings  # active, draft
    assert "2 produk yang tayang belum berfoto" in listings
    assert "Harga 1 produk belum diperbarui selama enam bulan" in listings
