"""Every endpoint of the app's URL map × every role, including other parties' objects (IDOR).

A route added without an entry here fails ``test_every_route_has_an_entry``.
Outcomes: ``ok`` (passed authorisation: any status but 401/403/404 and no log-in redirect),
``login`` (web: redirect to log-in; API: 401), ``403`` and ``404``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, url_for
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today
from app.services.tokens import create_token
from models import (
    ApiToken,
    Delivery,
    DeliveryLine,
    Dispute,
    Invoice,
    ListingPhoto,
    Match,
    Order,
    OrderLine,
    Quote,
    Rating,
    SupplierCertification,
    utcnow,
)
from tests.conftest import login
from tests.factories import make_buyer, make_listing, make_official, make_request, make_seller

ROLES = ("anonymous", "seller", "other_seller", "buyer", "other_buyer", "official", "admin")


def outcomes(
    anonymous: str = "login",
    seller: str = "403",
    other_seller: str | None = None,
    buyer: str = "403",
    other_buyer: str | None = None,
    official: str = "403",
    admin: str | None = None,
) -> dict[str, str]:
    """Expected outcome per role (``other_*`` default to their owner's, admin to official's)."""
    return {
        "anonymous": anonymous,
        "seller": seller,
        "other_seller": seller if other_seller is None else other_seller,
        "buyer": buyer,
        "other_buyer": buyer if other_buyer is None else other_buyer,
        "official": official,
        "admin": official if admin is None else admin,
    }


PUBLIC = outcomes("ok", "ok", "ok", "ok", "ok", "ok")
LOGGED_IN = outcomes("login", "ok", "ok", "ok", "ok", "ok")
SELLERS = outcomes(seller="ok")
OWN_SELLER = outcomes(seller="ok", other_seller="404")
BUYERS = outcomes(buyer="ok")
OWN_BUYER = outcomes(buyer="ok", other_buyer="404")
OWN_BUYER_OR_STAFF = outcomes(buyer="ok", other_buyer="404", official="ok")
STAFF = outcomes(official="ok")
ADMINS = outcomes(official="403", admin="ok")
OWN_TOKEN = outcomes(seller="ok", other_seller="404", buyer="404", official="404")
ATTACHMENT = outcomes(seller="ok", other_seller="404", buyer="ok", other_buyer="404", official="ok")
API_OWN_REQUEST_READ = outcomes(buyer="ok", other_buyer="404", official="ok")
ORDER_PARTIES = outcomes(seller="ok", other_seller="404", buyer="ok", other_buyer="404", official="ok")
ORDER_RATERS = outcomes(seller="ok", other_seller="404", buyer="ok", other_buyer="404")

MATRIX: dict[str, dict[str, str]] = {
    # public pages and files
    "storefront.home": PUBLIC,
    "storefront.search": PUBLIC,
    "storefront.category": PUBLIC,
    "storefront.listing": PUBLIC,
    "storefront.supplier": PUBLIC,
    "storefront.photo": PUBLIC,
    "health.healthz": PUBLIC,
    "i18n.switch_language": PUBLIC,
    "auth.login": PUBLIC,
    "auth.register_seller_view": PUBLIC,
    "auth.register_buyer_view": PUBLIC,
    "auth.reset_request": PUBLIC,
    "auth.reset_password": PUBLIC,
    "opendata.transparency": PUBLIC,
    "opendata.chart_csv": PUBLIC,
    "opendata.index": PUBLIC,
    "opendata.ocds_package": PUBLIC,
    "opendata.export_csv": PUBLIC,  # the public "awards" table
    "api-docs.openapi_json": PUBLIC,
    "api_docs.docs": PUBLIC,
    "api_docs.assets": PUBLIC,
    "api_catalogue.Search": PUBLIC,
    "api_catalogue.Categories": PUBLIC,
    "api_catalogue.Places": PUBLIC,
    "api_tokens.IssueToken": PUBLIC,
    # any logged-in user
    "auth.logout": LOGGED_IN,
    "auth.logout_everywhere": LOGGED_IN,
    "auth.security": LOGGED_IN,
    "auth.account": LOGGED_IN,
    "auth.change_password": LOGGED_IN,
    "auth.change_email": LOGGED_IN,
    "auth.confirm_email": LOGGED_IN,
    "notifications.index": LOGGED_IN,
    "notifications.mark_read": LOGGED_IN,
    "api_tokens.Tokens": LOGGED_IN,
    "auth.revoke": OWN_TOKEN,
    "api_tokens.OneToken": OWN_TOKEN,
    # sellers
    "seller.dashboard": SELLERS,
    "seller.profile": SELLERS,
    "seller.add_certification": SELLERS,
    "seller.listings": SELLERS,
    "seller.new_listing": SELLERS,
    "seller.invitations": SELLERS,
    "seller.remove_certification": OWN_SELLER,
    "seller.edit_listing": OWN_SELLER,
    "seller.publish_listing": OWN_SELLER,
    "seller.archive_listing": OWN_SELLER,
    "seller.delete_photo": OWN_SELLER,
    "seller.invitation": OWN_SELLER,
    "seller.withdraw": OWN_SELLER,
    "seller.quote_attachment": ATTACHMENT,
    "seller.pending_photo": outcomes(seller="404"),  # only its uploader's; unknown names: 404
    "api_sellers.Listings": SELLERS,
    "api_sellers.Invitations": SELLERS,
    "api_sellers.OneListing": OWN_SELLER,
    "api_sellers.ListingState": OWN_SELLER,
    "api_sellers.OneInvitation": OWN_SELLER,
    "api_sellers.SubmitQuote": OWN_SELLER,
    "api_sellers.OneQuote": OWN_SELLER,
    "api_sellers.WithdrawQuote": OWN_SELLER,
    # buyers
    "requests.index": BUYERS,
    "requests.new": BUYERS,
    "requests.detail": OWN_BUYER_OR_STAFF,
    "requests.edit": OWN_BUYER,
    "requests.publish": OWN_BUYER,
    "requests.cancel": OWN_BUYER,
    "requests.fulfil": OWN_BUYER,
    "requests.invite": OWN_BUYER,
    "requests.award_view": OWN_BUYER,
    "requests.apply_reading": OWN_BUYER,
    "api_procurement.Requests": BUYERS,
    "api_procurement.Publish": OWN_BUYER,
    "api_procurement.Cancel": OWN_BUYER,
    "api_procurement.Invite": OWN_BUYER,
    "api_procurement.Proposals": API_OWN_REQUEST_READ,
    "api_procurement.Quotes": API_OWN_REQUEST_READ,
    # officials
    "review.queue": STAFF,
    "review.decide": STAFF,
    "review.sellers": STAFF,
    "review.seller": STAFF,
    "review.certificate_document": STAFF,
    "dashboard.index": STAFF,
    "dashboard.chart_csv": STAFF,
    "buyer_review.organisations": STAFF,
    "buyer_review.organisation": STAFF,
    # admins only
    "admin.users": ADMINS,
    "admin.user": ADMINS,
    "api_procurement.ReviewQueue": STAFF,
    "api_procurement.Review": STAFF,
    # orders: from award to paid
    "orders.index": LOGGED_IN,
    "orders.detail": ORDER_PARTIES,
    "orders.purchase_order": ORDER_PARTIES,
    "orders.buy": BUYERS,
    "orders.buyer": PUBLIC,
    "orders.answer": OWN_SELLER,
    "orders.send": OWN_SELLER,
    "orders.invoice": OWN_SELLER,
    "orders.reply": OWN_SELLER,
    "orders.cancel": OWN_BUYER,
    "orders.receive": OWN_BUYER,
    "orders.problem": OWN_BUYER,
    "orders.settle": OWN_BUYER,
    "orders.pay": OWN_BUYER,
    "orders.rate": ORDER_RATERS,
    "orders.decide": STAFF,
    "orders.disputes": STAFF,
    "orders.overdue": STAFF,
}
# Endpoints whose methods differ in who may use them.
BY_METHOD: dict[tuple[str, str], dict[str, str]] = {
    ("api_procurement.OneRequest", "GET"): API_OWN_REQUEST_READ,
    ("api_procurement.OneRequest", "PATCH"): OWN_BUYER,
    ("api_procurement.Awards", "GET"): API_OWN_REQUEST_READ,
    ("api_procurement.Awards", "POST"): OWN_BUYER,
}
# The deal path in the API (the same order as the pages above).
MATRIX.update(
    {
        "api_deals.OneOrder": ORDER_PARTIES,
        "api_deals.PurchaseOrder": ORDER_PARTIES,
        "api_deals.Accept": OWN_SELLER,
        "api_deals.Decline": OWN_SELLER,
        "api_deals.Deliveries": OWN_SELLER,
        "api_deals.Invoices": OWN_SELLER,
        "api_deals.Reply": OWN_SELLER,
        "api_deals.CancelOrder": OWN_BUYER,
        "api_deals.Receipt": OWN_BUYER,
        "api_deals.Problem": OWN_BUYER,
        "api_deals.Settle": OWN_BUYER,
        "api_deals.Payments": OWN_BUYER,
        "api_deals.Rate": ORDER_RATERS,
        "api_deals.Decide": STAFF,
        "api_deals.Overdue": STAFF,
    }
)
BY_METHOD.update(
    {
        ("api_deals.Orders", "GET"): outcomes(seller="ok", buyer="ok", official="ok"),
        ("api_deals.Orders", "POST"): BUYERS,
    }
)
MATRIX.update({endpoint: {} for endpoint, _ in BY_METHOD})


OVERRIDES: dict[str, dict[str, Any]] = {
    "opendata.export_csv": {"name": "awards"},
    "api_docs.assets": {"name": "swagger-ui.css"},
}
FUTURE = (today() + timedelta(days=7)).isoformat()
# Valid bodies, so that an attempt on another party's object is judged on ownership alone.
BODIES: dict[str, dict[str, Any]] = {
    "api_sellers.SubmitQuote": {"unit_price": 1000, "quantity": 1, "delivery_date": FUTURE},
    "api_sellers.OneQuote": {"unit_price": 1000, "quantity": 1, "delivery_date": FUTURE},
    "api_sellers.OneListing": {"title": "Judul yang baru"},
    "api_procurement.OneRequest": {"title": "Judul yang baru"},
    "api_procurement.Cancel": {"reason": "Tidak jadi"},
    "api_procurement.Invite": {"match_ids": [1]},
    "api_procurement.Awards": {"awards": [{"quote_id": 1, "quantity": 1}], "reason": "Dipilih"},
    "api_deals.Decline": {"reason": "Stok habis"},
    "api_deals.CancelOrder": {"reason": "Batal"},
    "api_deals.Deliveries": {"lines": [{"line_id": 1, "quantity": 1}]},
    "api_deals.Receipt": {"received_by_name": "Dewi"},
    "api_deals.Problem": {"reason": "Rusak"},
    "api_deals.Payments": {"amount": 1000},
    "api_deals.Rate": {"communication": 5},
    "api_deals.Reply": {"reply": "Terima kasih"},
    "api_deals.Decide": {"outcome": "accept", "decision": "Barang sesuai pesanan"},
}


@dataclass
class World:
    """Two of each party, and objects belonging to the first of each."""

    values: dict[str, Any]
    tokens: dict[str, str]


def _world(db: Session, app: Flask) -> World:
    seller = make_seller(db, email="seller@test.id")
    supplier = seller.organisation.supplier_profile
    other_seller = make_seller(db, email="other_seller@test.id")
    listing = make_listing(db, supplier, title="Nasi kotak ayam bakar")
    photo = ListingPhoto(
        listing=listing, stored_name="a" * 32 + ".jpg", thumb_name="b" * 32 + ".jpg", width=10, height=10
    )
    certificate = SupplierCertification(
        supplier=supplier, kind="halal", number="ID1", document_name="d" * 32 + ".pdf"
    )
    buyer, other_buyer = make_buyer(db, email="buyer@test.id"), make_buyer(db, email="other_buyer@test.id")
    official = make_official(db, email="official@test.id")
    admin = make_official(db, email="admin@test.id")
    admin.role = "admin"
    demand = make_request(db, buyer)
    demand.status, demand.published_at = "quoted", utcnow()
    explanation = {
        "scores": dict.fromkeys(
            ("dense", "lexical", "fused", "budget", "capacity", "location", "lead_time", "exposure", "total"),
            0.0,
        ),
        "matched_terms": ["nasi"],
        "checks": [],
        "sentence_id": "Cocok",
        "sentence_en": "Fits",
    }
    match = Match(
        request=demand,
        supplier=supplier,
        listing=listing,
        rank=1,
        score=1.0,
        explanation=explanation,
        status="quoted",
    )
    quote = Quote(
        match=match,
        unit_price=30_000,
        quantity=100,
        status="submitted",
        delivery_date=today() + timedelta(days=5),
        attachment_name="c" * 32 + ".pdf",
    )
    db.add_all([photo, certificate, match, quote])
    db.flush()
    deal = _deal(db, buyer, supplier, listing)
    folder = app.config["UPLOAD_FOLDER"]
    (Path(folder) / "quotes").mkdir(parents=True, exist_ok=True)
    (Path(folder) / "quotes" / quote.attachment_name).write_bytes(b"%PDF-1.4\n%%EOF\n")
    (Path(folder) / "certificates").mkdir(parents=True, exist_ok=True)
    (Path(folder) / "certificates" / certificate.document_name).write_bytes(b"%PDF-1.4\n%%EOF\n")
    (Path(folder) / "listings").mkdir(parents=True, exist_ok=True)
    (Path(folder) / "listings" / photo.stored_name).write_bytes(b"\xff\xd8\xff")
    users = {
        "seller": seller,
        "other_seller": other_seller,
        "buyer": buyer,
        "other_buyer": other_buyer,
        "official": official,
        "admin": admin,
    }
    tokens = {role: create_token(db, user)[1] for role, user in users.items()}
    token_row = db.scalars(select(ApiToken).where(ApiToken.user_id == seller.id)).first()
    db.commit()
    values = {
        "listing_id": listing.id,
        "photo_id": photo.id,
        "certification_id": certificate.id,
        "request_id": demand.id,
        "match_id": match.id,
        "quote_id": quote.id,
        "supplier_id": supplier.id,
        "token_id": token_row.id,
        "organisation_id": buyer.organisation_id,
        "user_id": other_seller.id,
        "slug": "catering",
        "name": photo.stored_name,
        "code": "en",
        "token": "not-a-valid-token",
        "chart": "kota",
        "action": "publish",
        "path": "swagger-ui.css",
        **deal,
    }
    return World(values, tokens)


def _deal(db: Session, buyer: Any, supplier: Any, listing: Any) -> dict[str, int]:
    """An accepted order of the first buyer from the first seller, with a delivery waiting for
    the BAST, another under a problem, an invoice and a rating."""
    order = Order(
        number="PO-TEST-000001",
        source="direct",
        buyer=buyer.organisation,
        supplier=supplier,
        delivery_date=today() + timedelta(days=5),
        payment_term_days=3,
        total_value=300_000,
        status="accepted",
    )
    line = OrderLine(listing=listing, description="Nasi kotak", quantity=10, unit="kotak", unit_price=30_000)
    order.lines.append(line)
    sent = Delivery(status="sent", lines=[DeliveryLine(order_line=line, quantity_sent=2)])
    disputed = Delivery(status="disputed", lines=[DeliveryLine(order_line=line, quantity_sent=2)])
    order.deliveries.extend([sent, disputed])
    dispute = Dispute(order=order, delivery=disputed, reason="Rusak", status="open", escalate_after=utcnow())
    invoice = Invoice(order=order, number="INV-TEST-000001", amount=60_000, status="issued", due_on=today())
    rating = Rating(
        order=order,
        direction="buyer_to_seller",
        rater_id=buyer.organisation_id,
        rated_id=supplier.organisation_id,
        quality=5,
        timeliness=5,
        communication=5,
    )
    db.add_all([order, dispute, invoice, rating])
    db.flush()
    return {
        "order_id": order.id,
        "delivery_id": sent.id,
        "dispute_id": dispute.id,
        "invoice_id": invoice.id,
        "rating_id": rating.id,
        "organisation_id": buyer.organisation_id,
    }


def _url(app: Flask, rule: Any, values: dict[str, Any]) -> str:
    arguments = {name: values[name] for name in rule.arguments}
    arguments.update(OVERRIDES.get(rule.endpoint, {}))
    with app.test_request_context():
        return url_for(rule.endpoint, **arguments)


def _outcome(response: Any, api: bool) -> str:
    status = response.status_code
    assert status < 500, f"server error {status}"
    location = response.headers.get("Location", "")
    if status == 401 or (status == 302 and "/auth/login?next=" in location):
        return "login"
    if status in (403, 404):
        return str(status)
    return "ok"


def _rules(app: Flask) -> list[Any]:
    return [r for r in app.url_map.iter_rules() if r.endpoint != "static"]


def test_every_route_has_an_entry(app: Flask) -> None:
    endpoints = {r.endpoint for r in _rules(app)}
    assert endpoints - set(MATRIX) == set(), "add these endpoints to the authorisation matrix"
    assert set(MATRIX) - endpoints == set(), "these matrix entries name no route"


def _cases(app_rules: list[Any]) -> list[tuple[str, str]]:
    return [(r.endpoint, m) for r in app_rules for m in sorted(r.methods - {"HEAD", "OPTIONS"})]


@pytest.fixture(scope="module")
def route_cases() -> list[tuple[str, str]]:
    from app import create_app
    from app.config import config_for_tests

    probe = create_app(config_for_tests("/tmp/pasarpadu-matrix-probe", "sqlite://"))
    return _cases(_rules(probe))


def test_authorisation_matrix(app: Flask, db: Session, route_cases: list[tuple[str, str]]) -> None:
    failures: list[str] = []
    rules = {r.endpoint: r for r in _rules(app)}
    for endpoint, method in route_cases:
        expected = BY_METHOD.get((endpoint, method)) or MATRIX[endpoint]
        world = _world(db, app)
        url = _url(app, rules[endpoint], world.values)
        api = url.startswith("/api/")
        # The owner acts last: a successful action must not change what the others meet.
        for role in sorted(ROLES, key=lambda r: r in ("seller", "buyer", "official", "admin")):
            client = app.test_client()
            headers: dict[str, str] = {}
            if role != "anonymous":
                if api:
                    headers["Authorization"] = f"Bearer {world.tokens[role]}"
                else:
                    login(client, f"{role}@test.id")
            body = {"json": BODIES.get(endpoint, {})} if api and method != "GET" else {"data": {}}
            response = client.open(url, method=method, headers=headers, **body)
            try:
                got = _outcome(response, api)
            except AssertionError as error:
                failures.append(f"{method} {url} as {role}: {error}")
                continue
            if got != expected[role]:
                failures.append(
                    f"{method} {url} as {role}: expected {expected[role]}, got {got} ({response.status_code})"
                )
        _reset(db)
    assert failures == [], "\n".join(failures)


def _reset(db: Session) -> None:
    from tests.conftest import _empty_tables

    db.rollback()
    _empty_tables()
