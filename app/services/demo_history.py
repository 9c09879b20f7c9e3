"""Plays the demo requests through the real workflow, back-dated, so every stage has examples."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.demo.records import DemoRequest
from app.services import ServiceError
from app.services.awards import award
from app.services.demand import cancel_request, fulfil_request, invite_suppliers, publish_request
from app.services.quotes import QuoteInput, submit_quote
from app.services.review import approve, reject
from app.services.states import record_event
from models import DemandRequest, Notification, User, clock_at, utcnow

STAGE_ORDER = ("draft", "under_review", "open", "invited", "quoted", "awarded", "fulfilled")
CANCEL_REASONS = (
    "Anggaran dialihkan ke kegiatan lain.",
    "Kegiatan ditunda ke tahun depan.",
    "Kebutuhan sudah terpenuhi dari stok gudang.",
)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=UTC)


def _buyer_user(request: DemandRequest) -> User:
    return request.created_by or request.buyer.users[0]


def play_history(
    session: Session, plans: list[tuple[DemandRequest, DemoRequest]], official: User, today: date, seed: int
) -> None:
    """Drive each request to its planned stage, each step at a plausible past moment."""
    rng = random.Random(seed)
    for request, plan in plans:
        end = request.needed_by or today + timedelta(days=30)
        if plan.stage in ("awarded", "fulfilled"):
            start = min(today - timedelta(days=6), end - timedelta(days=18))
        else:
            start = today - timedelta(days=rng.randint(1, 5))
        start = min(start, end - timedelta(days=3))
        with clock_at(_at(start, 1)):
            request.created_at = request.updated_at = utcnow()
            session.flush()
            record_event(
                session,
                actor=_buyer_user(request),
                action="request.created",
                object_type="request",
                object_id=request.id,
                to_state="draft",
            )
        if plan.stage != "draft":
            _play(session, request, plan, official, start, today, rng)
    session.flush()
    session.execute(update(Notification).where(Notification.emailed_at.is_(None)).values(emailed_at=utcnow()))


def _play(
    session: Session,
    request: DemandRequest,
    plan: DemoRequest,
    official: User,
    start: date,
    today: date,
    rng: random.Random,
) -> None:
    buyer = _buyer_user(request)
    target = plan.stage
    with clock_at(_at(start, 2)):
        matches = publish_request(session, request, buyer, start)
    if target == "cancelled":
        with clock_at(_at(min(start + timedelta(days=1), today), 4)):
            cancel_request(session, request, buyer, rng.choice(CANCEL_REASONS))
        return
    if target == "under_review" or not matches:
        return
    review_day = min(start + timedelta(days=1), today)
    with clock_at(_at(review_day, 3)):
        doubtful = [m for m in matches if m.explanation.get("scores", {}).get("dense", 1) < 0.78]
        if doubtful and len(doubtful) < len(matches):
            reject(session, [m.id for m in doubtful[:2]], official, "Produk kurang sesuai dengan kebutuhan.")
        pending = [m.id for m in matches if m.status == "proposed"]
        if pending:
            approve(session, pending, official)
    if target == "open":
        return
    approved = [m for m in matches if m.status == "approved"][:4]
    if not approved:
        return
    invite_day = min(start + timedelta(days=2), today)
    with clock_at(_at(invite_day, 3)):
        invite_suppliers(session, request, [m.id for m in approved], buyer, invite_day)
    if target == "invited":
        return
    quote_day = min(start + timedelta(days=3), today)
    quotes = []
    for match in approved[: rng.randint(2, 3)]:
        seller = match.supplier.organisation.users[0]
        base = match.listing.price if match.listing else 100_000
        price = max(1000, round(base * rng.uniform(0.9, 1.05) / 500) * 500)
        delivery = max(quote_day, (request.needed_by or quote_day) - timedelta(days=rng.randint(1, 3)))
        with clock_at(_at(quote_day, rng.randint(2, 9))):
            try:
                quotes.append(
                    submit_quote(
                        session,
                        match,
                        seller,
                        QuoteInput(price, request.quantity, delivery, "Harga sudah termasuk ongkos kirim."),
                        quote_day,
                    )
                )
            except ServiceError:
                continue
    if target == "quoted" or not quotes:
        return
    best = min(quotes, key=lambda q: q.total_price)
    with clock_at(_at(min(start + timedelta(days=5), today), 5)):
        award(
            session,
            request.id,
            {best.id: best.quantity},
            buyer,
            "Penawaran lain lebih sesuai dari sisi harga dan waktu kirim.",
        )
    if target == "fulfilled":
        with clock_at(_at(min(request.needed_by or today, today), 6)):
            fulfil_request(session, request, buyer)
