"""A named cast member's rate by a percentage: "what if MAYA costs 20% more?", "pay BEN 15%
less", "cut ANNA's rate by 10%", "give JONAH a 5% raise". Numbers arrive as digits.

The change is a rate factor on that one actor (`Change.actor` and `Change.factor`); a crew,
department or whole-cast percentage is read by `graph.grammar.changes`.
"""

from __future__ import annotations

import re

from graph.grammar.model import Change

__all__ = ["named_percent"]

_PCT = re.compile(r"\b(\d+(?:\.\d+)?)\s*(?:%|percent\b)", re.I)
_UP = re.compile(
    r"\b(more(?: expensive)?|higher|dearer|pricier|raise[sd]?|increase[sd]?|up|rises?|"
    r"bump(?:ed)?|premium)\b",
    re.I,
)
_DOWN = re.compile(
    r"\b(less|cheaper|lower(?:ed)?|cuts?|reduce[sd]?|drops?|down|off|discount(?:ed)?|"
    r"decrease[sd]?)\b",
    re.I,
)
_OTHER_TARGET = re.compile(
    r"\b(crew|department|cast|actors|talent|leads?|supporting|day players?|camera|grip|"
    r"electric|sound|art|wardrobe|makeup|locations|transport|catering|stunts|pages?|hours?|"
    r"budget|scenes?)\b",
    re.I,
)


def _direction(text: str, after: int) -> float | None:
    """+1 or -1: the direction word right after the percentage, else the first anywhere."""
    near = text[after : after + 24]
    for pattern, sign in ((_UP, 1.0), (_DOWN, -1.0)):
        if pattern.match(near.lstrip()):
            return sign
    up, down = _UP.search(text), _DOWN.search(text)
    if up and down:
        return 1.0 if up.start() < down.start() else -1.0
    if up or down:
        return 1.0 if up else -1.0
    return None


def named_percent(text: str, names: list[str]) -> list[Change]:
    """A rate factor for each cast member named, when the message changes their rate by a
    percentage; [] when no one is named or the percentage is about something else."""
    found = _PCT.search(text)
    if not names or not found or _OTHER_TARGET.search(text):
        return []
    sign = _direction(text, found.end())
    pct = float(found.group(1))
    if sign is None or not 0 < pct < 1000 or (sign < 0 and pct >= 100):
        return []
    factor = round(1 + sign * pct / 100, 4)
    return [Change(kind="rate", actor=name, factor=factor) for name in dict.fromkeys(names)]
