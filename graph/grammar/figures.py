"""Figures a question carries beyond its subject: the hours of overtime priced ahead ("how
much is an hour of overtime?", "two hours over on day 12"), how many a ranking lists ("the
three most expensive days"), a cast member's day rate ("what does MAYA cost per day?") and
the board's week ("do we shoot on Saturdays?")."""

from __future__ import annotations

import re

from graph.grammar.slots import Slots
from tools.queries import Query

__all__ = ["cast_rate_query", "overtime_query", "ranking_count", "weekend_query"]

_OVERTIME = re.compile(r"\b(?:overtime|o\.?t\.?|hours?\s+over|hours?\s+long)\b", re.I)
_OVERTIME_COST = re.compile(
    r"\b(?:how much|cost|costs|price|expensive|what (?:does|do|would|will|is|'s)|what's)\b", re.I
)
_OVERTIME_HOURS = re.compile(r"\b(?:(\d+(?:\.\d+)?)\s*(?:more\s+)?hours?|half an hour)\b", re.I)


def overtime_query(slots: Slots) -> Query | None:
    """'how much is an hour of overtime?', 'what would two hours over cost us?'."""
    text = slots.text
    if not (_OVERTIME.search(text) and _OVERTIME_COST.search(text)):
        return None
    hours = _OVERTIME_HOURS.search(text)
    if hours is None:
        return Query(kind="overtime", day=slots.day)
    value = 0.5 if hours.group(1) is None else float(hours.group(1))
    return Query(kind="overtime", hours=value, day=slots.day) if 0 < value <= 12 else None


_TOP = re.compile(
    r"\btop\s+(\d+)\b|\b(\d+)\s+(?:most|least|biggest|largest|smallest|longest|shortest|"
    r"cheapest|dearest|priciest|costliest|busiest|heaviest|lightest|highest|lowest|fewest|"
    r"quietest|expensive)\b"
    r"|\b(?:which|what|name|list|the)\s+(\d+)\s+(?:days|locations|sites|sets|cast|actors|"
    r"people|accounts|departments|members)\b",
    re.I,
)
"""'the three most expensive days', 'top 5 cast by cost': how many a ranking lists."""


def ranking_count(text: str) -> int | None:
    """How many a ranking lists ("top 5", "the 3 cheapest days"); None: the first and ties."""
    top = _TOP.search(text)
    if top is None:
        return None
    count = int(next(g for g in top.groups() if g))
    return count if 1 < count <= 50 else None


_WEEKEND = re.compile(
    r"\b(?:weekends?|saturdays?|sundays?)\b|\b(?:how many|what)\s+days\s+(?:a|per|each)\s+week\b|"
    r"\b[5-7][- ]day\s+(?:shooting\s+|work(?:ing)?\s+)?weeks?\b",
    re.I,
)
_RATE = re.compile(r"\b(?:day |daily )?rates?\b", re.I)
_PER_DAY = re.compile(r"\b(?:per|a|each) (?:shooting )?day\b", re.I)
_MONEY = re.compile(r"\b(?:how much|cost|costs|costing|pay|paying|paid|spend|spending)\b", re.I)


def weekend_query(slots: Slots) -> Query | None:
    """'do we shoot on Saturdays?', 'any weekend days?', 'are we on six-day weeks?': the
    board's week and the days that fall on a weekend."""
    if not _WEEKEND.search(slots.text) or slots.scene or slots.day is not None or slots.cast:
        return None
    return Query(kind="total", measure="weekends")


def cast_rate_query(slots: Slots) -> Query | None:
    """'what does MAYA cost per day?', 'MAYA's day rate': her cast line broken down (paid
    days times the day rate)."""
    if not slots.cast or slots.day is not None:
        return None
    rate = _RATE.search(slots.text)
    if rate or (_PER_DAY.search(slots.text) and _MONEY.search(slots.text)):
        return Query(kind="cast", cast=slots.cast[0], aspect="cost", why=True)
    return None
