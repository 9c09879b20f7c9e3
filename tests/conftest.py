"""Shared fixtures: an app on a migrated database (SQLite or throwaway PostgreSQL), clients, logins."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask, g
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy.orm import Session

from app import create_app
from app.config import config_for_tests
from app.extensions import db as _db
from models import Base
from tests.throwaway_database import throwaway_postgres

REFERENCE_TABLES = {"kota", "kecamatan", "kelurahan", "categories", "alembic_version"}
PASSWORD = "kata sandi yang panjang"


def _postgres_database() -> Iterator[str]:
    with throwaway_postgres("pasarpadu_test") as url:
        yield url


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh database for this test run: SQLite by default, PostgreSQL when asked."""
    if os.environ.get("PASARPADU_TEST_DB") == "postgres":
        yield from _postgres_database()
    else:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


@pytest.fixture(scope="session")
def _app(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    instance = tmp_path_factory.mktemp("instance")
    application = create_app(config_for_tests(str(instance), database_url))

    @application.before_request
    def _fresh_request_globals() -> None:
        # Tests hold one app context open across requests; in production each request gets its
        # own, so nothing cached in ``g`` (the logged-in user, the locale) may leak between them.
        for name in list(vars(g)):
            delattr(g, name)

    with application.app_context():
        upgrade()
    yield application
    with application.app_context():
        _db.session.remove()
        _db.engine.dispose()


def _empty_tables() -> None:
    for table in reversed(Base.metadata.sorted_tables):
        if table.name not in REFERENCE_TABLES:
            _db.session.execute(table.delete())
    _db.session.commit()


@pytest.fixture()
def app(_app: Flask, tmp_path: Path) -> Iterator[Flask]:
    """The application, with an app context and empty non-reference tables after each test."""
    _app.config["UPLOAD_FOLDER"] = str(tmp_path / "uploads")
    _app.config["INDEX_FOLDER"] = str(tmp_path / "index")
    _app.extensions.pop("catalogue_index", None)
    with _app.app_context():
        yield _app
        _db.session.rollback()
        _empty_tables()
        _db.session.remove()


@pytest.fixture()
def db(app: Flask) -> Session:
    """The request-scoped SQLAlchemy session of the app."""
    return _db.session


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    """A browser without cookies."""
    return app.test_client()


def login(client: FlaskClient, email: str, password: str = PASSWORD) -> None:
    """Log ``client`` in, failing the test when the log-in is refused."""
    response = client.post("/auth/login", data={"email": email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]


@pytest.fixture()
def seller_client(app: Flask, db: Session) -> FlaskClient:
    """A client logged in as a verified seller with one active listing."""
    from tests.factories import make_listing, make_seller

    seller = make_seller(db, email="seller@test.id")
    make_listing(db, seller.organisation.supplier_profile, title="Nasi kotak ayam bakar")
    db.commit()
    client = app.test_client()
    login(client, "seller@test.id")
    return client


def run_indexer_once(app: Flask) -> object:
    """What the indexer process does, once: build or catch up, publish; then the web side reopens.

    The app's index reader is dropped, so the next search loads the fresh snapshot.
    """
    from app.services.indexer import run_once

    indexer = run_once(_db.session, app.config["INDEX_FOLDER"], app.config["MATCHER_MODEL"])
    app.extensions.pop("catalogue_index", None)
    return indexer


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def milvus_lite_server(data: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """A real Milvus Lite server (``milvus-lite server``) on a free loopback port."""
    port = _free_port()
    log = open(data / "server.log", "wb")  # noqa: SIM115 - the server writes it until it stops
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "milvus_lite",
            "server",
            "--data-dir",
            str(data / "data"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "Milvus Lite did not start: " + (data / "server.log").read_text()[-2000:]
                    ) from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}", server
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture(scope="session")
def milvus_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Milvus Lite server on a loopback port for this test run (stopped at the end)."""
    with milvus_lite_server(tmp_path_factory.mktemp("milvus")) as (uri, _):
        yield uri


@pytest.fixture(scope="session")
def local_ray() -> Iterator[None]:
    """Ray on this machine's two cores for the Ray Data jobs (shut down at the end)."""
    import ray

    from matching.ray_jobs import init_ray

    init_ray(num_cpus=2)
    yield
    ray.shutdown()
