"""Account safety pages: password reset, log out everywhere, API tokens."""

from __future__ import annotations

import hashlib
import secrets

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select
from werkzeug.wrappers import Response

from app.auth import bp
from app.auth.forms import PasswordResetForm, ResetRequestForm
from app.extensions import db, limiter
from app.forms import attach_service_error
from app.services.accounts import log_out_everywhere, normalise_email, set_password
from app.services.notifications import send_direct
from app.services.states import record_event
from app.services.tokens import revoke_token, tokens_of
from app.unit_of_work import unit_of_work
from models import User

RESET_MAX_AGE_S = 3600


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="password-reset")


def reset_token(user: User) -> str:
    """A signed, one-hour link token: a random nonce (only its hash is stored), nothing about
    the user; a newer link or a password change makes it useless."""
    nonce = secrets.token_urlsafe(32)
    user.reset_token_hash = hashlib.sha256(nonce.encode()).hexdigest()
    return _serializer().dumps(nonce)


def _user_for(token: str) -> User | None:
    try:
        nonce = _serializer().loads(token, max_age=RESET_MAX_AGE_S)
    except (BadSignature, SignatureExpired):
        return None
    if not isinstance(nonce, str):
        return None
    user = db.session.scalar(
        select(User).where(User.reset_token_hash == hashlib.sha256(nonce.encode()).hexdigest())
    )
    if user is None or not user.active:
        return None
    return user


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit("5 per minute; 20 per hour", methods=["POST"])
def reset_request() -> str | Response:
    """Ask for a reset link; the answer is the same whether or not the account exists."""
    form = ResetRequestForm()
    if form.validate_on_submit():
        email = normalise_email(form.email.data or "")
        user = db.session.scalar(select(User).where(User.email == email))
        if user is not None and user.active:
            link = url_for("auth.reset_password", token=reset_token(user), _external=True)
            send_direct(
                current_app.config,
                user.email,
                _("Reset your Pasar Padu password"),
                _("Open this link within an hour to choose a new password:")
                + f"\n{link}\n\n"
                + _("If you did not ask for this, ignore this e-mail."),
            )
            record_event(
                db.session,
                actor=None,
                action="password.reset_requested",
                object_type="user",
                object_id=user.id,
            )
            db.session.commit()
        flash(_("If an account exists for that e-mail, we have sent a link to reset the password."), "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_request.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def reset_password(token: str) -> str | Response:
    """Choose a new password from a reset link."""
    user = _user_for(token)
    if user is None:
        flash(_("This link has expired or was already used. Ask for a new one."), "error")
        return redirect(url_for("auth.reset_request"))
    form = PasswordResetForm()
    if form.validate_on_submit():
        with unit_of_work() as work:
            set_password(db.session, user, form.password.data or "")
        if (error := work.error) is not None:
            attach_service_error(form, error)
        else:
            record_event(
                db.session, actor=user, action="password.reset", object_type="user", object_id=user.id
            )
            flash(_("Your password was changed. Please log in."), "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form)


@bp.post("/logout-everywhere")
@login_required
def logout_everywhere() -> Response:
    """End every session of this account (and revoke its API tokens)."""
    revoked = log_out_everywhere(db.session, current_user)
    db.session.commit()
    logout_user()
    flash(_("You were logged out on every device; %(n)d API tokens were revoked.", n=revoked), "info")
    return redirect(url_for("auth.login"))


@bp.get("/security")
@login_required
def security() -> str:
    """Account safety: API tokens and log out everywhere."""
    return render_template("auth/security.html", tokens=tokens_of(db.session, current_user))


@bp.post("/tokens/<int:token_id>/revoke")
@login_required
def revoke(token_id: int) -> Response:
    """Revoke one of the user's API tokens."""
    if not revoke_token(db.session, current_user, token_id):
        abort(404)
    db.session.commit()
    flash(_("Token revoked."), "info")
    return redirect(url_for("auth.security"))
