"""Figures a question carries beyond its subject: the hours of overtime priced ahead ("how
much is an hour of overtime?", "two hours over on day 12"), how many a ranking lists ("the
three most expensive days"), a cast member's day rate ("what does MAYA cost per day?") and
the board's week ("do we shoot on Saturdays?")."""

from __future__ import annotations

import re

from graph.grammar.slots import Slots
from tools.queries import Query

__all__ = ["board_query", "cast_rate_query", "overtime_query", "ranking_count"]

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


_REVISIT = re.compile(
    r"\b(?:locations?|sites?|places?|sets?)\b[^.?;]*\b(?:go|come|going|coming)\s+back(?:\s+to)?"
    r"\s*(?:\?|$)|\brevisit\w*|"
    r"\b(?:visit\w*|go(?:ing)? back|return\w*|come back|back)\b[^.?;]*\b(?:more "
    r"than once|twice|again|several times|a second time)\b",
    re.I,
)
"""'which locations do we visit more than once?', 'do we go back to any site?'."""
_TURNAROUND = re.compile(
    r"\bturn ?arounds?\b|\bcrew(?:'s)? rest\b|\brest (?:after|between) (?:the )?nights?\b",
    re.I,
)
"""'what's the turnaround like after the nights?', 'does the crew get its rest?'."""


def board_query(slots: Slots) -> Query | None:
    """Totals of the whole board said in words: the sites come back to ("which locations do
    we visit more than once?"), the board's week ("do we shoot on Saturdays?": the days on a
    weekend) and the rest after nights ("what's the turnaround like?")."""
    if slots.scene or slots.day is not None or slots.cast:
        return None
    for measure, pattern in (
        ("revisits", _REVISIT),
        ("weekends", _WEEKEND),
        ("turnaround", _TURNAROUND),
    ):
        if pattern.search(slots.text):
            return Query(kind="total", measure=measure)
    return None


def cast_rate_query(slots: Slots) -> Query | None:
    """'what does MAYA cost per day?', 'MAYA's day rate': her cast line broken down (paid
    days times the day rate)."""
    if not slots.cast or slots.day is not None:
        return None
    rate = _RATE.search(slots.text)
    if rate or (_PER_DAY.search(slots.text) and _MONEY.search(slots.text)):
        return Query(kind="cast", cast=slots.cast[0], aspect="cost", why=True)
    return None
