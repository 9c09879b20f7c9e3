"""Log in, log out, register as a seller or a buyer."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from app.auth import bp
from app.auth.forms import BuyerRegistrationForm, LoginForm, SellerRegistrationForm
from app.extensions import db, limiter
from app.forms import attach_service_error, kecamatan_choices
from app.policy import home_endpoint
from app.services.accounts import (
    OrganisationDetails,
    authenticate,
    end_session,
    register_buyer,
    register_seller,
)
from app.session_timeouts import start_session_clock
from app.unit_of_work import unit_of_work
from models import User


def _home_for(user: User) -> str:
    return url_for(home_endpoint(user))


def _safe_next(target: str | None) -> str | None:
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def _start_session(user: User) -> None:
    # A fresh session at log-in: nothing an attacker planted before survives.
    language = user.locale or session.get("lang")  # the stored preference wins
    session.clear()
    if language:
        session["lang"] = language
    login_user(user)
    start_session_clock()


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute; 50 per hour", methods=["POST"])
def login() -> str | Response:
    """Log-in form."""
    if current_user.is_authenticated:
        return redirect(_home_for(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        result = authenticate(
            db.session,
            form.email.data or "",
            form.password.data or "",
            request.remote_addr or "",
            secret=str(current_app.config["SECRET_KEY"]),
        )
        db.session.commit()  # failed attempts and lockouts are recorded too
        if result.disabled:
            flash(_("This account is disabled. Contact the programme's officials."), "error")
        elif result.locked:
            flash(
                _(
                    "Too many failed attempts: this account is locked for 15 minutes. "
                    "You can reset your password meanwhile."
                ),
                "error",
            )
        elif result.user is None:
            flash(_("Wrong e-mail or password."), "error")
        else:
            _start_session(result.user)
            return redirect(_safe_next(request.args.get("next")) or _home_for(result.user))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout() -> Response:
    """End the session."""
    language = session.get("lang")
    end_session(db.session, current_user)  # a copied cookie stops working too
    db.session.commit()
    logout_user()
    session.clear()
    if language:
        session["lang"] = language
    flash(_("You have logged out."), "info")
    return redirect(url_for("storefront.home"))


def _details(form: SellerRegistrationForm | BuyerRegistrationForm, nib: str | None) -> OrganisationDetails:
    return OrganisationDetails(
        legal_name=form.legal_name.data or "",
        kecamatan_id=form.kecamatan_id.data or 0,
        phone=form.phone.data or "",
        street_address=form.street_address.data or "",
        nib=nib,
    )


@bp.route("/register/seller", methods=["GET", "POST"])
@limiter.limit("5 per minute; 20 per hour", methods=["POST"])
def register_seller_view() -> str | Response:
    """Registration form for an UMKM seller."""
    form = SellerRegistrationForm()
    form.kecamatan_id.set_choices(kecamatan_choices(db.session))
    if form.validate_on_submit():
        with unit_of_work() as work:
            user = register_seller(
                db.session,
                email=form.email.data or "",
                password=form.password.data or "",
                full_name=form.full_name.data or "",
                details=_details(form, form.nib.data),
                scale=form.scale.data or "micro",
            )
        if (error := work.error) is not None:
            attach_service_error(form, error)
        else:
            _start_session(user)
            flash(_("Welcome! Complete your business profile, then add your first product."), "success")
            return redirect(url_for("seller.profile"))
    return render_template("auth/register.html", form=form, kind="seller")


@bp.route("/register/buyer", methods=["GET", "POST"])
@limiter.limit("5 per minute; 20 per hour", methods=["POST"])
def register_buyer_view() -> str | Response:
    """Registration form for a buyer organisation."""
    form = BuyerRegistrationForm()
    form.kecamatan_id.set_choices(kecamatan_choices(db.session))
    if form.validate_on_submit():
        with unit_of_work() as work:
            user = register_buyer(
                db.session,
                email=form.email.data or "",
                password=form.password.data or "",
                full_name=form.full_name.data or "",
                kind=form.kind.data or "",
                details=_details(form, None),
            )
        if (error := work.error) is not None:
            attach_service_error(form, error)
        else:
            _start_session(user)
            flash(
                _(
                    "Welcome! You can draft requests now; an official verifies your organisation "
                    "before its first request is published."
                ),
                "success",
            )
            return redirect(url_for("requests.index"))
    return render_template("auth/register.html", form=form, kind="buyer")
