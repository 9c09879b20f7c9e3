"""Rate limits: keyed on the validated token or the address, shared by workers, on search too."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy.orm import Session

from app import create_app
from app.config import config_for_tests
from app.extensions import limiter
from app.ratelimit_storage import SQLiteStorage


@pytest.fixture()
def limited(app: Flask, tmp_path: Path) -> Iterator[list[Flask]]:
    """Two app instances (two workers) with limits on, sharing the embedded default store."""
    apps = []
    for _ in range(2):
        config = config_for_tests(str(tmp_path), app.config["SQLALCHEMY_DATABASE_URI"])
        config.update(RATELIMIT_ENABLED=True, API_RATE_LIMIT="5 per minute", SEARCH_RATE_LIMIT="5 per minute")
        config.pop("RATELIMIT_STORAGE_URI")
        config.update(RATELIMIT_STORAGE_URI=f"sqlite://{tmp_path / 'ratelimits.sqlite'}")
        apps.append(create_app(config))
    try:
        yield apps
    finally:
        limiter.init_app(app)  # give the shared limiter back to the suite's app


def test_embedded_default_store_is_shared_not_per_worker(tmp_path: Path) -> None:
    from app.config import load_config

    assert load_config(str(tmp_path))["RATELIMIT_STORAGE_URI"].startswith("sqlite://")
    one = SQLiteStorage(f"sqlite://{tmp_path / 'r.sqlite'}")
    two = SQLiteStorage(f"sqlite://{tmp_path / 'r.sqlite'}")
    one.incr("k", 60)
    assert two.incr("k", 60) == 2 and one.get("k") == 2


def test_random_bearer_strings_are_limited_by_address(limited: list[Flask]) -> None:
    statuses = []
    for n in range(8):
        worker = limited[n % 2]
        with worker.app_context():
            response = worker.test_client().get(
                "/api/v1/listings", headers={"Authorization": f"Bearer {secrets.token_hex(16)}"}
            )
            statuses.append(response.status_code)
    assert 429 in statuses, statuses


def test_html_search_is_limited_across_workers(limited: list[Flask]) -> None:
    statuses = []
    for n in range(8):
        worker = limited[n % 2]
        with worker.app_context():
            statuses.append(worker.test_client().get("/search?q=kopi").status_code)
    assert statuses[:5] == [200] * 5 and statuses[-1] == 429, statuses


def test_limiter_keys_never_hold_raw_tokens(app: Flask, db: Session) -> None:
    from app.api import _token_or_address
    from app.services.tokens import create_token
    from tests.factories import make_seller

    _row, raw = create_token(db, make_seller(db))
    db.commit()
    with app.test_request_context("/api/v1/listings", headers={"Authorization": f"Bearer {raw}"}):
        key = _token_or_address()
    assert raw[:20] not in key and key.startswith("token:")
    from flask import g

    g.pop("api_user", None)  # the suite holds one app context; each request has its own
    with app.test_request_context(
        "/api/v1/listings", headers={"Authorization": "Bearer junk"}, environ_base={"REMOTE_ADDR": "10.1.2.3"}
    ):
        assert _token_or_address() == "address:10.1.2.3"
