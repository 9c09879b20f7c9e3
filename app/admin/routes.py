"""User management for admins: list with search and role filter; one user with its actions."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from app.admin import bp
from app.extensions import db
from app.policy import STAFF_ROLES, Permission
from app.security import permission_required
from app.services import user_admin
from app.unit_of_work import unit_of_work
from models import ROLES, AuditEvent, User

PER_PAGE = 25


@bp.get("/users")
@permission_required(Permission.MANAGE_USERS)
def users() -> str:
    """Every account, newest first, with search and a role filter."""
    search = (request.args.get("q") or "")[:100]
    role = request.args.get("role") or None
    role = role if role in ROLES else None
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    rows, total = user_admin.find_users(db.session, search, role, page, PER_PAGE)
    secret = str(current_app.config["SECRET_KEY"])
    locked = {u.id for u in rows if user_admin.is_locked(db.session, u, secret)}
    return render_template(
        "admin/users.html",
        users=rows,
        total=total,
        page=page,
        per_page=PER_PAGE,
        search=search,
        role=role,
        roles=ROLES,
        locked=locked,
        role_names=user_admin.ROLE_NAMES,
    )


class Action(StrEnum):
    """What an admin does to an account from its page."""

    ROLE = "role"
    DISABLE = "disable"
    ENABLE = "enable"
    UNLOCK = "unlock"


def _change_role(user: User) -> str:
    user_admin.change_role(db.session, user, request.form.get("role") or "", current_user)
    return _("Role changed.")


def _disable(user: User) -> str:
    user_admin.disable_user(db.session, user, current_user, request.form.get("reason") or "")
    return _("Account disabled: it can no longer log in or use API tokens.")


def _enable(user: User) -> str:
    user_admin.enable_user(db.session, user, current_user)
    return _("Account enabled.")


def _unlock(user: User) -> str:
    user_admin.unlock_user(db.session, user, current_user, str(current_app.config["SECRET_KEY"]))
    return _("Account unlocked.")


# Each action's handler: does it through the service and answers the message to show.
ACTIONS: dict[Action, Callable[[User], str]] = {
    Action.ROLE: _change_role,
    Action.DISABLE: _disable,
    Action.ENABLE: _enable,
    Action.UNLOCK: _unlock,
}


def _act(user: User, action: str) -> str:
    if action not in set(Action):
        abort(400)
    return ACTIONS[Action(action)](user)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_USERS)
def user(user_id: int) -> str | tuple[str, int] | Response:
    """One account: its role, state, lock and history; change role, disable, enable, unlock."""
    found = db.session.get(User, user_id)
    if found is None:
        abort(404)
    error: str | None = None
    if request.method == "POST":
        with unit_of_work() as work:
            message = _act(found, request.form.get("action") or "")
        if (failure := work.error) is not None:
            error = failure.message
        else:
            flash(message, "success")
            return redirect(url_for("admin.user", user_id=found.id))
    history = db.session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.object_type == "user",
            AuditEvent.object_id == found.id,
            AuditEvent.action.in_(
                (
                    "role.changed",
                    "user.disabled",
                    "user.enabled",
                    "user.unlocked",
                    "login.locked",
                    "password.changed",
                    "password.reset",
                )
            ),
        )
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(20)
    ).all()
    page = render_template(
        "admin/user.html",
        user=found,
        error=error,
        history=history,
        locked=user_admin.is_locked(db.session, found, str(current_app.config["SECRET_KEY"])),
        role_names=user_admin.ROLE_NAMES,
        staff_roles=STAFF_ROLES,
    )
    return (page, 422) if error else page
