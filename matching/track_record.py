"""A supplier's track record (completed orders, deliveries on time, ratings) as a soft score.

Averages are Bayesian: each is shrunk toward a neutral prior by a number of imagined orders
and ratings, so a new UMKM with no history scores exactly the prior (never less), one bad
order cannot sink a supplier, and a handful of good ones cannot lift it far. Pure: no Flask,
no SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass

PRIOR_RATING = 4.0  # out of 5: what a supplier with no ratings is taken to have
RATING_STRENGTH = 5.0  # the prior counts as this many ratings
PRIOR_ON_TIME = 0.8  # share of orders delivered on time assumed for a new supplier
ON_TIME_STRENGTH = 5.0  # the prior counts as this many completed orders
RATING_SHARE = 0.6  # weight of ratings in the score; the rest is deliveries on time


@dataclass(frozen=True)
class TrackRecord:
    """What a supplier has done on the marketplace: orders completed, how many of them were
    delivered on time, and the buyers' ratings (sum and count of 1-5 averages per order)."""

    completed_orders: int = 0
    on_time_deliveries: int = 0
    rating_sum: float = 0.0
    rating_count: int = 0

    @property
    def is_new(self) -> bool:
        """True when there is nothing to judge yet."""
        return self.completed_orders <= 0 and self.rating_count <= 0


def _counts(record: TrackRecord) -> tuple[int, int, float, int]:
    completed = max(0, record.completed_orders)
    on_time = min(max(0, record.on_time_deliveries), completed)
    count = max(0, record.rating_count)
    rating_sum = min(max(record.rating_sum, 1.0 * count), 5.0 * count) if count else 0.0
    return completed, on_time, rating_sum, count


def bayesian_rating(record: TrackRecord | None) -> float:
    """The rating (1-5) shrunk toward the prior; the prior itself when there are no ratings."""
    _, _, rating_sum, count = _counts(record or TrackRecord())
    return (rating_sum + PRIOR_RATING * RATING_STRENGTH) / (count + RATING_STRENGTH)


def bayesian_on_time_share(record: TrackRecord | None) -> float:
    """The share of orders delivered on time (0-1), shrunk toward the prior."""
    completed, on_time, _, _ = _counts(record or TrackRecord())
    return (on_time + PRIOR_ON_TIME * ON_TIME_STRENGTH) / (completed + ON_TIME_STRENGTH)


def track_record_score(record: TrackRecord | None) -> float:
    """A soft score in [0, 1]: ratings and on-time share, both shrunk toward the prior.

    A supplier without history (or ``None``) gets ``PRIOR_SCORE``.
    """
    rating_part = (bayesian_rating(record) - 1.0) / 4.0
    return RATING_SHARE * rating_part + (1.0 - RATING_SHARE) * bayesian_on_time_share(record)


PRIOR_SCORE = track_record_score(None)


def track_record_adjustment(record: TrackRecord | None) -> float:
    """The score's distance from the prior in [-1, 1]: 0 for a new supplier, positive for a
    record better than the prior, negative for a worse one (the ranking's soft score)."""
    delta = track_record_score(record) - PRIOR_SCORE
    if delta >= 0:
        return min(1.0, delta / (1.0 - PRIOR_SCORE))
    return max(-1.0, delta / PRIOR_SCORE)


def average_rating(record: TrackRecord | None) -> float | None:
    """The plain average rating (for display), or None without ratings."""
    if record is None or record.rating_count <= 0:
        return None
    return record.rating_sum / record.rating_count


def on_time_share(record: TrackRecord | None) -> float | None:
    """The plain share of completed orders delivered on time (for display), or None."""
    if record is None or record.completed_orders <= 0:
        return None
    _, on_time, _, _ = _counts(record)
    return on_time / record.completed_orders
