"""The sub-parsers `parse_message` tries in order, each reading one family of requests."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.grammar.changes import extra_changes
from graph.grammar.followups import follow_query, follow_what_if, pinned_pronoun
from graph.grammar.lexicon import Lexicon
from graph.grammar.model import Change, ExportFormat, Request, View
from graph.grammar.multi import again_for, listed, more_aspects, more_listed
from graph.grammar.numbers import ORDINALS
from graph.grammar.producer import asks_long_days
from graph.grammar.questions import OUTSIDE, clause_query
from graph.grammar.slots import Slots, read_slots
from graph.grammar.spans import NIGHT_BLOCK
from graph.grammar.why import why_of, why_of_money
from graph.intent_patterns import WEEKLY_CAP, parse_budget_cap, parse_changes, parse_versions
from tools.queries import Query

__all__ = [
    "Turn", "compare", "export", "greeting", "plan", "questions", "render", "revert", "show",
    "what_if",
]  # fmt: skip


@dataclass(frozen=True)
class Turn:
    """One message as the parsers see it."""

    text: str
    """As written."""
    message: str
    """Stripped."""
    normal: str
    """Stripped, with numbers in words written as digits."""
    lexicon: Lexicon
    previous: Request | None = None
    """The last turn's request (for follow-ups)."""


_ORDINAL_WORDS = re.compile(r"\b(first|second|third|fourth|fifth|sixth)\b", re.I)
_FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx", "json")
_VIEWS: tuple[tuple[View, re.Pattern[str]], ...] = (
    ("dood", re.compile(r"\b(dood|day[- ]out[- ]of[- ]days?)\b", re.I)),
    ("stripboard", re.compile(r"\b(strip ?board|strips)\b", re.I)),
    ("savings", re.compile(r"\b(savings?|save)\b", re.I)),
    ("budget", re.compile(r"\b(budget|top ?sheet|cost|accounts?)\b", re.I)),
    ("summary", re.compile(r"\b(summary|overview|recap)\b", re.I)),
    ("schedule", re.compile(r"\b(schedule|shooting days?|calendar|day \d+)\b", re.I)),
)
_SHOW = re.compile(r"^\s*(show|see|display|view|give me|let me see|what'?s|what is|print)\b", re.I)
_EXPORT = re.compile(r"\b(export|download|spreadsheet|csv|xlsx|excel)\b", re.I)
_RENDER = re.compile(
    r"\b(ai[- ](?:generated |shot|render)|render(?:ing)? cost|gpu|generated shot)", re.I
)
_COMPARE = re.compile(r"\b(compare|comparison|what changed|difference between|diff)\b", re.I)
_REVERT = re.compile(r"\b(go back|revert|roll ?back|undo|restore|switch back|back to)\b", re.I)
_PLACE_BACK = re.compile(
    r"\b(?:go(?:ing)?|come|coming)\s+back\s+to\s+(?:any|a|the|that|this|which|some)?\s*(?:\w+\s+)?"
    r"(?:locations?|sites?|places?|sets?|house|pub|street|hospital|stage|[A-Z]{3,})"
    r"|\bback\s+to\s+(?:any|a|the)\s+(?:locations?|sites?|places?)\b"
    r"|\b(?:locations?|sites?|places?|sets?)\b[^?.;]*\b(?:go|come|going|coming)\s+back\b"
    r"|\bback[- ]to[- ]back\b",
)
"""'do we go back to any location?' is about the board's sites, not an earlier version."""
_FIRST = re.compile(
    r"\b(first|original|initial|very first|starting)\s+(version|plan|schedule|one)\b", re.I
)
_RESET = re.compile(
    r"\b(start(?:ing)? over|from scratch|reset|clear (?:all )?(?:the )?changes|"
    r"forget (?:all )?(?:the |those |these )?changes|drop (?:all )?(?:the )?changes|"
    r"fresh start|without (?:the |any )?(?:other |earlier )?changes)\b",
    re.I,
)
_INSTEAD = re.compile(r"\binstead\b|\brather than\b|\bnot \d+ but\b", re.I)
_PLAN = re.compile(
    r"^\s*(?:please\s+)?(plan|schedule|break (?:it|this) down|breakdown|make a (?:plan|schedule)|"
    r"build (?:a|the) (?:plan|schedule)|optimi[sz]e)\b(?!.*\bday\b)",
    re.I,
)
_GREETING = re.compile(
    r"^\s*(hi|hello|hey|thanks?|thank you|ok(?:ay)?|great|cool|good morning|cheers)\b[!. ]*$",
    re.I,
)
_SPLIT = re.compile(
    r"\?\s*|;\s*|\s+and\s+(?=day\s+\d)|,\s*(?:and\s+)?(?=(?:what|how|who|when|where|which|is|are|does|do)\b)"
    r"|\s+and\s+(?=(?:what|how|who|when|where|which)\b)|\s+also\s+",
    re.I,
)


def greeting(turn: Turn) -> Request | None:
    """Hello and thanks."""
    return Request(kind="chat") if _GREETING.match(turn.message) else None


def render(turn: Turn) -> Request | None:
    """The AI-generated shot estimator."""
    return Request(kind="render_cost") if _RENDER.search(turn.message) else None


def compare(turn: Turn) -> Request | None:
    """Compare versions (named, or the last two)."""
    if not _COMPARE.search(turn.message):
        return None
    versions = parse_versions(turn.normal)
    if not versions and re.search(r"\bversions?|plans?\b", turn.normal, re.I):
        versions = [ORDINALS[w.lower()] for w in _ORDINAL_WORDS.findall(turn.normal)]
    return Request(kind="compare", versions=versions)


def _place_after_back(turn: Turn) -> bool:
    """'how many times do we go back to Maya's apartment?': a place of the script's after
    "back to" is the board's sites, not an earlier version."""
    match = re.search(r"\bback\s+to\s+(.+)", turn.normal, re.I)
    return bool(match and turn.lexicon.location_in(match.group(1)))


def revert(turn: Turn) -> Request | None:
    """Go back to a version: named, "the first version", or the previous one; "start over"."""
    text = turn.normal
    if _PLACE_BACK.search(text) or _place_after_back(turn):
        return None
    reset_alone = _RESET.search(text) and not _changes(turn)
    if not (_REVERT.search(text) or reset_alone) or (_changes(turn) and not reset_alone):
        return None
    if _FIRST.search(text) or reset_alone:
        return Request(kind="revert", versions=[1], reset=True)
    if not _REVERT.search(text):
        return None
    return Request(kind="revert", versions=parse_versions(text)[:1])


def export(turn: Turn) -> Request | None:
    """Export a view as a file."""
    if not _EXPORT.search(turn.message):
        return None
    named = [f for f in _FORMATS if f in turn.message.lower()]
    spreadsheet = re.search(r"excel|spreadsheet", turn.message, re.I)
    fmt: ExportFormat = named[0] if named else "xlsx" if spreadsheet else "csv"
    return Request(kind="export", view=_view(turn.message) or "schedule", export_format=fmt)


def _drop_overlaps(legacy: list[Change], extra: list[Change]) -> list[Change]:
    """The first parser's changes that the newer ones read better are dropped."""
    kinds = {c.kind for c in extra}
    actors = {
        c.actor for c in extra if c.kind == "available" or (c.kind == "unavailable" and c.days)
    }
    # "start 3 days earlier" moves the start date; it is not a 3-day shoot.
    shifted = any(c.kind == "start_date" and c.relative for c in extra)
    # Weekdays ("can't work Thursdays or Fridays") are read by the newer parser.
    actors |= {c.actor for c in extra if c.kind == "unavailable" and c.weekdays}
    kept = [
        c
        for c in legacy
        if not (c.kind == "days" and (kinds & {"days", "week_days"} or shifted))
        and not (c.kind == "pages_per_day" and "pages_per_day" in kinds)
        and not (c.kind == "unavailable" and c.actor in actors)
        and not (c.kind == "days" and actors)
    ]
    return kept + extra


def _clause_changes(clause: str, turn: Turn) -> list[Change]:
    return _changes(Turn(clause, clause, clause, turn.lexicon, None))


def _changes(turn: Turn) -> list[Change]:
    text = turn.normal
    names = turn.lexicon.cast_in(turn.message) or [
        w for w in re.findall(r"\b[A-Z][A-Z'-]{2,}\b", turn.message) if w not in {"INT", "EXT"}
    ]
    extra = extra_changes(text, turn.lexicon, names)
    changes = _drop_overlaps(parse_changes(text), extra)
    if _WHY_ASKS.match(text) and not _SUPPOSE.search(text):
        # "why are we 38 days?" asks about the board; it does not set its length.
        return []
    if _YES_NO.match(text) and not _SUPPOSE.search(text):
        # "is JONAH free on day 3?" asks about the board; it does not change anyone's dates,
        # nor does "are we on six-day weeks?" change the week.
        changes = [c for c in changes if c.kind not in {"available", "unavailable", "week_days"}]
    if asks_long_days(text) and not _SUPPOSE.search(text):
        return []  # "are any days longer than 12 hours?" asks about the board's days
    if _SOME_DAYS.search(text):
        # "the 3 days with the most pages" names days of the board; it is not a 3-day shoot.
        changes = [c for c in changes if c.kind != "days"]
    if (cap := parse_budget_cap(text)) and not any(c.kind == "rate" for c in changes):
        changes.append(Change(kind="budget_cap", value=cap))
    return changes + pinned_pronoun(text, turn.previous)


_SOME_DAYS = re.compile(
    r"\b(?:the|which|what)\s+(?:\d+|few)\s+(?:shooting\s+)?(?:days|nights)\s+(?:with|that|where|"
    r"when|have|has|had|on)\b",
    re.I,
)
_WHY_ASKS = re.compile(
    r"^\s*(?:why|how come)\b(?!\s+(?:not|don'?t|can'?t|won'?t|wouldn'?t)\b)", re.I
)
"""'why is day 32 so expensive?' (not 'why not shoot it in 30 days?', a proposal)."""
_YES_NO = re.compile(r"^\s*(?:is|are|will|does|do|was|were)\b[^?]*\?\s*$", re.I)
_SUPPOSE = re.compile(r"\b(?:what if|if we|if (?:he|she|they)|suppose|assuming|say)\b", re.I)
_PARTS = re.compile(r",\s*(?:and\s+)?|;\s*|\s+(?:and|plus|then|also)\s+", re.I)
_CHANGE_WORDS = re.compile(
    r"\b(give|make|move|shift|swap|add|drop|cut|lose|pay|paid|book|shoot|allow|push|pull|put|"
    r"bring|reduce|raise|increase|double|halve|split|let|take|hire|rent|replace|skip)\b",
    re.I,
)


def _unread(turn: Turn) -> list[str]:
    """Parts of a what-if that ask for a change but that no parser reads on its own."""
    parts = [p.strip(" ?.!") for p in _PARTS.split(turn.normal)]
    if len(parts) < 2:
        return []
    return [
        p
        for p in parts
        if p
        and _CHANGE_WORDS.search(p)
        and not _ASKS.match(p)
        and not _clause_changes(p, turn)
        and not _clause_changes(f"what if we {p}", turn)
    ]


def what_if(turn: Turn) -> Request | None:
    """A what-if: changes to the plan's inputs, cumulative unless "instead" or "start over"."""
    changes = _changes(turn)
    if not changes:
        return follow_what_if(turn.normal, turn.previous)
    questions_asked = [q for q in _queries(turn, what_if=True) if q.kind != "versions"]
    return Request(
        kind="what_if",
        changes=changes,
        instead=bool(_INSTEAD.search(turn.normal)),
        reset=bool(_RESET.search(turn.normal)),
        queries=questions_asked,
        unread=_unread(turn),
    )


def plan(turn: Turn) -> Request | None:
    """Plan the script."""
    return Request(kind="plan") if _PLAN.match(turn.message) else None


def _clauses(text: str) -> list[str]:
    parts = [p.strip(" ,.!") for p in _SPLIT.split(text) if p and p.strip(" ,.!?")]
    return parts or [text]


_UNREAD_CHANGE = re.compile(
    r"\b(instead|happen|(?<!company )move|shift|swap|push|pull|bring forward|what if|let'?s|pin)\b",
    re.I,
)
"""A change the grammar cannot read ("a company move" is a question about the board)."""
_WHEN_MOVE = re.compile(
    r"^\s*(?:what|which)\s+day\b[^?]*\bmove\s+(?:over\s+)?(?:to|into|on to)\b"
    r"|^\s*when\s+(?:do|does|will|are)\s+(?:we|the company|the unit)\s+move\s+(?:to|into)\b",
    re.I,
)
"""'what day do we move to the courthouse?' asks about the board's company moves."""
_ASKS = re.compile(r"\b(how|what|who|when|where|which|is|are|does)\b", re.I)


_AND_NAME = re.compile(r"(?:,\s*|\s+)(and\s+(?:for\s+)?\S+(?:\s+\S+){0,2})\s*[?.!]*\s*$", re.I)
"""'how many days does ORSON work, and HELEN?': a name alone at the end asks again of it."""


def _is_name(words: str, lexicon: Lexicon) -> bool:
    """The words are a cast name (or one word of one) and nothing else."""
    said = words.strip(" ?.!'").upper()
    return bool(said) and any(said == n or said in n.split() for n in lexicon.cast)


def _name_tails(clauses: list[str], lexicon: Lexicon) -> list[str]:
    """Clauses with a trailing "and NAME" made a clause of its own (a follow-up of the one
    before), when NAME is a cast member and nothing else."""
    out: list[str] = []
    for clause in clauses:
        match = _AND_NAME.search(clause)
        tail = match.group(1) if match else ""
        name = re.sub(r"^and\s+(?:for\s+)?", "", tail, flags=re.I)
        head = clause[: match.start()] if match else ""
        if match and _is_name(name, lexicon) and lexicon.cast_in(head):
            out += [head, tail]
        else:
            out.append(clause)
    return out


def _other_cast(asked: list[Query], slots: Slots) -> list[Query]:
    """'when do MAYA and HELEN start?': the same questions of each further name."""
    if (
        len(slots.cast) < 2
        or not asked
        or asked[0].kind != "cast"
        or asked[0].cast != slots.cast[0]
    ):
        return []
    return [q.model_copy(update={"cast": name}) for name in slots.cast[1:] for q in asked]


def _queries(turn: Turn, *, what_if: bool = False) -> list[Query]:
    found: list[Query] = []
    previous = None if what_if else turn.previous
    for clause in _name_tails(_clauses(turn.normal), turn.lexicon):
        if what_if and (not _ASKS.match(clause) or _clause_changes(clause, turn)):
            continue
        clause, others = listed(clause)
        slots = read_slots(clause, turn.lexicon)
        # Within one message the clause before is the context ("... and when does she finish?").
        context = Request(kind="question", queries=found[-1:]) if found else previous
        query = follow_query(slots, clause_query(slots), context, same_message=bool(found))
        if query is None:
            continue
        again = [] if found else again_for(query, slots, previous)
        asked = again or [query, *more_aspects(query, slots)]
        for each in asked + _other_cast(asked, slots) + more_listed(asked, others):
            if each not in found:
                found.append(each)
    return found


def questions(turn: Turn) -> Request | None:
    """Questions the plan answers (several in one message), or one it cannot (weather)."""
    if OUTSIDE.search(turn.normal):
        return Request(kind="question", topic="outside")
    if WEEKLY_CAP.search(turn.normal) and turn.lexicon.cast_in(turn.normal):
        return Request(kind="question", topic="outside", text=turn.normal)
    if (
        _UNREAD_CHANGE.search(turn.normal)
        and not NIGHT_BLOCK.search(turn.normal)
        and not _WHEN_MOVE.search(turn.normal)
    ):
        return None  # a change the grammar cannot read: the model may, else it is chat
    if (fixed := turn.lexicon.misspelt(turn.normal)) != turn.normal:
        # "how much does orsen cost": read with the name it is one slip from.
        turn = Turn(fixed, fixed, fixed, turn.lexicon, turn.previous)
    found = _queries(turn)
    if _WHY_ASKS.match(turn.normal):
        # "why is day 32 so expensive?": what the figure is made of, where it can be said.
        slots = read_slots(turn.normal, turn.lexicon)
        found = [why_of(q, slots) for q in found] or why_of_money(turn.normal, turn.lexicon)
        # 'why are scenes 4 and 7 on different days?': both scenes' queries ask the one pair.
        found = [q for i, q in enumerate(found) if q not in found[:i]]
    if not found:
        return None
    first = found[0]
    generic = [Query(kind="account"), Query(kind="savings")]
    if len(found) == 1 and first in generic and (view := show(turn)) is not None:
        return view
    return Request(
        kind="question",
        queries=found,
        scene=first.scene if first.kind == "scene" else None,
        category=first.category if first.kind == "category" else None,
        actor=first.cast if first.kind == "cast" else None,
    )


def _view(text: str) -> View | None:
    return next((view for view, pattern in _VIEWS if pattern.search(text)), None)


def show(turn: Turn) -> Request | None:
    """Show a view of the plan ("show the DOOD", "budget")."""
    view = _view(turn.message)
    if view and (_SHOW.match(turn.message) or len(turn.message.split()) <= 4):
        return Request(kind="show", view=view)
    return None
