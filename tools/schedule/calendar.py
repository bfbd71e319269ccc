"""Shooting days to calendar dates: five- or six-day weeks from a start date, days off."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta

__all__ = ["calendar_dates", "day_of_month_index", "next_day_of_month", "shooting_weekdays"]

_A_MONDAY = date(2024, 1, 1)
"""Where the weeks start when no start date is set: day 1 is a Monday."""


def calendar_dates(
    start_date: str | date,
    n_days: int,
    *,
    work_days_per_week: int = 5,
    days_off: Iterable[str | date] = (),
) -> list[date]:
    """The dates of shooting days 0..n_days-1.

    Weeks run Monday to Sunday and their first `work_days_per_week` days are shooting days
    (five: Monday to Friday; six: to Saturday), as crews book them; the start date itself is
    always a shooting day (a shoot may start on a Saturday), and `days_off` (holidays) are
    skipped. Raises ValueError naming a bad date or count.
    """
    if not 1 <= work_days_per_week <= 7:
        raise ValueError(f"work_days_per_week must be 1..7, got {work_days_per_week}")
    if n_days < 0:
        raise ValueError(f"n_days must be >= 0, got {n_days}")
    first = _as_date(start_date)
    off = {_as_date(d) for d in days_off}
    out: list[date] = []
    current = first
    while len(out) < n_days:
        working = current.weekday() < work_days_per_week or current == first
        if working and current not in off:
            out.append(current)
        current += timedelta(days=1)
    return out


def _as_date(value: str | date) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not an ISO date: {value!r}") from None


def shooting_weekdays(
    start_date: str | date | None,
    n_days: int,
    *,
    work_days_per_week: int = 5,
    days_off: Iterable[str | date] = (),
) -> list[int]:
    """The weekday (0 Monday) of shooting days 0..n_days-1: from the calendar when a start
    date is set, else on weeks from a Monday (day 1 a Monday, as the board is read then)."""
    first = start_date if start_date is not None else _A_MONDAY
    off = days_off if start_date is not None else ()
    dates = calendar_dates(first, n_days, work_days_per_week=work_days_per_week, days_off=off)
    return [d.weekday() for d in dates]


def next_day_of_month(day: int, start: date) -> date:
    """The first date on or after `start` that is the `day`th of its month."""
    year, month = start.year, start.month
    for _ in range(13):
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= start:
            return date(year, month, day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise ValueError(f"no month has a day {day}")


def day_of_month_index(
    start_date: str | date, day: int, *, edge: str, work_days_per_week: int = 5
) -> int:
    """The 0-based shooting day a date said as "the 14th" means, on the calendar from the
    start date (the next 14th on or after it): `edge` "first" is the first shooting day on or
    after it, "last" the last one on or before it, "before" the last one before it (-1 when
    there is none). ValueError for a day no month has."""
    if not 1 <= day <= 31:
        raise ValueError(f"the {day}th is not a day of the month")
    first = _as_date(start_date)
    named = next_day_of_month(day, first)
    # Enough shooting days to pass the named date (it is at most a year ahead).
    dates = calendar_dates(first, 400, work_days_per_week=work_days_per_week)
    before = sum(1 for d in dates if d < named)
    if edge == "first":
        return before
    if edge == "before":
        return before - 1
    return sum(1 for d in dates if d <= named) - 1
