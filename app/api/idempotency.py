"""``Idempotency-Key`` on API writes: a retried call answers with the first result.

The key (per user) is stored in the same transaction as the write it guards, so either both
are written or neither; the answer is added right after. A key reused for a different call
is refused with 422; a retry while the first call is still running gets 409.
"""
from __future__ import annotations

import hashlib
import re
from typing import Any

from flask import Flask, has_request_context, request
from flask_smorest import abort
from sqlalchemy import event, select, update
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response

from app.extensions import db
from models import IdempotencyKey

HEADER = "Idempotency-Key"
WRITES = ("POST", "PUT", "PATCH", "DELETE")
KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")
PENDING, STORED = "pasarpadu.idempotency", "pasarpadu.idempotency_row"


def _fingerprint() -> str:
    target = f"{request.method} {request.path}?{request.query_string.decode('latin-1')}"
    digest = hashlib.sha256(target.encode("utf-8", "surrogatepass"))
    digest.update(b"\0" + request.get_data(cache=True))
    return digest.hexdigest()


def _replay_or_remember() -> Response | None:
    from app.api import current_api_user, is_api_request

    key = request.headers.get(HEADER)
    if key is None or request.method not in WRITES or not is_api_request():
        return None
    if not KEY_PATTERN.match(key):
        abort(400, message=f"{HEADER} must be 1 to 255 visible ASCII characters.")
    user = current_api_user()
    if user is None:
        return None  # the view answers 401
    fingerprint = _fingerprint()
    found = db.session.scalar(select(IdempotencyKey).where(
        IdempotencyKey.user_id == user.id, IdempotencyKey.key == key))
    if found is None:
        request.environ[PENDING] = {"user_id": user.id, "key": key, "fingerprint": fingerprint}
        return None
    if found.fingerprint != fingerprint:
        abort(422, message=f"This {HEADER} was already used for a different request.",
              errors={HEADER: ["Used for a different request."]})
    if found.status_code is None:
        abort(409, message="The first request with this key is still being processed.")
    replay = Response(found.body or b"", status=found.status_code, content_type=found.content_type)
    replay.headers["Idempotent-Replayed"] = "true"
    return replay


def _store_key(session: Session) -> None:
    """Before the write commits: add the key to the same transaction."""
    if not has_request_context() or session is not db.session():
        return
    pending: dict[str, Any] | None = request.environ.pop(PENDING, None)
    if pending is None:
        return
    row = IdempotencyKey(**pending, content_type="")
    session.add(row)
    session.flush()
    request.environ[STORED] = row.id


def _store_answer(response: Response) -> Response:
    row_id = request.environ.pop(STORED, None)
    if row_id is not None and response.status_code < 500:
        db.session.rollback()
        db.session.execute(update(IdempotencyKey).where(IdempotencyKey.id == row_id).values(
            status_code=response.status_code, content_type=response.content_type or "",
            body=response.get_data()))
        db.session.commit()
    return response


def register(app: Flask) -> None:
    """Hook the key check before API writes and the stored answer after them."""
    app.before_request(_replay_or_remember)
    app.after_request(_store_answer)
    if not event.contains(Session, "before_commit", _store_key):
        event.listen(Session, "before_commit", _store_key)
