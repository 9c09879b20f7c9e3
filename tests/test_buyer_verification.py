"""Buyer organisations are verified by an official before their first request is published."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AuditEvent, DemandRequest, Notification, Organisation, User
from tests.conftest import PASSWORD, login
from tests.factories import kecamatan, make_buyer, make_listing, make_official, make_request, make_seller


def _client(app: Flask, email: str) -> FlaskClient:
    client = app.test_client()
    login(client, email)
    return client


def test_self_registered_agency_can_draft_but_not_publish(app: Flask, db: Session) -> None:
    make_official(db, email="petugas@test.id")
    db.commit()
    client = app.test_client()
    registered = client.post(
        "/auth/register/buyer",
        data={
            "full_name": "Budi Santoso",
            "email": "pengadaan@dinas-palsu.id",
            "password": PASSWORD,
            "confirm": PASSWORD,
            "legal_name": "Dinas Palsu",
            "kind": "government",
            "kecamatan_id": str(kecamatan(db).id),
            "street_address": "Jl. Raya 1",
            "phone": "0812 3456 7890",
        },
        follow_redirects=True,
    )
    page = registered.get_data(as_text=True)
    assert "petugas memverifikasi organisasi Anda" in page
    assert 'data-testid="awaits-verification"' in page
    form = client.get("/requests/new").get_data(as_text=True)
    assert "Organisasi Anda menunggu verifikasi petugas" in form
    assert 'value="publish"' not in form  # only "save as draft" is offered
    # officials hear about it
    official = db.scalar(select(User).where(User.email == "petugas@test.id"))
    assert db.scalar(select(Notification).where(Notification.user_id == official.id)).subject.startswith(
        "Organisasi pembeli baru perlu diverifikasi"
    )


def test_publishing_a_draft_before_verification_is_refused_in_words(app: Flask, db: Session) -> None:
    seller = make_seller(db)
    make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
    buyer = make_buyer(db, email="budi@test.id", verified=False)
    demand = make_request(db, buyer)
    db.commit()
    client = _client(app, "budi@test.id")
    detail = client.get(f"/requests/{demand.id}").get_data(as_text=True)
    assert "Organisasi Anda menunggu verifikasi petugas" in detail
    refused = client.post(f"/requests/{demand.id}/publish", follow_redirects=True)
    assert "Organisasi Anda menunggu verifikasi petugas" in refused.get_data(as_text=True)
    db.expire_all()
    assert db.get(DemandRequest, demand.id).status == "draft"
    token = client.post("/api/v1/auth/token", json={"email": "budi@test.id", "password": PASSWORD})
    api = client.post(
        f"/api/v1/requests/{demand.id}/publish",
        headers={"Authorization": f"Bearer {token.get_json()['token']}"},
    )
    assert api.status_code == 409 and "verifikasi" in api.get_data(as_text=True)
    db.expire_all()
    assert db.get(DemandRequest, demand.id).status == "draft"


def test_official_verifies_then_the_buyer_publishes(app: Flask, db: Session) -> None:
    seller = make_seller(db)
    make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
    buyer = make_buyer(db, email="budi@test.id", verified=False)
    organisation_id = buyer.organisation_id
    demand = make_request(db, buyer)
    make_official(db, email="petugas@test.id")
    db.commit()
    official = _client(app, "petugas@test.id")
    listing = official.get("/review/buyers/").get_data(as_text=True)
    assert buyer.organisation.legal_name in listing and "1 permintaan disusun" in listing
    detail = official.get(f"/review/buyers/{organisation_id}").get_data(as_text=True)
    assert "budi@test.id" in detail and demand.title in detail
    done = official.post(
        f"/review/buyers/{organisation_id}", data={"action": "verify"}, follow_redirects=True
    )
    assert "Organisasi terverifikasi" in done.get_data(as_text=True)
    db.expire_all()
    assert db.get(Organisation, organisation_id).verification_state == "verified"
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "buyer.verified"))
    assert event is not None and event.object_id == organisation_id
    assert (
        db.scalar(select(Notification).where(Notification.user_id == buyer.id)).subject
        == "Organisasi Anda terverifikasi"
    )
    client = _client(app, "budi@test.id")
    client.post(f"/requests/{demand.id}/publish")
    db.expire_all()
    assert db.get(DemandRequest, demand.id).status != "draft"


def test_declining_needs_a_reason_which_the_buyer_reads(app: Flask, db: Session) -> None:
    buyer = make_buyer(db, email="budi@test.id", verified=False)
    organisation_id = buyer.organisation_id
    make_official(db, email="petugas@test.id")
    db.commit()
    official = _client(app, "petugas@test.id")
    empty = official.post(f"/review/buyers/{organisation_id}", data={"action": "reject", "reason": " "})
    assert empty.status_code == 422 and "Beri alasan" in empty.get_data(as_text=True)
    db.expire_all()
    assert db.get(Organisation, organisation_id).verification_state == "pending"
    official.post(
        f"/review/buyers/{organisation_id}",
        data={"action": "reject", "reason": "Surat tugas dari dinas belum dilampirkan"},
    )
    db.expire_all()
    assert db.get(Organisation, organisation_id).verification_state == "rejected"
    note = db.scalar(select(Notification).where(Notification.user_id == buyer.id))
    assert "Surat tugas" in note.body
    page = _client(app, "budi@test.id").get("/requests/").get_data(as_text=True)
    assert "Verifikasi organisasi Anda ditolak: Surat tugas dari dinas belum dilampirkan" in page
    assert buyer.organisation.legal_name in official.get("/review/buyers/?state=rejected").get_data(
        as_text=True
    )
    assert buyer.organisation.legal_name not in official.get("/review/buyers/").get_data(as_text=True)


def test_sellers_and_buyers_cannot_reach_the_verification_screens(app: Flask, db: Session) -> None:
    make_seller(db, email="sri@test.id")
    buyer = make_buyer(db, email="budi@test.id", verified=False)
    db.commit()
    for email in ("sri@test.id", "budi@test.id"):
        client = _client(app, email)
        assert client.get("/review/buyers/").status_code == 403
        assert (
            client.post(f"/review/buyers/{buyer.organisation_id}", data={"action": "verify"}).status_code
            == 403
        )
    db.expire_all()
    assert db.get(Organisation, buyer.organisation_id).verification_state == "pending"


def test_the_address_without_a_street_shows_no_stray_dash(app: Flask, db: Session) -> None:
    buyer = make_buyer(db, email="kelurahan@test.id", verified=False)
    make_official(db, email="official@test.id")
    db.commit()
    organisation = buyer.organisation
    assert organisation is not None and not organisation.street_address
    page = _client(app, "official@test.id").get(f"/review/buyers/{organisation.id}").get_data(as_text=True)
    address = re.search(r"<dt>Alamat</dt><dd>(.*?)</dd>", page, flags=re.S)
    assert address, "no address shown"
    assert not address.group(1).startswith("–")
    assert organisation.kecamatan.name in address.group(1) and "tanpa alamat jalan" in address.group(1)
