"""Plain data exchanged between the application and the matching engine.

The web app builds these from its database rows; scripts and the evaluation CLI build them
from TSV files. Nothing here knows about Flask or SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .track_record import TrackRecord


@dataclass(frozen=True)
class Certification:
    """A certificate held by a supplier (halal, pirt, sni, bpom, other)."""

    kind: str
    expires_on: date | None = None

    def valid_on(self, day: date) -> bool:
        """True when the certificate has not expired on ``day``."""
        return self.expires_on is None or self.expires_on >= day


@dataclass(frozen=True)
class ListingRecord:
    """One listing with the facts about its seller that ranking needs."""

    listing_id: int
    supplier_id: int
    title: str
    description: str = ""
    category: str = ""
    category_name: str = ""
    supplier_name: str = ""
    seller_text: str = ""
    price: int | None = None
    unit: str = ""
    min_order: int | None = None
    monthly_capacity: int | None = None
    lead_time_days: int | None = None
    kota: str = ""
    kecamatan: str = ""
    certifications: tuple[Certification, ...] = ()
    scale: str = "micro"
    is_umkm: bool = True
    listing_active: bool = True
    seller_active: bool = True
    seller_verified: bool = True
    awards_won: int = 0
    track_record: TrackRecord | None = None  # orders delivered on time and buyers' ratings


@dataclass(frozen=True)
class DemandQuery:
    """A buyer's need as the engine sees it."""

    text: str
    category: str | None = None
    require_category: bool = False
    quantity: int | None = None
    unit: str = ""
    budget_ceiling: int | None = None
    kota: str = ""
    kecamatan: str = ""
    needed_by: date | None = None
    today: date | None = None
    required_certifications: tuple[str, ...] = field(default_factory=tuple)
    umkm_only: bool = False


@dataclass(frozen=True)
class Candidate:
    """One retrieved listing with its retrieval scores (what ranking receives)."""

    listing_id: int
    dense: float
    lexical: float
    fused: float
    category: str = ""
    category_share: float = 0.0
