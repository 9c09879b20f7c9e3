"""Registration, log-in and log-out as a person would do them."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Organisation, User
from tests.conftest import PASSWORD, login
from tests.factories import kecamatan, make_seller


def _seller_form(db: Session, **overrides: str) -> dict[str, str]:
    form = {
        "full_name": "Sri Wahyuni",
        "email": "sri@katering.id",
        "password": PASSWORD,
        "confirm": PASSWORD,
        "legal_name": "Katering Bu Sri",
        "nib": "9120001234567",
        "scale": "micro",
        "kecamatan_id": str(kecamatan(db).id),
        "street_address": "Jl. Raya 1",
        "phone": "0812 3456 7890",
    }
    form.update(overrides)
    return form


def _count(db: Session, model: type) -> int:
    return db.scalar(select(func.count()).select_from(model)) or 0


def test_seller_registers_and_lands_on_profile(client: FlaskClient, db: Session) -> None:
    response = client.post("/auth/register/seller", data=_seller_form(db))
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/seller/profile")
    user = db.scalar(select(User).where(User.email == "sri@katering.id"))
    assert user is not None and user.role == "seller"
    assert user.password_hash.startswith("$argon2id$")
    assert user.organisation is not None and user.organisation.kind == "umkm"
    profile = user.organisation.supplier_profile
    assert profile is not None and not profile.verified
    assert client.get("/seller/profile").status_code == 200


def test_invalid_registration_rerenders_with_messages_and_writes_nothing(
    client: FlaskClient, db: Session
) -> None:
    bad = _seller_form(db, nib="12345", password="pendek", confirm="beda", phone="x")
    response = client.post("/auth/register/seller", data=bad)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "13 digit" in page  # NIB message, in Indonesian by default
    assert 'aria-invalid="true"' in page
    assert 'value="Katering Bu Sri"' in page  # what the user typed is kept
    assert _count(db, User) == 0 and _count(db, Organisation) == 0


def test_duplicate_email_is_refused(client: FlaskClient, db: Session) -> None:
    make_seller(db, email="sri@katering.id")
    db.commit()
    response = client.post("/auth/register/seller", data=_seller_form(db, email="SRI@katering.id"))
    assert response.status_code == 200
    assert "sudah" in response.get_data(as_text=True)  # "sudah terdaftar"
    assert _count(db, User) == 1


def test_buyer_registers(client: FlaskClient, db: Session) -> None:
    form = _seller_form(db, email="pengadaan@dinas.go.id", legal_name="Dinas Pendidikan")
    form.pop("nib")
    form["kind"] = "government"
    response = client.post("/auth/register/buyer", data=form)
    assert response.status_code == 302
    user = db.scalar(select(User).where(User.email == "pengadaan@dinas.go.id"))
    assert user is not None and user.role == "buyer"
    assert user.organisation is not None and user.organisation.kind == "government"
    assert user.organisation.supplier_profile is None


def test_login_logout(client: FlaskClient, db: Session) -> None:
    make_seller(db, email="penjual@test.id")
    db.commit()
    bad = client.post("/auth/login", data={"email": "penjual@test.id", "password": "salah sekali!"})
    assert bad.status_code == 200 and "salah" in bad.get_data(as_text=True).lower()
    login(client, "Penjual@Test.id")
    assert client.get("/seller/").status_code == 200
    assert client.post("/auth/logout").status_code == 302
    assert client.get("/seller/").status_code == 302  # back to the log-in page


def test_login_rotates_the_session(client: FlaskClient, db: Session) -> None:
    make_seller(db, email="penjual@test.id")
    db.commit()
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    login(client, "penjual@test.id")
    with client.session_transaction() as session:
        assert "planted" not in session


def test_inactive_user_cannot_log_in(client: FlaskClient, db: Session) -> None:
    user = make_seller(db, email="penjual@test.id")
    user.active = False
    db.commit()
    response = client.post("/auth/login", data={"email": "penjual@test.id", "password": PASSWORD})
    assert response.status_code == 200


def test_no_web_route_creates_officials(app: Flask, client: FlaskClient, db: Session) -> None:
    form = _seller_form(db, email="x@test.id")
    form["role"] = "official"
    client.post("/auth/register/seller", data=form)
    assert db.scalar(select(User.role).where(User.email == "x@test.id")) == "seller"
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "create-user",
            "--email",
            "petugas@dinas.id",
            "--name",
            "Petugas",
            "--role",
            "official",
            "--password",
            PASSWORD,
        ]
    )
    assert result.exit_code == 0, result.output
    assert db.scalar(select(User.role).where(User.email == "petugas@dinas.id")) == "official"


def test_forms_require_csrf_token(app: Flask, db: Session) -> None:
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        client = app.test_client()
        response = client.post("/auth/register/seller", data=_seller_form(db))
        assert response.status_code == 400
        assert _count(db, User) == 0
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
