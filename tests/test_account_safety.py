"""Sessions end server-side; resets end sessions and tokens; lockouts reveal nothing."""

from __future__ import annotations

import runpy
from datetime import timedelta
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy.orm import Session

from app.auth.account import reset_token
from models import User, utcnow
from tests.conftest import PASSWORD, login
from tests.factories import make_seller

ROOT = Path(__file__).resolve().parents[1]


def _token(client: FlaskClient, email: str) -> dict[str, str]:
    response = client.post("/api/v1/auth/token", json={"email": email, "password": PASSWORD})
    assert response.status_code == 201, response.get_json()
    return {"Authorization": f"Bearer {response.get_json()['token']}"}


def test_a_copied_cookie_stops_working_after_log_out(app: Flask, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    db.commit()
    browser = app.test_client()
    login(browser, "sri@test.id")
    copied = app.test_client()
    copied.set_cookie("session", browser.get_cookie("session").value)
    assert copied.get("/seller/").status_code == 200
    browser.post("/auth/logout")
    assert copied.get("/seller/").status_code == 302


def test_password_reset_ends_sessions_and_api_tokens(app: Flask, db: Session) -> None:
    user = make_seller(db, email="sri@test.id")
    db.commit()
    browser, api = app.test_client(), app.test_client()
    login(browser, "sri@test.id")
    headers = _token(api, "sri@test.id")
    link = reset_token(user)
    db.commit()
    new = "sepeda ontel merah di monas"
    assert (
        app.test_client().post(f"/auth/reset/{link}", data={"password": new, "confirm": new}).status_code
        == 302
    )
    assert browser.get("/seller/").status_code == 302
    assert api.get("/api/v1/listings", headers=headers).status_code == 401


def test_reset_link_reveals_no_user_id_or_hash(app: Flask, db: Session) -> None:
    user = make_seller(db, email="sri@test.id")
    db.commit()
    payload = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="password-reset").loads(reset_token(user))
    assert isinstance(payload, str) and str(user.id) != payload
    assert user.password_hash[-16:] not in payload


def test_tokens_stop_working_on_a_locked_or_disabled_account(app: Flask, db: Session) -> None:
    user = make_seller(db, email="sri@test.id")
    db.commit()
    client = app.test_client()
    headers = _token(client, "sri@test.id")
    assert client.get("/api/v1/listings", headers=headers).status_code == 200
    db.get(User, user.id).locked_until = utcnow() + timedelta(minutes=10)
    db.commit()
    assert client.get("/api/v1/listings", headers=headers).status_code == 401
    db.get(User, user.id).locked_until, db.get(User, user.id).active = None, False
    db.commit()
    assert client.get("/api/v1/listings", headers=headers).status_code == 401


def _attempts(app: Flask, email: str, address: str, n: int) -> list[str]:
    client = app.test_client()
    pages = []
    for _ in range(n):
        page = client.post(
            "/auth/login",
            data={"email": email, "password": "salah salah salah"},
            environ_base={"REMOTE_ADDR": address},
        )
        pages.append(page.get_data(as_text=True))
    return pages


def test_lockout_is_per_address_and_the_same_for_unknown_emails(app: Flask, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    db.commit()
    known = _attempts(app, "sri@test.id", "10.0.0.1", 6)
    unknown = _attempts(app, "nobody@test.id", "10.0.0.1", 6)
    assert ("15 menit" in known[-1]) and ("15 menit" in unknown[-1])
    assert ["15 menit" in p for p in known] == ["15 menit" in p for p in unknown]
    owner = app.test_client()  # the attacker's address is locked, the owner's is not
    page = owner.post(
        "/auth/login",
        data={"email": "sri@test.id", "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "10.0.0.2"},
    )
    assert page.status_code == 302


def test_responses_do_not_name_gunicorn() -> None:
    import gunicorn.http.wsgi

    runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert "gunicorn" not in gunicorn.http.wsgi.SERVER.lower()
