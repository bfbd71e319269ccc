"""'why?' after an answer: explain the figure just given, from the tools' own figures.

After a question, the same queries asked for what their figure is made of (`Query.why`);
after a what-if that re-planned, what drove the change between the version before it and the
one it made (`Request.explain`); after one that failed, the reason it gave; otherwise the
reply says what can be explained.
"""

from __future__ import annotations

import re

from graph.grammar.lexicon import Lexicon
from graph.grammar.model import Request
from graph.grammar.slots import Slots, read_slots
from tools.queries import Query

__all__ = ["WHY", "paired_scenes", "why_of", "why_of_money", "why_request"]

WHY = re.compile(
    r"^\s*(?:(?:but|and|ok(?:ay)?|so|hmm+|really)[,.!]?\s+)?"
    r"(?:why(?:\s+(?:is|was)\s+(?:that|it|this))?(?:\s+so)?(?:\s+(?:so\s+)?(?:much|high|"
    r"expensive|low|cheap|many|few|long|big))?|why'?s\s+that|how\s+come|how\s+so|"
    r"what(?:'s|\s+is)\s+(?:driving|behind)\s+(?:that|it|this)|what\s+drove\s+(?:that|it|this)|"
    r"explain(?:\s+(?:that|this|it|why))?(?:\s+please)?|can\s+you\s+explain(?:\s+(?:that|this|"
    r"it|why))?|where\s+does\s+(?:that|it)\s+come\s+from|what\s+makes\s+(?:that|it)\s+up)"
    r"\s*[?.!]*\s*$",
    re.I,
)
"""A bare "why?", "why is that?", "how come?", "what's driving that?", "explain"."""


_DELTA = re.compile(
    r"^\s*(?:(?:and|so|ok(?:ay)?)[,.]?\s+)?(?:how much (?:more|less|extra|cheaper|dearer)"
    r"(?: is| does| will)? (?:that|it|this)(?: cost(?: us)?)?|"
    r"what (?:does|did|will) (?:that|it|this) (?:do to|cost|add to|save)"
    r"(?: (?:us|the budget|the schedule))?|what(?:'s| is) the (?:difference|damage|delta|impact)|"
    r"how much does (?:that|it|this) (?:add|cost|save)(?: us)?)\s*[?.!]*\s*$",
    re.I,
)
"""'how much more is that?', 'what does that do to the budget?' after a what-if."""


def why_request(text: str, previous: Request | None) -> Request | None:
    """The request a bare "why?" makes, leaning on the last one; None for other messages.
    After a what-if, "how much more is that?" is its change: the two versions compared."""
    outcome = (previous.outcome or {}) if previous else {}
    made = [outcome.get("from_version"), outcome.get("version")]
    if previous is not None and previous.kind == "what_if" and all(made) and _DELTA.match(text):
        return Request(kind="compare", versions=[int(v) for v in made if v], text=text)
    if not WHY.match(text):
        return None
    if previous is None:
        return Request(kind="question", topic="why", text=text)
    if previous.kind in {"what_if", "revert"} and outcome.get("failed"):
        return Request(kind="question", topic="why", text=text, outcome=outcome)
    if previous.kind == "what_if" and outcome.get("from_version") and outcome.get("version"):
        versions = [int(outcome["from_version"]), int(outcome["version"])]
        return Request(kind="compare", versions=versions, explain=True, text=text)
    if previous.kind == "compare":
        return Request(kind="compare", versions=previous.versions, explain=True, text=text)
    if previous.kind == "question" and previous.queries and not previous.topic:
        queries = [q.model_copy(update={"why": True}) for q in previous.queries]
        return Request(kind="question", queries=queries, text=text)
    return Request(kind="question", topic="why", text=text)


_DEAR = re.compile(r"\b(?:expensive|so much|so high|cost|costs|costly|pricey|dear)\b", re.I)


_WHERE_IT_IS = re.compile(r"\bwhere\s+(?:it|they)\s+(?:is|are)\b", re.I)
"""'why is scene 3 where it is?': its place on the board, not its location."""


_PAIR = re.compile(
    r"\bscene\s*#?\s*(\d+[A-Z]{0,2})\b(?:(?!\bdays?\b).)*?\b(?:before|after|ahead\s+of|"
    r"(?:earlier|later|sooner)\s+than)\s+(?:scene\s*#?\s*)?(\d+[A-Z]{0,2})\b|"
    r"\bscenes\s*(\d+[A-Z]{0,2})\s+and\s+(\d+[A-Z]{0,2})\b",
    re.I,
)
"""'why does scene 4 come before scene 7?', 'why are scenes 4 and 7 on different days?'."""


def paired_scenes(text: str) -> tuple[str, str] | None:
    """The two scenes a 'why' sets side by side, when it names two."""
    match = _PAIR.search(text)
    if match is None:
        return None
    one, two = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
    return (one.upper(), two.upper()) if one.upper() != two.upper() else None


def why_of(query: Query, slots: Slots | None = None) -> Query:
    """'why is day 32 so expensive?': the query asked for what its figure is made of; 'why
    is scene 12 on day 10?': what holds the scene on its day, and what day 10 would change
    (the day the clause names, from `slots`; -1 for 'the last day'); 'why does scene 4 come
    before scene 7?': the two scenes' days side by side."""
    pair = None if slots is None else paired_scenes(slots.text)
    if query.kind == "scene" and pair and query.scene in pair:
        return query.model_copy(update={"why": True, "scene": pair[0], "other": pair[1]})
    placed = slots is not None and _WHERE_IT_IS.search(slots.text) is not None
    if query.kind == "scene" and query.scene and (query.aspect in {"all", "days"} or placed):
        named = None if slots is None else (-1 if slots.last_day else slots.day)
        return query.model_copy(update={"why": True, "day": named})
    money = query.kind in {"day", "cast"} and query.aspect in {"all", "cost"}
    ranked = query.kind == "rank" and query.measure in {None, "day_cost", "cast_cost", "account"}
    days = query.kind == "total" and query.measure == "days"
    if money or ranked or days or query.kind == "account":
        return query.model_copy(update={"why": True})
    return query  # "how come MAYA is held?": her holds, as asked


_LONG = re.compile(
    r"\b(?:\d+ (?:shooting )?days|so long|so many days|that many days|that long|the shoot take)\b",
    re.I,
)


def why_of_money(text: str, lexicon: Lexicon) -> list[Query]:
    """'why is the cast so expensive?': an account named with a word of money; 'why are we
    38 days?', 'why is the shoot so long?': what fills the board's days."""
    slots = read_slots(text, lexicon)
    if slots.account and _DEAR.search(text):
        return [Query(kind="account", account=slots.account, why=True)]
    if _LONG.search(text) and not (slots.cast or slots.scene or slots.location):
        return [Query(kind="total", measure="days", why=True)]
    return []
