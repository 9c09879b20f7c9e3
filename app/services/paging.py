"""Paging of list pages and API lists: one page of a query's rows and how many there are."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

T = TypeVar("T")


def page_count(total: int, per_page: int) -> int:
    """How many pages ``total`` rows fill, ``per_page`` a page (at least one)."""
    return max(1, -(-total // per_page))


def first_row(page: int, per_page: int) -> int:
    """Offset of the first row of a 1-based ``page``."""
    return (max(page, 1) - 1) * per_page


def page_rows(session: Session, query: Select[Any], page: int, per_page: int) -> tuple[list[Any], int]:
    """Rows of the 1-based ``page`` of ``query`` (already ordered, with its loader options) and
    how many rows the query has in all."""
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    rows = session.scalars(query.limit(per_page).offset(first_row(page, per_page))).all()
    return list(rows), int(total)
