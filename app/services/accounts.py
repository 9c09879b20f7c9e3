"""Accounts: registration of sellers and buyers, log-in checks, staff accounts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.extensions import db
from app.policy import STAFF_ROLES
from app.services import ServiceError, login_guard
from app.services.buyer_verification import announce_new_buyer
from app.services.states import record_changes, record_event
from app.services.timeline import note_data, note_reason
from app.services.tokens import revoke_all
from models import ROLES, Kecamatan, Organisation, Role, SupplierProfile, User, utcnow

MIN_PASSWORD_LENGTH = 12
COMMON_PASSWORDS_FILE = Path(__file__).resolve().parents[1] / "data" / "common-passwords.txt"

# argon2id at OWASP's recommended minimum (m=19 MiB, t=2, p=1): about 50 ms a log-in on two shared
# cores, where argon2-cffi's default (64 MiB, t=3, four lanes) took 300-500 ms of CPU per log-in.
# Hashes made with other parameters are upgraded at the next successful log-in (``authenticate``).
PASSWORD_TIME_COST = 2
PASSWORD_MEMORY_KIB = 19 * 1024
PASSWORD_PARALLELISM = 1
_hasher = PasswordHasher(
    time_cost=PASSWORD_TIME_COST, memory_cost=PASSWORD_MEMORY_KIB, parallelism=PASSWORD_PARALLELISM
)
_fast_hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


_hashing = {"fast": False}  # set once per process by the app factory (tests hash cheaply)


def use_fast_hashing(enabled: bool) -> None:
    """Hash new passwords cheaply (tests and demos only: ``PASSWORD_HASH_FAST``) or soundly."""
    _hashing["fast"] = enabled


def _password_hasher() -> PasswordHasher:
    return _fast_hasher if _hashing["fast"] else _hasher


def hash_password(password: str) -> str:
    """An argon2id hash of ``password``."""
    return _password_hasher().hash(password)


def password_matches(user: User, password: str) -> bool:
    """True when ``password`` is the user's password."""
    try:
        return _password_hasher().verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def normalise_email(email: str) -> str:
    """E-mail addresses compare case-insensitively and without surrounding spaces."""
    return email.strip().lower()


def load_user(session_id: str) -> User | None:
    """Flask-Login loader: the user behind a session id ``"<id>:<version>"``, if still valid."""
    user_id, _, version = session_id.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_version != int(version):
        return None
    return user


def email_taken(session: Session, email: str) -> bool:
    """True when an account with this e-mail already exists."""
    found = session.scalar(select(func.count()).where(User.email == normalise_email(email)))
    return bool(found)


@dataclass
class OrganisationDetails:
    """What a person tells us about their organisation when registering."""

    legal_name: str
    kecamatan_id: int
    phone: str
    street_address: str = ""
    nib: str | None = None
    npwp: str | None = None


@cache
def _common_passwords() -> frozenset[str]:
    lines = COMMON_PASSWORDS_FILE.read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def check_password(password: str, email: str = "") -> None:
    """Refuse passwords that are short, common or the e-mail itself (no composition rules)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ServiceError(str(_l("Use at least %(n)d characters.", n=MIN_PASSWORD_LENGTH)), "password")
    lowered = password.lower()
    stem = lowered.rstrip("0123456789!@#$%^&*._- ")
    local = email.split("@", 1)[0].lower()
    contains_email = len(local) >= 4 and local in lowered
    if lowered in _common_passwords() or stem in _common_passwords() or contains_email:
        raise ServiceError(
            str(_l("This password is too common or too easy to guess. A short sentence works well.")),
            "password",
        )


def _create_user(
    session: Session, email: str, password: str, full_name: str, role: str, organisation: Organisation | None
) -> User:
    if email_taken(session, email):
        raise ServiceError(str(_l("An account with this e-mail already exists.")), "email")
    check_password(password, email)
    user = User(
        email=normalise_email(email),
        password_hash=hash_password(password),
        full_name=full_name.strip(),
        role=role,
        organisation=organisation,
    )
    session.add(user)
    return user


def _create_organisation(
    session: Session, kind: str, details: OrganisationDetails, email: str
) -> Organisation:
    kecamatan = session.get(Kecamatan, details.kecamatan_id)
    if kecamatan is None:
        raise ServiceError(str(_l("Choose a kecamatan from the list.")), "kecamatan_id")
    organisation = Organisation(
        kind=kind,
        legal_name=details.legal_name.strip(),
        nib=details.nib or None,
        npwp=details.npwp or None,
        street_address=details.street_address.strip(),
        kota_id=kecamatan.kota_id,
        kecamatan_id=kecamatan.id,
        phone=details.phone.strip(),
        email=normalise_email(email),
    )
    session.add(organisation)
    return organisation


def register_seller(
    session: Session,
    *,
    email: str,
    password: str,
    full_name: str,
    details: OrganisationDetails,
    scale: str = "micro",
) -> User:
    """Create an UMKM organisation, its (unverified) supplier profile and its first user."""
    organisation = _create_organisation(session, "umkm", details, email)
    session.add(
        SupplierProfile(
            organisation=organisation,
            display_name=organisation.legal_name,
            scale=scale,
            kbli_codes=[],
        )
    )
    user = _create_user(session, email, password, full_name, "seller", organisation)
    session.flush()
    return user


def register_buyer(
    session: Session, *, email: str, password: str, full_name: str, kind: str, details: OrganisationDetails
) -> User:
    """Create a buyer organisation (government, BUMD or corporate) and its first user.

    The organisation awaits verification by an official before its requests are published.
    """
    if kind not in ("government", "bumd", "corporate"):
        raise ServiceError(str(_l("Choose the kind of organisation.")), "kind")
    organisation = _create_organisation(session, kind, details, email)
    user = _create_user(session, email, password, full_name, Role.BUYER, organisation)
    session.flush()
    announce_new_buyer(session, organisation)
    return user


def create_staff_user(session: Session, *, email: str, password: str, full_name: str, role: str) -> User:
    """Create an official or admin account (only reachable from the command line)."""
    if role not in STAFF_ROLES:
        raise ServiceError(f"role must be official or admin, not {role!r}", "role")
    user = _create_user(session, email, password, full_name, role, None)
    session.flush()
    return user


@dataclass
class LoginResult:
    """Outcome of a log-in attempt: the user, or why not."""

    user: User | None
    locked: bool = False
    disabled: bool = False


def authenticate(
    session: Session, email: str, password: str, address: str = "", *, secret: str
) -> LoginResult:
    """Check credentials; count failures per e-mail and address, lock after too many, audit.
    ``secret`` (the app's secret key) keys the hashes the throttle stores.

    Unknown e-mails are counted and locked the same way, so the answer never tells whether
    an account exists; the lock holds only for the address that failed.
    """
    email = normalise_email(email)
    user = session.scalar(select(User).where(User.email == email))
    if login_guard.is_locked(session, email, address, secret):
        record_event(
            session,
            actor=None,
            action="login.refused_locked",
            object_type="user",
            object_id=user.id if user else None,
        )
        return LoginResult(None, locked=True)
    matches = user is not None and password_matches(user, password)
    if user is not None and matches and not user.active:
        record_event(
            session, actor=None, action="login.refused_disabled", object_type="user", object_id=user.id
        )
        return LoginResult(None, disabled=True)
    if user is None or not matches:
        if user is None:
            _password_hasher().hash(password)  # spend the same time whether or not it exists
        record_event(
            session,
            actor=None,
            action="login.failed",
            object_type="user",
            object_id=user.id if user else None,
            data={} if user else {"email": email[:254]},
        )
        if login_guard.record_failure(session, email, address, secret):
            record_event(
                session,
                actor=None,
                action="login.locked",
                object_type="user",
                object_id=user.id if user else None,
                reason=note_reason("failed_logins", count=login_guard.MAX_FAILED_LOGINS),
                data=note_data("failed_logins", count=login_guard.MAX_FAILED_LOGINS),
            )
            return LoginResult(None, locked=True)
        return LoginResult(None)
    login_guard.clear(session, email, address, secret)
    if _password_hasher().check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)  # parameters changed: upgrade the stored hash
    user.failed_logins, user.last_login_at = 0, utcnow()
    record_event(
        session,
        actor=user,
        action="login.succeeded",
        object_type="user",
        object_id=user.id,
        data={"address": address},
    )
    session.flush()
    return LoginResult(user)


def set_password(session: Session, user: User, password: str) -> None:
    """Change the password and end every other session of the user."""
    check_password(password, user.email)
    user.password_hash = hash_password(password)
    user.session_version = (user.session_version or 1) + 1
    user.failed_logins, user.locked_until, user.reset_token_hash = 0, None, None
    revoke_all(session, user)  # a new password ends every session and every API token
    session.flush()


def end_session(session: Session, user: User) -> None:
    """Log out: the session generation moves on, so no copy of the session cookie works."""
    user.session_version = (user.session_version or 1) + 1
    record_event(session, actor=user, action="logout", object_type="user", object_id=user.id)
    session.flush()


def log_out_everywhere(session: Session, user: User) -> int:
    """End all of the user's sessions and revoke their API tokens; returns tokens revoked."""
    user.session_version = (user.session_version or 1) + 1
    revoked = revoke_all(session, user)
    record_event(
        session,
        actor=user,
        action="logout.everywhere",
        object_type="user",
        object_id=user.id,
        data={"tokens_revoked": revoked},
    )
    session.flush()
    return revoked


def set_role(session: Session, user: User, role: str, actor: User | None) -> None:
    """Change a user's role (command line only) and audit it."""
    if role not in ROLES:
        raise ServiceError(f"unknown role {role!r}", "role")
    previous = user.role
    user.role = role
    user.session_version = (user.session_version or 1) + 1
    record_event(
        session,
        actor=actor,
        action="role.changed",
        object_type="user",
        object_id=user.id,
        from_state=previous,
        to_state=role,
    )
    session.flush()


def update_profile(session: Session, user: User, *, full_name: str, phone: str, locale: str | None) -> None:
    """Change the user's name, phone and language preference; audited."""
    if not full_name.strip():
        raise ServiceError(str(_l("Enter your name.")), "full_name")
    if locale not in (None, "", "id", "en"):
        raise ServiceError(str(_l("Choose Bahasa Indonesia or English.")), "locale")
    user.full_name, user.phone = full_name.strip()[:120], phone.strip()[:32]
    user.locale = locale or None
    record_changes(
        session,
        actor=user,
        action="profile.updated",
        object_type="user",
        obj=user,
        fields=("full_name", "phone", "locale"),
    )
    session.flush()


def change_password(session: Session, user: User, current: str, new: str) -> None:
    """Change the password knowing the current one; every other session and API token ends."""
    if not password_matches(user, current):
        raise ServiceError(str(_l("The current password is wrong.")), "current_password")
    if current == new:
        raise ServiceError(str(_l("Choose a password different from the current one.")), "password")
    set_password(session, user, new)
    record_event(session, actor=user, action="password.changed", object_type="user", object_id=user.id)
    session.flush()


def check_email_change(session: Session, user: User, password: str, new_email: str) -> str:
    """Check a wish to change the e-mail (password and a free address); the normalised address."""
    if not password_matches(user, password):
        raise ServiceError(str(_l("The current password is wrong.")), "current_password")
    email = normalise_email(new_email)
    if email == user.email:
        raise ServiceError(str(_l("This is already your e-mail address.")), "email")
    if email_taken(session, email):
        raise ServiceError(str(_l("An account with this e-mail already exists.")), "email")
    return email


def change_email(session: Session, user: User, old_email: str, new_email: str) -> None:
    """Apply a confirmed e-mail change (the link was opened from the new address); audited."""
    if user.email != old_email:
        raise ServiceError(str(_l("This link is no longer valid.")))
    email = normalise_email(new_email)
    if email_taken(session, email):
        raise ServiceError(str(_l("An account with this e-mail already exists.")), "email")
    user.email = email
    user.reset_token_hash = None
    record_event(
        session,
        actor=user,
        action="email.changed",
        object_type="user",
        object_id=user.id,
        data={"before": old_email, "after": email},
    )
    session.flush()
