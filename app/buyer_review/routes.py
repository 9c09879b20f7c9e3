"""Buyer organisations to verify: list and one organisation with approve / decline."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from app.buyer_review import bp
from app.extensions import db
from app.policy import Permission
from app.security import permission_required
from app.services import buyer_verification as verification
from app.unit_of_work import unit_of_work
from models import AuditEvent, DemandRequest

PER_PAGE = 20
STATES = ("pending", "rejected", "verified", "all")


@bp.get("/")
@permission_required(Permission.REVIEW)
def organisations() -> str:
    """Buyer organisations by verification state (waiting ones first), with a search box."""
    state = request.args.get("state") or "pending"
    if state not in STATES:
        state = "pending"
    search = (request.args.get("q") or "")[:100]
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    rows, total = verification.buyer_organisations(db.session, state, search, page, PER_PAGE)
    return render_template(
        "buyer_review/organisations.html",
        rows=rows,
        total=total,
        page=page,
        per_page=PER_PAGE,
        state=state,
        search=search,
        states=STATES,
    )


@bp.route("/<int:organisation_id>", methods=["GET", "POST"])
@permission_required(Permission.REVIEW)
def organisation(organisation_id: int) -> str | tuple[str, int] | Response:
    """One buyer organisation: who registered it, its details and drafts; verify or decline."""
    found = verification.buyer_organisation(db.session, organisation_id)
    if found is None:
        abort(404)
    error: str | None = None
    if request.method == "POST":
        action = request.form.get("action")
        with unit_of_work() as work:
            if action == "verify":
                verification.verify_buyer(db.session, found, current_user)
                message = _("Organisation verified; its requests can now be published.")
            elif action == "reject":
                verification.reject_buyer(db.session, found, current_user, request.form.get("reason") or "")
                message = _("The organisation was told why it was not verified.")
            else:
                abort(400)
        if (failure := work.error) is not None:
            error = failure.message
        else:
            flash(message, "success")
            return redirect(url_for("buyer_review.organisations"))
    requests = db.session.scalars(
        select(DemandRequest)
        .where(DemandRequest.buyer_id == found.id)
        .order_by(DemandRequest.created_at.desc())
        .limit(10)
    ).all()
    history = db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.object_type == "organisation", AuditEvent.object_id == found.id)
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(20)
    ).all()
    page = render_template(
        "buyer_review/organisation.html",
        organisation=found,
        requests=requests,
        history=history,
        error=error,
        reason=request.form.get("reason", ""),
    )
    return (page, 422) if error else page
