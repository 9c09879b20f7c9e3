"""Throwaway PostgreSQL databases: made empty for one test run, benchmark or burst, then dropped.

Shared by the test fixtures and the scripts that seed or burst a database of their own
(``scripts/bench_dashboard.py``, ``scripts/write_burst.py``).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text

POSTGRES_ADMIN_URL = os.environ.get(
    "PASARPADU_TEST_PG_ADMIN", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def create_database(admin_url: str, name: str) -> None:
    """Create an empty database on the server of ``admin_url``."""
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()


def drop_database(admin_url: str, name: str) -> None:
    """Drop the database (its connections are ended first), if it is there."""
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
            {"name": name},
        )
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    engine.dispose()


@contextmanager
def throwaway_postgres(prefix: str, admin_url: str = POSTGRES_ADMIN_URL) -> Iterator[str]:
    """The URL of a fresh database named ``prefix`` plus a random suffix, dropped afterwards."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    create_database(admin_url, name)
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        drop_database(admin_url, name)
