"""The change feed of the search index: what changed in the catalogue, written with the change.

Every service that changes what the index holds (a listing's text or status, a seller's
profile words, certificates, verification, activation) calls ``record_change`` in the same
transaction, so the feed commits or rolls back with the change itself. The indexer
(``app.services.indexer``) is the only reader.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.orm import Session

from models import IndexChange, Listing


def record_change(
    session: Session,
    listing_ids: Iterable[int] = (),
    supplier_ids: Iterable[int] = (),
    reason: str = "listing",
) -> None:
    """Note that these listings, or every listing of these suppliers, must be re-indexed.

    Flushes but never commits: the caller's commit publishes the change and its feed row
    together. Flush new rows first, so they have their ids.
    """
    now = datetime.now(UTC)
    listings = dict.fromkeys(int(i) for i in listing_ids if i is not None)
    suppliers = dict.fromkeys(int(i) for i in supplier_ids if i is not None)
    session.add_all(IndexChange(listing_id=i, reason=reason, created_at=now) for i in listings)
    session.add_all(IndexChange(supplier_id=i, reason=reason, created_at=now) for i in suppliers)
    session.flush()


def request_rebuild(session: Session, reason: str = "rebuild") -> None:
    """Ask the indexer for a full rebuild from the database (a bulk load, an operator)."""
    session.add(IndexChange(reason=reason, created_at=datetime.now(UTC)))
    session.flush()


@dataclass
class ChangeBatch:
    """Feed rows read in one go: their ids and what they name."""

    ids: list[int] = field(default_factory=list)
    listing_ids: set[int] = field(default_factory=set)
    supplier_ids: set[int] = field(default_factory=set)
    rebuild: bool = False

    def __bool__(self) -> bool:
        return bool(self.ids)


def read_changes(session: Session, after: int, skip: Iterable[int] = (), limit: int = 10_000) -> ChangeBatch:
    """Feed rows with an id above ``after`` (except ``skip``), oldest first, at most ``limit``."""
    done = set(skip)
    batch = ChangeBatch()
    rows = session.execute(
        select(IndexChange.id, IndexChange.listing_id, IndexChange.supplier_id)
        .where(IndexChange.id > after)
        .order_by(IndexChange.id)
        .limit(limit + len(done))
    ).all()
    for change_id, listing_id, supplier_id in rows:
        if change_id in done:
            continue
        if len(batch.ids) >= limit:
            break
        batch.ids.append(int(change_id))
        if listing_id is not None:
            batch.listing_ids.add(int(listing_id))
        if supplier_id is not None:
            batch.supplier_ids.add(int(supplier_id))
        if listing_id is None and supplier_id is None:
            batch.rebuild = True
    return batch


def affected_listings(session: Session, batch: ChangeBatch) -> set[int]:
    """The listings a batch touches: those it names and every listing of the suppliers it names."""
    affected = set(batch.listing_ids)
    suppliers = list(batch.supplier_ids)
    for start in range(0, len(suppliers), 1000):
        chunk = suppliers[start : start + 1000]
        affected.update(session.scalars(select(Listing.id).where(Listing.supplier_id.in_(chunk))))
    return affected


def latest_change_id(session: Session) -> int:
    """The highest id in the feed (0 when empty)."""
    return int(session.scalar(select(func.max(IndexChange.id))) or 0)


def settled_change_id(session: Session, before: datetime, after: int = 0) -> int:
    """The highest id above ``after`` written before ``before`` (else ``after``).

    Ids are handed out in order, so every id below a row that old was settled long ago.
    """
    return int(
        session.scalar(
            select(func.max(IndexChange.id)).where(IndexChange.id > after, IndexChange.created_at < before)
        )
        or after
    )


def prune_changes(session: Session, upto: int, before: datetime) -> int:
    """Delete feed rows at or below ``upto`` written before ``before``; returns how many.

    The newest row always stays, so the feed's highest id never falls below a published
    watermark (which would mean the snapshot belongs to another database).
    """
    newest = latest_change_id(session)
    # a DELETE answers with a CursorResult (its row count), which Session.execute's type omits
    result = cast(
        "CursorResult[Any]",
        session.execute(
            delete(IndexChange).where(
                IndexChange.id <= upto, IndexChange.id < newest, IndexChange.created_at < before
            )
        ),
    )
    session.flush()
    return int(result.rowcount or 0)
