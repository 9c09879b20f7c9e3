"""Sellers' invitations to quote: inbox, quote, revise, withdraw, outcome; quote attachments."""

from __future__ import annotations

from datetime import date

from flask import abort, current_app, flash, redirect, render_template, request, send_from_directory, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from app.clock import today
from app.extensions import db
from app.policy import Permission, can_view_quote_of
from app.security import permission_required
from app.seller import bp
from app.seller.routes import _supplier
from app.services import ServiceError
from app.services import quotes as quote_service
from app.services.attachments import store_attachment
from app.services.photos import delete_files
from app.services.quote_checks import QuoteGap, quote_gaps
from app.unit_of_work import unit_of_work
from models import Match, Quote

PER_PAGE = 20


def _attachments_folder() -> str:
    return current_app.config["UPLOAD_FOLDER"] + "/quotes"


@bp.get("/invitations")
@permission_required(Permission.SELL)
def invitations() -> str:
    """Invitations to quote, newest first."""
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    rows, total = quote_service.invitations(db.session, _supplier(), page, PER_PAGE)
    return render_template(
        "seller/invitations.html",
        matches=rows,
        total=total,
        page=page,
        per_page=PER_PAGE,
        live_quote=quote_service.live_quote,
    )


def _quote_input() -> quote_service.QuoteInput:
    def number(name: str) -> int:
        raw = (request.form.get(name) or "").replace("Rp", "").replace(".", "").strip()
        if not raw.isdigit():
            raise ServiceError(_("Enter a whole number."), name)
        return int(raw)

    try:
        delivery = date.fromisoformat(request.form.get("delivery_date") or "")
    except ValueError:
        raise ServiceError(_("Enter the delivery date."), "delivery_date") from None
    return quote_service.QuoteInput(
        unit_price=number("unit_price"),
        quantity=number("quantity"),
        delivery_date=delivery,
        note=(request.form.get("note") or "")[:2000],
    )


@bp.route("/invitations/<int:match_id>", methods=["GET", "POST"])
@permission_required(Permission.SELL)
def invitation(match_id: int) -> str | tuple[str, int] | Response:
    """The request, why it matched, and the quote form (submit or revise)."""
    match = quote_service.own_invitation(db.session, _supplier(), match_id)
    if match is None:
        abort(404)
    quote = quote_service.live_quote(match)
    errors: dict[str, str] = {}
    gaps: list[QuoteGap] = []
    if request.method == "POST":
        written: str | None = None
        with unit_of_work() as work:
            data = _quote_input()
            quote_service.check_quote(match, data, today())
            gaps = quote_gaps(match.request, data)
            confirmed = set((request.form.get("confirm_gaps") or "").split(","))
            if not {gap.kind for gap in gaps} <= confirmed:
                # Misses the need and not yet confirmed: nothing is sent, the seller decides.
                dropped = bool(request.files.get("attachment") and request.files["attachment"].filename)
                return _invitation_page(match, quote, errors, gaps, attachment_dropped=dropped)
            upload = request.files.get("attachment")
            if upload and upload.filename:
                config = current_app.config
                written = store_attachment(
                    upload.read(),
                    _attachments_folder(),
                    config["PHOTO_MAX_BYTES"],
                    config["PHOTO_MAX_PIXELS"],
                )
            if quote is not None and quote.status == "submitted":
                quote_service.revise_quote(db.session, quote, current_user, data, today(), written)
                message = _("Quote revised.")
            else:
                quote_service.submit_quote(db.session, match, current_user, data, today(), written)
                message = _("Quote sent to the buyer.")
        if (error := work.error) is not None:
            if written:
                delete_files(_attachments_folder(), written)
            errors[error.field or "form"] = error.message
        else:
            flash(message, "success")
            return redirect(url_for("seller.invitation", match_id=match.id))
    return _invitation_page(match, quote, errors, gaps), 422 if errors else 200


def _invitation_page(
    match: Match, quote: Quote | None, errors: dict[str, str], gaps: list[QuoteGap], **extra: bool
) -> str:
    """The invitation page with the quote form as the seller filled it in."""
    return render_template(
        "seller/invitation.html",
        match=match,
        demand=match.request,
        quote=quote,
        errors=errors,
        form=request.form,
        today=today(),
        gaps=gaps,
        **extra,
    )


@bp.post("/invitations/<int:match_id>/withdraw")
@permission_required(Permission.SELL)
def withdraw(match_id: int) -> str | Response:
    """Withdraw the submitted quote (before the deadline), once the seller has confirmed it.

    Without ``confirm=yes`` (no JavaScript, or a bare post) the seller gets a confirmation step.
    """
    match = quote_service.own_invitation(db.session, _supplier(), match_id)
    quote = quote_service.live_quote(match) if match else None
    if match is None or quote is None:
        abort(404)
    if request.form.get("confirm") != "yes":
        return render_template("seller/withdraw_confirm.html", match=match, quote=quote, demand=match.request)
    with unit_of_work() as work:
        quote_service.withdraw_quote(db.session, quote, current_user, today())
    if (error := work.error) is not None:
        flash(error.message, "error")
    else:
        flash(_("Quote withdrawn. You can send a new one before the deadline."), "info")
    return redirect(url_for("seller.invitation", match_id=match_id))


@bp.get("/quotes/<int:quote_id>/attachment")
@login_required
def quote_attachment(quote_id: int) -> Response:
    """A quote's attachment, for its seller, the buying organisation and officials."""
    quote = db.session.get(Quote, quote_id)
    if quote is None or not quote.attachment_name:
        abort(404)
    if not can_view_quote_of(current_user, quote.match):
        abort(404)
    pdf = quote.attachment_name.endswith(".pdf")
    return send_from_directory(
        _attachments_folder(),
        quote.attachment_name,
        as_attachment=True,
        mimetype="application/pdf" if pdf else "image/jpeg",
        download_name=f"quote-{quote.id}{'.pdf' if pdf else '.jpg'}",
    )
