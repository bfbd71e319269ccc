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
from graph.grammar.slots import Slots
from tools.queries import Query

__all__ = ["again_for", "more_aspects"]

_ASPECTS = {
    "cast": ("start", "finish", "cost", "holds", "free"),
    "day": ("date", "cost", "minutes", "pages", "cast", "locations", "scenes"),
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
    allowed = _ASPECTS.get(query.kind, ())
    if query.aspect not in allowed:
        return []
    return [
        query.model_copy(update={"aspect": a})
        for a in dict.fromkeys(slots.aspects)
        if a in allowed and a != query.aspect and (a not in _PLAIN or _PLAIN[a].search(slots.text))
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
