"""Nothing is chosen silently for the user: place and category start empty and are required
(forms and API), and the quote deadline is set when suppliers are invited, after the review."""

from __future__ import annotations

import re
from datetime import date, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import today
from app.services.deadlines import add_working_days, deadline_at_invitation
from app.services.demand import invite_suppliers, publish_request
from app.services.review import approve
from models import DemandRequest, Organisation
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


def _buyer_client(app: Flask, db: Session) -> FlaskClient:
    make_buyer(db, email="buyer@test.id")
    db.commit()
    client = app.test_client()
    login(client, "buyer@test.id")
    return client


def _select(page: str, name: str) -> str:
    return re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)


def _selected(options: str) -> list[str]:
    return re.findall(r"<option[^>]*selected[^>]*>([^<]*)</option>", options)


def test_request_form_starts_with_no_place_and_no_category(app: Flask, db: Session) -> None:
    page = _buyer_client(app, db).get("/requests/new").get_data(as_text=True)
    for name in ("kecamatan_id", "category_id"):
        options = _select(page, name)
        assert options.lstrip().startswith('<option selected value="">— pilih —</option>')
        assert _selected(options) == ["— pilih —"]
    assert "Kepulauan Seribu Selatan</option>" in page  # still offered, just not chosen
    assert "hari kerja sejak diundang" in page  # how the quote deadline will be set


def test_request_without_place_or_category_is_refused_in_indonesian(app: Flask, db: Session) -> None:
    client = _buyer_client(app, db)
    response = client.post(
        "/requests/new",
        data={
            "title": "Nasi kotak rapat koordinasi",
            "quantity": "100",
            "unit": "kotak",
            "category_id": "",
            "kecamatan_id": "",
            "needed_by": (today() + timedelta(days=20)).isoformat(),
            "action": "save",
        },
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Pilih kategori barang atau jasa yang Anda butuhkan." in page
    assert "Pilih kecamatan tujuan pengiriman." in page
    assert "Dikirim ke" not in page and "Kepulauan Seribu Selatan</option>" in page
    assert db.scalar(select(func.count()).select_from(DemandRequest)) == 0

    saved = client.post(
        "/requests/new",
        data={
            "title": "Nasi kotak rapat koordinasi",
            "quantity": "100",
            "unit": "kotak",
            "category_id": str(category(db, "catering").id),
            "kecamatan_id": str(kecamatan(db, "Cakung").id),
            "needed_by": (today() + timedelta(days=20)).isoformat(),
            "action": "save",
        },
    )
    assert saved.status_code == 302
    draft = db.scalars(select(DemandRequest)).one()
    assert draft.kecamatan.name == "Cakung" and draft.category.slug == "catering"


def test_registration_asks_for_the_kecamatan(app: Flask, db: Session, client: FlaskClient) -> None:
    for kind in ("seller", "buyer"):
        page = client.get(f"/auth/register/{kind}").get_data(as_text=True)
        assert _selected(_select(page, "kecamatan_id")) == ["— pilih —"]
    form = {
        "full_name": "Sri Wahyuni",
        "email": "sri@test.id",
        "password": "kata sandi yang panjang",
        "confirm": "kata sandi yang panjang",
        "legal_name": "Katering Bu Sri",
        "kecamatan_id": "",
        "phone": "081234567890",
        "nib": "1234567890123",
        "scale": "micro",
    }
    refused = client.post("/auth/register/seller", data=form)
    assert "Pilih kecamatan Anda." in refused.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(Organisation)) == 0
    accepted = client.post(
        "/auth/register/seller", data={**form, "kecamatan_id": str(kecamatan(db, "Cakung").id)}
    )
    assert accepted.status_code == 302
    assert db.scalars(select(Organisation)).one().kecamatan.name == "Cakung"


def test_api_requires_category_and_place_with_a_clear_422(
    app: Flask, db: Session, client: FlaskClient
) -> None:
    make_buyer(db, email="buyer@test.id")
    db.commit()
    token = client.post(
        "/api/v1/auth/token", json={"email": "buyer@test.id", "password": "kata sandi yang panjang"}
    ).get_json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    body = {
        "title": "Nasi kotak rapat",
        "quantity": 100,
        "unit": "kotak",
        "needed_by": (today() + timedelta(days=20)).isoformat(),
    }
    missing = client.post("/api/v1/requests", headers=headers, json=body)
    assert missing.status_code == 422
    details = missing.get_json()["error"]["details"]
    assert details["category"] == ["Choose the category of the need: a slug from /api/v1/categories."]
    assert details["kecamatan_id"] == ["Choose the delivery kecamatan: a kecamatan_id from /api/v1/places."]
    null = client.post(
        "/api/v1/requests",
        headers=headers,
        json={**body, "category": None, "kecamatan_id": kecamatan(db, "Cakung").id},
    )
    assert null.status_code == 422 and "category" in null.get_json()["error"]["details"]
    created = client.post(
        "/api/v1/requests",
        headers=headers,
        json={**body, "category": "catering", "kecamatan_id": kecamatan(db, "Cakung").id},
    )
    assert created.status_code == 201 and created.get_json()["category"] == "catering"


def test_a_draft_without_category_cannot_be_published(db: Session) -> None:
    from app.services import ServiceError

    buyer = make_buyer(db)
    draft = make_request(db, buyer, category_slug=None)  # e.g. a draft from before the rule
    try:
        publish_request(db, draft, buyer, today())
    except ServiceError as error:
        assert error.message == "Pilih kategori sebelum menerbitkan."
    else:
        raise AssertionError("published without a category")
    assert draft.status == "draft"


def test_quote_deadline_counts_working_days_from_the_invitation(db: Session) -> None:
    buyer = make_buyer(db)
    demand = make_request(db, buyer, days=60)
    demand.needed_by = date(2027, 2, 1)
    # Thursday 24 December 2026: Christmas and New Year's Day are not working days.
    assert deadline_at_invitation(demand, date(2026, 12, 24), 5) == date(2027, 1, 4)
    demand.quotes_due = date(2026, 12, 25)  # the buyer's own date leaves less than 2 working days
    assert deadline_at_invitation(demand, date(2026, 12, 24), 5) == date(2026, 12, 29)
    demand.quotes_due = date(2027, 1, 15)  # enough time: the buyer's date stands
    assert deadline_at_invitation(demand, date(2026, 12, 24), 5) == date(2027, 1, 15)
    demand.quotes_due, demand.needed_by = None, date(2026, 12, 30)
    assert deadline_at_invitation(demand, date(2026, 12, 24), 5) == date(2026, 12, 29)


def test_quote_deadline_waits_for_the_review_and_is_shown(app: Flask, db: Session) -> None:
    seller = make_seller(db, email="katering@test.id", name="Katering Bu Sri", kecamatan_name="Cakung")
    make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
    buyer = make_buyer(db, email="buyer@test.id")
    official = make_official(db)
    demand = make_request(db, buyer, days=40)
    publish_request(db, demand, buyer, today())
    db.commit()
    assert demand.status == "under_review" and demand.quotes_due is None
    client = app.test_client()
    login(client, "buyer@test.id")
    due = re.search(
        r'data-testid="quotes-due">(.*?)</dd>', client.get(f"/requests/{demand.id}").get_data(as_text=True)
    ).group(1)
    assert due == "Ditetapkan saat pemasok diundang, setelah tinjauan"

    review_day = today() + timedelta(days=6)  # the review took almost a week
    approve(db, [m.id for m in demand.matches], official)
    invite_suppliers(db, demand, [m.id for m in demand.matches], buyer, review_day)
    db.commit()
    assert demand.quotes_due == add_working_days(review_day, app.config["QUOTE_WINDOW_DAYS"])
    seller_client = app.test_client()
    login(seller_client, "katering@test.id")
    page = seller_client.get(f"/seller/invitations/{demand.matches[0].id}").get_data(as_text=True)
    from app.templating import human_date

    with app.test_request_context():
        shown = human_date(demand.quotes_due)
    assert re.search(r'data-testid="quotes-due">(.*?)</dd>', page).group(1) == shown


def test_a_later_invitation_moves_the_deadline_and_tells_those_invited(app: Flask, db: Session) -> None:
    from models import Notification

    for n, place in enumerate(("Cakung", "Duren Sawit")):
        seller = make_seller(db, email=f"katering{n}@test.id", kecamatan_name=place)
        make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
    buyer = make_buyer(db, email="buyer@test.id")
    buyer.organisation.skip_review = True
    demand = make_request(db, buyer, days=60)
    first, second = publish_request(db, demand, buyer, today())[:2]
    monday = today() + timedelta(days=7 - today().weekday())
    invite_suppliers(db, demand, [first.id], buyer, monday)
    assert demand.quotes_due == add_working_days(monday, app.config["QUOTE_WINDOW_DAYS"])
    later = add_working_days(monday, app.config["QUOTE_WINDOW_DAYS"] - 1)
    invite_suppliers(db, demand, [second.id], buyer, later)
    db.commit()
    assert demand.quotes_due == add_working_days(later, 2)  # the newcomer gets 2 working days
    told = db.scalars(select(Notification).where(Notification.subject.like("Batas penawaran baru%"))).all()
    assert [n.link for n in told] == [f"/seller/invitations/{first.id}"]
    assert "penawaran kini paling lambat" in told[0].body


def test_the_timeline_says_when_the_quote_deadline_was_set(app: Flask, db: Session) -> None:
    seller = make_seller(db, email="katering@test.id", name="Katering Bu Sri", kecamatan_name="Cakung")
    make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
    buyer = make_buyer(db, email="buyer@test.id")
    official = make_official(db)
    demand = make_request(db, buyer, days=40)
    publish_request(db, demand, buyer, today())
    approve(db, [m.id for m in demand.matches], official)
    invite_suppliers(db, demand, [m.id for m in demand.matches], buyer, today())
    db.commit()
    client = app.test_client()
    login(client, "buyer@test.id")
    page = client.get(f"/requests/{demand.id}").get_data(as_text=True)
    timeline = re.search(r'<section id="timeline">.*?</section>', page, flags=re.S).group(0)
    from app.templating import human_date

    with app.test_request_context():
        shown = human_date(demand.quotes_due)
    assert "request.quotes_due" not in timeline  # no raw event name
    assert f"Batas penawaran ditetapkan: {shown}" in " ".join(timeline.split())
