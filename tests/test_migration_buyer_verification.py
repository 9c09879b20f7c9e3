"""Upgrading keeps buyers that already published able to publish; the others wait for an official."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from tests.conftest import _postgres_database

NOW = "2026-11-01 09:00:00+00:00"


@pytest.fixture()
def empty_database_url(tmp_path: Path) -> Iterator[str]:
    if os.environ.get("PASARPADU_TEST_DB") == "postgres":
        yield from _postgres_database()
    else:
        yield f"sqlite:///{tmp_path / 'upgrade.db'}"


def _organisation(name: str, kind: str) -> int:
    return db.session.execute(
        text(
            "INSERT INTO organisations (kind, legal_name, street_address, phone, email, skip_review, "
            "created_at, updated_at) VALUES (:kind, :name, '', '', '', false, :now, :now) RETURNING id"
        ),
        {"kind": kind, "name": name, "now": NOW},
    ).scalar_one()


def _request(buyer_id: int, status: str) -> None:
    db.session.execute(
        text(
            "INSERT INTO demand_requests (buyer_id, title, description, quantity, unit, "
            "required_certifications, umkm_only, status, version, created_at, updated_at) "
            "VALUES (:buyer, 'Nasi kotak', '', 10, 'kotak', '[]', true, :status, 1, :now, :now)"
        ),
        {"buyer": buyer_id, "status": status, "now": NOW},
    )


def test_upgrade_verifies_only_buyers_that_already_published(empty_database_url: str, tmp_path: Path) -> None:
    app = create_app(config_for_tests(str(tmp_path / "instance"), empty_database_url))
    with app.app_context():
        upgrade(revision="0008")
        published = _organisation("Dinas Lama", "government")
        drafting = _organisation("Dinas Baru", "government")
        seller = _organisation("Katering Bu Sri", "umkm")
        _request(published, "quoted")
        _request(drafting, "draft")
        db.session.commit()
        upgrade()
        states = dict(db.session.execute(text("SELECT id, verification_state FROM organisations")).all())
        db.session.remove()
        db.engine.dispose()
    assert states[published] == "verified"
    assert states[drafting] == "pending"
    assert states[seller] == "pending"  # sellers are verified on their supplier profile
