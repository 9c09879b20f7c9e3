"""The account page: profile (name, phone), language, password and e-mail changes."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from werkzeug.wrappers import Response

from app.auth import bp
from app.auth.forms import EmailChangeForm, PasswordChangeForm, ProfileForm
from app.auth.routes import _start_session
from app.extensions import db, limiter
from app.forms import attach_service_error
from app.services import accounts
from app.services.notifications import send_direct
from app.unit_of_work import unit_of_work

EMAIL_LINK_MAX_AGE_S = 3600


def _email_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="email-change")


def _page(
    profile: ProfileForm | None = None,
    password: PasswordChangeForm | None = None,
    email: EmailChangeForm | None = None,
    status: int = 200,
) -> tuple[str, int]:
    if profile is None:
        profile = ProfileForm(obj=current_user, formdata=None)
        profile.locale.data = current_user.locale or "id"
    return render_template(
        "auth/account.html",
        profile_form=profile,
        password_form=password or PasswordChangeForm(prefix="pw", formdata=None),
        email_form=email or EmailChangeForm(prefix="em", formdata=None),
    ), status


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account() -> tuple[str, int] | Response:
    """Your name, phone and language; links to password, e-mail and security."""
    form = ProfileForm()
    if not form.is_submitted():
        return _page()
    if form.validate():
        with unit_of_work() as work:
            accounts.update_profile(
                db.session,
                current_user,
                full_name=form.full_name.data or "",
                phone=form.phone.data or "",
                locale=form.locale.data,
            )
        if (error := work.error) is not None:
            attach_service_error(form, error)
        else:
            if current_user.locale:
                session["lang"] = current_user.locale
            flash(_("Profile saved."), "success")
            return redirect(url_for("auth.account"))
    return _page(profile=form, status=422)


@bp.post("/account/password")
@login_required
@limiter.limit("10 per minute; 30 per hour")
def change_password() -> tuple[str, int] | Response:
    """Change the password with the current one; other sessions end and an e-mail tells the user."""
    form = PasswordChangeForm(prefix="pw")
    if form.validate():
        with unit_of_work() as work:
            accounts.change_password(
                db.session, current_user, form.current_password.data or "", form.password.data or ""
            )
        if (error := work.error) is not None:
            attach_service_error(form, error)
        else:
            user = current_user._get_current_object()
            _start_session(user)  # this browser stays logged in; every other session ends
            send_direct(
                current_app.config,
                user.email,
                _("Your Pasar Padu password was changed"),
                _(
                    "The password of your account was just changed, and your other "
                    "sessions and API tokens were ended."
                )
                + "\n\n"
                + _("If this was not you, reset your password at once:")
                + "\n"
                + url_for("auth.reset_request", _external=True),
            )
            flash(_("Password changed. You were logged out on your other devices."), "success")
            return redirect(url_for("auth.account"))
    return _page(password=form, status=422)


@bp.post("/account/email")
@login_required
@limiter.limit("5 per minute; 20 per hour")
def change_email() -> tuple[str, int] | Response:
    """Ask to change the e-mail: a link goes to the new address, a notice to the current one."""
    form = EmailChangeForm(prefix="em")
    if form.validate():
        with unit_of_work() as work:
            new = accounts.check_email_change(
                db.session, current_user, form.email_password.data or "", form.email.data or ""
            )
        if (error := work.error) is not None:
            field = form.email_password if error.field == "current_password" else form.email
            field.errors = [*field.errors, error.message]
        else:
            token = _email_serializer().dumps({"u": current_user.id, "old": current_user.email, "new": new})
            link = url_for("auth.confirm_email", token=token, _external=True)
            send_direct(
                current_app.config,
                new,
                _("Confirm your new Pasar Padu e-mail address"),
                _("Open this link within an hour to use this address for your account:")
                + f"\n{link}\n\n"
                + _("If you did not ask for this, ignore this e-mail."),
            )
            send_direct(
                current_app.config,
                current_user.email,
                _("Change of your Pasar Padu e-mail address"),
                _(
                    "Someone asked to move your account to %(email)s. Nothing changes "
                    "unless the link sent there is opened. If this was not you, change "
                    "your password.",
                    email=new,
                ),
            )
            flash(_("We sent a link to %(email)s; open it to finish the change.", email=new), "info")
            return redirect(url_for("auth.account"))
    return _page(email=form, status=422)


@bp.get("/account/email/<token>")
@login_required
def confirm_email(token: str) -> Response:
    """Finish an e-mail change from the link sent to the new address."""
    try:
        data = _email_serializer().loads(token, max_age=EMAIL_LINK_MAX_AGE_S)
    except (BadSignature, SignatureExpired):
        data = None
    if not isinstance(data, dict) or data.get("u") != current_user.id:
        flash(_("This link has expired or was already used."), "error")
        return redirect(url_for("auth.account"))
    with unit_of_work() as work:
        accounts.change_email(db.session, current_user, str(data.get("old")), str(data.get("new")))
    if (error := work.error) is not None:
        flash(error.message, "error")
        return redirect(url_for("auth.account"))
    flash(_("Your e-mail address is now %(email)s.", email=current_user.email), "success")
    return redirect(url_for("auth.account"))
