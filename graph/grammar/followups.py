"""Follow-ups: a message that leans on the last request ("and day 4?", "what about MAYA?",
"and the cost?", "move it to day 2", "what about 20 instead?")."""

from __future__ import annotations

import re

from graph.answers import LOSE
from graph.grammar.lexicon import Lexicon
from graph.grammar.model import Change, Request
from graph.grammar.producer import cost_follow_up, hours_follow_up
from graph.grammar.slots import Slots
from graph.grammar.spans import next_span
from tools.queries import RANK_SUBJECTS, Query

__all__ = [
    "FOLLOW_UP", "SUBJECT_FIELDS", "follow_query", "follow_what_if", "lost_follow_up",
    "pinned_pronoun",
]  # fmt: skip

FOLLOW_UP = re.compile(
    r"^\s*(and|what about|how about|same for|and for|also|then|ok(?:ay)?,? and)\b", re.I
)
_PIN_IT = re.compile(
    r"\b(?:move|pin|put|shoot|lock)\s+(?:it|that(?: scene)?|this(?: scene)?)\s+(?:to|on|for|"
    r"onto)\s+day\s+(\d+)",
    re.I,
)
_BARE = re.compile(
    r"^\s*(?:and\s+)?(?:what about|how about|make it|try|let'?s try|or|"
    r"and)?\s*(?:(?:do\s+it\s+)?(?:in|with|over|at)\s+)?(\d+(?:\.\d+)?)\s*(days?|pages?|hours?)?\s*"
    r"(?:a day)?\s*(instead)?\s*\??\s*$",
    re.I,
)
_ABSOLUTE = re.compile(r"\b(?:in|with|over|at|make it)\b", re.I)
SUBJECT_FIELDS = ("day", "scene", "cast", "category", "location", "account", "lighting", "int_ext")


def _last_query(previous: Request | None) -> Query | None:
    if previous is None or not previous.queries:
        return None
    return previous.queries[-1]


_THE_HOLDS = re.compile(r"\b(?:that|those|these|it)\b", re.I)
"""What points back at the holds just asked about ("what does that cost?")."""
_IT = re.compile(r"\b(?:it|that day|that place|there)\b", re.I)
_PERSON = re.compile(r"\b(?:he|she|they|him|her|them|his|hers|their)\b", re.I)


def _same_subject(query: Query, slots: Slots) -> Query:
    """The previous subject with this clause's aspect ("and the cost?")."""
    if query.kind == "rank" and slots.pronoun and slots.aspects:
        # "who works the most days, and what do they cost?": the one ranked first.
        aspect = next((a for a in slots.aspects if a != "days"), slots.aspects[0])
        return query.model_copy(update={"aspect": aspect, "of_ranked": True})
    aspect = next(
        (a for a in slots.aspects if a != "days" or query.kind in {"cast", "scene"}), "all"
    )
    return query.model_copy(update={"aspect": aspect})


def _the_holds_cost(last: Query, slots: Slots) -> bool:
    """The clause asks what the cast member's holds just asked about cost."""
    return (
        last.kind == "cast"
        and last.aspect == "holds"
        and "cost" in slots.aspects
        and bool(_THE_HOLDS.search(slots.text))
        and not _PERSON.search(slots.text)
    )


_ON_DAY = {"on_day", "held_on_day", "free_on_day"}
_BARE_NUMBER = re.compile(
    r"^\s*(?:and|what about|how about|same for|and for|or)\s+(?:(?:for\s+)?(scene|day)\s+)?"
    r"(\d+[A-Z]?)(?:\s+(?:too|as well))?\s*\??\s*$",
    re.I,
)
"""'and 41?' after a scene question, 'what about 7?' after a day's."""
_BARE_RANK = re.compile(
    r"^\s*(?:(?:and|what about|how about|or)\s+|(?:and\s+)?which(?:\s+(?:is|are|was|one|day))?\s+)"
    r"(?:the\s+)?(?:(least|fewest|lowest|smallest|"
    r"cheapest|shortest|lightest|quietest)|most|biggest|highest|largest|longest|dearest|"
    r"busiest|priciest|heaviest)(?:\s+(?:expensive|costly|one|1|day|pages|scenes))?\s*\??\s*$",
    re.I,
)
"""'and the least?' after 'which day has the most pages?', '... and which the smallest?' in
the same message: the other end of the ranking."""


def _bare_subject(text: str, last: Query) -> Query | None:
    """A follow-up that is only a number or the other end of a ranking."""
    if (rank := _BARE_RANK.match(text)) and last.kind == "rank":
        return last.model_copy(update={"least": rank.group(1) is not None, "top": None})
    match = _BARE_NUMBER.match(text)
    if match is None:
        return None
    word, number = (match.group(1) or "").lower(), match.group(2).upper()
    if last.scene is not None and word != "day":
        return last.model_copy(update={"scene": number})
    if last.day is not None and word != "scene" and number.isdigit() and last.kind != "span":
        return last.model_copy(update={"day": int(number) - 1})
    return None


def _ranks_cast(query: Query) -> bool:
    return RANK_SUBJECTS.get(query.measure or "") == "cast"


def follow_query(
    slots: Slots, fresh: Query | None, previous: Request | None, *, same_message: bool = False
) -> Query | None:
    """The query a clause asks once the last request fills what it leaves out."""
    last = _last_query(previous)
    if last is None:
        return fresh
    if fresh is None:
        if again := hours_follow_up(slots.text, last):
            return again  # "which days go over 10 hours, and which over 11?"
        if moved := next_span(slots, last):
            return moved  # "and the week after?"
        if last.kind == "location" and slots.location and FOLLOW_UP.search(slots.text):
            return last.model_copy(update={"location": slots.location})  # "and the motel?"
        if bare := _bare_subject(slots.text, last):
            return bare
        if slots.aspects and (slots.pronoun or same_message or FOLLOW_UP.search(slots.text)):
            if _the_holds_cost(last, slots):
                # "how many days is Maya on hold, and what does that cost?": the holds' cost.
                return Query(kind="hold_cost", cast=last.cast)
            return _same_subject(last, slots)
        return None
    if FOLLOW_UP.search(slots.text) and (other := cost_follow_up(fresh, last)):
        return other  # "how much do the nights cost?" then "and the stunts?"
    if (
        fresh == Query(kind="account")
        and last.kind in {"day", "location"}
        and _IT.search(slots.text)
        and (same_message or FOLLOW_UP.search(slots.text) or len(slots.text.split()) <= 5)
    ):
        # "where are we on day 12, and what does it cost?": that day's cost, not the budget.
        return last.model_copy(update={"aspect": "cost"})
    if (
        (last.kind == "cast" or (last.kind == "rank" and _ranks_cast(last)))
        and fresh.kind in {"total", "average"}
        and _PERSON.search(slots.text)
        and slots.aspects
    ):
        # "how many days does he work?" after a cast member: theirs, not the board's.
        return _same_subject(last, slots)
    if (
        last.kind == "category"
        and fresh.kind == "day"
        and fresh.aspect == "all"
        and FOLLOW_UP.search(slots.text)
    ):
        # "any stunts on day 9?" then "and on day 6?": the same category that day.
        return last.model_copy(update={"day": fresh.day})
    if (
        last.kind == "cast"
        and last.aspect in _ON_DAY
        and fresh.kind == "day"
        and fresh.aspect == "all"
        and (FOLLOW_UP.search(slots.text) or len(slots.text.split()) <= 4)
    ):
        # "is HELEN working on day 9?" then "and day 10?": HELEN on day 10.
        return last.model_copy(update={"day": fresh.day})
    # A short question is a follow-up ("day 4?"), but one naming a category asks afresh
    # ("which scenes have extras?" after the stunts on day 9 is every scene's).
    short = len(slots.text.split()) <= 4 and fresh.kind != "category"
    follow = FOLLOW_UP.search(slots.text) or short
    subjects = {"day", "scene", "cast", "category", "location"}
    listing = fresh.kind == "cast" and fresh.cast is None  # "list the supporting cast": afresh
    if follow and fresh.kind == last.kind and fresh.kind in subjects and fresh.aspect == "all":
        if listing:
            return fresh
        return last.model_copy(
            update={k: getattr(fresh, k) for k in SUBJECT_FIELDS if getattr(fresh, k) is not None}
        )
    return fresh


def pinned_pronoun(text: str, previous: Request | None) -> list[Change]:
    """'move it to day 2' pins the scene the last answer was about."""
    match = _PIN_IT.search(text)
    if not match or previous is None:
        return []
    scene = previous.scene or next((q.scene for q in reversed(previous.queries) if q.scene), None)
    if scene is None:
        return []
    return [Change(kind="pin", scene=scene, days=[int(match.group(1)) - 1])]


_AND_SCENE = re.compile(
    r"^\s*(?:and|what about|how about|also|same for|and for)\s+(?:scenes?\s+)?(\d+[A-Z]?)"
    r"(?:\s+(?:too|as well))?\s*\??\s*$",
    re.I,
)
"""'and scene 14?' after 'what if we cut scene 12?': that scene cut too."""


def follow_what_if(text: str, previous: Request | None) -> Request | None:
    """'what about 20 instead?' after a what-if: the same change with the new figure; 'and
    scene 14?' after a scene cut: that one cut too."""
    scene = _AND_SCENE.match(text)
    cut_before = previous is not None and [c.kind for c in previous.changes] == ["omit"]
    if scene and previous is not None and previous.kind == "what_if" and cut_before:
        cut = Change(kind="omit", scene=scene.group(1).upper())
        return Request(kind="what_if", changes=[cut], text=text)
    match = _BARE.match(text)
    if not match or previous is None or previous.kind != "what_if" or len(previous.changes) != 1:
        return None
    change = previous.changes[0]
    if change.kind not in {"days", "pages_per_day", "hours_per_day", "budget_cap"}:
        return None
    unit = (match.group(2) or "").lower()
    if unit.startswith("page") and change.kind != "pages_per_day":
        change = Change(kind="pages_per_day")
    elif unit.startswith("hour") and change.kind != "hours_per_day":
        change = Change(kind="hours_per_day")
    elif unit.startswith("day") and change.kind != "days":
        change = Change(kind="days")
    value = float(match.group(1))
    # "cut two days" then "and three?" cuts three; "and in eleven?" is eleven days.
    relative = change.relative and change.kind == "days" and not _ABSOLUTE.search(text)
    if relative and (change.value or 0) < 0:
        value = -value
    new = change.model_copy(update={"value": value, "relative": relative})
    return Request(kind="what_if", changes=[new], instead=True, text=text)


def lost_follow_up(text: str, lexicon: Lexicon, previous: Request | None) -> Request | None:
    """'and the police station?' after 'what if we lose the hospital?': the same question for
    that site (answered as the first was, by `graph.answers.outside_answer`)."""
    if previous is None or previous.topic != "outside" or not LOSE.search(previous.text):
        return None
    match = FOLLOW_UP.match(text)
    rest = text[match.end() :].strip(" ,?.!") if match else ""
    if not rest or lexicon.location_in(rest) is None:
        return None
    return Request(kind="question", topic="outside", text=f"what if we lose {rest}?")
