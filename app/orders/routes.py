"""Orders ("Pesanan"): list, detail with timeline, direct buying, the seller's answer, the
purchase order PDF, officials' lists, and the public buyer organisation page."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from app.clock import today
from app.extensions import db
from app.forms import attach_service_error, kecamatan_choices
from app.i18n import current_language
from app.orders import bp
from app.orders.forms import DirectOrderForm
from app.policy import (
    Permission,
    can_view_order,
    is_order_buyer,
    is_order_seller,
    may_review,
)
from app.security import permission_required
from app.services import ServiceError, order_records
from app.services import orders as order_service
from app.services.billing import overdue_invoices, uninvoiced_value
from app.services.fulfilment import disputes_for_officials, quantity_outstanding, quantity_received
from app.services.purchase_order_pdf import render_purchase_order
from app.services.ratings import buyer_record, can_rate, rating_of, recent_ratings
from app.services.supplier_records import supplier_records
from app.settings import workflow
from app.unit_of_work import unit_of_work
from models import Listing, Order, Organisation

PER_PAGE = 20
ORDER_FILTERS = ("pending", "accepted", "delivered", "completed", "declined", "expired", "cancelled")


def load_order(order_id: int) -> Order:
    """The order, if the current user may see it (404 otherwise, revealing nothing)."""
    order = db.session.get(Order, order_id)
    if order is None or not can_view_order(current_user, order):
        abort(404)
    return order


def finish(message: str, order_id: int, anchor: str = "") -> Response:
    """Say it is done and go back to the order (the unit of work committed and mailed)."""
    flash(message, "success")
    return redirect(url_for("orders.detail", order_id=order_id) + anchor)


def refuse(error: ServiceError, order_id: int) -> Response:
    """Show why nothing changed (the unit of work rolled back) and go back to the order."""
    flash(error.message, "error")
    return redirect(url_for("orders.detail", order_id=order_id))


def step(order_id: int, action: Callable[[], object], done: str, anchor: str = "") -> Response:
    """Run one step on the order as a unit of work (``action`` also reads the form, so that a
    bad field is refused like the service's own refusals), then go back to the order."""
    with unit_of_work() as work:
        action()
    if (error := work.error) is not None:
        return refuse(error, order_id)
    return finish(done, order_id, anchor)


@bp.app_template_global()
def supplier_track_record(supplier_id: int) -> object:
    """The supplier's track record and latest ratings, for the storefront pages."""
    return {
        "record": supplier_records(db.session, [supplier_id]).get(supplier_id),
        "ratings": recent_ratings(db.session, supplier_id, 3),
    }


@bp.app_template_global()
def orders_of_awards(award_ids: list[int] = (), quote_ids: list[int] = ()) -> list[Order]:  # type: ignore[assignment]  # () defaults: never mutated
    """The purchase orders that followed these awards (or the awards of these quotes)."""
    return order_records.orders_of_awards(db.session, list(award_ids), list(quote_ids))


@bp.app_template_global()
def direct_purchase_ceiling() -> int:
    """The largest direct order, in rupiah."""
    return workflow().direct_purchase_ceiling


@bp.get("/orders/")
@permission_required(Permission.VIEW_ORDERS)
def index() -> str:
    """The orders the user's organisation buys or sells (all of them for officials)."""
    status = request.args.get("status")
    status = status if status in ORDER_FILTERS else None
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    rows, total = order_records.orders_for(db.session, current_user, status, page, PER_PAGE)
    return render_template(
        "orders/index.html",
        orders=rows,
        total=total,
        page=page,
        per_page=PER_PAGE,
        status=status,
        filters=ORDER_FILTERS,
    )


@bp.get("/orders/<int:order_id>")
@permission_required(Permission.VIEW_ORDERS)
def detail(order_id: int) -> str:
    """Everything about one order, with the actions open to the reader's role."""
    order = load_order(order_id)
    return render_template(
        "orders/detail.html",
        order=order,
        is_buyer=is_order_buyer(current_user, order),
        is_seller=is_order_seller(current_user, order),
        is_official=may_review(current_user),
        contacts=order_records.contacts_visible(order),
        outstanding={line.id: quantity_outstanding(line, order.deliveries) for line in order.lines},
        received={line.id: quantity_received(line, order.deliveries) for line in order.lines},
        uninvoiced=uninvoiced_value(order),
        can_rate=can_rate(order),
        seller_rating=rating_of(order, "buyer_to_seller"),
        buyer_rating=rating_of(order, "seller_to_buyer"),
        events=order_records.order_timeline(db.session, order),
        today=today(),
    )


@bp.route("/orders/buy/<int:listing_id>", methods=["GET", "POST"])
@permission_required(Permission.BUY)
def buy(listing_id: int) -> str | tuple[str, int] | Response:
    """Buy a catalogue item directly (up to the direct purchase ceiling)."""
    listing = db.session.get(Listing, listing_id)
    if listing is None or listing.status != "active":
        abort(404)
    form = DirectOrderForm()
    form.kecamatan_id.set_choices(kecamatan_choices(db.session))
    low, high = order_service.quantity_bounds(listing)
    if request.method == "GET":
        form.quantity.data = low
        organisation = current_user.organisation
        form.kecamatan_id.data = organisation.kecamatan_id if organisation else None
        form.address.data = organisation.street_address if organisation else ""
    if form.validate_on_submit():
        assert form.delivery_date.data is not None
        with unit_of_work() as work:
            order = order_service.place_direct_order(
                db.session,
                current_user,
                order_service.DirectOrderInput(
                    listing_id=listing.id,
                    quantity=form.quantity.data or 0,
                    kecamatan_id=form.kecamatan_id.data or 0,
                    address=form.address.data or "",
                    delivery_date=form.delivery_date.data,
                    note=form.note.data or "",
                ),
                today(),
                workflow(),
            )
        if (error := work.error) is not None:
            attach_service_error(form, error)
        else:
            return finish(
                _(
                    "Order sent; the seller has %(hours)d hours to answer.",
                    hours=workflow().order_response_hours,
                ),
                order.id,
            )
    return render_template(
        "orders/buy.html",
        form=form,
        listing=listing,
        low=low,
        high=high,
        ceiling=workflow().direct_purchase_ceiling,
    ), 422 if form.errors else 200


@bp.post("/orders/<int:order_id>/answer")
@permission_required(Permission.SELL)
def answer(order_id: int) -> Response:
    """The seller accepts or declines a direct order."""
    order = load_order(order_id)
    if request.form.get("action") == "accept":
        return step(
            order.id,
            lambda: order_service.accept_order(db.session, order, current_user),
            _("Order accepted. The purchase order is ready."),
        )
    return step(
        order.id,
        lambda: order_service.decline_order(
            db.session, order, current_user, request.form.get("reason") or ""
        ),
        _("Order declined."),
    )


@bp.post("/orders/<int:order_id>/cancel")
@permission_required(Permission.BUY)
def cancel(order_id: int) -> Response:
    """The buyer withdraws an order before delivery."""
    order = load_order(order_id)
    return step(
        order.id,
        lambda: order_service.cancel_order(db.session, order, current_user, request.form.get("reason") or ""),
        _("Order cancelled."),
    )


@bp.get("/orders/<int:order_id>/purchase-order.pdf")
@permission_required(Permission.VIEW_ORDERS)
def purchase_order(order_id: int) -> Response:
    """The purchase order (Surat Pesanan) as a PDF, for the two parties and officials."""
    order = load_order(order_id)
    try:
        document = order_records.purchase_order_document(order, current_language())
    except ServiceError:
        abort(404)
    response = make_response(render_purchase_order(document))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{order.number}.pdf"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/orders/disputes")
@permission_required(Permission.REVIEW)
def disputes() -> str:
    """Problems with deliveries: those sent to an official first, then the open ones."""
    return render_template("orders/disputes.html", disputes=disputes_for_officials(db.session))


@bp.get("/orders/overdue")
@permission_required(Permission.REVIEW)
def overdue() -> str:
    """Every unpaid invoice past its due date, oldest first."""
    day = today()
    return render_template("orders/overdue.html", invoices=overdue_invoices(db.session, day), today=day)


@bp.get("/buyers/<int:organisation_id>")
def buyer(organisation_id: int) -> str:
    """A buyer organisation's public page: how it pays its suppliers."""
    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None or organisation.kind == "umkm":
        abort(404)
    return render_template(
        "orders/buyer.html", organisation=organisation, record=buyer_record(db.session, organisation, today())
    )
