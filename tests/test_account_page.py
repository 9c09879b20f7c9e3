"""The account page: profile and language preference, password change, e-mail change."""

from __future__ import annotations

import re
from collections.abc import Iterator
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AuditEvent, User
from tests.conftest import PASSWORD, login
from tests.factories import make_buyer, make_seller

NEW_PASSWORD = "sepeda ontel merah di monas"


@pytest.fixture(autouse=True)
def _own_outbox(app: Flask, tmp_path: Path) -> Iterator[None]:
    """Mails of these tests go to their own folder, not the suite's shared outbox."""
    shared = app.config["MAIL_OUTBOX"]
    app.config["MAIL_OUTBOX"] = str(tmp_path / "outbox")
    yield
    app.config["MAIL_OUTBOX"] = shared


def _mails_to(app: Flask, recipient: str) -> list[str]:
    bodies = []
    for path in sorted(Path(app.config["MAIL_OUTBOX"]).glob("direct-*.eml")):
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        if message["To"] == recipient:
            bodies.append(f"{message['Subject']}\n{message.get_content()}")
    return bodies


def _token(client: FlaskClient, email: str, password: str = PASSWORD) -> dict[str, str]:
    response = client.post("/api/v1/auth/token", json={"email": email, "password": password})
    assert response.status_code == 201, response.get_json()
    return {"Authorization": f"Bearer {response.get_json()['token']}"}


def test_profile_and_language_are_saved_and_used_at_next_log_in(app: Flask, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    db.commit()
    client = app.test_client()
    login(client, "sri@test.id")
    page = client.get("/auth/account").get_data(as_text=True)
    assert "Ubah kata sandi" in page and "Bahasa" in page
    saved = client.post(
        "/auth/account",
        data={"full_name": "Sri Wahyuni", "phone": "0812 3456 7890", "locale": "en"},
        follow_redirects=True,
    )
    assert "Profile saved." in saved.get_data(as_text=True)  # now in English
    user = db.scalar(select(User).where(User.email == "sri@test.id"))
    db.refresh(user)
    assert (user.full_name, user.phone, user.locale) == ("Sri Wahyuni", "0812 3456 7890", "en")
    assert db.scalar(select(AuditEvent).where(AuditEvent.action == "profile.updated")) is not None

    other = app.test_client()  # a new browser: the stored preference, not the default
    login(other, "sri@test.id")
    assert "My account" in other.get("/auth/account").get_data(as_text=True)


def test_language_switch_sets_the_preference_of_a_logged_in_user(app: Flask, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    db.commit()
    client = app.test_client()
    login(client, "sri@test.id")
    client.get("/lang/en")
    fresh = app.test_client()
    login(fresh, "sri@test.id")
    assert "My account" in fresh.get("/auth/account").get_data(as_text=True)
    fresh.get("/lang/id")
    again = app.test_client()
    login(again, "sri@test.id")
    assert "Akun saya" in again.get("/auth/account").get_data(as_text=True)


def test_bad_profile_input_changes_nothing(app: Flask, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    db.commit()
    client = app.test_client()
    login(client, "sri@test.id")
    response = client.post("/auth/account", data={"full_name": "", "phone": "abc", "locale": "xx"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Isi nomor telepon" in page or "0812 3456 7890" in page
    user = db.scalar(select(User).where(User.email == "sri@test.id"))
    db.refresh(user)
    assert user.phone == "" and user.locale is None


def test_password_change_needs_the_current_one_and_the_same_rules(app: Flask, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    db.commit()
    client = app.test_client()
    login(client, "sri@test.id")
    wrong = client.post(
        "/auth/account/password",
        data={
            "pw-current_password": "bukan kata sandinya",
            "pw-password": NEW_PASSWORD,
            "pw-confirm": NEW_PASSWORD,
        },
    )
    assert wrong.status_code == 422 and "Kata sandi saat ini salah" in wrong.get_data(as_text=True)
    short = client.post(
        "/auth/account/password",
        data={"pw-current_password": PASSWORD, "pw-password": "pendek", "pw-confirm": "pendek"},
    )
    assert short.status_code == 422
    common = client.post(
        "/auth/account/password",
        data={"pw-current_password": PASSWORD, "pw-password": "password1234", "pw-confirm": "password1234"},
    )
    assert common.status_code == 422
    login(app.test_client(), "sri@test.id", PASSWORD)  # the old password still works


def test_password_change_ends_other_sessions_and_tokens_and_mails_a_notice(app: Flask, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    db.commit()
    client, elsewhere, api = app.test_client(), app.test_client(), app.test_client()
    login(client, "sri@test.id")
    login(elsewhere, "sri@test.id")
    headers = _token(api, "sri@test.id")
    changed = client.post(
        "/auth/account/password",
        data={"pw-current_password": PASSWORD, "pw-password": NEW_PASSWORD, "pw-confirm": NEW_PASSWORD},
        follow_redirects=True,
    )
    assert "Kata sandi diubah" in changed.get_data(as_text=True)
    assert client.get("/seller/").status_code == 200  # this browser stays logged in
    assert elsewhere.get("/seller/").status_code == 302  # the other one is logged out
    assert api.get("/api/v1/listings", headers=headers).status_code == 401
    login(app.test_client(), "sri@test.id", NEW_PASSWORD)
    assert db.scalar(select(AuditEvent).where(AuditEvent.action == "password.changed")) is not None
    assert any("Kata sandi Pasar Padu Anda telah diubah" in mail for mail in _mails_to(app, "sri@test.id"))


def test_email_change_takes_effect_only_from_the_link_sent_to_the_new_address(
    app: Flask, db: Session
) -> None:
    make_buyer(db, email="budi@test.id")
    make_seller(db, email="taken@test.id")
    db.commit()
    client = app.test_client()
    login(client, "budi@test.id")
    taken = client.post(
        "/auth/account/email", data={"em-email": "taken@test.id", "em-email_password": PASSWORD}
    )
    assert taken.status_code == 422
    wrong = client.post(
        "/auth/account/email", data={"em-email": "budi.baru@test.id", "em-email_password": "salah sekali ya"}
    )
    assert wrong.status_code == 422 and "Kata sandi saat ini salah" in wrong.get_data(as_text=True)
    asked = client.post(
        "/auth/account/email", data={"em-email": "Budi.Baru@test.id", "em-email_password": PASSWORD}
    )
    assert asked.status_code == 302
    assert db.scalar(select(User).where(User.email == "budi@test.id")) is not None  # not yet
    assert any("budi.baru@test.id" in mail for mail in _mails_to(app, "budi@test.id"))
    link = re.search(r"http://\S+/auth/account/email/\S+", _mails_to(app, "budi.baru@test.id")[-1])
    assert link is not None
    confirmed = client.get(link.group(0), follow_redirects=True)
    assert "budi.baru@test.id" in confirmed.get_data(as_text=True)
    login(app.test_client(), "budi.baru@test.id")
    reused = client.get(link.group(0), follow_redirects=True).get_data(as_text=True)
    assert "Tautan ini tidak berlaku lagi" in reused
    assert db.scalar(select(AuditEvent).where(AuditEvent.action == "email.changed")) is not None
