"""API writes with an ``Idempotency-Key``: a retry answers the first result and writes nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.api import serializers
from app.clock import today
from models import DemandRequest, Listing, Notification
from tests.conftest import PASSWORD
from tests.factories import kecamatan, make_buyer, make_listing, make_official, make_seller


def _headers(client: FlaskClient, email: str, key: str | None = None) -> dict[str, str]:
    token = client.post("/api/v1/auth/token", json={"email": email, "password": PASSWORD})
    headers = {"Authorization": f"Bearer {token.get_json()['token']}"}
    return {**headers, "Idempotency-Key": key} if key else headers


def _body(db: Session, title: str = "Nasi kotak rapat") -> dict[str, object]:
    return {
        "title": title,
        "quantity": 100,
        "unit": "kotak",
        "category": "catering",
        "kecamatan_id": kecamatan(db).id,
        "needed_by": (today() + timedelta(days=20)).isoformat(),
    }


def _count(db: Session) -> int:
    db.expire_all()
    return db.scalar(select(func.count()).select_from(DemandRequest)) or 0


def test_retried_post_answers_the_first_result_once(app: Flask, db: Session) -> None:
    make_buyer(db, email="buyer@test.id")
    db.commit()
    client = app.test_client()
    headers = _headers(client, "buyer@test.id", "retry-7f3a")
    first = client.post("/api/v1/requests", headers=headers, json=_body(db))
    again = client.post("/api/v1/requests", headers=headers, json=_body(db))
    assert first.status_code == again.status_code == 201
    assert again.get_json() == first.get_json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert _count(db) == 1
    other = client.post("/api/v1/requests", headers=headers, json=_body(db, "Snack rapat pagi"))
    assert other.status_code == 422 and _count(db) == 1
    fresh = client.post("/api/v1/requests", headers={**headers, "Idempotency-Key": "retry-8"}, json=_body(db))
    assert fresh.status_code == 201 and _count(db) == 2


def test_keys_belong_to_one_user(app: Flask, db: Session) -> None:
    make_buyer(db, email="a@test.id")
    make_buyer(db, email="b@test.id")
    db.commit()
    client = app.test_client()
    for email in ("a@test.id", "b@test.id"):
        made = client.post("/api/v1/requests", headers=_headers(client, email, "same-key"), json=_body(db))
        assert made.status_code == 201
    assert _count(db) == 2


def test_refused_write_keeps_the_key_free_and_bad_keys_are_refused(app: Flask, db: Session) -> None:
    make_buyer(db, email="buyer@test.id")
    db.commit()
    client = app.test_client()
    headers = _headers(client, "buyer@test.id", "k1")
    past = {**_body(db), "needed_by": today().isoformat()}
    assert client.post("/api/v1/requests", headers=headers, json=past).status_code == 422
    assert client.post("/api/v1/requests", headers=headers, json=past).status_code == 422
    bad = client.post("/api/v1/requests", headers={**headers, "Idempotency-Key": "é" * 3}, json=_body(db))
    assert bad.status_code == 400 and _count(db) == 0


class WorkerKilled(BaseException):
    """Stands for a ``kill -9`` of the worker: nothing after it runs, no handler sees it."""


def test_worker_killed_after_the_write_leaves_no_key_without_answer(
    app: Flask, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (scripts/write_burst.py): a worker killed between the write's commit and the
    stored answer left the key pending forever, so every retry got 409 and was never answered."""
    make_seller(db, email="seller@test.id")
    db.commit()
    client = app.test_client()
    headers = _headers(client, "seller@test.id", "burst-00042")
    body = {"title": "Nasi kotak burst 42", "category": "catering", "price": 25_000, "unit": "kotak"}

    def killed(_row: object) -> None:
        raise WorkerKilled

    with monkeypatch.context() as patch:
        patch.setattr(serializers, "listing", killed)  # runs after the view's commit
        with pytest.raises(WorkerKilled):
            client.post("/api/v1/listings", headers=headers, json=body)
    db.rollback()  # the database drops a killed worker's open transaction
    assert _listings(db) == 0  # no answer went out, so nothing was written
    retried = client.post("/api/v1/listings", headers=headers, json=body)
    assert retried.status_code == 201, retried.get_json()
    again = client.post("/api/v1/listings", headers=headers, json=body)
    assert again.status_code == 201 and again.headers.get("Idempotent-Replayed") == "true"
    assert again.get_json()["id"] == retried.get_json()["id"]
    assert _listings(db) == 1


def _listings(db: Session) -> int:
    db.expire_all()
    return db.scalar(select(func.count()).select_from(Listing)) or 0


def test_keyed_write_mails_its_notifications_after_its_commit(app: Flask, db: Session) -> None:
    """Mail waits for the keyed write's single commit, then goes out as without a key."""
    seller = make_seller(db, email="katering@test.id", name="Katering Bu Sri")
    make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
    make_buyer(db, email="buyer@test.id")
    make_official(db, email="official@test.id")
    db.commit()
    client = app.test_client()
    buyer = _headers(client, "buyer@test.id")
    body = {**_body(db), "description": "Nasi kotak ayam untuk 100 peserta"}
    request_id = client.post("/api/v1/requests", headers=buyer, json=body).get_json()["id"]
    client.post(f"/api/v1/requests/{request_id}/publish", headers=buyer)
    official = _headers(client, "official@test.id", "review-1")
    ids = [p["id"] for p in client.get("/api/v1/proposals", headers=official).get_json()["items"]]
    reviewed = client.post(
        "/api/v1/proposals/review", headers=official, json={"match_ids": ids, "decision": "approve"}
    )
    assert ids and reviewed.status_code == 200, reviewed.get_json()
    db.expire_all()
    notifications = list(db.scalars(select(Notification)))
    assert notifications and all(n.emailed_at is not None for n in notifications)
    assert any(Path(app.config["MAIL_OUTBOX"]).glob("*.eml"))
