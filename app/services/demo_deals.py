"""Demo orders at every stage, played through the real services and back-dated: direct
orders waiting, declined, expired, accepted, part-delivered, disputed (open and with an
official), invoiced, overdue, paid on time and late, rated both ways; award orders carried on."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.services import ServiceError
from app.services.billing import issue_invoice, record_payment
from app.services.fulfilment import confirm_receipt, escalate_disputes, raise_problem, send_delivery
from app.services.orders import (
    DirectOrderInput,
    accept_order,
    decline_order,
    expire_orders,
    place_direct_order,
)
from app.services.ratings import rate_buyer, rate_seller, reply_to_rating
from app.services.settings import DEFAULTS, WorkflowSettings
from app.services.visibility import visible_listings
from models import (
    Listing,
    Notification,
    Order,
    Organisation,
    Role,
    SupplierProfile,
    User,
    clock_at,
    utcnow,
)

# The stages of the direct orders, in the order they are played (the fixed demo buyer and
# seller take the first ones, so their accounts show every step).
DIRECT_STAGES = (
    "paid_on_time",
    "invoiced",
    "delivered",
    "part_delivered",
    "accepted",
    "pending",
    "paid_late",
    "overdue",
    "disputed",
    "escalated",
    "declined",
    "expired",
    "paid_on_time",
    "paid_on_time",
    "paid_late",
    "accepted",
)
COMMENTS = (
    "Rasa enak, porsi pas, datang tepat waktu.",
    "Kemasan rapi, sesuai pesanan.",
    "Sedikit terlambat, tapi kualitas baik.",
    "Pelayanan ramah dan cepat dihubungi.",
)
REPLIES = (
    "Terima kasih, Bapak/Ibu. Kami tunggu pesanan berikutnya.",
    "Mohon maaf atas keterlambatannya; akan kami perbaiki.",
)
PROBLEMS = ("Sebagian kemasan rusak saat diterima.", "Jumlah kotak kurang dari yang tertulis.")


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=UTC)


@dataclass
class _Cast:
    buyers: list[User]
    listings: list[Listing]
    official: User


def _cast(session: Session, official: User) -> _Cast:
    buyers = list(
        session.scalars(
            select(User)
            .join(Organisation, Organisation.id == User.organisation_id)
            .where(User.role == Role.BUYER, Organisation.kind != "umkm")
            .order_by(User.id)
        )
    )
    listings = list(
        session.scalars(visible_listings().where(SupplierProfile.verified.is_(True)).order_by(Listing.id))
    )
    return _Cast(buyers, listings, official)


def _seller(listing: Listing) -> User:
    return listing.supplier.organisation.users[0]


def play_deals(
    session: Session, official: User, today: date, seed: int, settings: WorkflowSettings = DEFAULTS
) -> int:
    """Play the demo orders (within ``settings``'s ceiling); returns how many orders exist
    afterwards."""
    rng = random.Random(seed + 14)
    cast = _cast(session, official)
    if not cast.buyers or not cast.listings:
        return 0
    _carry_award_orders(session, today, rng)
    ceiling = settings.direct_purchase_ceiling
    affordable = [l for l in cast.listings if l.min_order * l.price <= ceiling // 2]
    first_seller = [l for l in affordable if l.supplier_id == affordable[0].supplier_id]
    others = [l for l in affordable if l.supplier_id != affordable[0].supplier_id]
    rng.shuffle(others)
    for n, stage in enumerate(DIRECT_STAGES):
        buyer = cast.buyers[0] if n < 8 else cast.buyers[n % len(cast.buyers)]
        pool = first_seller if n < 6 and first_seller else others
        listing = pool[n % len(pool)]
        try:
            _play_direct(session, buyer, listing, stage, cast.official, today, rng, settings)
        except ServiceError:
            continue  # a listing that cannot be ordered this way is simply skipped
    session.flush()
    session.execute(
        update(Notification).where(Notification.emailed_at.is_(None)).values(emailed_at=utcnow())
    )  # demo history mails nobody
    return len(session.scalars(select(Order.id)).all())


def _play_direct(
    session: Session,
    buyer: User,
    listing: Listing,
    stage: str,
    official: User,
    today: date,
    rng: random.Random,
    settings: WorkflowSettings,
) -> None:
    seller = _seller(listing)
    settled = stage.startswith("paid") or stage in ("overdue", "invoiced", "delivered")
    lead = max(listing.lead_time_days, 1)
    start = today - timedelta(days=lead + rng.randint(16, 24) if settled else rng.randint(1, 3))
    if stage == "expired":
        start = today - timedelta(days=4)
    elif stage == "pending":
        start = today
    elif stage == "escalated":  # long enough ago for the problem to reach an official
        start = today - timedelta(days=lead + 8)
    quantity = listing.min_order * rng.choice((1, 1, 2))
    if stage == "part_delivered":
        quantity = max(quantity, 2)
    if quantity * listing.price > settings.direct_purchase_ceiling:
        quantity = listing.min_order
    delivery_day = start + timedelta(days=lead + 1)
    organisation = buyer.organisation
    if organisation is None:
        raise ValueError(f"demo buyer {buyer.email} has no organisation")
    kecamatan_id = organisation.kecamatan_id or listing.supplier.organisation.kecamatan_id
    with clock_at(_at(start, 2)):
        order = place_direct_order(
            session,
            buyer,
            DirectOrderInput(
                listing_id=listing.id,
                quantity=quantity,
                kecamatan_id=kecamatan_id or 0,
                address=buyer.organisation.street_address if buyer.organisation else "",
                delivery_date=delivery_day,
                note="Mohon dikirim sebelum pukul 10.00.",
            ),
            start,
            settings,
        )
    if stage == "pending":
        return
    if stage == "expired":
        with clock_at(_at(start + timedelta(days=3), 1)):
            expire_orders(session)
        return
    with clock_at(_at(start, 5)):
        if stage == "declined":
            decline_order(session, order, seller, "Kapasitas produksi minggu itu sudah penuh.")
            return
        accept_order(session, order, seller)
    if stage == "accepted":
        return
    line = order.lines[0]
    sent_day = min(delivery_day - timedelta(days=rng.choice((0, 0, 1))), today)
    if stage == "paid_late":
        sent_day = min(delivery_day + timedelta(days=1), today)
    part = max(quantity // 2, 1) if stage == "part_delivered" else quantity
    with clock_at(_at(sent_day, 1)):
        delivery = send_delivery(session, order, seller, {line.id: part}, "Dikirim dengan kurir toko.")
    if stage in ("disputed", "escalated"):
        with clock_at(_at(sent_day, 6)):
            dispute = raise_problem(session, delivery, buyer, rng.choice(PROBLEMS))
        if stage == "escalated":
            with clock_at(max(dispute.escalate_after + timedelta(minutes=1), _at(today, 0))):
                escalate_disputes(session)
        return
    with clock_at(_at(sent_day, 7)):
        confirm_receipt(session, delivery, buyer, sent_day, {}, buyer.full_name, sent_day)
    if stage == "part_delivered":  # the rest is on its way, waiting for the buyer's BAST
        with clock_at(_at(min(sent_day + timedelta(days=1), today), 1)):
            send_delivery(session, order, seller, {line.id: quantity - part})
        return
    if stage == "delivered":
        return
    with clock_at(_at(sent_day, 9)):
        invoice = issue_invoice(session, order, seller)
    if stage == "invoiced":
        invoice.due_on = max(invoice.due_on, today + timedelta(days=2))  # still open
        return
    if stage == "overdue":
        return
    paid_on = (
        invoice.due_on if stage == "paid_on_time" else invoice.due_on + timedelta(days=rng.randint(3, 9))
    )
    paid_on = min(paid_on, today)
    with clock_at(_at(paid_on, 4)):
        record_payment(session, invoice, buyer, invoice.amount, paid_on, f"TRF-{order.id:05d}", paid_on)
    with clock_at(_at(paid_on, 6)):
        late = stage == "paid_late"
        rating = rate_seller(
            session,
            order,
            buyer,
            rng.choice((4, 5)),
            3 if late else 5,
            rng.choice((4, 5)),
            rng.choice(COMMENTS),
        )
        rate_buyer(
            session,
            order,
            seller,
            2 if late else 5,
            rng.choice((4, 5)),
            "Pembayaran terlambat." if late else "Pembayaran lancar.",
        )
        if rng.random() < 0.5:
            reply_to_rating(session, rating, seller, rng.choice(REPLIES))


def _carry_award_orders(session: Session, today: date, rng: random.Random) -> None:
    """Orders from fulfilled demo requests are delivered, invoiced and paid; the others wait."""
    orders = session.scalars(
        select(Order).where(Order.source == "award", Order.status == "accepted").order_by(Order.id)
    ).all()
    carried = 0
    for order in orders:
        request = order.award.request if order.award else None
        if request is None or request.status != "fulfilled":
            continue
        carried += 1
        seller = order.supplier.organisation.users[0]
        buyer = order.created_by or order.buyer.users[0]
        day = min(order.delivery_date, today - timedelta(days=6))
        day = max(day, (order.accepted_at or order.created_at).date())
        with clock_at(_at(day, 10)):
            delivery = send_delivery(session, order, seller, {line.id: line.quantity for line in order.lines})
        with clock_at(_at(day, 11)):
            confirm_receipt(session, delivery, buyer, day, {}, buyer.full_name, day)
            invoice = issue_invoice(session, order, seller)
        if carried % 3 == 0:
            continue  # left unpaid: overdue by now
        paid_on = min(invoice.due_on + timedelta(days=rng.choice((0, 0, 5))), today)
        with clock_at(_at(paid_on, 5)):
            record_payment(session, invoice, buyer, invoice.amount, paid_on, f"SP2D-{order.id:05d}", paid_on)
            rate_seller(
                session, order, buyer, 5, 4 if paid_on > invoice.due_on else 5, 5, rng.choice(COMMENTS)
            )
