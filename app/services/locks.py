"""Row locks for the procurement workflow.

Every action that reads and then changes a request, a proposal (match) or a quote first
locks the rows it depends on, always in the same order (request, then match, then quote),
and reads them afresh. On PostgreSQL the locks make concurrent actions queue up; on SQLite
(one writer at a time) the quote's version column refuses a write based on a stale read.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import DemandRequest, Match, Quote


def lock_request(session: Session, request_id: int) -> DemandRequest | None:
    """The request, row-locked for the rest of the transaction and read afresh."""
    return session.scalar(
        select(DemandRequest)
        .where(DemandRequest.id == request_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


def lock_requests(session: Session, request_ids: Iterable[int]) -> list[DemandRequest]:
    """Several requests, locked in id order (so two callers never deadlock)."""
    ids = sorted(set(request_ids))
    return list(
        session.scalars(
            select(DemandRequest)
            .where(DemandRequest.id.in_(ids))
            .order_by(DemandRequest.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    )


def lock_match(session: Session, match_id: int) -> Match:
    """The match and its request, locked and read afresh (request first)."""
    request_id = session.scalar(select(Match.request_id).where(Match.id == match_id))
    if request_id is None:
        raise LookupError(f"no match {match_id}")
    lock_request(session, request_id)
    match = session.scalar(
        select(Match).where(Match.id == match_id).with_for_update().execution_options(populate_existing=True)
    )
    assert match is not None
    return match


def lock_quote(session: Session, quote_id: int) -> Quote:
    """The quote, its match and its request, locked and read afresh."""
    match_id = session.scalar(select(Quote.match_id).where(Quote.id == quote_id))
    if match_id is None:
        raise LookupError(f"no quote {quote_id}")
    lock_match(session, match_id)
    quote = session.scalar(
        select(Quote).where(Quote.id == quote_id).with_for_update().execution_options(populate_existing=True)
    )
    assert quote is not None
    return quote


def lock_quotes_of(session: Session, request_id: int) -> dict[int, Quote]:
    """Every quote of the request (and their matches), locked and read afresh, by id."""
    for match in session.scalars(
        select(Match)
        .where(Match.request_id == request_id)
        .order_by(Match.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ):
        session.expire(match, ["quotes"])
    quotes = session.scalars(
        select(Quote)
        .join(Match, Quote.match_id == Match.id)
        .where(Match.request_id == request_id)
        .order_by(Quote.id)
        .with_for_update(of=Quote)
        .execution_options(populate_existing=True)
    )
    return {quote.id: quote for quote in quotes}
