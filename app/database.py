"""Database sessions and connections: SQLite waits for the write lock (WAL journal); keyed API
writes commit once, together with their idempotency answer."""

from __future__ import annotations

from typing import Any

from flask import Flask, has_request_context, request
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import Engine, event

from app.services.after_commit import forget_hooks

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


DEFER_COMMITS = "pasarpadu.defer_commits"
DEFERRED = "pasarpadu.deferred_commit"


def commits_deferred() -> bool:
    """True while the current request's commits wait for its end (a keyed API write)."""
    return has_request_context() and bool(request.environ.get(DEFER_COMMITS))


class RequestSession(FlaskSession):
    """The app's session; during a keyed API write its commits wait for the request's end.

    While the request environ holds ``DEFER_COMMITS``, ``commit()`` only flushes and notes that
    work is waiting (``DEFERRED``); the idempotency hook then commits that work together with
    the key and the answer, in one transaction, before the answer leaves. A ``rollback()``
    meanwhile discards all of the request's work so far.
    """

    def commit(self) -> None:
        """Commit, or during a keyed API write flush and leave the commit to the request's end."""
        if commits_deferred():
            self.flush()
            request.environ[DEFERRED] = True
            return
        super().commit()

    def rollback(self) -> None:
        """Roll back; during a keyed API write the deferred work is gone too."""
        super().rollback()
        forget_hooks(self)  # after-commit work of what was rolled back never runs
        if has_request_context():
            request.environ.pop(DEFERRED, None)
