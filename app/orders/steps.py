"""The steps after the order: send, confirm receipt (BAST) or raise a problem, officials'
decisions, invoice, payment, ratings and replies. Each parses the form, calls a service,
commits once and goes back to the order."""

from __future__ import annotations

import re
from datetime import date
from typing import TypeVar

from flask import abort, request
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from app.clock import today
from app.extensions import db
from app.orders import bp
from app.orders.routes import finish, load_order, refuse, step
from app.policy import Permission, is_order_buyer
from app.security import permission_required
from app.services import ServiceError, billing, fulfilment, ratings
from app.settings import workflow
from app.unit_of_work import unit_of_work
from models import Delivery, Dispute, Invoice, Rating

DIGITS = re.compile(r"[0-9]{1,9}")
_Part = TypeVar("_Part", Delivery, Dispute, Invoice, Rating)


def _quantities(prefix: str) -> dict[int, int]:
    """``{line id: quantity}`` from fields named ``<prefix><line id>``; bad numbers refused."""
    found: dict[int, int] = {}
    for name, value in request.form.items():
        key = name[len(prefix) :]
        if name.startswith(prefix) and DIGITS.fullmatch(key) and value.strip():
            if not DIGITS.fullmatch(value.strip()):
                raise ServiceError(_("Enter whole numbers."), "quantity")
            found[int(key)] = int(value.strip())
    return found


def _date(name: str) -> date:
    raw = (request.form.get(name) or "").strip()
    try:
        return date.fromisoformat(raw) if raw else today()
    except ValueError:
        raise ServiceError(_("Enter a valid date."), name) from None


def _score(name: str) -> int | None:
    raw = (request.form.get(name) or "").strip()
    return int(raw) if DIGITS.fullmatch(raw) else None


def _part(model: type[_Part], row_id: int) -> _Part:
    """A delivery, problem, invoice or rating of an order the user may see (404 otherwise)."""
    found = db.session.get(model, row_id)
    if found is None:
        abort(404)
    load_order(found.order_id)
    return found


@bp.post("/orders/<int:order_id>/deliveries")
@permission_required(Permission.SELL)
def send(order_id: int) -> Response:
    """The seller marks items as sent (all or part of what is left)."""
    order = load_order(order_id)
    return step(
        order.id,
        lambda: fulfilment.send_delivery(
            db.session, order, current_user, _quantities("qty-"), request.form.get("note") or ""
        ),
        _("Marked as sent; the buyer is asked to confirm receipt."),
    )


@bp.post("/orders/deliveries/<int:delivery_id>/receipt")
@permission_required(Permission.BUY)
def receive(delivery_id: int) -> Response:
    """The buyer confirms receipt (BAST): date, quantities, who received."""
    delivery = _part(Delivery, delivery_id)
    return step(
        delivery.order_id,
        lambda: fulfilment.confirm_receipt(
            db.session,
            delivery,
            current_user,
            _date("received_on"),
            _quantities("received-"),
            request.form.get("received_by_name") or "",
            today(),
            request.form.get("note") or "",
        ),
        _("Receipt confirmed (BAST recorded)."),
    )


@bp.post("/orders/deliveries/<int:delivery_id>/problem")
@permission_required(Permission.BUY)
def problem(delivery_id: int) -> Response:
    """The buyer raises a problem with a delivery."""
    delivery = _part(Delivery, delivery_id)
    return step(
        delivery.order_id,
        lambda: fulfilment.raise_problem(
            db.session, delivery, current_user, request.form.get("reason") or "", workflow()
        ),
        _("Problem reported to the seller."),
    )


@bp.post("/orders/disputes/<int:dispute_id>/settle")
@permission_required(Permission.BUY)
def settle(dispute_id: int) -> Response:
    """The buyer marks a problem as settled with the seller."""
    dispute = _part(Dispute, dispute_id)
    return step(
        dispute.order_id,
        lambda: fulfilment.settle_dispute(db.session, dispute, current_user),
        _("Problem settled; confirm receipt when the goods are right."),
    )


@bp.post("/orders/disputes/<int:dispute_id>/decide")
@permission_required(Permission.REVIEW)
def decide(dispute_id: int) -> Response:
    """An official records the decision on a problem sent to them."""
    dispute = _part(Dispute, dispute_id)
    return step(
        dispute.order_id,
        lambda: fulfilment.decide_dispute(
            db.session,
            dispute,
            current_user,
            request.form.get("outcome") or "",
            request.form.get("decision") or "",
            today(),
        ),
        _("Decision recorded."),
    )


@bp.post("/orders/<int:order_id>/invoice")
@permission_required(Permission.SELL)
def invoice(order_id: int) -> Response:
    """The seller invoices what was received and not yet billed."""
    order = load_order(order_id)
    with unit_of_work() as work:
        issued = billing.issue_invoice(db.session, order, current_user)
    if (error := work.error) is not None:
        return refuse(error, order.id)
    return finish(_("Invoice %(number)s issued.", number=issued.number), order.id, f"#invoice-{issued.id}")


@bp.post("/orders/invoices/<int:invoice_id>/payment")
@permission_required(Permission.BUY)
def pay(invoice_id: int) -> Response:
    """The buyer records a payment of an invoice."""
    found = _part(Invoice, invoice_id)
    raw = (request.form.get("amount") or "").replace("Rp", "").replace(".", "").strip()

    def record() -> None:
        if not re.fullmatch(r"[0-9]{1,15}", raw):
            raise ServiceError(_("Enter the amount paid in rupiah."), "amount")
        billing.record_payment(
            db.session,
            found,
            current_user,
            int(raw),
            _date("paid_on"),
            request.form.get("reference") or "",
            today(),
        )

    return step(found.order_id, record, _("Payment recorded."), f"#invoice-{found.id}")


@bp.post("/orders/<int:order_id>/rating")
@permission_required(Permission.TRADE)
def rate(order_id: int) -> Response:
    """The buyer rates the seller, or the seller rates the buyer (once per order)."""
    order = load_order(order_id)
    comment = request.form.get("comment") or ""

    def record() -> None:
        if is_order_buyer(current_user, order):
            ratings.rate_seller(
                db.session,
                order,
                current_user,
                _score("quality"),
                _score("timeliness"),
                _score("communication"),
                comment,
            )
        else:
            ratings.rate_buyer(
                db.session, order, current_user, _score("payment"), _score("communication"), comment
            )

    return step(order.id, record, _("Thank you for your rating."), "#ratings")


@bp.post("/orders/ratings/<int:rating_id>/reply")
@permission_required(Permission.SELL)
def reply(rating_id: int) -> Response:
    """The seller answers the buyer's rating."""
    rating = _part(Rating, rating_id)
    return step(
        rating.order_id,
        lambda: ratings.reply_to_rating(db.session, rating, current_user, request.form.get("reply") or ""),
        _("Reply published."),
        "#ratings",
    )
