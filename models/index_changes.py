"""The search index's change feed: one row per catalogue change, written with the change itself."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base

INDEX_CHANGE_REASONS = ("listing", "supplier", "certification", "verification", "activation", "rebuild")


class IndexChange(Base):
    """A listing or a supplier whose indexed text or visibility changed.

    Written in the same transaction as the change (``app.services.index_changes``) and drained
    by the indexer in id order. A row naming neither a listing nor a supplier asks for a full
    rebuild. Ids are never reused (``AUTOINCREMENT`` on SQLite), because the indexer remembers
    how far it got by id.
    """

    __tablename__ = "index_changes"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Plain ids, no foreign keys: a change outlives the row it names (a deleted listing must
    # still leave the index), and a NULL here never stands for anything but "not this kind".
    listing_id: Mapped[int | None] = mapped_column(Integer)
    supplier_id: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(20))
    # Wall-clock time of the write (never the demo clock): the indexer compares it with its own.
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
