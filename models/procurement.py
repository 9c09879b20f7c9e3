"""Demand requests and what follows them: proposals (matches), quotes and awards."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, utcnow
from models.states import MatchState, QuoteState, RequestState, allowed, values

if TYPE_CHECKING:
    from models.accounts import Organisation, SupplierProfile, User
    from models.catalogue import Category, Listing
    from models.places import Kecamatan, Kota

REQUEST_STATUSES = values(RequestState)
MATCH_STATUSES = values(MatchState)
QUOTE_STATUSES = values(QuoteState)


class DemandRequest(Base):
    """A request: a buyer's procurement need (the first stage of the lifecycle)."""

    __tablename__ = "demand_requests"
    __table_args__ = (allowed("status", RequestState),)

    id: Mapped[int] = mapped_column(primary_key=True)
    buyer_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(32), default="")
    budget_ceiling: Mapped[int | None] = mapped_column(BigInteger)
    kota_id: Mapped[int | None] = mapped_column(ForeignKey("kota.id"), index=True)
    kecamatan_id: Mapped[int | None] = mapped_column(ForeignKey("kecamatan.id"))
    needed_by: Mapped[date | None] = mapped_column(Date)
    quotes_due: Mapped[date | None] = mapped_column(Date)
    required_certifications: Mapped[list[str]] = mapped_column(JSON, default=list)
    umkm_only: Mapped[bool] = mapped_column(Boolean, default=True)
    # "Minta penawaran" from a product or supplier page: the supplier the need is addressed to.
    addressed_to_id: Mapped[int | None] = mapped_column(ForeignKey("supplier_profiles.id"))
    status: Mapped[str] = mapped_column(String(16), default=RequestState.DRAFT.value, index=True)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}

    buyer: Mapped[Organisation] = relationship()
    created_by: Mapped[User | None] = relationship()
    category: Mapped[Category | None] = relationship()
    kota: Mapped[Kota | None] = relationship()
    kecamatan: Mapped[Kecamatan | None] = relationship()
    addressed_to: Mapped[SupplierProfile | None] = relationship()
    matches: Mapped[list[Match]] = relationship(back_populates="request", order_by="Match.rank")
    awards: Mapped[list[Award]] = relationship(back_populates="request")


class Match(Base):
    """A proposal: a supplier the matcher put forward for a request, with its score and
    explanation; once the buyer invites it (status ``invited``) the same row is the invitation
    (see "Names in the lifecycle" in the README)."""

    __tablename__ = "matches"
    __table_args__ = (
        UniqueConstraint("request_id", "supplier_id"),
        allowed("status", MatchState),
        # Covering indexes for the programme metrics: proposals and invitations per supplier
        # over a period, and the supplier behind each quote, are read from these narrow
        # indexes instead of the wide proposal rows (each carries a ~2 kB explanation).
        Index("ix_matches_created_at_supplier_id", "created_at", "supplier_id"),
        Index("ix_matches_invited_at_supplier_id", "invited_at", "supplier_id"),
        Index("ix_matches_id_supplier_id", "id", "supplier_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("demand_requests.id"), index=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier_profiles.id"), index=True)
    listing_id: Mapped[int | None] = mapped_column(ForeignKey("listings.id"))
    rank: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    explanation: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(10), default=MatchState.PROPOSED.value, index=True)
    review_reason: Mapped[str] = mapped_column(Text, default="")
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    invited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    shortlisted: Mapped[bool] = mapped_column(Boolean, default=False)
    decline_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)

    request: Mapped[DemandRequest] = relationship(back_populates="matches")
    supplier: Mapped[SupplierProfile] = relationship()
    listing: Mapped[Listing | None] = relationship()
    quotes: Mapped[list[Quote]] = relationship(back_populates="match")


class Quote(Base):
    """A supplier's offer in answer to an invitation."""

    __tablename__ = "quotes"
    __table_args__ = (
        # At most one live (not withdrawn) quote per invitation, whatever the race.
        Index(
            "uq_quotes_live_match_id",
            "match_id",
            unique=True,
            sqlite_where=text("status <> 'withdrawn'"),
            postgresql_where=text("status <> 'withdrawn'"),
        ),
        allowed("status", QuoteState),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id"), index=True)
    unit_price: Mapped[int] = mapped_column(BigInteger)
    quantity: Mapped[int] = mapped_column(Integer)
    delivery_date: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    attachment_name: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(12), default=QuoteState.SUBMITTED.value, index=True)
    outcome_reason: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}

    match: Mapped[Match] = relationship(back_populates="quotes")
    award: Mapped[Award | None] = relationship(back_populates="quote", uselist=False)

    @property
    def total_price(self) -> int:
        """Unit price times quantity, in rupiah."""
        return self.unit_price * self.quantity


class Award(Base):
    """The buyer's decision to buy (part of) the quantity from one supplier's quote."""

    __tablename__ = "awards"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("demand_requests.id"), index=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id"), unique=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier_profiles.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(BigInteger)
    total_value: Mapped[int] = mapped_column(BigInteger)
    awarded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    awarded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)

    request: Mapped[DemandRequest] = relationship(back_populates="awards")
    quote: Mapped[Quote] = relationship(back_populates="award")
    supplier: Mapped[SupplierProfile] = relationship()
