"""Admins manage accounts: search, roles, disable and enable, unlock; officials cannot."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AuditEvent, User
from tests.conftest import PASSWORD, login
from tests.factories import make_admin, make_buyer, make_official, make_seller


def _client(app: Flask, email: str) -> FlaskClient:
    client = app.test_client()
    login(client, email)
    return client


def _user(db: Session, email: str) -> User:
    db.expire_all()
    found = db.scalar(select(User).where(User.email == email))
    assert found is not None
    return found


def test_admin_finds_users_by_search_and_role_page_by_page(app: Flask, db: Session) -> None:
    make_admin(db, email="admin@test.id")
    for n in range(27):
        make_seller(db, email=f"penjual{n:02d}@test.id")
    make_buyer(db, email="pengadaan@dinas.test.id")
    make_official(db, email="petugas@test.id")
    db.commit()
    admin = _client(app, "admin@test.id")
    first = admin.get("/admin/users?role=seller").get_data(as_text=True)
    assert "27 akun" in first and first.count('data-testid="user-row"') == 25
    assert "Halaman 1 dari 2" in first
    second = admin.get("/admin/users?role=seller&page=2").get_data(as_text=True)
    assert second.count('data-testid="user-row"') == 2
    found = admin.get("/admin/users?q=dinas").get_data(as_text=True)
    assert "pengadaan@dinas.test.id" in found and "penjual00@test.id" not in found
    officials = admin.get("/admin/users?role=official").get_data(as_text=True)
    assert "petugas@test.id" in officials and "penjual00@test.id" not in officials


def test_a_disabled_user_cannot_log_in_or_use_tokens_until_enabled(app: Flask, db: Session) -> None:
    make_admin(db, email="admin@test.id")
    seller = make_seller(db, email="sri@test.id")
    db.commit()
    browser = _client(app, "sri@test.id")
    token = app.test_client().post("/api/v1/auth/token", json={"email": "sri@test.id", "password": PASSWORD})
    headers = {"Authorization": f"Bearer {token.get_json()['token']}"}
    admin = _client(app, "admin@test.id")
    done = admin.post(
        f"/admin/users/{seller.id}", data={"action": "disable", "reason": "Akun ganda"}, follow_redirects=True
    )
    assert "Akun dinonaktifkan" in done.get_data(as_text=True)
    assert browser.get("/seller/").status_code == 302  # the open session ended
    assert app.test_client().get("/api/v1/listings", headers=headers).status_code == 401
    refused = app.test_client().post(
        "/auth/login", data={"email": "sri@test.id", "password": PASSWORD}, follow_redirects=True
    )
    assert "Akun ini dinonaktifkan" in refused.get_data(as_text=True)
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "user.disabled"))
    assert event is not None and event.reason == "Akun ganda" and event.object_id == seller.id
    admin.post(f"/admin/users/{seller.id}", data={"action": "enable"})
    assert _user(db, "sri@test.id").active
    login(app.test_client(), "sri@test.id")


def test_admin_cannot_disable_themselves_or_lose_the_last_admin(app: Flask, db: Session) -> None:
    me = make_admin(db, email="admin@test.id")
    db.commit()
    admin = _client(app, "admin@test.id")
    own = admin.post(f"/admin/users/{me.id}", data={"action": "disable"})
    assert own.status_code == 422 and "tidak bisa menonaktifkan akun Anda sendiri" in own.get_data(
        as_text=True
    )
    last = admin.post(f"/admin/users/{me.id}", data={"action": "role", "role": "official"})
    assert last.status_code == 422 and "admin aktif terakhir" in last.get_data(as_text=True)
    assert _user(db, "admin@test.id").role == "admin"
    other = make_admin(db, email="admin2@test.id")
    db.commit()
    assert (
        admin.post(f"/admin/users/{other.id}", data={"action": "role", "role": "official"}).status_code == 302
    )
    assert _user(db, "admin2@test.id").role == "official"
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "role.changed"))
    assert (event.from_state, event.to_state, event.actor_id) == ("admin", "official", me.id)


def test_sellers_and_buyers_keep_their_role(app: Flask, db: Session) -> None:
    make_admin(db, email="admin@test.id")
    seller = make_seller(db, email="sri@test.id")
    db.commit()
    response = _client(app, "admin@test.id").post(
        f"/admin/users/{seller.id}", data={"action": "role", "role": "admin"}
    )
    assert response.status_code == 422
    assert _user(db, "sri@test.id").role == "seller"


def test_admin_unlocks_an_account_locked_by_failed_log_ins(app: Flask, db: Session) -> None:
    make_admin(db, email="admin@test.id")
    seller = make_seller(db, email="sri@test.id")
    db.commit()
    for _ in range(5):
        app.test_client().post("/auth/login", data={"email": "sri@test.id", "password": "salah sekali!"})
    locked = app.test_client().post("/auth/login", data={"email": "sri@test.id", "password": PASSWORD})
    assert locked.status_code == 200  # refused: locked
    admin = _client(app, "admin@test.id")
    assert "Terkunci" in admin.get("/admin/users").get_data(as_text=True)
    assert "Terkunci setelah gagal masuk" in admin.get(f"/admin/users/{seller.id}").get_data(as_text=True)
    admin.post(f"/admin/users/{seller.id}", data={"action": "unlock"})
    login(app.test_client(), "sri@test.id")
    assert db.scalar(select(AuditEvent).where(AuditEvent.action == "user.unlocked")) is not None


def test_officials_cannot_reach_user_management(app: Flask, db: Session) -> None:
    make_official(db, email="petugas@test.id")
    seller = make_seller(db, email="sri@test.id")
    db.commit()
    official = _client(app, "petugas@test.id")
    assert official.get("/admin/users").status_code == 403
    assert official.post(f"/admin/users/{seller.id}", data={"action": "disable"}).status_code == 403
    assert _user(db, "sri@test.id").active
