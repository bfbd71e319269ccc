"""Shooting days to calendar dates: five- or six-day weeks from a start date, days off."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

__all__ = ["calendar_dates"]


def calendar_dates(
    start_date: str | date,
    n_days: int,
    *,
    work_days_per_week: int = 5,
    days_off: Iterable[str | date] = (),
) -> list[date]:
    """The dates of shooting days 0..n_days-1.

    The week starts on the start date's weekday; the first `work_days_per_week` days of each
    seven are shooting days (five: Monday-Friday from a Monday), the rest are rest days, and
    `days_off` (holidays) are skipped. Raises ValueError naming a bad date or count.
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
        in_week = (current - first).days % 7
        if in_week < work_days_per_week and current not in off:
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
