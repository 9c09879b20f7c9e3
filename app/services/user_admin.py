"""Admins manage accounts: find users, change staff roles, disable, enable, unlock."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.policy import STAFF_ROLES, role_follows_organisation
from app.services import ServiceError, login_guard
from app.services.accounts import set_role
from app.services.paging import page_rows
from app.services.states import record_event
from models import ROLES, Organisation, Role, User

ROLE_NAMES = {
    Role.SELLER: _l("Seller"),
    Role.BUYER: _l("Buyer"),
    Role.OFFICIAL: _l("Official"),
    Role.ADMIN: _l("Admin"),
}


def find_users(
    session: Session, search: str, role: str | None, page: int, per_page: int
) -> tuple[list[User], int]:
    """Users matching a search (e-mail, name or organisation) and role, newest first."""
    query = select(User).outerjoin(Organisation, User.organisation_id == Organisation.id)
    if role in ROLES:
        query = query.where(User.role == role)
    if search.strip():
        pattern = f"%{search.strip().lower()}%"
        query = query.where(
            or_(
                func.lower(User.email).like(pattern),
                func.lower(User.full_name).like(pattern),
                func.lower(Organisation.legal_name).like(pattern),
            )
        )
    shown = query.options(selectinload(User.organisation)).order_by(User.created_at.desc(), User.id.desc())
    return page_rows(session, shown, page, per_page)


def is_locked(session: Session, user: User, secret: str) -> bool:
    """True while failed log-ins keep this account locked (from any address); ``secret`` is
    the app's secret key, which keys the throttle's hashes."""
    return login_guard.locked_anywhere(session, user.email, secret)


def _active_admins(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(User).where(User.role == Role.ADMIN, User.active.is_(True))
        )
        or 0
    )


def _refuse_losing_last_admin(session: Session, user: User) -> None:
    if user.role == Role.ADMIN and user.active and _active_admins(session) <= 1:
        raise ServiceError(str(_l("This is the last active admin; make another admin first.")))


def change_role(session: Session, user: User, role: str, admin: User) -> None:
    """Move a staff account between official and admin; sellers and buyers keep theirs."""
    if role not in STAFF_ROLES:
        raise ServiceError(str(_l("Choose official or admin.")), "role")
    if role_follows_organisation(user):
        raise ServiceError(
            str(_l("Sellers and buyers keep their role: it follows their organisation.")), "role"
        )
    if role == user.role:
        return
    if role != Role.ADMIN:
        _refuse_losing_last_admin(session, user)
    set_role(session, user, role, admin)  # audited; the new role applies at next log-in


def disable_user(session: Session, user: User, admin: User, reason: str) -> None:
    """Disable an account: it can no longer log in or use its API tokens; its sessions end."""
    if user.id == admin.id:
        raise ServiceError(str(_l("You cannot disable your own account.")))
    if not user.active:
        raise ServiceError(str(_l("This account is already disabled.")))
    _refuse_losing_last_admin(session, user)
    user.active = False
    user.session_version = (user.session_version or 1) + 1
    record_event(
        session,
        actor=admin,
        action="user.disabled",
        object_type="user",
        object_id=user.id,
        from_state="active",
        to_state="disabled",
        reason=reason.strip()[:2000],
    )
    session.flush()


def enable_user(session: Session, user: User, admin: User) -> None:
    """Let a disabled account log in again."""
    if user.active:
        raise ServiceError(str(_l("This account is already enabled.")))
    user.active = True
    record_event(
        session,
        actor=admin,
        action="user.enabled",
        object_type="user",
        object_id=user.id,
        from_state="disabled",
        to_state="active",
    )
    session.flush()


def unlock_user(session: Session, user: User, admin: User, secret: str) -> int:
    """Lift the locks that failed log-ins put on this account (``secret``: the app's secret
    key); returns how many were lifted."""
    lifted = login_guard.unlock(session, user.email, secret)
    user.failed_logins, user.locked_until = 0, None
    record_event(
        session,
        actor=admin,
        action="user.unlocked",
        object_type="user",
        object_id=user.id,
        data={"locks_lifted": lifted},
    )
    session.flush()
    return lifted
