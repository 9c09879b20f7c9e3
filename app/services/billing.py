"""Invoices and payments: the seller bills what was received; the due date follows the
payment term in Indonesian working days; the buyer records payment; reminders and the
officials' list of overdue invoices."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services import ServiceError
from app.services.notifications import Text, notify
from app.services.orders import as_utc, hold, numbered, require_buyer, require_seller
from app.services.settings import DEFAULTS, WorkflowSettings
from app.services.states import record_event, transition
from app.services.working_days import add_working_days
from models import Invoice, Notification, Order, Organisation, Payment, User, utcnow


def invoice_link(invoice: Invoice) -> str:
    """Where the invoice is shown (its order's page)."""
    return f"/orders/{invoice.order_id}#invoice-{invoice.id}"


def uninvoiced_value(order: Order) -> int:
    """What the received deliveries not yet invoiced are worth, in rupiah."""
    return sum(d.value_received for d in order.deliveries if d.status == "received" and d.invoice_id is None)


def issue_invoice(session: Session, order: Order, actor: User) -> Invoice:
    """The seller bills every received delivery not yet invoiced; due a payment term
    (working days) after the last of their receipts."""
    require_seller(order, actor)
    hold(session, order)
    deliveries = [d for d in order.deliveries if d.status == "received" and d.invoice_id is None]
    amount = sum(d.value_received for d in deliveries)
    if not deliveries or amount <= 0:
        raise ServiceError(str(_l("Nothing received is left to invoice.")))
    received_on = max(d.receipt.received_on for d in deliveries if d.receipt is not None)
    invoice = Invoice(
        order=order,
        amount=amount,
        issued_by_id=actor.id,
        status="issued",
        due_on=add_working_days(received_on, order.payment_term_days),
    )
    numbered(session, invoice, "INV")
    for delivery in deliveries:
        delivery.invoice_id = invoice.id
    record_event(
        session,
        actor=actor,
        action="invoice.issued",
        object_type="invoice",
        object_id=invoice.id,
        to_state="issued",
        data={"order_id": order.id, "amount": amount, "due_on": invoice.due_on.isoformat()},
    )
    _tell(
        session,
        order.buyer.users,
        invoice,
        _l("Invoice %(number)s for order %(order)s", number=invoice.number, order=order.number),
        _l(
            "%(seller)s invoiced %(amount)s, due on %(day)s.",
            seller=order.supplier.display_name,
            amount=_rupiah(amount),
            day=invoice.due_on.isoformat(),
        ),
        kind="invoice",
    )
    return invoice


def record_payment(
    session: Session, invoice: Invoice, actor: User, amount: int, paid_on: date, reference: str, today: date
) -> Payment:
    """The buyer records a payment; the invoice is paid once the whole amount is in."""
    order = invoice.order
    require_buyer(order, actor)
    hold(session, order, invoice)
    session.expire(invoice, ["payments"])
    if invoice.status != "issued":
        raise ServiceError(str(_l("This invoice is not awaiting payment.")))
    outstanding = invoice.amount - invoice.amount_paid
    if not 0 < amount <= outstanding:
        raise ServiceError(
            str(_l("The amount must be more than zero and at most %(left)s.", left=_rupiah(outstanding))),
            "amount",
        )
    if paid_on > today or paid_on < as_utc(invoice.issued_at).date() - timedelta(days=1):
        raise ServiceError(str(_l("The payment date must be between the invoice date and today.")), "paid_on")
    payment = Payment(
        invoice=invoice,
        amount=amount,
        paid_on=paid_on,
        reference=reference.strip()[:100],
        recorded_by_id=actor.id,
    )
    session.add(payment)
    session.flush()
    record_event(
        session,
        actor=actor,
        action="invoice.payment",
        object_type="invoice",
        object_id=invoice.id,
        data={"amount": amount, "paid_on": paid_on.isoformat(), "reference": payment.reference},
    )
    if invoice.amount_paid >= invoice.amount:
        transition(
            session,
            "invoice",
            invoice,
            "paid",
            actor,
            data={"paid_on": paid_on.isoformat(), "on_time": paid_on <= invoice.due_on},
        )
        invoice.paid_at = utcnow()
        _complete_if_settled(session, order, actor)
    _tell(
        session,
        order.supplier.organisation.users,
        invoice,
        _l("Payment recorded for invoice %(number)s", number=invoice.number),
        _l(
            "%(buyer)s paid %(amount)s on %(day)s (reference %(ref)s).",
            buyer=order.buyer.legal_name,
            amount=_rupiah(amount),
            day=paid_on.isoformat(),
            ref=payment.reference or "-",
        ),
        kind="payment",
    )
    return payment


def _complete_if_settled(session: Session, order: Order, actor: User | None) -> None:
    """A delivered order whose every invoice is paid and nothing is left to bill is complete."""
    if (
        order.status == "delivered"
        and uninvoiced_value(order) == 0
        and all(i.status in ("paid", "cancelled") for i in order.invoices)
    ):
        transition(session, "order", order, "completed", actor)
        order.completed_at = utcnow()


def _rupiah(amount: int) -> str:
    return "Rp " + f"{amount:,}".replace(",", ".")


def _tell(
    session: Session, users: Iterable[User], invoice: Invoice, subject: Text, body: Text, kind: str
) -> None:
    notify(session, users, kind, subject, body, invoice_link(invoice))


def _already(session: Session, kind: str, link: str) -> bool:
    return (
        session.scalar(
            select(Notification.id).where(Notification.kind == kind, Notification.link == link).limit(1)
        )
        is not None
    )


def remind_invoices(
    session: Session, today: date, settings: WorkflowSettings = DEFAULTS
) -> dict[str, list[int]]:
    """Remind buyers of invoices due soon, and buyer and seller of overdue ones (each once)."""
    ahead = settings.invoice_reminder_days
    report: dict[str, list[int]] = {"due_soon": [], "overdue": []}
    open_invoices = session.scalars(
        select(Invoice).where(Invoice.status == "issued").order_by(Invoice.due_on, Invoice.id)
    ).all()
    for invoice in open_invoices:
        order = invoice.order
        link = invoice_link(invoice)
        left = _rupiah(invoice.amount - invoice.amount_paid)
        if invoice.due_on < today and not _already(session, "invoice_overdue", link):
            subject = _l("Invoice %(number)s is overdue", number=invoice.number)
            body = _l(
                "%(left)s of invoice %(number)s was due on %(day)s.",
                left=left,
                number=invoice.number,
                day=invoice.due_on.isoformat(),
            )
            notify(
                session,
                list(order.buyer.users) + list(order.supplier.organisation.users),
                "invoice_overdue",
                subject,
                body,
                link,
            )
            report["overdue"].append(invoice.id)
        elif today <= invoice.due_on <= today + timedelta(days=ahead) and not _already(
            session, "invoice_due", link
        ):
            notify(
                session,
                order.buyer.users,
                "invoice_due",
                _l(
                    "Invoice %(number)s is due on %(day)s",
                    number=invoice.number,
                    day=invoice.due_on.isoformat(),
                ),
                _l(
                    "Please pay %(left)s to %(seller)s by %(day)s.",
                    left=left,
                    seller=order.supplier.display_name,
                    day=invoice.due_on.isoformat(),
                ),
                link,
            )
            report["due_soon"].append(invoice.id)
    session.flush()
    return report


def overdue_invoices(session: Session, today: date) -> list[Invoice]:
    """Every unpaid invoice past its due date, oldest due date first."""
    return list(
        session.scalars(
            select(Invoice)
            .where(Invoice.status == "issued", Invoice.due_on < today)
            .order_by(Invoice.due_on, Invoice.id)
        )
    )


def invoices_of_buyer(session: Session, organisation: Organisation) -> list[Invoice]:
    """The buyer organisation's invoices, newest first."""
    return list(
        session.scalars(
            select(Invoice)
            .join(Order, Order.id == Invoice.order_id)
            .where(Order.buyer_id == organisation.id)
            .order_by(Invoice.issued_at.desc())
        )
    )
