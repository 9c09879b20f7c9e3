"""A supplier's track record (orders delivered, on time or late, completed; buyers' ratings),
counted once for the supplier's public page and for the ranking.

An order counts as delivered once its goods were all received (status delivered or
completed); it was on time when that happened, on the marketplace's business calendar
(Jakarta), by its delivery date. Both screens read ``supplier_records``, so the page shows the
figures the ranking used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Float, case, cast, func, select
from sqlalchemy.orm import Session

from app.services.periods import dialect_of, jakarta_day
from matching.track_record import TrackRecord
from models import Order, Rating


@dataclass(frozen=True)
class SupplierRecord:
    """A supplier's track record on Pasar Padu."""

    completed_orders: int = 0
    delivered_orders: int = 0
    on_time_deliveries: int = 0
    rating_sum: float = 0.0
    rating_count: int = 0

    @property
    def rating(self) -> float | None:
        """The mean rating (1–5), or None before the first."""
        return self.rating_sum / self.rating_count if self.rating_count else None

    @property
    def on_time_share(self) -> float | None:
        """Share of delivered orders that arrived by their delivery date."""
        return self.on_time_deliveries / self.delivered_orders if self.delivered_orders else None

    def track_record(self) -> TrackRecord:
        """The ranking's view of this record: delivered orders (on time or not) and ratings."""
        return TrackRecord(self.delivered_orders, self.on_time_deliveries, self.rating_sum, self.rating_count)


def supplier_records(session: Session, supplier_ids: Iterable[int]) -> dict[int, SupplierRecord]:
    """Track records of the given suppliers (those without history are left out).

    Two grouped queries (orders, ratings), so the cost follows the number of suppliers asked
    about. A rating counts as the mean of the quality, timeliness and communication scores given.
    """
    ids = list(set(supplier_ids))
    if not ids:
        return {}
    on_time = case((jakarta_day(dialect_of(session), Order.delivered_at) <= Order.delivery_date, 1), else_=0)
    completed = case((Order.status == "completed", 1), else_=0)
    orders = session.execute(
        select(Order.supplier_id, func.sum(completed), func.count(Order.id), func.sum(on_time))
        .where(Order.supplier_id.in_(ids), Order.status.in_(("delivered", "completed")))
        .group_by(Order.supplier_id)
    ).all()
    given = [Rating.quality, Rating.timeliness, Rating.communication]
    total = sum((func.coalesce(score, 0) for score in given[1:]), func.coalesce(given[0], 0))
    count = sum(
        (case((score.is_(None), 0), else_=1) for score in given[1:]), case((given[0].is_(None), 0), else_=1)
    )
    mean = cast(total, Float) / func.nullif(count, 0)
    ratings = session.execute(
        select(Order.supplier_id, func.sum(mean), func.count(Rating.id))
        .join(Rating, Rating.order_id == Order.id)
        .where(Order.supplier_id.in_(ids), Rating.direction == "buyer_to_seller")
        .group_by(Order.supplier_id)
    ).all()
    delivered = {int(s): (int(c or 0), int(n), int(t or 0)) for s, c, n, t in orders}
    rated = {int(s): (float(summed or 0.0), int(n)) for s, summed, n in ratings}
    return {
        supplier_id: SupplierRecord(*delivered.get(supplier_id, (0, 0, 0)), *rated.get(supplier_id, (0.0, 0)))
        for supplier_id in delivered.keys() | rated.keys()
    }
