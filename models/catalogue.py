"""Product categories, listings, their photos and the weekly featured showcase."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, utcnow
from models.states import ListingState, allowed, values

if TYPE_CHECKING:
    from models.accounts import SupplierProfile

LISTING_STATUSES = values(ListingState)


class Category(Base):
    """A product or service category with Indonesian and English names."""

    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    name_id: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str] = mapped_column(String(80))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    parent: Mapped[Category | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Category]] = relationship(back_populates="parent")
    listings: Mapped[list[Listing]] = relationship(back_populates="category")

    def name(self, locale: str) -> str:
        """The category name in the given locale (Indonesian unless 'en')."""
        return self.name_en if locale == "en" else self.name_id


class Listing(Base):
    """A product or service a supplier offers, priced in whole rupiah per unit."""

    __tablename__ = "listings"
    __table_args__ = (allowed("status", ListingState),)

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier_profiles.id"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), index=True)
    title: Mapped[str] = mapped_column(String(140))
    description: Mapped[str] = mapped_column(Text, default="")
    price: Mapped[int] = mapped_column(BigInteger)
    unit: Mapped[str] = mapped_column(String(32))
    min_order: Mapped[int] = mapped_column(Integer, default=1)
    monthly_capacity: Mapped[int | None] = mapped_column(Integer)
    lead_time_days: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(10), default=ListingState.DRAFT.value, index=True)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow, index=True
    )

    supplier: Mapped[SupplierProfile] = relationship(back_populates="listings")
    category: Mapped[Category] = relationship(back_populates="listings")
    photos: Mapped[list[ListingPhoto]] = relationship(
        back_populates="listing", cascade="all, delete-orphan", order_by="ListingPhoto.position"
    )


class ListingPhoto(Base):
    """An uploaded photo, re-encoded and stored outside static/ under a random name."""

    __tablename__ = "listing_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"), index=True)
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    thumb_name: Mapped[str] = mapped_column(String(64), unique=True)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    listing: Mapped[Listing] = relationship(back_populates="photos")


class FeaturedListing(Base):
    """A listing picked for the "Jumat Beli Lokal" showcase of the week starting on ``week_of``."""

    __tablename__ = "featured_listings"
    __table_args__ = (UniqueConstraint("week_of", "listing_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    week_of: Mapped[date] = mapped_column(Date, index=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"))

    listing: Mapped[Listing] = relationship()
