"""Period filters and the date SQL that differs between SQLite and PostgreSQL, written once.

The programme figures (``metrics``, ``deal_metrics``), the open-data exports and the track
records all filter by a period of Jakarta dates and read UTC timestamps as Jakarta days,
months or times; both databases get the same answers.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Date, cast, func
from sqlalchemy.orm import Session

from app.clock import JAKARTA


class Period(Protocol):
    """A period of Jakarta dates (inclusive), with its UTC bounds; None = open."""

    @property
    def start(self) -> date | None:
        """First day of the period."""

    @property
    def end(self) -> date | None:
        """Last day of the period."""

    @property
    def since(self) -> datetime | None:
        """The first moment of the period, in UTC."""

    @property
    def before(self) -> datetime | None:
        """The first moment after the period, in UTC."""


def midnight_utc(day: date) -> datetime:
    """The moment ``day`` begins in Jakarta, in UTC."""
    return datetime.combine(day, time.min, tzinfo=JAKARTA).astimezone(UTC)


def in_period(column: Any, period: Period) -> list[ColumnElement[bool]]:
    """A UTC timestamp column within the period, as SQL conditions."""
    conditions: list[ColumnElement[bool]] = []
    if period.since is not None:
        conditions.append(column >= period.since)
    if period.before is not None:
        conditions.append(column < period.before)
    return conditions


def on_days(column: Any, period: Period) -> list[ColumnElement[bool]]:
    """A date column within the period (both ends inclusive), as SQL conditions."""
    conditions: list[ColumnElement[bool]] = []
    if period.start is not None:
        conditions.append(column >= period.start)
    if period.end is not None:
        conditions.append(column <= period.end)
    return conditions


def dialect_of(session: Session) -> str:
    """The name of the session's database dialect (``sqlite``, ``postgresql``)."""
    return session.get_bind().dialect.name


def jakarta_day(dialect: str, column: Any) -> Any:
    """The Jakarta date of a UTC timestamp column, in the database's own SQL."""
    if dialect == "postgresql":
        return cast(func.timezone("Asia/Jakarta", column), Date)
    return func.date(column, "+7 hours")


def jakarta_month(dialect: str, column: Any) -> ColumnElement[str]:
    """``YYYY-MM`` of a UTC timestamp column, in Jakarta time, in the database's own SQL."""
    if dialect == "postgresql":
        return func.to_char(func.timezone("Asia/Jakarta", column), "YYYY-MM")
    return func.strftime("%Y-%m", column, "+7 hours")


def jakarta_time(dialect: str, column: Any) -> ColumnElement[str]:
    """A UTC timestamp column as ``YYYY-MM-DD HH:MM:SS`` Jakarta time (WIB), formatted in SQL."""
    if dialect == "postgresql":
        return func.to_char(func.timezone("Asia/Jakarta", column), "YYYY-MM-DD HH24:MI:SS")
    return func.strftime("%Y-%m-%d %H:%M:%S", column, "+7 hours")


def days_between(dialect: str, later: Any, earlier: Any) -> ColumnElement[Any]:
    """Days (with fractions) from ``earlier`` to ``later``, in the database's own SQL."""
    if dialect == "postgresql":
        return func.extract("epoch", later - earlier) / 86400.0
    return func.julianday(later) - func.julianday(earlier)
