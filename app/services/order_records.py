"""What is on record about orders: the lists a user may see, the purchase orders that followed
awards, the purchase-order document and the order's timeline."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.policy import orders_visible_to
from app.services import ServiceError
from app.services.orders import as_utc
from app.services.paging import page_rows
from app.services.purchase_order_pdf import OrderLine as DocumentLine
from app.services.purchase_order_pdf import Party, PurchaseOrderDocument
from app.services.timeline import events_where
from models import AuditEvent, Award, Order, Organisation, User


def orders_for(
    session: Session, user: User, status: str | None, page: int, per_page: int
) -> tuple[list[Order], int]:
    """One page of the orders the user's organisation buys or sells (all for officials)."""
    scope = orders_visible_to(user)
    if scope is None:
        return [], 0
    query = select(Order).where(scope)
    if status:
        query = query.where(Order.status == status)
    shown = query.order_by(Order.created_at.desc(), Order.id.desc())
    return page_rows(session, shown, page, per_page)


def orders_of_awards(
    session: Session, award_ids: list[int], quote_ids: list[int] | None = None
) -> list[Order]:
    """The purchase orders that followed the given awards, or the awards of the given quotes."""
    if not award_ids and not quote_ids:
        return []
    chosen = or_(
        Order.award_id.in_(award_ids),
        Order.award_id.in_(select(Award.id).where(Award.quote_id.in_(quote_ids or []))),
    )
    return list(session.scalars(select(Order).where(chosen).order_by(Order.id)))


def contacts_visible(order: Order) -> bool:
    """Both sides see each other's contact details once the order is accepted."""
    return order.status in ("accepted", "delivered", "completed")


def party(organisation: Organisation) -> Party:
    """An organisation's contact details as one side of an order: address, contact person,
    phone, e-mail."""
    place = ", ".join(
        p
        for p in (
            organisation.street_address,
            organisation.kecamatan.name if organisation.kecamatan else "",
            organisation.kota.name if organisation.kota else "",
        )
        if p
    )
    person = organisation.users[0] if organisation.users else None
    return Party(
        name=organisation.legal_name,
        address=place,
        contact_name=person.full_name if person else "",
        phone=organisation.phone or "",
        email=organisation.email or (person.email if person else ""),
    )


def purchase_order_document(order: Order, locale: str) -> PurchaseOrderDocument:
    """What the purchase order PDF shows for ``order``."""
    if not contacts_visible(order):
        raise ServiceError(str(_l("The purchase order exists once the seller accepts.")))
    place = ", ".join(
        p
        for p in (
            order.delivery_address,
            order.delivery_kecamatan.name if order.delivery_kecamatan else "",
            order.delivery_kecamatan.kota.name if order.delivery_kecamatan else "",
        )
        if p
    )
    terms = (
        str(
            _l(
                "Payment within %(n)d working days after the goods are received (BAST).",
                n=order.payment_term_days,
            )
        ),
        str(_l("Partial deliveries are allowed; each is confirmed by a handover record (BAST).")),
    )
    issued = order.accepted_at or order.created_at
    return PurchaseOrderDocument(
        number=order.number,
        issued_on=as_utc(issued).date(),
        buyer=party(order.buyer),
        seller=party(order.supplier.organisation),
        lines=tuple(
            DocumentLine(
                description=line.description,
                quantity=line.quantity,
                unit=line.unit,
                unit_price=line.unit_price,
            )
            for line in order.lines
        ),
        delivery_place=place,
        delivery_date=order.delivery_date,
        payment_term_days=order.payment_term_days,
        terms=terms,
        locale=locale,
    )


def order_timeline(session: Session, order: Order) -> list[tuple[AuditEvent, User | None]]:
    """Events about the order, its deliveries, disputes, invoices and ratings, oldest first."""
    related = {
        "order": [order.id],
        "delivery": [d.id for d in order.deliveries],
        "dispute": [d.id for d in order.disputes],
        "invoice": [i.id for i in order.invoices],
        "rating": [r.id for r in order.ratings],
    }
    return events_where(
        session,
        [
            and_(AuditEvent.object_type == kind, AuditEvent.object_id.in_(ids))
            for kind, ids in related.items()
            if ids
        ],
    )
