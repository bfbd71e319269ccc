"""A wrap moved by days or weeks: "could we finish a day early?", "wrap two days earlier",
"we'd end 3 days late" (relative to the board's days, like "two fewer days"), or set on a
day: "what if we wrap on day 12" (a 12-day shoot). Numbers arrive as digits. A moved start
("start 3 days earlier") is `graph.grammar.dates`'s."""

from __future__ import annotations

import re

from graph.grammar.model import Change
from graph.grammar.rates import clauses
from graph.intent_patterns import WEEK_DAYS

__all__ = ["wrap_changes"]

_WRAP = re.compile(
    r"\b(?:finish|wrap|end|complete|be\s+done|come\s+in)\w*\b[^.?!;]{0,30}?"
    r"\b(?:(an?|one|\d+(?:\.\d+)?)\s+)?(days?|weeks?)\s+"
    r"(early|earlier|sooner|ahead(?:\s+of\s+schedule)?|late|later|behind(?:\s+schedule)?)\b",
    re.I,
)
_WRAP_ON = re.compile(r"\b(?:finish|wrap|end|be\s+done)\w*\s+(?:on|by)\s+day\s+(\d+)\b", re.I)
"""'what if we wrap on day 12': a 12-day shoot."""


def wrap_changes(text: str, names: list[str]) -> list[Change]:
    """The days change when the message moves the shoot's wrap; [] otherwise. A clause that
    names a cast member is theirs ("TOM must wrap by day 8" is his availability)."""
    for part, said in clauses(text, names):
        if not said and (found := _wrap(part)):
            return found
    return []


def _wrap(text: str) -> list[Change]:
    if on := _WRAP_ON.search(text):
        return [Change(kind="days", value=float(on.group(1)))]
    match = _WRAP.search(text)
    if not match:
        return []
    count, unit, way = match.groups()
    n = 1.0 if count is None or not count[0].isdigit() else float(count)
    if unit.lower().startswith("week"):
        n *= WEEK_DAYS
    sooner = way.lower().startswith(("early", "earlier", "sooner", "ahead"))
    return [Change(kind="days", value=-n if sooner else n, relative=True)]
