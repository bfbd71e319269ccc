"""A producer's questions about the whole board: what the nights cost ("how much do the
nights cost?"), what the stunts cost ("how much are the stunts?"), which days run longer
than some hours ("which days go over 11 hours?") and the days off ("do we have a day off?"),
each a `total` of `tools.queries.producer`; a night line asked by name ("how much is the
night premium?") is that budget line, and a day off after the nights is the turnaround."""

from __future__ import annotations

import re

from graph.grammar.slots import Slots
from tools.queries import Query

__all__ = ["asks_long_days", "cost_follow_up", "hours_follow_up", "producer_query"]

_MONEY = re.compile(
    r"\b(?:how much|cost|costs|costing|spend|spent|spending|price|pricey|pay|paying|"
    r"expensive|budget|budgeted|set us back)\b",
    re.I,
)
_NIGHTS = re.compile(r"\bnights?\b|\bnight (?:shoots?|days?|work|shooting)\b", re.I)
_NIGHT_LINE = re.compile(r"\bnight (?:premium|lighting|generators?)\b|\bgenerators?\b", re.I)
"""'how much is the night premium?' is that budget line, not the nights' cost."""
_AFTER_NIGHTS = re.compile(r"\b(?:after|between) (?:the |our )?nights?\b", re.I)
"""'is there a day off after the nights?' is the crew's rest after them (the turnaround)."""
_STUNTS = re.compile(
    r"\bstunts?\b|\bstunt (?:work|men|man|women|performers?|coordinators?|team|doubles?)\b|"
    r"\bstuntmen\b",
    re.I,
)
_LONGER = re.compile(
    r"\b(?:over|longer than|more than|past|exceed(?:s|ing)?|beyond|above|upwards of)\s+"
    r"(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\b",
    re.I,
)
_DAYS = re.compile(r"\bdays?\b|\bshoots?\b", re.I)
_ASKING = re.compile(r"^\s*(?:are|is|do|does|did|will|which|what|how many|any|have|has)\b", re.I)


_IN_A_ROW = re.compile(r"\bdays? (?:in a row|straight|running)\b|\bconsecutive days\b", re.I)
_HOUR_DAYS = re.compile(
    r"^\s*(?:are there|is there|any|do we (?:have|get|do|shoot|work)|how many|will we have)\b"
    r".*?\b(\d+(?:\.\d+)?)[- ]?(?:hours?|hrs?)\s+(?:shooting\s+|work(?:ing)?\s+)?days?\b",
    re.I,
)
"""'any 12 hour days?', 'do we have 12-hour days?': a question about the board's days (the
longest is said), not the 12-hour days a what-if sets."""


def asks_long_days(text: str) -> bool:
    """'are any days longer than 12 hours?', 'do we work six days in a row?': questions
    about the board's days, which no what-if reading ("12-hour days", "6 days") should take
    as a change."""
    longer = _LONGER.search(text) and _DAYS.search(text)
    return bool((longer or _IN_A_ROW.search(text)) and _ASKING.search(text)) or bool(
        _HOUR_DAYS.search(text)
    )


_DAYS_OFF = re.compile(
    r"\bdays? off\b|\boff days?\b|\brest days?\b|\bdays? of rest\b|\btime off\b|"
    r"\bbreaks? between (?:the )?(?:shooting )?days\b|"
    r"\b(?:get|have|take|is there|are there)\s+(?:a|any|our|the)\s+(?:next\s+)?breaks?\b|"
    r"\bwhen(?:'s| is| do we get)\s+(?:the|our|a)?\s*(?:next\s+)?break\b|"
    r"\bdays? (?:in a row|straight|running|back to back)\b|\bconsecutive (?:shooting )?days\b",
    re.I,
)


_TIER = re.compile(
    r"\b(?:(leads?|lead (?:actors?|cast|roles?|parts?))|(supporting(?: cast| actors?| roles?| "
    r"parts?)?)|(day players?))\b",
    re.I,
)
_LISTING = re.compile(r"^\s*(?:who|which|list|show|name|how many|what|and|how about)\b", re.I)


def producer_query(slots: Slots) -> Query | None:
    """One of the board totals above, or None; a clause about a day, a scene or a cast
    member is theirs ("what does day 12 cost?", "when is MAYA off?")."""
    if slots.scene or slots.day is not None or slots.cast:
        return None
    text = slots.text
    if (tier := _TIER.search(text)) and _LISTING.search(text):  # "who are the leads?"
        if tier.group(1):
            return Query(kind="cast", tier="lead")
        return Query(kind="cast", tier="supporting" if tier.group(2) else "day_player")
    if _STUNTS.search(text) and _MONEY.search(text):
        return Query(kind="total", measure="stunt_cost")
    if (line := _NIGHT_LINE.search(text)) and _MONEY.search(text):
        return Query(kind="account", account=line.group(0).lower().rstrip("s"))
    if _NIGHTS.search(text) and _MONEY.search(text):
        return Query(kind="total", measure="night_cost")
    longer = _LONGER.search(text) if _DAYS.search(text) else None
    longer = longer or _HOUR_DAYS.search(text)
    if longer and 0 < float(longer.group(1)) <= 24:
        return Query(kind="total", measure="long_days", hours=float(longer.group(1)))
    if _DAYS_OFF.search(text):
        rest = _AFTER_NIGHTS.search(text)
        return Query(kind="total", measure="turnaround" if rest else "days_off")
    return None


def cost_follow_up(fresh: Query, last: Query) -> Query | None:
    """'and the stunts?' after what the nights cost (or 'and the nights?' after the stunts):
    the other's cost, not a list of its scenes."""
    if last.kind != "total" or last.measure not in {"night_cost", "stunt_cost"}:
        return None
    if fresh.kind == "category" and fresh.category == "stunts" and fresh.day is None:
        return Query(kind="total", measure="stunt_cost")
    nights = fresh.lighting == "NIGHT" or fresh.measure == "nights"
    if nights and fresh.kind in {"scenes", "total"} and fresh.day is None:
        return Query(kind="total", measure="night_cost")
    return None


_MORE_HOURS = re.compile(
    r"^\s*(?:(?:and|or|but)\s+)?(?:(?:what|how)\s+about\s+)?"
    r"(?:which(?:\s+(?:ones?|days?))?(?:\s+(?:are|go|run|went|ran|is|get))?\s+)?"
    r"(?:(?:over|longer than|more than|past|beyond|above)\s+)?"
    r"(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)?\s*[?.!]*\s*$",
    re.I,
)
"""'... and which over 12?', 'and 11?': the same question of another length."""


def hours_follow_up(text: str, last: Query) -> Query | None:
    """'which days go over 10 hours and which over 11?': the second length is the first
    question's, asked again."""
    if last.kind != "total" or last.measure != "long_days":
        return None
    found = _MORE_HOURS.match(text)
    if found is None or not 0 < float(found.group(1)) <= 24:
        return None
    return last.model_copy(update={"hours": float(found.group(1))})
