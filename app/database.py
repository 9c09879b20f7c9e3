"""Connection settings of the embedded SQLite default: wait for the write lock, WAL journal."""
from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import Engine, event

BUSY_TIMEOUT_MS = 15_000


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """Readers never block the writer (WAL); a writer waits for the lock instead of failing."""
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def register(app: Flask) -> None:
    """Apply the SQLite settings to every new connection of the app's engine."""
    from app.extensions import db

    with app.app_context():
        engine: Engine = db.engine
    if engine.dialect.name == "sqlite" and not event.contains(engine, "connect", _sqlite_pragmas):
        event.listen(engine, "connect", _sqlite_pragmas)
