"""Questions about a stretch of the board: a week, a range of days, the nights' runs.

"what are we shooting next week?", "show me days 6 to 10", "give me week two" ask for a span of
days (a `span` query); "how many nights in a row?", "when do nights start?" ask where the
nights fall; "move the nights to the end" asks for a rule the planner does not have, so it is
answered with what the board already does with its nights (`night_block`). "and the week
after?" moves the last span on by its own length.
"""

from __future__ import annotations

import re

from graph.grammar.numbers import ORDINALS
from graph.grammar.slots import Slots
from tools.queries import Query

__all__ = [
    "NIGHT_BLOCK",
    "WEEK_DAYS",
    "next_span",
    "night_runs_query",
    "span_nights_query",
    "span_query",
]

WEEK_DAYS = 5
"""The grammar's week; the query tool re-reads a week from the board's own week length."""
_ORD = "|".join(ORDINALS)
_WEEK = re.compile(
    rf"\b(?:the\s+)?(?:(?P<word>{_ORD}|next|this|last|final|opening|1st|2nd|3rd|\d+th)\s+week"
    r"|week\s*(?:#|number\s*)?(?P<n>\d+))\b(?!\s*(?:days?|weeks?|of\s+\w+\s+weeks?)\b)",
    re.I,
)
_RANGE = re.compile(
    r"\b(?:from\s+)?days?\s+(\d+)\s*(?:-|–|to|through|thru|till|until)\s*(?:day\s+)?(\d+)\b",
    re.I,
)
_FIRST_N = re.compile(r"\b(first|last|final)\s+(\d+)\s+(?:shooting\s+)?(days|weeks)\b", re.I)
_AFTER = re.compile(
    r"\b(?:the\s+)?(?:week|days?)\s+after(?:\s+that)?\b|\bthe\s+following\s+(?:week|days)\b"
    r"|\bthe\s+next\s+(?:one|week|few days)\b|\bafter\s+that\b",
    re.I,
)
_BEFORE = re.compile(r"\b(?:the\s+)?(?:week|days?)\s+before(?:\s+that)?\b|\bbefore\s+that\b", re.I)
_NIGHT_RUN = re.compile(
    r"\bnights?\b[^?.;]*\b(?:in a row|back[- ]to[- ]back|consecutive|straight|on the trot|"
    r"together|in (?:one|1|a single) (?:block|go|run))\b"
    r"|\b(?:run|runs|stretch|stretches|block|blocks|string|streak|set)\s+of\s+nights\b"
    r"|\bconsecutive\s+nights\b|\bnight\s+(?:runs?|blocks?|stretch)\b"
    r"|\bwhen\s+(?:do|does|will|are|is)\s+(?:the\s+|our\s+|we\s+(?:start|begin|go on(?:to)?)\s+)?"
    r"nights?\b|\bnights?\s+(?:start|begin|kick off)\b|\bwhere\s+are\s+the\s+nights\b",
    re.I,
)
NIGHT_BLOCK = re.compile(
    r"\b(?:move|put|push|pull|shift|group|bunch|cluster|shoot|schedule|keep|block|stack|have)\b"
    r"[^?.;]*\bnights?\b[^?.;]*\b(?:end|start|beginning|front|together|(?:one|1|a|single|same)"
    r"\s+(?:block|run|stretch|go)|in a row|back[- ]to[- ]back|first|last|consecutive(?:ly)?)\b",
    re.I,
)
"""'move the nights to the end', 'can we shoot all the nights in one block?'."""


def night_runs_query(slots: Slots) -> Query | None:
    """Where the nights fall, or a request to move or group them (no such planner rule)."""
    if NIGHT_BLOCK.search(slots.text):
        return Query(kind="total", measure="night_block")
    if _NIGHT_RUN.search(slots.text):
        return Query(kind="total", measure="night_runs")
    return None


def _week_number(word: str | None, number: str | None) -> int | None:
    if number:
        return int(number)
    word = (word or "").lower()
    if word in {"this", "opening"}:
        return 1  # before the shoot starts this week is the first
    if word == "next":
        return 2
    if word in {"last", "final"}:
        return -1
    return ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0) or None


def span_query(slots: Slots) -> Query | None:
    """A week or a range of days the clause names, when it names no scene or cast member."""
    if slots.scene or slots.cast:
        return None
    text = slots.text
    if match := _RANGE.search(text):
        first, last = sorted((int(match.group(1)), int(match.group(2))))
        return Query(kind="span", days=list(range(max(first, 1) - 1, last)))
    if match := _FIRST_N.search(text):
        count = int(match.group(2)) * (WEEK_DAYS if match.group(3).lower() == "weeks" else 1)
        if match.group(1).lower() == "first":
            return Query(kind="span", days=list(range(count)))
        return Query(kind="span", days=[-count + d for d in range(count)])
    if match := _WEEK.search(text):
        week = _week_number(match.group("word"), match.group("n"))
        if week:
            return Query(kind="span", week=week)
    return None


_ANY = re.compile(
    r"\b(?:is there|are there|any|do we have|have we got|how many|which|what|when|where)\b", re.I
)


def span_nights_query(slots: Slots) -> Query | None:
    """'is there a night shoot in the first week?': that span's nights, not its summary."""
    span = span_query(slots)
    if span is None or slots.lighting != "NIGHT" or not _ANY.search(slots.text):
        return None
    return span.model_copy(update={"lighting": "NIGHT"})


def next_span(slots: Slots, last: Query) -> Query | None:
    """'and the week after?' after a span: the next span of the same length (or the one
    before)."""
    if last.kind != "span":
        return None
    step = 1 if _AFTER.search(slots.text) else -1 if _BEFORE.search(slots.text) else 0
    if not step:
        return None
    if last.week and last.week > 0:
        return Query(kind="span", week=max(1, last.week + step), lighting=last.lighting)
    if not last.days:
        return None
    size = len(last.days)
    start = max(0, last.days[0] + step * size) if last.days[0] >= 0 else last.days[0]
    return Query(kind="span", days=list(range(start, start + size)), lighting=last.lighting)
