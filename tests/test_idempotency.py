"""API writes with an ``Idempotency-Key``: a retry answers the first result and writes nothing."""
from __future__ import annotations

from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import today
from models import DemandRequest
from tests.conftest import PASSWORD
from tests.factories import kecamatan, make_buyer


def _headers(client: FlaskClient, email: str, key: str | None = None) -> dict[str, str]:
    token = client.post("/api/v1/auth/token", json={"email": email, "password": PASSWORD})
    headers = {"Authorization": f"Bearer {token.get_json()['token']}"}
    return {**headers, "Idempotency-Key": key} if key else headers


def _body(db: Session, title: str = "Nasi kotak rapat") -> dict[str, object]:
    return {"title": title, "quantity": 100, "unit": "kotak", "kecamatan_id": kecamatan(db).id,
            "needed_by": (today() + timedelta(days=20)).isoformat()}


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
    fresh = client.post("/api/v1/requests", headers={**headers, "Idempotency-Key": "retry-8"},
                        json=_body(db))
    assert fresh.status_code == 201 and _count(db) == 2


def test_keys_belong_to_one_user(app: Flask, db: Session) -> None:
    make_buyer(db, email="a@test.id")
    make_buyer(db, email="b@test.id")
    db.commit()
    client = app.test_client()
    for email in ("a@test.id", "b@test.id"):
        made = client.post("/api/v1/requests", headers=_headers(client, email, "same-key"),
                           json=_body(db))
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
    bad = client.post("/api/v1/requests", headers={**headers, "Idempotency-Key": "é" * 3},
                      json=_body(db))
    assert bad.status_code == 400 and _count(db) == 0
