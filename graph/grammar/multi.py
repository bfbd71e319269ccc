"""Several questions in one: every aspect a clause names, and a follow-up that moves all of
the last message's questions to a new subject.

"When does the narrator start and finish?" asks two things of one subject; "what about the
reporter?" after "when does the narrator start, and what does he cost?" asks both again, of
the reporter. The first reading of a clause gives one query; these give the rest.
"""

from __future__ import annotations

import re

from graph.grammar.followups import FOLLOW_UP, SUBJECT_FIELDS
from graph.grammar.model import Request
from graph.grammar.runs import spelled_out
from graph.grammar.slots import Slots
from tools.queries import Query

__all__ = ["ASPECTS", "again_for", "listed", "more_aspects", "more_listed"]

ASPECTS = {
    "cast": ("start", "finish", "cost", "holds", "free"),
    "day": ("free", "date", "cost", "minutes", "moves", "pages", "cast", "locations", "scenes"),
    "scene": ("cast", "locations", "elements", "days"),
}
"""The aspects each subject can be asked for together."""
_PLAIN = {
    "cast": re.compile(r"\b(?:who|cast)\b", re.I),
    "scenes": re.compile(r"\bscenes\b", re.I),
    "days": re.compile(r"\b(?:when|which days?)\b", re.I),
    "locations": re.compile(r"\bwhere\b|\blocations?\b|\bsites?\b", re.I),
}
"""Broad aspects count as a further question only when asked in these words ("shoot"
alone names no aspect of its own)."""


def more_aspects(query: Query, slots: Slots) -> list[Query]:
    """The same subject for each further aspect the clause names ("start and finish")."""
    allowed = ASPECTS.get(query.kind, ())
    if query.aspect not in allowed:
        return []
    return [
        query.model_copy(update={"aspect": a})
        for a in dict.fromkeys(slots.aspects)
        if a in allowed
        and a != query.aspect
        and (a not in _PLAIN or _PLAIN[a].search(slots.text))
        and not (query.aspect == "free" and a == "cast")  # "who's free?" is not who works
    ]


def _subject(query: Query) -> dict[str, object]:
    return {k: getattr(query, k) for k in SUBJECT_FIELDS if getattr(query, k) is not None}


def again_for(query: Query, slots: Slots, previous: Request | None) -> list[Query]:
    """'what about the reporter?': the last message's other questions of the same kind, for
    the new subject (empty unless the clause is such a follow-up)."""
    if previous is None or len(previous.queries) < 2 or not FOLLOW_UP.search(slots.text):
        return []
    same = [q for q in previous.queries if q.kind == query.kind]
    if len(same) < 2 or slots.aspects:
        return []
    new = _subject(query)
    if new == _subject(same[-1]):
        return []
    return [q.model_copy(update=new) for q in same]


_LISTED = re.compile(
    r"\b(days|scenes)\s+(\d+[A-Z]?(?:\s*(?:,\s*(?:and\s+)?|\band\b|&)\s*\d+[A-Z]?)+)\b", re.I
)
"""'days 3 and 4', 'scenes 12, 14 and 20': several subjects of one kind in one clause."""


def listed(text: str) -> tuple[str, list[str]]:
    """The clause with a list of days or scenes said as its first ("what's on day 3?"), and
    the others of the list (empty when it names no list). A run of scenes ("scenes 5 to 8")
    is the list of its scenes (`runs.spelled_out`)."""
    text = spelled_out(text)
    match = _LISTED.search(text)
    if match is None:
        return text, []
    numbers = re.findall(r"\d+[A-Z]?", match.group(2), re.I)
    single = f"{match.group(1)[:-1]} {numbers[0]}"
    return text[: match.start()] + single + text[match.end() :], numbers[1:]


def more_listed(asked: list[Query], others: list[str]) -> list[Query]:
    """The same questions of each further day or scene of the list."""
    out: list[Query] = []
    for number in others:
        for query in asked:
            if query.kind == "scene" or (query.kind == "cast" and query.scene):
                out.append(query.model_copy(update={"scene": number.upper()}))
            elif query.day is not None and number.isdigit():
                out.append(query.model_copy(update={"day": int(number) - 1}))
    return out
