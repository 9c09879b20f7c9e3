"""Personal access tokens for the JSON API: shown once, stored hashed, revocable."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.states import record_event
from models import ApiToken, User, utcnow

TOKEN_PREFIX = "pp_"
LAST_USED_PRECISION = timedelta(minutes=1)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def create_token(session: Session, user: User, name: str = "") -> tuple[ApiToken, str]:
    """A new token for the user; the raw value is returned once and never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name.strip()[:80], token_hash=_digest(raw), prefix=raw[:10])
    session.add(token)
    session.flush()
    record_event(
        session,
        actor=user,
        action="token.created",
        object_type="api_token",
        object_id=token.id,
        data={"name": token.name, "prefix": token.prefix},
    )
    return token, raw


def user_for_token(session: Session, raw: str) -> User | None:
    """The active owner of a live token, or None; records when the token was last used."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(raw)))
    if token is None or token.revoked_at is not None or not token.user.active:
        return None
    locked_until = token.user.locked_until
    if locked_until is not None and locked_until.replace(tzinfo=locked_until.tzinfo or UTC) > utcnow():
        return None
    now = utcnow()
    last = token.last_used_at
    if last is None or now - last.replace(tzinfo=last.tzinfo or UTC) > LAST_USED_PRECISION:
        # Written at most once a minute: concurrent calls with one token do not all queue
        # behind a lock on the token's row.
        token.last_used_at = now
    return token.user


def tokens_of(session: Session, user: User) -> list[ApiToken]:
    """The user's tokens, newest first (revoked ones included, marked)."""
    return list(
        session.scalars(select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id.desc()))
    )


def revoke_token(session: Session, user: User, token_id: int) -> bool:
    """Revoke one of the user's tokens; False when it is not theirs or already revoked."""
    token = session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id or token.revoked_at is not None:
        return False
    token.revoked_at = utcnow()
    record_event(session, actor=user, action="token.revoked", object_type="api_token", object_id=token.id)
    session.flush()
    return True


def revoke_all(session: Session, user: User) -> int:
    """Revoke every live token of the user."""
    live = [t for t in tokens_of(session, user) if t.revoked_at is None]
    for token in live:
        token.revoked_at = utcnow()
        record_event(session, actor=user, action="token.revoked", object_type="api_token", object_id=token.id)
    return len(live)
