"""From award to paid: orders (direct purchases and orders from awards), the seller's answer,
deliveries, receipts (BAST), problems, invoices, payments and ratings.

Every write answers with the whole order as it now stands, so a client needs no second call.
"""

from __future__ import annotations

from typing import Any, TypeVar

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from app.api import abort, api_permission, api_user, paged, refuse, writing
from app.api import deal_serializers as serialize
from app.api.deal_schemas import (
    DecisionIn,
    DeliveryIn,
    DirectOrderIn,
    InvoicePage,
    OrderArgs,
    OrderOut,
    OrderPage,
    PaymentIn,
    RatingIn,
    ReceiptIn,
    ReplyIn,
)
from app.api.schemas import PageArgs, ReasonIn
from app.clock import today
from app.extensions import db
from app.policy import Permission, can_view_order, is_order_buyer
from app.services import ServiceError, billing, fulfilment, order_records, ratings
from app.services import orders as order_service
from app.services.purchase_order_pdf import render_purchase_order
from app.settings import workflow
from models import Delivery, Dispute, Invoice, Order, Rating

blp = Blueprint(
    "api_deals",
    __name__,
    description="Orders after an award or a direct purchase: delivery, receipt, invoice, payment, ratings",
)
SECURED: list[dict[str, list[str]]] = [{"bearerAuth": []}]
PDF = {"type": "string", "format": "binary"}
_Part = TypeVar("_Part", Delivery, Dispute, Invoice, Rating)


def _order(order_id: int) -> Order:
    found = db.session.get(Order, order_id)
    if found is None or not can_view_order(api_user(), found):
        abort(404, message="No such order of yours.")
    return found


def _part(model: type[_Part], row_id: int) -> Any:
    """A delivery, problem, invoice or rating of an order the caller may see (404 otherwise)."""
    found = db.session.get(model, row_id)
    if found is None or not can_view_order(api_user(), found.order):
        abort(404, message="Not found among your orders.")
    return found


STALE = "Someone else changed this order at the same moment; read it again."


def _done(order: Order) -> dict[str, Any]:
    return serialize.order(order, today())


def _lines(body: dict[str, Any]) -> dict[int, int]:
    return {line["line_id"]: line["quantity"] for line in body.get("lines", [])}


@blp.route("/orders")
class Orders(MethodView):
    """Orders your organisation places or receives (officials: all)."""

    @api_permission(Permission.VIEW_ORDERS)
    @blp.doc(security=SECURED)
    @blp.arguments(OrderArgs, location="query")
    @blp.response(200, OrderPage)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Orders, newest first, optionally of one status."""
        rows, total = order_records.orders_for(
            db.session, api_user(), args["status"], args["page"], args["per_page"]
        )
        return paged([serialize.order(r, today()) for r in rows], total, args["page"], args["per_page"])

    @api_permission(Permission.BUY)
    @blp.doc(security=SECURED)
    @blp.arguments(DirectOrderIn)
    @blp.response(201, OrderOut)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Buy a catalogue item directly (up to the direct-purchase ceiling); the seller
        accepts or declines before its answer deadline."""
        with writing(STALE):
            row = order_service.place_direct_order(
                db.session,
                api_user(),
                order_service.DirectOrderInput(
                    listing_id=body["listing_id"],
                    quantity=body["quantity"],
                    kecamatan_id=body["kecamatan_id"],
                    address=body["address"],
                    delivery_date=body["delivery_date"],
                    note=body["note"],
                ),
                today(),
                workflow(),
            )
        return _done(row)


@blp.route("/orders/<int:order_id>")
class OneOrder(MethodView):
    """One order."""

    @api_permission(Permission.VIEW_ORDERS)
    @blp.doc(security=SECURED)
    @blp.response(200, OrderOut)
    def get(self, order_id: int) -> dict[str, Any]:
        """The order with its deliveries, problems, invoices and ratings."""
        return serialize.order(_order(order_id), today())


@blp.route("/orders/<int:order_id>/purchase-order.pdf")
class PurchaseOrder(MethodView):
    """The purchase order document."""

    @api_permission(Permission.VIEW_ORDERS)
    @blp.doc(security=SECURED)
    @blp.response(200, PDF, content_type="application/pdf")
    @blp.alt_response(409, schema=None, description="The seller has not accepted the order")
    def get(self, order_id: int) -> Response:
        """The purchase order (Surat Pesanan) as a PDF, once the seller accepted."""
        row = _order(order_id)
        try:
            document = order_records.purchase_order_document(row, "id")
        except ServiceError as error:
            refuse(error)
        response = Response(render_purchase_order(document), mimetype="application/pdf")
        response.headers["Content-Disposition"] = f'attachment; filename="{row.number}.pdf"'
        return response


def _step(target: Order | Delivery | Dispute | Invoice | Rating, action: Any, *args: Any) -> dict[str, Any]:
    """Run one service step by the caller on the order or a part of it (``action(session,
    target, caller, *args)``) and answer with the order; refusals become 409/422 and change
    nothing."""
    user = api_user()
    with writing(STALE):
        action(db.session, target, user, *args)
    return _done(target if isinstance(target, Order) else target.order)


@blp.route("/orders/<int:order_id>/accept")
class Accept(MethodView):
    """The seller takes the order on."""

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.response(200, OrderOut)
    def post(self, order_id: int) -> dict[str, Any]:
        """Accept a pending order before its answer deadline."""
        return _step(_order(order_id), order_service.accept_order)


@blp.route("/orders/<int:order_id>/decline")
class Decline(MethodView):
    """The seller turns the order down."""

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.arguments(ReasonIn)
    @blp.response(200, OrderOut)
    def post(self, body: dict[str, Any], order_id: int) -> dict[str, Any]:
        """Decline a pending order, saying why (the buyer is told)."""
        return _step(_order(order_id), order_service.decline_order, body["reason"])


@blp.route("/orders/<int:order_id>/cancel")
class CancelOrder(MethodView):
    """The buyer withdraws the order."""

    @api_permission(Permission.BUY)
    @blp.doc(security=SECURED)
    @blp.arguments(ReasonIn)
    @blp.response(200, OrderOut)
    def post(self, body: dict[str, Any], order_id: int) -> dict[str, Any]:
        """Cancel before anything was sent, saying why."""
        return _step(_order(order_id), order_service.cancel_order, body["reason"])


@blp.route("/orders/<int:order_id>/deliveries")
class Deliveries(MethodView):
    """The seller sends goods."""

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.arguments(DeliveryIn)
    @blp.response(201, OrderOut)
    def post(self, body: dict[str, Any], order_id: int) -> dict[str, Any]:
        """Mark quantities of order lines as sent (partial deliveries allowed)."""
        return _step(_order(order_id), fulfilment.send_delivery, _lines(body), body["note"])


@blp.route("/deliveries/<int:delivery_id>/receipt")
class Receipt(MethodView):
    """The buyer confirms receipt."""

    @api_permission(Permission.BUY)
    @blp.doc(security=SECURED)
    @blp.arguments(ReceiptIn)
    @blp.response(200, OrderOut)
    def post(self, body: dict[str, Any], delivery_id: int) -> dict[str, Any]:
        """Sign the handover record (BAST): date, who received, quantities received."""
        return _step(
            _part(Delivery, delivery_id),
            fulfilment.confirm_receipt,
            body["received_on"] or today(),
            _lines(body),
            body["received_by_name"],
            today(),
            body["note"],
        )


@blp.route("/deliveries/<int:delivery_id>/problem")
class Problem(MethodView):
    """The buyer raises a problem with a delivery."""

    @api_permission(Permission.BUY)
    @blp.doc(security=SECURED)
    @blp.arguments(ReasonIn)
    @blp.response(200, OrderOut)
    def post(self, body: dict[str, Any], delivery_id: int) -> dict[str, Any]:
        """Report a problem; not settled in time, it goes to an official."""
        return _step(_part(Delivery, delivery_id), fulfilment.raise_problem, body["reason"], workflow())


@blp.route("/disputes/<int:dispute_id>/settle")
class Settle(MethodView):
    """The buyer settles a problem with the seller."""

    @api_permission(Permission.BUY)
    @blp.doc(security=SECURED)
    @blp.response(200, OrderOut)
    def post(self, dispute_id: int) -> dict[str, Any]:
        """Mark the problem settled; the delivery awaits confirmation again."""
        return _step(_part(Dispute, dispute_id), fulfilment.settle_dispute)


@blp.route("/disputes/<int:dispute_id>/decide")
class Decide(MethodView):
    """An official decides a problem."""

    @api_permission(Permission.REVIEW)
    @blp.doc(security=SECURED)
    @blp.arguments(DecisionIn)
    @blp.response(200, OrderOut)
    def post(self, body: dict[str, Any], dispute_id: int) -> dict[str, Any]:
        """Accept (the delivery counts as received) or reject (the goods go back)."""
        return _step(
            _part(Dispute, dispute_id),
            fulfilment.decide_dispute,
            body["outcome"],
            body["decision"],
            today(),
        )


@blp.route("/orders/<int:order_id>/invoices")
class Invoices(MethodView):
    """The seller invoices what was received."""

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.response(201, OrderOut)
    def post(self, order_id: int) -> dict[str, Any]:
        """Invoice every received delivery not yet billed; due after the payment term
        (working days, Indonesian public holidays excluded)."""
        return _step(_order(order_id), billing.issue_invoice)


@blp.route("/invoices/<int:invoice_id>/payments")
class Payments(MethodView):
    """The buyer records a payment."""

    @api_permission(Permission.BUY)
    @blp.doc(security=SECURED)
    @blp.arguments(PaymentIn)
    @blp.response(201, OrderOut)
    def post(self, body: dict[str, Any], invoice_id: int) -> dict[str, Any]:
        """Record a payment (whole or part) of an invoice."""
        return _step(
            _part(Invoice, invoice_id),
            billing.record_payment,
            body["amount"],
            body["paid_on"] or today(),
            body["reference"],
            today(),
        )


@blp.route("/invoices/overdue")
class Overdue(MethodView):
    """Every overdue invoice."""

    @api_permission(Permission.REVIEW)
    @blp.doc(security=SECURED)
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, InvoicePage)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Unpaid invoices past their due date, oldest due date first."""
        day = today()
        rows = billing.overdue_invoices(db.session, day)
        start = (args["page"] - 1) * args["per_page"]
        items = [serialize.invoice(i, day) for i in rows[start : start + args["per_page"]]]
        return paged(items, len(rows), args["page"], args["per_page"])


@blp.route("/orders/<int:order_id>/rating")
class Rate(MethodView):
    """Rate the other side of the order (once)."""

    @api_permission(Permission.TRADE)
    @blp.doc(security=SECURED)
    @blp.arguments(RatingIn)
    @blp.response(201, OrderOut)
    def post(self, body: dict[str, Any], order_id: int) -> dict[str, Any]:
        """Buyers rate quality, timeliness and communication; sellers rate payment and
        communication (1-5, optional comment)."""
        row = _order(order_id)
        if is_order_buyer(api_user(), row):
            return _step(
                row,
                ratings.rate_seller,
                body["quality"],
                body["timeliness"],
                body["communication"],
                body["comment"],
            )
        return _step(row, ratings.rate_buyer, body["payment"], body["communication"], body["comment"])


@blp.route("/ratings/<int:rating_id>/reply")
class Reply(MethodView):
    """The seller answers a rating."""

    @api_permission(Permission.SELL)
    @blp.doc(security=SECURED)
    @blp.arguments(ReplyIn)
    @blp.response(200, OrderOut)
    def post(self, body: dict[str, Any], rating_id: int) -> dict[str, Any]:
        """Reply once, in public, to the buyer's rating of your delivery."""
        return _step(_part(Rating, rating_id), ratings.reply_to_rating, body["reply"])
