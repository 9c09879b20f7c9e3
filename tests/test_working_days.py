"""Payment terms count Indonesian working days: weekends and 2026's public holidays are skipped."""

from __future__ import annotations

from datetime import date

import pytest

from app.services.working_days import (
    add_working_days,
    holiday_name,
    is_working_day,
    working_days_between,
)


def test_weekdays_are_working_days_and_weekends_are_not() -> None:
    assert is_working_day(date(2026, 11, 30))  # Monday
    assert is_working_day(date(2026, 12, 4))  # Friday
    assert not is_working_day(date(2026, 12, 5))  # Saturday
    assert not is_working_day(date(2026, 12, 6))  # Sunday


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 1),  # Tahun Baru Masehi (Thursday)
        date(2026, 1, 16),  # Isra Mikraj (Friday)
        date(2026, 2, 17),  # Tahun Baru Imlek (Tuesday)
        date(2026, 3, 19),  # Hari Suci Nyepi (Thursday)
        date(2026, 4, 3),  # Wafat Yesus Kristus (Friday)
        date(2026, 8, 17),  # Hari Kemerdekaan (Monday)
        date(2026, 12, 25),  # Hari Raya Natal (Friday)
    ],
)
def test_public_holidays_on_weekdays_are_not_working_days(day: date) -> None:
    assert day.weekday() < 5
    assert not is_working_day(day)
    assert holiday_name(day)


def test_three_working_days_from_a_plain_monday_is_thursday() -> None:
    assert add_working_days(date(2026, 11, 30), 3) == date(2026, 12, 3)


def test_a_term_over_a_weekend_skips_saturday_and_sunday() -> None:
    # Thursday 10 Dec 2026 + 3 working days: Fri 11, Mon 14, Tue 15.
    assert add_working_days(date(2026, 12, 10), 3) == date(2026, 12, 15)


def test_a_term_over_christmas_skips_the_holiday_and_the_weekend() -> None:
    # Wed 23 Dec: Thu 24 (joint leave, still a working day), [Fri 25 Christmas], Mon 28, Tue 29.
    assert add_working_days(date(2026, 12, 23), 3) == date(2026, 12, 29)


def test_a_term_over_new_year_runs_into_the_next_year() -> None:
    # Tue 29 Dec 2026: Wed 30, Thu 31, [Fri 1 Jan 2027 New Year], Mon 4 Jan 2027.
    assert add_working_days(date(2026, 12, 29), 3) == date(2027, 1, 4)


def test_a_term_over_idul_fitri_week_skips_nyepi_and_the_weekend() -> None:
    # Receipt on Tue 17 Mar 2026: Wed 18, [Thu 19 Nyepi], Fri 20, [Sat 21 + Sun 22 Idul Fitri],
    # Mon 23.
    assert add_working_days(date(2026, 3, 17), 3) == date(2026, 3, 23)
    assert holiday_name(date(2026, 3, 21))


def test_zero_days_is_the_start_and_negative_days_are_refused() -> None:
    assert add_working_days(date(2026, 12, 25), 0) == date(2026, 12, 25)
    with pytest.raises(ValueError):
        add_working_days(date(2026, 12, 1), -1)


def test_starting_on_a_holiday_counts_from_the_next_working_day() -> None:
    # Receipt confirmed on Christmas Day (Friday): Mon 28 is the first working day.
    assert add_working_days(date(2026, 12, 25), 1) == date(2026, 12, 28)


def test_working_days_between_is_the_inverse_of_adding() -> None:
    start = date(2026, 12, 22)
    for days in range(0, 12):
        assert working_days_between(start, add_working_days(start, days)) == days
    assert working_days_between(date(2026, 12, 5), date(2026, 12, 1)) == 0
