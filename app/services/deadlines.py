"""The quote deadline follows the review: it is set when suppliers are invited, a number of
working days later (Monday to Friday, Indonesian public holidays excluded), never before."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

from models import DemandRequest

MIN_WORKING_DAYS = 2  # a buyer's own deadline is moved when it leaves invited suppliers less


@lru_cache(maxsize=1)
def _public_holidays() -> holidays.HolidayBase:
    return holidays.country_holidays("ID")


def is_working_day(day: date) -> bool:
    """Monday to Friday and not an Indonesian public holiday."""
    return day.weekday() < 5 and day not in _public_holidays()


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start``."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """How many working days come after ``start`` up to and including ``end`` (0 if none)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


def deadline_at_invitation(request: DemandRequest, invited_on: date, window: int) -> date:
    """The quote deadline once suppliers are invited on ``invited_on``.

    Without a deadline of the buyer's, invited suppliers get ``window`` working days; the
    buyer's own deadline stands when it leaves them at least ``MIN_WORKING_DAYS``, else it
    moves to that. Never on or after the needed-by date (unless that leaves no day at all),
    never before the day of the invitation.
    """
    soonest = add_working_days(invited_on, MIN_WORKING_DAYS)
    if request.quotes_due is None:
        due = add_working_days(invited_on, window)
    elif request.quotes_due < soonest:
        due = soonest
    else:
        return request.quotes_due
    if request.needed_by is not None:
        due = min(due, request.needed_by - timedelta(days=1))
    return max(due, invited_on, request.quotes_due or invited_on)
