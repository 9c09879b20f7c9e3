"""The officials' review queue and seller verification."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from app.clock import today
from app.extensions import db
from app.review import bp
from app.security import roles_required
from app.services import ServiceError
from app.services import review as review_service
from app.services.notifications import deliver_mail
from models import Category, Kota, SupplierProfile

PER_PAGE = 20


def _filters() -> review_service.QueueFilters:
    def number(name: str) -> int | None:
        value = request.args.get(name, "")
        return int(value) if value.isdigit() and int(value) > 0 else None

    return review_service.QueueFilters(kota_id=number("kota"), category_id=number("category"),
                                       min_age_days=number("age"))


@bp.get("/")
@roles_required("official", "admin")
def queue() -> str:
    """Proposals awaiting review, oldest first, with filters and bulk actions."""
    filters = _filters()
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    rows, total = review_service.review_queue(db.session, filters, today(), page, PER_PAGE)
    exposure = review_service.recent_exposure(db.session, (m.supplier_id for m in rows), today())
    return render_template(
        "review/queue.html", matches=rows, total=total, page=page, per_page=PER_PAGE,
        filters=filters, exposure=exposure,
        kota_list=db.session.scalars(select(Kota).order_by(Kota.code)).all(),
        categories=db.session.scalars(select(Category).order_by(Category.position)).all(),
    )


@bp.post("/decide")
@roles_required("official", "admin")
def decide() -> Response:
    """Approve or reject the ticked proposals (a reason is required to reject)."""
    ids = [int(v) for v in request.form.getlist("match_id") if v.isdigit()]
    action = request.form.get("action")
    one = request.form.get("approve_one") or ""
    if one.isdigit():
        ids, action = [int(one)], "approve"
    try:
        if action == "approve":
            count = review_service.approve(db.session, ids, current_user)
            message = _("%(n)d proposals approved.", n=count)
        elif action == "reject":
            count = review_service.reject(db.session, ids, current_user,
                                          request.form.get("reason") or "")
            message = _("%(n)d proposals rejected.", n=count)
        else:
            abort(400)
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        deliver_mail(db.session)
        flash(message, "success")
    return redirect(request.form.get("back") if (request.form.get("back") or "").startswith("/review")
                    else url_for("review.queue"))


@bp.get("/sellers")
@roles_required("official", "admin")
def sellers() -> str:
    """Sellers waiting for verification, oldest first."""
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    rows, total = review_service.verification_queue(db.session, page, PER_PAGE)
    return render_template("review/sellers.html", suppliers=rows, total=total, page=page,
                           per_page=PER_PAGE)


@bp.route("/sellers/<int:supplier_id>", methods=["GET", "POST"])
@roles_required("official", "admin")
def seller(supplier_id: int) -> str | Response:
    """One seller's documents; verify, or tell them what to fix."""
    supplier = db.session.get(SupplierProfile, supplier_id)
    if supplier is None:
        abort(404)
    if request.method == "POST":
        try:
            if request.form.get("action") == "verify":
                review_service.verify_supplier(db.session, supplier, current_user)
                message = _("Seller verified.")
            else:
                review_service.decline_verification(db.session, supplier, current_user,
                                                    request.form.get("reason") or "")
                message = _("The seller was told what to fix.")
        except ServiceError as error:
            db.session.rollback()
            flash(error.message, "error")
        else:
            db.session.commit()
            deliver_mail(db.session)
            flash(message, "success")
            return redirect(url_for("review.sellers"))
    return render_template("review/seller.html", supplier=supplier,
                           checks=review_service.verification_checks(supplier, today()))
