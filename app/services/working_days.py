"""Working days in Indonesia: Monday to Friday, less the national public holidays.

Payment terms (e.g. "3 working days after receipt", as in Jakarta's e-Order) are counted in
these days. The holidays come from the maintained ``holidays`` package (country "ID", the
"public" category: the national days off decreed each year, Idul Fitri and Idul Adha included).
Joint leave days (cuti bersama) are not public holidays and so stay working days here.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

COUNTRY = "ID"


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    """The Indonesian public holidays of one year."""
    return frozenset(holidays.country_holidays(COUNTRY, years=year).keys())


def holiday_name(day: date, language: str = "id") -> str | None:
    """The name of the public holiday on ``day`` (Indonesian by default), or None."""
    return holidays.country_holidays(COUNTRY, years=day.year, language=language).get(day)


def is_working_day(day: date) -> bool:
    """True when ``day`` is Monday to Friday and not an Indonesian public holiday."""
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (``start`` itself is not counted).

    ``days`` of 0 gives ``start`` back unchanged; a negative count is refused.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """How many working days lie after ``start`` up to and including ``end`` (0 if end <= start)."""
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count
