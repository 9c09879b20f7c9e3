"""Quotes and awards under concurrency: one live quote per invitation, one winner per race.

The threaded tests run on PostgreSQL (row locks); each thread is its own client with its own
database session, and a barrier makes all of them read before any of them writes.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.api import procurement as api_procurement
from app.api import sellers as api_sellers
from app.clock import today
from app.services.demand import invite_suppliers, publish_request
from app.services.quotes import QuoteInput, submit_quote
from app.services.review import approve
from models import Award, Match, Quote
from tests.conftest import PASSWORD, login
from tests.factories import make_buyer, make_listing, make_official, make_request, make_seller

needs_postgres = pytest.mark.skipif(
    os.environ.get("PASARPADU_TEST_DB") != "postgres",
    reason="row locks need PostgreSQL; this runs in the PostgreSQL pass of make test",
)


def _invited(db: Session) -> Match:
    seller = make_seller(db, email="seller@test.id", name="Katering Bu Sri")
    make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
    buyer = make_buyer(db, email="buyer@test.id")
    demand = make_request(db, buyer)
    publish_request(db, demand, buyer, today())
    approve(db, [m.id for m in demand.matches], make_official(db))
    invite_suppliers(db, demand, [m.id for m in demand.matches], buyer)
    db.commit()
    return demand.matches[0]


def _token(client: FlaskClient, email: str) -> dict[str, str]:
    response = client.post("/api/v1/auth/token", json={"email": email, "password": PASSWORD})
    assert response.status_code == 201
    return {"Authorization": f"Bearer {response.get_json()['token']}"}


def _after_read(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, barrier: threading.Barrier) -> None:
    """Make ``module.name`` (a loader the view calls first) wait for the other threads."""
    original: Callable[..., Any] = getattr(module, name)

    def waiting(*args: Any, **kwargs: Any) -> Any:
        found = original(*args, **kwargs)
        barrier.wait(timeout=10)
        return found

    monkeypatch.setattr(module, name, waiting)


def _race(app: Flask, calls: list[Callable[[FlaskClient], Any]]) -> list[Any]:
    results: list[Any] = [None] * len(calls)

    def run(k: int) -> None:
        with app.app_context():
            results[k] = calls[k](app.test_client())

    threads = [threading.Thread(target=run, args=(k,)) for k in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def _body(price: int = 19_000) -> dict[str, Any]:
    return {
        "unit_price": price,
        "quantity": 100,
        "delivery_date": (today() + timedelta(days=5)).isoformat(),
        "note": "",
    }


def test_database_refuses_a_second_live_quote(app: Flask, db: Session) -> None:
    match = _invited(db)
    due = today() + timedelta(days=5)
    db.add_all(
        [
            Quote(match_id=match.id, unit_price=1, quantity=1, delivery_date=due),
            Quote(match_id=match.id, unit_price=2, quantity=1, delivery_date=due),
        ]
    )
    with pytest.raises(IntegrityError):
        db.flush()
    db.rollback()
    # withdrawn quotes do not count: a seller may withdraw and quote again
    db.add_all(
        [
            Quote(match_id=match.id, unit_price=1, quantity=1, delivery_date=due, status="withdrawn"),
            Quote(match_id=match.id, unit_price=2, quantity=1, delivery_date=due),
        ]
    )
    db.flush()


def test_a_second_quote_on_the_same_invitation_is_refused(app: Flask, db: Session) -> None:
    match = _invited(db)
    client = app.test_client()
    seller = _token(client, "seller@test.id")
    assert (
        client.post(f"/api/v1/invitations/{match.id}/quote", headers=seller, json=_body()).status_code == 201
    )
    again = client.post(f"/api/v1/invitations/{match.id}/quote", headers=seller, json=_body())
    assert again.status_code == 409 and "sudah dikirim" in again.get_json()["error"]["message"]


@needs_postgres
@pytest.mark.postgres
def test_three_concurrent_api_quotes_make_one(
    app: Flask, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    match = _invited(db)
    tokens = [_token(app.test_client(), "seller@test.id") for _ in range(3)]
    _after_read(monkeypatch, api_sellers, "_invitation", threading.Barrier(3))
    statuses = _race(
        app,
        [
            lambda c, h=h: (
                c.post(f"/api/v1/invitations/{match.id}/quote", headers=h, json=_body()).status_code
            )
            for h in tokens
        ],
    )
    assert sorted(statuses) == [201, 409, 409], statuses
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(Quote)) == 1


@needs_postgres
@pytest.mark.postgres
def test_double_click_on_the_quote_form_makes_one(
    app: Flask, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import quotes as quote_service

    match = _invited(db)
    clients = [app.test_client(), app.test_client()]
    for client in clients:
        login(client, "seller@test.id")
    _after_read(monkeypatch, quote_service, "own_invitation", threading.Barrier(2))
    form = {**_body(), "unit_price": "19.000", "quantity": "100"}
    statuses = _race(
        app,
        [lambda _c, c=c: c.post(f"/seller/invitations/{match.id}", data=form).status_code for c in clients],
    )
    assert sorted(statuses) == [302, 422], statuses
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(Quote)) == 1


@needs_postgres
@pytest.mark.postgres
def test_award_withdraw_and_revise_at_once_end_as_one_serial_order(
    app: Flask, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    match = _invited(db)
    quote = submit_quote(
        db,
        db.get(Match, match.id),
        make_seller(db),
        QuoteInput(19_000, 100, today() + timedelta(days=5), ""),
        today(),
    )
    db.commit()
    quote_id, request_id, version = quote.id, match.request_id, quote.version
    client = app.test_client()
    buyer = _token(client, "buyer@test.id")
    seller, seller_too = _token(client, "seller@test.id"), _token(client, "seller@test.id")
    barrier = threading.Barrier(3)
    _after_read(monkeypatch, api_procurement, "_request", barrier)
    _after_read(monkeypatch, api_sellers, "_own_quote", barrier)
    outcomes = _race(
        app,
        [
            lambda c: c.post(
                f"/api/v1/requests/{request_id}/awards",
                headers=buyer,
                json={
                    "awards": [{"quote_id": quote_id, "quantity": 100, "version": version}],
                    "reason": "Harga terbaik",
                },
            ),
            lambda c: c.post(f"/api/v1/quotes/{quote_id}/withdraw", headers=seller),
            lambda c: c.put(f"/api/v1/quotes/{quote_id}", headers=seller_too, json=_body(99_999)),
        ],
    )
    statuses = [o.status_code for o in outcomes]
    for outcome in outcomes:
        if outcome.status_code == 409:
            assert outcome.get_json()["error"]["message"]
    db.expire_all()
    final = db.get(Quote, quote_id)
    awards = list(db.scalars(select(Award)))
    # The outcome is one of the serial orders. An award wins only on the quote as the buyer read
    # it; after it nothing else lands. A withdrawal first leaves nothing to revise. A revision
    # first makes the buyer's version stale, and the seller may still withdraw the revised quote.
    serial_orders = {
        (201, 409, 409): ("accepted", 19_000),
        (409, 200, 409): ("withdrawn", 19_000),
        (409, 200, 200): ("withdrawn", 99_999),
    }
    assert tuple(statuses) in serial_orders, statuses
    assert (final.status, final.unit_price) == serial_orders[tuple(statuses)]
    if statuses[0] == 201:
        assert awards[0].unit_price == 19_000
    else:
        assert awards == []


def test_after_a_revision_the_award_on_the_old_version_is_refused_and_withdrawal_still_works(
    app: Flask, db: Session
) -> None:
    """The revision-first order of the race above, one step at a time (any database)."""
    match = _invited(db)
    client = app.test_client()
    seller = _token(client, "seller@test.id")
    sent = client.post(f"/api/v1/invitations/{match.id}/quote", headers=seller, json=_body())
    assert sent.status_code == 201
    quote_id, version_read = sent.get_json()["id"], sent.get_json()["version"]
    assert client.put(f"/api/v1/quotes/{quote_id}", headers=seller, json=_body(99_999)).status_code == 200
    award = client.post(
        f"/api/v1/requests/{match.request_id}/awards",
        headers=_token(client, "buyer@test.id"),
        json={
            "awards": [{"quote_id": quote_id, "quantity": 100, "version": version_read}],
            "reason": "Harga terbaik",
        },
    )
    assert award.status_code == 409 and "muat ulang" in award.get_json()["error"]["message"]
    withdrawn = client.post(f"/api/v1/quotes/{quote_id}/withdraw", headers=seller)
    assert withdrawn.status_code == 200 and withdrawn.get_json()["status"] == "withdrawn"
    db.expire_all()
    assert db.scalars(select(Award)).first() is None
    assert db.get(Quote, quote_id).unit_price == 99_999


@needs_postgres
@pytest.mark.postgres
def test_cancel_and_award_at_once_exactly_one_wins(
    app: Flask, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    match = _invited(db)
    quote = submit_quote(
        db,
        db.get(Match, match.id),
        make_seller(db),
        QuoteInput(19_000, 100, today() + timedelta(days=5), ""),
        today(),
    )
    db.commit()
    quote_id, request_id = quote.id, match.request_id
    client = app.test_client()
    first, second = _token(client, "buyer@test.id"), _token(client, "buyer@test.id")
    _after_read(monkeypatch, api_procurement, "_request", threading.Barrier(2))
    outcomes = _race(
        app,
        [
            lambda c: c.post(
                f"/api/v1/requests/{request_id}/awards",
                headers=first,
                json={"awards": [{"quote_id": quote_id, "quantity": 100}], "reason": "Harga terbaik"},
            ),
            lambda c: c.post(
                f"/api/v1/requests/{request_id}/cancel", headers=second, json={"reason": "Anggaran dialihkan"}
            ),
        ],
    )
    statuses = sorted(o.status_code for o in outcomes)
    assert statuses in ([200, 409], [201, 409]), statuses
    db.expire_all()
    final = db.get(Quote, quote_id)
    awards = list(db.scalars(select(Award)))
    assert (final.status, len(awards)) in (("accepted", 1), ("not_chosen", 0))
