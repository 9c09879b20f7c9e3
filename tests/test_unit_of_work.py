"""One unit of work per action: commit once, then the after-commit hooks; messages stored as
source text and parameters, shown in each reader's own language."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today
from app.services import ServiceError
from app.services.after_commit import after_commit, pending_hooks
from app.services.notifications import notify
from app.unit_of_work import unit_of_work
from models import Notification
from tests.conftest import login
from tests.factories import kecamatan, make_buyer, make_listing, make_seller


@pytest.fixture(autouse=True)
def own_outbox(app: Flask, tmp_path: Path) -> Iterator[None]:
    """An outbox of this test's own, so that only its e-mails are counted."""
    shared = app.config["MAIL_OUTBOX"]
    app.config["MAIL_OUTBOX"] = str(tmp_path / "outbox")
    yield
    app.config["MAIL_OUTBOX"] = shared


def _outbox(app: Flask) -> list[str]:
    return [p.read_text() for p in Path(app.config["MAIL_OUTBOX"]).glob("*.eml")]


def test_a_hook_registered_in_a_refused_transaction_never_runs(app: Flask, db: Session) -> None:
    ran: list[str] = []

    def hook(session: Session, settings: Mapping[str, Any]) -> None:
        ran.append("ran")

    with unit_of_work(db) as work:
        after_commit(db, hook)
        raise ServiceError("refused")
    assert work.error is not None and work.error.message == "refused"
    assert pending_hooks(db) == []
    with unit_of_work(db) as later:  # the next, successful unit of work does not run it either
        pass
    assert later.error is None
    assert ran == []


def test_a_hook_of_a_rolled_back_transaction_is_forgotten(app: Flask, db: Session) -> None:
    ran: list[str] = []
    after_commit(db, lambda session, settings: ran.append("ran"))
    db.rollback()
    with unit_of_work(db):
        pass
    assert ran == []


def test_hooks_run_once_after_the_commit(app: Flask, db: Session) -> None:
    seen: list[int] = []
    seller = make_seller(db, email="hook@test.id")
    db.commit()

    def hook(session: Session, settings: Mapping[str, Any]) -> None:
        seen.append(len(session.scalars(select(Notification)).all()))

    with unit_of_work(db):
        notify(db, [seller], "test", "Subject", "Body")
        after_commit(db, hook)
        after_commit(db, hook)  # registered twice, runs once
    assert seen == [1]


def test_mail_is_sent_only_after_commit_and_never_for_refused_work(app: Flask, db: Session) -> None:
    seller = make_seller(db, email="mail@test.id")
    db.commit()
    with unit_of_work(db) as refused:
        notify(db, [seller], "test", _l("Order %(number)s accepted", number="PO-1"), "Body")
        raise ServiceError("no")
    assert refused.failed
    assert _outbox(app) == [] and db.scalars(select(Notification)).all() == []
    with unit_of_work(db):
        notify(db, [seller], "test", _l("Order %(number)s accepted", number="PO-2"), "Body")
        db.flush()
        assert _outbox(app) == []  # written, not yet committed: nobody is mailed
    mails = _outbox(app)
    assert len(mails) == 1 and "PO-2" in mails[0]
    assert db.scalar(select(Notification)).emailed_at is not None


def test_an_indonesian_buyers_order_reaches_an_english_seller_in_english(app: Flask, db: Session) -> None:
    seller = make_seller(db, email="english@test.id", name="Katering Bu Sri")
    seller.locale = "en"
    listing = make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak", price=35_000)
    buyer = make_buyer(db, email="dinas@test.id")
    buyer.locale = "id"
    place = kecamatan(db)
    db.commit()
    buyer_client = app.test_client()
    login(buyer_client, buyer.email)
    response = buyer_client.post(
        f"/orders/buy/{listing.id}",
        data={
            "quantity": "100",
            "kecamatan_id": str(place.id),
            "address": "Jl. Raya Bekasi 1",
            "delivery_date": (today() + timedelta(days=5)).isoformat(),
        },
    )
    assert response.status_code == 302
    assert "Pesanan terkirim" in buyer_client.get(response.headers["Location"]).get_data(as_text=True)

    seller_client = app.test_client()
    login(seller_client, seller.email)
    page = seller_client.get("/notifications/").get_data(as_text=True)
    assert "New order PO-" in page and "Nasi kotak" in page
    assert "orders 100" in page and "Accept or decline within" in page
    assert "Pesanan baru" not in page
    mails = _outbox(app)
    assert len(mails) == 1 and "Subject: New order PO-" in mails[0]

    with app.test_request_context(), force_locale("id"):  # the same stored row, read in Indonesian
        from app.services.notifications import body_text, subject_text

        note = db.scalar(select(Notification).where(Notification.user_id == seller.id))
        assert subject_text(note).startswith("Pesanan baru PO-")
        assert "Accept" not in body_text(note)


def test_notifications_stored_before_messages_show_their_text(app: Flask, db: Session) -> None:
    seller = make_seller(db, email="old@test.id")
    db.add(
        Notification(
            user_id=seller.id, kind="decision", subject="Anda menang: Nasi kotak", body="Teks lama", link=""
        )
    )
    db.commit()
    client = app.test_client()
    login(client, seller.email)
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Anda menang: Nasi kotak" in page and "Teks lama" in page
