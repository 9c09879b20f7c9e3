"""Result types returned by ranking: one SupplierMatch per supplier, each explained."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class ScoreBreakdown:
    """Component scores of one listing for one request.

    ``dense`` is cosine similarity, ``lexical`` TF-IDF cosine, ``fused`` the retrieval score
    (standard-deviation units of the candidate pool). Soft scores are in [-1, 1], 0 when the
    facts are unknown; ``exposure`` is the fair-exposure discount (<= 0); ``total`` is what
    the ranking sorts by. ``requirements`` is the share of the buyer's stated conditions the
    listing meets, in [-1, 1] (0 when none is stated); ``phrase`` the share of the request's
    item phrases (word pairs such as "ayam goreng") found whole in the listing.
    """

    dense: float
    lexical: float
    fused: float
    budget: float = 0.0
    capacity: float = 0.0
    location: float = 0.0
    lead_time: float = 0.0
    track_record: float = 0.0
    requirements: float = 0.0
    phrase: float = 0.0
    exposure: float = 0.0
    total: float = 0.0


@dataclass(frozen=True)
class ConstraintCheck:
    """One constraint evaluated for a listing; hard ones exclude it when failed."""

    name: str
    passed: bool
    hard: bool
    detail: str = ""


@dataclass(frozen=True)
class Explanation:
    """Why a listing was proposed: scores, matched words, constraints, two sentences."""

    scores: ScoreBreakdown
    matched_terms: tuple[str, ...]
    checks: tuple[ConstraintCheck, ...]
    sentence_id: str
    sentence_en: str
    # The same reasons as kinds with parameters (``explain.reasons``), for showing them in the
    # reader's language; the two sentences stay for the API, the CLI and older readers.
    reasons: tuple[dict[str, Any], ...] = ()

    @property
    def passed(self) -> tuple[str, ...]:
        """Names of the constraints that passed."""
        return tuple(c.name for c in self.checks if c.passed)

    @property
    def failed(self) -> tuple[str, ...]:
        """Names of the constraints that failed (hard or soft)."""
        return tuple(c.name for c in self.checks if not c.passed)


@dataclass(frozen=True)
class ListingMatch:
    """One listing of a supplier with its score and explanation."""

    listing_id: int
    score: float
    explanation: Explanation
    eligible: bool = True


@dataclass(frozen=True)
class SupplierMatch:
    """A proposed supplier: its best listing for the request, its other matching listings.

    ``reserved`` marks a supplier never proposed before that was given one of the places
    fair exposure keeps for newcomers. ``eligible`` is False only for rejected entries that
    ``rank(..., settings.include_rejected=True)`` appends for the reviewer.
    """

    supplier_id: int
    listing_id: int
    rank: int
    score: float
    explanation: Explanation
    other_listings: tuple[ListingMatch, ...] = ()
    eligible: bool = True
    reserved: bool = False

    @property
    def listing_ids(self) -> tuple[int, ...]:
        """The best listing first, then the others."""
        return (self.listing_id,) + tuple(m.listing_id for m in self.other_listings)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (for the API and audit records)."""
        data = asdict(self)
        data["explanation"]["passed"] = list(self.explanation.passed)
        data["explanation"]["failed"] = list(self.explanation.failed)
        return data
