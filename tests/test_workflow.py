"""A procurement from need to award, as buyers, officials and sellers do it."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import today
from app.services import ServiceError
from app.services.demand import publish_request
from models import AuditEvent, Award, DemandRequest, Match, Notification, Quote
from models.audit import AuditTrailViolation
from tests.conftest import login
from tests.factories import (
    category,
    kecamatan,
    make_buyer,
    make_listing,
    make_official,
    make_request,
    make_seller,
)

CATERERS = [
    ("Katering Bu Sri", "Cakung", "Nasi kotak ayam bakar", 35_000),
    ("Dapur Betawi Bang Udin", "Duren Sawit", "Nasi kotak rendang dan sayur", 40_000),
    ("Warung Nasi Mpok Ani", "Cilandak", "Nasi kotak ayam goreng kremes", 30_000),
]


@pytest.fixture()
def market(db: Session) -> dict[str, object]:
    """Three verified caterers, an unverified one, a furniture maker, a buyer and an official."""
    sellers = []
    for n, (name, place, title, price) in enumerate(CATERERS):
        seller = make_seller(db, email=f"katering{n}@test.id", name=name, kecamatan_name=place)
        make_listing(
            db,
            seller.organisation.supplier_profile,
            title=title,
            price=price,
            description=f"{title} untuk rapat kantor, kapasitas besar.",
        )
        sellers.append(seller)
    unverified = make_seller(db, email="baru@test.id", name="Katering Baru", verified=False)
    make_listing(db, unverified.organisation.supplier_profile, title="Nasi kotak ayam bakar madu")
    mebel = make_seller(db, email="mebel@test.id", name="Mebel Jati")
    make_listing(
        db,
        mebel.organisation.supplier_profile,
        title="Kursi lipat besi",
        category_slug="furniture",
        price=150_000,
        unit="unit",
    )
    buyer = make_buyer(db, email="buyer@test.id")
    official = make_official(db, email="official@test.id")
    db.commit()
    return {"sellers": sellers, "unverified": unverified, "buyer": buyer, "official": official}


def _client(app: Flask, email: str) -> FlaskClient:
    client = app.test_client()
    login(client, email)
    return client


def _request_form(db: Session, **overrides: str) -> dict[str, str]:
    form = {
        "title": "Nasi kotak rapat koordinasi",
        "description": "Nasi kotak ayam untuk 100 peserta",
        "category_id": str(category(db, "catering").id),
        "quantity": "100",
        "unit": "kotak",
        "budget_ceiling": "Rp 5.000.000",
        "kecamatan_id": str(kecamatan(db, "Cakung").id),
        "needed_by": (today() + timedelta(days=20)).isoformat(),
        "umkm_only": "y",
        "action": "publish",
    }
    form.update(overrides)
    return form


def test_invalid_request_rerenders_and_writes_nothing(app: Flask, db: Session, market: dict) -> None:
    buyer = _client(app, "buyer@test.id")
    bad = _request_form(db, quantity="0", needed_by=(today() - timedelta(days=1)).isoformat())
    response = buyer.post("/requests/new", data=bad)
    assert response.status_code == 422
    assert 'value="Nasi kotak rapat koordinasi"' in response.get_data(as_text=True)
    past = buyer.post("/requests/new", data=_request_form(db, needed_by=today().isoformat()))
    assert past.status_code == 422
    assert "masa depan" in past.get_data(as_text=True)  # "must be in the future"
    assert db.scalar(select(func.count()).select_from(DemandRequest)) == 0


def test_need_to_award_in_the_browser_flow(app: Flask, db: Session, market: dict) -> None:
    buyer, official = _client(app, "buyer@test.id"), _client(app, "official@test.id")
    response = buyer.post("/requests/new", data=_request_form(db))
    assert response.status_code == 302
    request_id = int(re.search(r"/requests/(\d+)", response.headers["Location"]).group(1))
    demand = db.get(DemandRequest, request_id)
    assert demand.status == "under_review"
    proposed = {m.supplier.display_name for m in demand.matches}
    assert {"Katering Bu Sri", "Dapur Betawi Bang Udin"} <= proposed
    assert "Katering Baru" not in proposed  # unverified sellers are never proposed
    page = buyer.get(f"/requests/{request_id}").get_data(as_text=True)
    assert "menunggu tinjauan" in page and "Katering Bu Sri" not in page

    queue = official.get("/review/").get_data(as_text=True)
    assert "Katering Bu Sri" in queue and "Cocok" in queue
    ids = [str(m.id) for m in demand.matches]
    official.post("/review/decide", data={"match_id": ids, "action": "approve"})
    db.expire_all()
    assert all(m.status == "approved" for m in demand.matches)
    assert "Katering Bu Sri" in buyer.get(f"/requests/{request_id}").get_data(as_text=True)

    chosen = [
        m for m in demand.matches if m.supplier.display_name in ("Katering Bu Sri", "Dapur Betawi Bang Udin")
    ]
    buyer.post(
        f"/requests/{request_id}/invite", data={"match_id": [str(m.id) for m in chosen], "action": "invite"}
    )
    db.expire_all()
    assert demand.status == "invited"
    sri, udin = _client(app, "katering0@test.id"), _client(app, "katering1@test.id")
    inbox = sri.get("/seller/invitations").get_data(as_text=True)
    assert "Nasi kotak rapat koordinasi" in inbox
    sri_match = next(m for m in chosen if m.supplier.display_name == "Katering Bu Sri")
    udin_match = next(m for m in chosen if m.supplier.display_name != "Katering Bu Sri")
    delivery = (today() + timedelta(days=15)).isoformat()
    sent = sri.post(
        f"/seller/invitations/{sri_match.id}",
        data={"unit_price": "34.000", "quantity": "100", "delivery_date": delivery},
    )
    assert sent.status_code == 302
    udin.post(
        f"/seller/invitations/{udin_match.id}",
        data={"unit_price": "39000", "quantity": "100", "delivery_date": delivery},
    )
    db.expire_all()
    assert demand.status == "quoted"
    compare = buyer.get(f"/requests/{request_id}").get_data(as_text=True)
    assert "Rp 3.400.000" in compare and "Rp 3.900.000" in compare

    sri_quote = db.scalar(select(Quote).where(Quote.match_id == sri_match.id))
    awarded = buyer.post(
        f"/requests/{request_id}/award", data={f"qty_{sri_quote.id}": "100", "reason": "Harga lebih baik"}
    )
    assert awarded.status_code == 302
    db.expire_all()
    assert demand.status == "awarded"
    assert sri_match.status == "awarded" and udin_match.status == "declined"
    assert "Harga lebih baik" in udin.get(f"/seller/invitations/{udin_match.id}").get_data(as_text=True)
    assert db.scalar(select(Award.total_value)) == 3_400_000
    timeline = buyer.get(f"/requests/{request_id}").get_data(as_text=True)
    assert "Linimasa" in timeline and "Dapur Betawi Bang Udin" in timeline
    kinds = set(db.scalars(select(Notification.kind)))
    assert {"proposals", "invitation", "quote", "decision"} <= kinds
    outbox = Path(app.config["MAIL_OUTBOX"])
    assert any(outbox.glob("*.eml"))


def test_skip_review_organisations_see_proposals_at_once(db: Session, market: dict) -> None:
    buyer = market["buyer"]
    buyer.organisation.skip_review = True
    demand = make_request(db, buyer)
    matches = publish_request(db, demand, buyer, today())
    assert matches and all(m.status == "approved" for m in matches)
    assert demand.status == "open"


def test_illegal_transitions_are_refused_and_write_nothing(app: Flask, db: Session, market: dict) -> None:
    demand = make_request(db, market["buyer"])
    db.commit()
    buyer = _client(app, "buyer@test.id")  # the log-in itself is audited
    events_before = db.scalar(select(func.count()).select_from(AuditEvent))
    response = buyer.post(f"/requests/{demand.id}/fulfil", follow_redirects=True)
    assert "tidak dapat" in response.get_data(as_text=True).lower()
    award = buyer.post(
        f"/requests/{demand.id}/award", data={"qty_1": "5", "reason": "x"}, follow_redirects=True
    )
    assert award.status_code == 200
    db.expire_all()
    assert demand.status == "draft"
    assert db.scalar(select(func.count()).select_from(AuditEvent)) == events_before


def test_rejecting_needs_a_reason(app: Flask, db: Session, market: dict) -> None:
    demand = make_request(db, market["buyer"])
    publish_request(db, demand, market["buyer"], today())
    db.commit()
    official = _client(app, "official@test.id")
    ids = [str(m.id) for m in demand.matches]
    page = official.post(
        "/review/decide", data={"match_id": ids, "action": "reject"}, follow_redirects=True
    ).get_data(as_text=True)
    assert "alasan" in page.lower()
    db.expire_all()
    assert all(m.status == "proposed" for m in demand.matches)
    official.post(
        "/review/decide", data={"match_id": ids[:1], "action": "reject", "reason": "Bukan katering"}
    )
    db.expire_all()
    assert demand.matches[0].status == "rejected" and demand.matches[0].review_reason == "Bukan katering"


def _invited(db: Session, market: dict) -> tuple[DemandRequest, list[Match]]:
    from app.services.demand import invite_suppliers
    from app.services.review import approve

    demand = make_request(db, market["buyer"])
    publish_request(db, demand, market["buyer"], today())
    approve(db, [m.id for m in demand.matches], market["official"])
    invite_suppliers(db, demand, [m.id for m in demand.matches], market["buyer"])
    db.commit()
    return demand, list(demand.matches)


def test_quotes_can_be_revised_and_withdrawn_until_the_deadline(
    app: Flask, db: Session, market: dict
) -> None:
    demand, matches = _invited(db, market)
    sri_match = next(m for m in matches if m.supplier.display_name == "Katering Bu Sri")
    sri = _client(app, "katering0@test.id")
    delivery = (today() + timedelta(days=10)).isoformat()
    sri.post(
        f"/seller/invitations/{sri_match.id}",
        data={"unit_price": "35000", "quantity": "100", "delivery_date": delivery},
    )
    sri.post(
        f"/seller/invitations/{sri_match.id}",
        data={"unit_price": "33000", "quantity": "100", "delivery_date": delivery},
    )
    quote = db.scalars(select(Quote)).one()
    assert quote.unit_price == 33_000
    sri.post(f"/seller/invitations/{sri_match.id}/withdraw", data={"confirm": "yes"})
    db.expire_all()
    assert quote.status == "withdrawn" and sri_match.status == "invited"
    demand.quotes_due = today() - timedelta(days=1)
    db.commit()
    late = sri.post(
        f"/seller/invitations/{sri_match.id}",
        data={"unit_price": "30000", "quantity": "100", "delivery_date": delivery},
    )
    assert late.status_code == 422
    assert db.scalar(select(func.count()).select_from(Quote)) == 1


def test_award_can_be_split_between_suppliers(db: Session, market: dict) -> None:
    from app.services.awards import award
    from app.services.quotes import QuoteInput, submit_quote

    demand, matches = _invited(db, market)
    delivery = today() + timedelta(days=10)
    quotes = [
        submit_quote(db, m, market["buyer"], QuoteInput(30_000 + 1000 * n, 60, delivery, ""), today())
        for n, m in enumerate(matches[:2])
    ]
    with pytest.raises(ServiceError):
        award(db, demand.id, {quotes[0].id: 60, quotes[1].id: 60}, market["buyer"], "x")
    award(db, demand.id, {quotes[0].id: 60, quotes[1].id: 40}, market["buyer"], "Dibagi dua")
    assert demand.status == "awarded"
    assert sorted(a.quantity for a in demand.awards) == [40, 60]


def test_audit_events_are_append_only(db: Session, market: dict) -> None:
    make_request(db, market["buyer"])
    db.commit()
    event = db.scalars(select(AuditEvent)).first()
    event.reason = "rewritten history"
    with pytest.raises(AuditTrailViolation):
        db.flush()
    db.rollback()
    db.delete(db.scalars(select(AuditEvent)).first())
    with pytest.raises(AuditTrailViolation):
        db.flush()
    db.rollback()
    root = Path(__file__).resolve().parents[1]
    for path in list((root / "app").rglob("*.py")) + list((root / "models").rglob("*.py")):
        text = path.read_text()
        assert not re.search(r"(update|delete)\(\s*AuditEvent", text), path
        assert "audit_events" not in text or path.name == "audit.py", path


def test_jobs_expire_closes_what_is_past_its_date(app: Flask, db: Session, market: dict) -> None:
    demand, matches = _invited(db, market)
    demand.quotes_due = today() - timedelta(days=2)
    db.commit()
    result = app.test_cli_runner().invoke(args=["jobs", "expire"])
    assert result.exit_code == 0, result.output
    assert f"{len(matches)} invitations" in result.output
    db.expire_all()
    assert all(m.status == "declined" for m in matches)
    demand.needed_by = today() - timedelta(days=1)
    db.commit()
    result = app.test_cli_runner().invoke(args=["jobs", "expire"])
    assert "1 requests" in result.output and f"#{demand.id}" in result.output
    db.expire_all()
    assert demand.status == "cancelled"


def test_only_the_buyer_organisation_sees_its_request(app: Flask, db: Session, market: dict) -> None:
    demand = make_request(db, market["buyer"])
    other = make_buyer(db, email="other-buyer@test.id")
    db.commit()
    assert _client(app, "other-buyer@test.id").get(f"/requests/{demand.id}").status_code == 404
    assert _client(app, "katering0@test.id").get(f"/requests/{demand.id}").status_code == 403
    assert _client(app, "official@test.id").get(f"/requests/{demand.id}").status_code == 200
    del other


def test_skip_review_is_set_from_the_command_line(app: Flask, db: Session, market: dict) -> None:
    organisation = market["buyer"].organisation
    result = app.test_cli_runner().invoke(args=["skip-review", str(organisation.id)])
    assert result.exit_code == 0, result.output
    db.expire_all()
    assert organisation.skip_review
    app.test_cli_runner().invoke(args=["skip-review", str(organisation.id), "--off"])
    db.expire_all()
    assert not organisation.skip_review
