"""The officials' review queue and seller verification."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import abort, flash, redirect, render_template, request, send_from_directory, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from app.clock import today
from app.extensions import db
from app.policy import Permission
from app.review import bp
from app.security import permission_required
from app.seller.routes import certificate_folder
from app.services import ServiceError, seller_checks
from app.services import review as review_service
from app.services import review_queue as queue_service
from app.unit_of_work import unit_of_work
from models import Category, Kota, SupplierCertification, SupplierProfile

PER_PAGE = 20
REQUESTS_PER_PAGE = 10
AGE_CHOICES = (1, 3, 7, 14)


def _filters(args: Mapping[str, str]) -> queue_service.QueueFilters:
    def number(name: str) -> int | None:
        value = (args.get(name) or "").strip()
        return int(value) if value.isdigit() and 0 < int(value) < 2**31 else None

    return queue_service.QueueFilters(
        request_id=number("req"),
        buyer_id=number("buyer"),
        category_id=number("category"),
        kota_id=number("kota"),
        min_age_days=number("age"),
        text=(args.get("q") or "").strip()[:100],
        newest_first=args.get("sort") == "newest",
    )


@dataclass
class FormState:
    """What the official ticked and typed, shown again after a refusal."""

    ticked: set[int] = field(default_factory=set)
    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def _render_queue(state: FormState | None = None, status: int = 200) -> tuple[str, int]:
    filters = _filters(request.args)
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    found = queue_service.queue_page(db.session, filters, today(), page, REQUESTS_PER_PAGE)
    last = max((found.requests + REQUESTS_PER_PAGE - 1) // REQUESTS_PER_PAGE, 1)
    if page > last:  # the last blocks of this page were just decided: show the last page left
        page = last
        found = queue_service.queue_page(db.session, filters, today(), page, REQUESTS_PER_PAGE)
    suppliers = (m.supplier_id for b in found.blocks for m in b.proposals)
    request_choices, buyer_choices = queue_service.filter_choices(db.session)
    return render_template(
        "review/queue.html",
        found=found,
        page=page,
        per_page=REQUESTS_PER_PAGE,
        filters=filters,
        exposure=review_service.recent_exposure(db.session, suppliers, today()),
        kota_list=db.session.scalars(select(Kota).order_by(Kota.code)).all(),
        categories=db.session.scalars(select(Category).order_by(Category.position)).all(),
        request_choices=request_choices,
        buyer_choices=buyer_choices,
        age_choices=AGE_CHOICES,
        reasons=queue_service.REJECTION_REASONS,
        waited=queue_service.waited_days,
        today=today(),
        state=state or FormState(),
    ), status


@bp.app_template_global()
def rejection_reasons() -> dict[str, object]:
    """The reasons an official picks from to reject a proposal (for any page's controls)."""
    return queue_service.REJECTION_REASONS


@bp.app_template_global()
def empty_review_state() -> FormState:
    """A review form with nothing ticked or typed."""
    return FormState()


@bp.get("/")
@permission_required(Permission.REVIEW)
def queue() -> tuple[str, int]:
    """Proposals awaiting review, one block per request, oldest first, with filters."""
    return _render_queue()


def _reason(form: Mapping[str, str], key: str, field: str) -> str:
    """The composed reason of one rejection field pair (``reason…`` and ``note…``)."""
    try:
        reason = queue_service.rejection_text(form.get(f"reason{key}") or "", form.get(f"note{key}") or "")
    except ServiceError as error:
        raise ServiceError(error.message, field) from None
    return reason


def _decisions(form: Any) -> tuple[list[int], dict[int, str]]:
    """(proposals to approve, proposals to reject with their reasons) from the queue form."""
    ticked = [int(v) for v in form.getlist("match_id") if v.isdigit()]

    def shown(request_id: str) -> list[int]:
        return [int(v) for v in form.getlist(f"shown_{request_id}") if v.isdigit()]

    for name in ("approve_one", "reject_one", "approve_request", "reject_rest"):
        value = form.get(name) or ""
        if not value:
            continue
        if not value.isdigit():
            abort(400)
        if name == "approve_one":
            return [int(value)], {}
        if name == "reject_one":
            return [], {int(value): _reason(form, f"_{value}", f"reason_{value}")}
        if name == "approve_request":
            return [i for i in ticked if i in shown(value)], {}
        rest = [i for i in shown(value) if i not in ticked]
        if not rest:
            raise ServiceError(
                str(_l("Every proposal of this request is ticked; nothing is left to reject.")),
                f"reason_r{value}",
            )
        reason = _reason(form, f"_r{value}", f"reason_r{value}")
        return [], dict.fromkeys(rest, reason)
    action = form.get("action")
    if action == "approve":
        return ticked, {}
    if action == "reject":
        if not ticked:
            return [], {}
        return [], dict.fromkeys(ticked, _reason(form, "", "reason"))
    abort(400)


def _back() -> str:
    back = request.form.get("back") or ""
    if back.startswith(("/review", "/requests/")) and "//" not in back and "\\" not in back:
        return back
    args: dict[str, Any] = request.args.to_dict(flat=True)
    return url_for("review.queue", **args)


@bp.post("/decide")
@permission_required(Permission.REVIEW)
def decide() -> Response | tuple[str, int]:
    """Approve or reject proposals: one, the ticked ones, or the rest of one request."""
    with unit_of_work() as work:
        approvals, rejections = _decisions(request.form)
        outcome = review_service.decide(db.session, approvals, rejections, current_user)
    if (error := work.error) is not None:
        flash(error.message, "error")
        if _back().startswith("/requests/"):
            return redirect(_back())
        form = request.form
        state = FormState(
            {int(v) for v in form.getlist("match_id") if v.isdigit()},
            {k: v for k, v in form.items() if k.startswith(("reason", "note"))},
            {error.field or "": error.message},
        )
        return _render_queue(state, 422)
    if outcome.approved:
        flash(
            ngettext("%(num)d proposal approved.", "%(num)d proposals approved.", outcome.approved), "success"
        )
    if outcome.rejected:
        flash(
            ngettext("%(num)d proposal rejected.", "%(num)d proposals rejected.", outcome.rejected), "success"
        )
    for message in outcome.stale:
        flash(message, "warning")
    return redirect(_back())


@bp.get("/sellers")
@permission_required(Permission.REVIEW)
def sellers() -> str:
    """Sellers waiting for verification, oldest first."""
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    rows, total = review_service.verification_queue(db.session, page, PER_PAGE)
    return render_template(
        "review/sellers.html",
        suppliers=rows,
        total=total,
        page=page,
        per_page=PER_PAGE,
        shared=seller_checks.sellers_with_shared_certificates(db.session, [s.id for s in rows]),
        today=today(),
        kind_label=seller_checks.kind_label,
    )


@bp.route("/sellers/<int:supplier_id>", methods=["GET", "POST"])
@permission_required(Permission.REVIEW)
def seller(supplier_id: int) -> str | Response:
    """One seller's documents; verify, or tell them what to fix."""
    supplier = db.session.get(SupplierProfile, supplier_id)
    if supplier is None:
        abort(404)
    if request.method == "POST":
        with unit_of_work() as work:
            if request.form.get("action") == "verify":
                review_service.verify_supplier(db.session, supplier, current_user)
                message = _("Seller verified.")
            else:
                review_service.decline_verification(
                    db.session, supplier, current_user, request.form.get("reason") or ""
                )
                message = _("The seller was told what to fix.")
        if (error := work.error) is not None:
            flash(error.message, "error")
        else:
            flash(message, "success")
            return redirect(url_for("review.sellers"))
    return render_template(
        "review/seller.html",
        supplier=supplier,
        dossier=seller_checks.dossier(db.session, supplier, today()),
        kind_label=seller_checks.kind_label,
    )


@bp.get("/sellers/<int:supplier_id>/certificates/<int:certification_id>/document")
@permission_required(Permission.REVIEW)
def certificate_document(supplier_id: int, certification_id: int) -> Response:
    """The scan of one seller certificate, for officials deciding on the seller."""
    certificate = db.session.get(SupplierCertification, certification_id)
    if certificate is None or certificate.supplier_id != supplier_id or not certificate.document_name:
        abort(404)
    pdf = certificate.document_name.endswith(".pdf")
    return send_from_directory(
        certificate_folder(),
        certificate.document_name,
        as_attachment=pdf,  # PDFs: download
        mimetype="application/pdf" if pdf else "image/jpeg",
        download_name=f"{certificate.kind}-{certificate.id}{'.pdf' if pdf else '.jpg'}",
    )
