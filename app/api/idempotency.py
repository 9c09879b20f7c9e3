"""``Idempotency-Key`` on API writes: a retried call answers with the first result.

The key (per user) and the answer are stored in the same transaction as the write they guard,
committed before the answer leaves: either all three are written or none, so a call whose
answer was lost (a worker killed, a connection cut) is always replayed, never re-run, and a
retry never meets a key stuck without its answer. A key reused for a different call is refused
with 422; a retry overlapping the first call answers the first call's result (the unique key
lets only one commit).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from flask import Flask, request
from flask_smorest import abort
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from werkzeug.exceptions import Conflict, HTTPException, ServiceUnavailable
from werkzeug.wrappers import Response

from app.database import DEFER_COMMITS, DEFERRED
from app.extensions import db
from app.unit_of_work import run_after_commit
from models import IdempotencyKey

HEADER = "Idempotency-Key"
WRITES = ("POST", "PUT", "PATCH", "DELETE")
KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")
PENDING = "pasarpadu.idempotency"


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
    found = db.session.scalar(
        select(IdempotencyKey).where(IdempotencyKey.user_id == user.id, IdempotencyKey.key == key)
    )
    if found is None:
        request.environ[PENDING] = {"user_id": user.id, "key": key, "fingerprint": fingerprint}
        request.environ[DEFER_COMMITS] = True
        return None
    if found.fingerprint != fingerprint:
        abort(
            422,
            message=f"This {HEADER} was already used for a different request.",
            errors={HEADER: ["Used for a different request."]},
        )
    if found.status_code is None:
        abort(409, message="The first request with this key is still being processed.")
    return _replay(found)


def _store_answer(response: Response) -> Response:
    """Commit the keyed write's work together with its key and answer, before the answer leaves.

    A crash before this commit leaves nothing (the client saw no answer and retries); after
    it, a retry finds the answer. Work of a call that failed (5xx) is rolled back.
    """
    pending: dict[str, Any] | None = request.environ.pop(PENDING, None)
    request.environ.pop(DEFER_COMMITS, None)
    deferred = request.environ.pop(DEFERRED, False)
    if pending is None or not deferred:
        return response
    if response.status_code >= 500:
        db.session.rollback()
        return response
    db.session.add(
        IdempotencyKey(
            **pending,
            status_code=response.status_code,
            content_type=response.content_type or "",
            body=response.get_data(),
        )
    )
    try:
        db.session.commit()
    except IntegrityError:  # the same key's first call committed meanwhile
        db.session.rollback()
        found = db.session.scalar(
            select(IdempotencyKey).where(
                IdempotencyKey.user_id == pending["user_id"], IdempotencyKey.key == pending["key"]
            )
        )
        if found is None or found.fingerprint != pending["fingerprint"]:
            return _error(
                Conflict(
                    "This was changed by someone else at the same moment; nothing was written. Try again."
                )
            )
        return _replay(found)
    except OperationalError:
        db.session.rollback()
        return _error(
            ServiceUnavailable(
                "The database is briefly unavailable; nothing was written. Try again with the same key."
            )
        )
    run_after_commit(db.session)  # the view's after-commit hooks (mail) waited for this commit
    return response


def _error(error: HTTPException) -> Response:
    from app.api import error_response

    body, code = error_response(error)
    body.status_code = code
    return body


def _replay(found: IdempotencyKey) -> Response:
    replay = Response(found.body or b"", status=found.status_code, content_type=found.content_type)
    replay.headers["Idempotent-Replayed"] = "true"
    return replay


def register(app: Flask) -> None:
    """Hook the key check before API writes and the stored answer after them."""
    app.before_request(_replay_or_remember)
    app.after_request(_store_answer)
