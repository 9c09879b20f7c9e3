"""Two buyers award the same request at the same moment: exactly one succeeds."""

from __future__ import annotations

import os
import threading
from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import today
from app.extensions import db as flask_db
from app.services import ServiceError
from app.services.awards import award
from app.services.demand import invite_suppliers, publish_request
from app.services.quotes import QuoteInput, submit_quote
from app.services.review import approve
from models import Award, DemandRequest, User
from tests.factories import make_buyer, make_listing, make_official, make_request, make_seller

pytestmark = pytest.mark.postgres


@pytest.mark.skipif(
    os.environ.get("PASARPADU_TEST_DB") != "postgres",
    reason="row locks need PostgreSQL; this runs in the PostgreSQL pass of make test",
)
def test_two_sessions_award_at_once_exactly_one_wins(app: Flask, db: Session) -> None:
    sellers = []
    for n in range(2):
        seller = make_seller(db, email=f"katering{n}@test.id", name=f"Katering {n}")
        make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
        sellers.append(seller)
    buyer, colleague = make_buyer(db, email="a@dinas.id"), None
    colleague = User(email="b@dinas.id", password_hash="x", role="buyer", organisation=buyer.organisation)
    db.add(colleague)
    official = make_official(db)
    demand = make_request(db, buyer)
    publish_request(db, demand, buyer, today())
    approve(db, [m.id for m in demand.matches], official)
    invite_suppliers(db, demand, [m.id for m in demand.matches], buyer)
    quotes = [
        submit_quote(db, m, buyer, QuoteInput(30_000, 100, today() + timedelta(days=5), ""), today())
        for m in demand.matches
    ]
    db.commit()
    request_id, user_ids = demand.id, (buyer.id, colleague.id)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def decide(user_id: int, quote_id: int) -> None:
        with app.app_context(), Session(flask_db.engine) as session:
            actor = session.get(User, user_id)
            session.get(DemandRequest, request_id)  # both have read the request before deciding
            barrier.wait()
            try:
                award(session, request_id, {quote_id: 100}, actor, "Dipilih yang lain")
                session.commit()
                outcomes.append("won")
            except ServiceError as error:
                session.rollback()
                outcomes.append(f"refused: {error.message}")

    threads = [threading.Thread(target=decide, args=(user_ids[k], quotes[k].id)) for k in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(o.split(":")[0] for o in outcomes) == ["refused", "won"], outcomes
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(Award)) == 1
    assert db.get(DemandRequest, request_id).status == "awarded"
