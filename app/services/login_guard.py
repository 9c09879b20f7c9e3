"""Log-in throttling per e-mail and address together, the same for unknown e-mails.

E-mails and addresses are stored only as hashes keyed with the app's secret (``secret``,
handed in by the caller)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import LoginThrottle, utcnow

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)


def _key(email: str, address: str, secret: str) -> str:
    return hashlib.sha256(secret.encode() + b"\0" + email.encode() + b"\0" + address.encode()).hexdigest()


def email_key(email: str, secret: str) -> str:
    """The e-mail alone, hashed with the secret: finds every lock of one account."""
    return hashlib.sha256(secret.encode() + b"\0email\0" + email.encode()).hexdigest()


def _aware(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def _row(session: Session, email: str, address: str, secret: str) -> LoginThrottle | None:
    return session.scalar(select(LoginThrottle).where(LoginThrottle.key_hash == _key(email, address, secret)))


def is_locked(session: Session, email: str, address: str, secret: str) -> bool:
    """True while this e-mail is locked for this address."""
    row = _row(session, email, address, secret)
    until = _aware(row.locked_until) if row else None
    return until is not None and until > utcnow()


def record_failure(session: Session, email: str, address: str, secret: str) -> bool:
    """Count a failed log-in; True when it locks the e-mail for this address."""
    row = _row(session, email, address, secret)
    if row is None:
        row = LoginThrottle(
            key_hash=_key(email, address, secret), email_hash=email_key(email, secret), failures=0
        )
        session.add(row)
    row.failures = (row.failures or 0) + 1
    row.updated_at = utcnow()
    if row.failures >= MAX_FAILED_LOGINS:
        row.failures, row.locked_until = 0, utcnow() + LOCKOUT
        session.flush()
        return True
    session.flush()
    return False


def clear(session: Session, email: str, address: str, secret: str) -> None:
    """Forget the failures after a successful log-in."""
    row = _row(session, email, address, secret)
    if row is not None:
        session.delete(row)


def locked_anywhere(session: Session, email: str, secret: str) -> bool:
    """True while this e-mail is locked for at least one address."""
    rows = session.scalars(select(LoginThrottle).where(LoginThrottle.email_hash == email_key(email, secret)))
    now = utcnow()
    return any((until := _aware(row.locked_until)) is not None and until > now for row in rows)


def unlock(session: Session, email: str, secret: str) -> int:
    """Lift every lock and forget every failure of this e-mail; returns how many were lifted."""
    rows = list(
        session.scalars(select(LoginThrottle).where(LoginThrottle.email_hash == email_key(email, secret)))
    )
    now = utcnow()
    lifted = sum(1 for row in rows if (until := _aware(row.locked_until)) is not None and until > now)
    for row in rows:
        session.delete(row)
    session.flush()
    return lifted
