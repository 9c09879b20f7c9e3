"""What ranking knows about one candidate listing for one request, computed once.

``features(query, candidate, record, phrases)`` returns a ``Features`` record (retrieval
scores plus soft scores, each soft score in [-1, 1] and 0 when the facts are unknown) and the
soft constraint checks behind it. A ``Scorer`` turns features into the number ranking sorts
by; ``DEFAULT_SCORER`` is the hand-set linear scorer (the only place its weights live). A
learned scorer (``feedback.LearnedScorer``) is another ``Scorer`` over the same names.
Adding a feature: one field on ``Features`` (and ``results.ScoreBreakdown``), its
computation in ``features``, and a weight in ``DEFAULT_WEIGHTS``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from types import MappingProxyType
from typing import Protocol, runtime_checkable

from .explain import format_number
from .phrases import phrase_share
from .results import ConstraintCheck
from .text import listing_text
from .track_record import track_record_adjustment
from .types import Candidate, DemandQuery, ListingRecord


@dataclass(frozen=True)
class Features:
    """Named features of one candidate listing (the order is the learned scorer's column order)."""

    fused: float
    dense: float
    lexical: float
    budget: float = 0.0
    capacity: float = 0.0
    location: float = 0.0
    lead_time: float = 0.0
    track_record: float = 0.0
    requirements: float = 0.0
    phrase: float = 0.0

    def as_dict(self) -> dict[str, float]:
        """The features by name."""
        # vars() rather than dataclasses.asdict: asdict deep-copies every value, which cost ~5 ms a
        # request at 100 candidates (measured with cProfile on the match benchmark).
        return dict(vars(self))


FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Features))


@runtime_checkable
class Scorer(Protocol):
    """Turns a candidate's features into the score ranking sorts by (higher is better)."""

    def score(self, features: Mapping[str, float]) -> float:
        """The candidate's score."""
        ...


@dataclass(frozen=True)
class LinearScorer:
    """``features[base] + Σ weight × features[name]`` (weights summed in their given order)."""

    weights: Mapping[str, float]
    base: str = "fused"

    def score(self, features: Mapping[str, float]) -> float:
        """The base feature plus the weighted sum of the others."""
        return features[self.base] + sum(w * features[name] for name, w in self.weights.items())


# Today's hand-set weights, in the fused score's units (pool standard deviations).
DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "budget": 0.3,
        "capacity": 0.1,
        "location": 0.2,
        "lead_time": 0.2,
        "track_record": 0.1,
        "requirements": 0.4,
        "phrase": 0.3,
    }
)
DEFAULT_SCORER = LinearScorer(DEFAULT_WEIGHTS)


def soft_scores(query: DemandQuery, record: ListingRecord) -> tuple[dict[str, float], list[ConstraintCheck]]:
    """Soft scores in [-1, 1] (budget, capacity, location, lead_time, track_record) and the
    soft constraints behind them (failing one lowers the score but excludes nothing)."""
    scores = {"budget": 0.0, "capacity": 0.0, "location": 0.0, "lead_time": 0.0, "track_record": 0.0}
    checks: list[ConstraintCheck] = []
    if record.price and query.budget_ceiling:
        total = record.price * (query.quantity or 1)
        ratio = total / query.budget_ceiling
        scores["budget"] = 1.0 if ratio <= 1 else max(-1.0, 1.0 - 2.0 * (ratio - 1.0))
        checks.append(
            ConstraintCheck(
                "budget",
                ratio <= 1,
                False,
                f"total {format_number(total)} vs ceiling {format_number(query.budget_ceiling)}",
            )
        )
    if query.quantity and record.min_order:
        ok = query.quantity >= record.min_order
        checks.append(
            ConstraintCheck(
                "min_order", ok, False, "" if ok else f"minimum order {format_number(record.min_order)}"
            )
        )
        if not ok:
            scores["budget"] = min(scores["budget"], -0.5)
    if query.quantity and record.monthly_capacity:
        headroom = record.monthly_capacity / query.quantity
        scores["capacity"] = max(-1.0, min(1.0, headroom - 1.0))
    if query.kecamatan and record.kecamatan and query.kecamatan.lower() == record.kecamatan.lower():
        scores["location"] = 1.0
    elif query.kota and record.kota and query.kota.lower() == record.kota.lower():
        scores["location"] = 0.6
    if query.kota and record.kota:
        checks.append(
            ConstraintCheck(
                "location", scores["location"] > 0, False, f"{record.kecamatan or '-'}, {record.kota}"
            )
        )
    if query.needed_by and record.lead_time_days is not None:
        days_left = (query.needed_by - (query.today or date.today())).days
        ok = record.lead_time_days <= days_left
        slack = (days_left - record.lead_time_days) / max(days_left, 1)
        scores["lead_time"] = max(-1.0, min(1.0, 0.5 + slack)) if ok else -1.0
        checks.append(
            ConstraintCheck(
                "lead_time", ok, False, f"{record.lead_time_days} days needed, {days_left} available"
            )
        )
    scores["track_record"] = track_record_soft_score(record)
    return scores, checks


def track_record_soft_score(record: ListingRecord) -> float:
    """The supplier's record in [-1, 1]: half a point at most for awards won, plus how far its
    deliveries and ratings stand from the Bayesian prior (0 for a supplier without orders, so
    a new UMKM is never pushed down; one bad order moves it a little, many a lot)."""
    awards = 0.5 * min(1.0, record.awards_won / 10.0) if record.awards_won > 0 else 0.0
    return max(-1.0, min(1.0, awards + track_record_adjustment(record.track_record)))


def requirements_score(checks: Sequence[ConstraintCheck]) -> float:
    """Share of the stated soft conditions met, in [-1, 1] (0 when none is stated), so a
    supplier meeting every condition the buyer gave rises above one meeting few."""
    if not checks:
        return 0.0
    return 2.0 * sum(c.passed for c in checks) / len(checks) - 1.0


def features(
    query: DemandQuery,
    candidate: Candidate,
    record: ListingRecord,
    phrases: frozenset[str] = frozenset(),
) -> tuple[Features, list[ConstraintCheck]]:
    """The candidate's features for ``query`` and the soft constraint checks behind them.

    ``phrases`` are the request's item phrases (``phrases.item_phrases(query.text)``).
    """
    soft, checks = soft_scores(query, record)
    return Features(
        fused=candidate.fused,
        dense=candidate.dense,
        lexical=candidate.lexical,
        budget=soft["budget"],
        capacity=soft["capacity"],
        location=soft["location"],
        lead_time=soft["lead_time"],
        track_record=soft["track_record"],
        requirements=requirements_score(checks),
        phrase=phrase_share(phrases, listing_text(record)) if phrases else 0.0,
    ), checks
