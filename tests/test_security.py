"""Web security: passwords, lockout, reset, sessions, headers, escaping, audit of security events."""

from __future__ import annotations

import email
import email.policy
import re
import time
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services import ServiceError
from app.services.accounts import check_password
from models import AuditEvent, User
from tests.conftest import PASSWORD, login
from tests.factories import make_listing, make_seller


@pytest.mark.parametrize(
    "password",
    ["pendek", "passwordpassword", "123456789012", "qwertyuiop123", "sayangkamu12345", "wulan@katering.id!!"],
)
def test_weak_passwords_are_refused(password: str) -> None:
    with pytest.raises(ServiceError):
        check_password(password, "wulan@katering.id")


def test_a_long_phrase_is_accepted_without_composition_rules() -> None:
    check_password("nasi uduk betawi paling enak", "sri@katering.id")


def test_five_failures_lock_the_account_and_are_audited(client: FlaskClient, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    db.commit()
    for _ in range(5):
        client.post("/auth/login", data={"email": "sri@test.id", "password": "salah salah salah"})
    page = client.post("/auth/login", data={"email": "sri@test.id", "password": PASSWORD})
    assert page.status_code == 200 and "15 menit" in page.get_data(as_text=True)
    actions = list(db.scalars(select(AuditEvent.action).where(AuditEvent.object_type == "user")))
    assert actions.count("login.failed") == 5 and "login.locked" in actions
    assert "login.refused_locked" in actions


def test_password_reset_by_link_once(app: Flask, client: FlaskClient, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    db.commit()
    unknown = client.post("/auth/reset", data={"email": "nobody@test.id"}, follow_redirects=True)
    known = client.post("/auth/reset", data={"email": "sri@test.id"}, follow_redirects=True)
    assert unknown.get_data(as_text=True).count("Jika") == known.get_data(as_text=True).count("Jika")
    mails = list(Path(app.config["MAIL_OUTBOX"]).glob("direct-*.eml"))
    assert len(mails) == 1
    message = email.message_from_bytes(mails[0].read_bytes(), policy=email.policy.default)
    link = re.search(r"http://\S+/auth/reset/(\S+)", message.get_content()).group(0)
    path = link.split("localhost", 1)[-1]
    new_password = "sepeda ontel merah di monas"
    done = client.post(path, data={"password": new_password, "confirm": new_password})
    assert done.status_code == 302
    login(client, "sri@test.id", new_password)
    reused = client.get(path)
    assert reused.status_code == 302  # the link died with the old password
    mails[0].unlink()


def test_log_out_everywhere_ends_other_sessions(app: Flask, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    db.commit()
    phone, laptop = app.test_client(), app.test_client()
    login(phone, "sri@test.id")
    login(laptop, "sri@test.id")
    assert laptop.post("/auth/logout-everywhere").status_code == 302
    assert phone.get("/seller/").status_code == 302  # back to log-in
    actions = set(db.scalars(select(AuditEvent.action)))
    assert "logout.everywhere" in actions


def test_idle_sessions_expire(app: Flask, client: FlaskClient, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    db.commit()
    login(client, "sri@test.id")
    with client.session_transaction() as session:
        session["_seen"] = int(time.time()) - 31 * 60
    response = client.get("/seller/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_session_cookie_flags_and_https_headers(app: Flask, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    db.commit()
    client = app.test_client()
    response = client.post("/auth/login", data={"email": "sri@test.id", "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    app.config["HTTPS"] = True
    try:
        assert "max-age" in client.get("/").headers["Strict-Transport-Security"]
    finally:
        app.config["HTTPS"] = False


def test_html_and_sql_in_text_are_stored_as_text_and_shown_escaped(client: FlaskClient, db: Session) -> None:
    seller = make_seller(db, name="<b>Toko</b>")
    title = "<script>alert('x')</script> Kue'; DROP TABLE listings;--"
    listing = make_listing(db, seller.organisation.supplier_profile, title=title)
    db.commit()
    page = client.get(f"/listing/{listing.id}").get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "&lt;b&gt;Toko&lt;/b&gt;" in page
    assert db.scalar(select(User.id).limit(1)) is not None  # the table survived


def test_role_changes_are_audited(app: Flask, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    db.commit()
    result = app.test_cli_runner().invoke(args=["set-role", "--email", "sri@test.id", "--role", "official"])
    assert result.exit_code == 0, result.output
    event = db.scalars(select(AuditEvent).where(AuditEvent.action == "role.changed")).one()
    assert (event.from_state, event.to_state) == ("seller", "official")


def test_uploaded_photos_never_run_as_html(seller_client: FlaskClient, db: Session) -> None:
    import io

    from PIL import Image

    from models import ListingPhoto
    from tests.factories import category

    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (10, 200, 30)).save(buffer, "PNG")
    polyglot = buffer.getvalue() + b"<html><script>alert(1)</script></html>"
    seller_client.post(
        "/seller/listings/new",
        content_type="multipart/form-data",
        data={
            "title": "Kue lapis legit",
            "category_id": str(category(db, "snack").id),
            "price": "1000",
            "unit": "pcs",
            "min_order": "1",
            "lead_time_days": "1",
            "action": "publish",
            "photos": (io.BytesIO(polyglot), "kue.html"),
        },
    )
    photo = db.scalars(select(ListingPhoto)).one()
    served = seller_client.get(f"/media/listings/{photo.stored_name}")
    assert served.mimetype == "image/jpeg" and b"<script>" not in served.data
    assert "sandbox" in served.headers["Content-Security-Policy"]
