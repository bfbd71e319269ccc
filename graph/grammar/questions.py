"""Questions the plan answers: one clause's slots become a `tools.queries.Query`.

The order matters and reads like a producer's question: out-of-scope topics first, then
versions, savings, rankings ("the most expensive day"), counts ("how many night shoots"),
then a named subject (a day, a scene, a cast member, a category, a location, an account).
"""

from __future__ import annotations

import re

from graph.grammar.figures import board_query, cast_rate_query, overtime_query, ranking_count
from graph.grammar.multi import ASPECTS as _ASPECTS
from graph.grammar.producer import producer_query
from graph.grammar.slots import Slots
from graph.grammar.spans import night_runs_query, span_nights_query, span_query
from tools.queries import Query

__all__ = ["OUTSIDE", "clause_query"]

OUTSIDE = re.compile(
    r"\b(weather|forecast|box[- ]office|gross(?:es|ed)?|revenue|ticket sales|opening weekend|"
    r"release date|oscars?|academy awards?|awards?|reviews?|critics?|rotten tomatoes|imdb|"
    r"stock|share price|streaming rights|distribut\w+|marketing spend|sequel|president|"
    r"capital of|recipe|football|election|horoscope)\b",
    re.I,
)
_VERSIONS = re.compile(r"\b(versions?|history|what have we tried|earlier plans?)\b", re.I)
_SAVINGS = re.compile(
    r"\b(sav(?:e|es|ed|ing|ings)|baseline|script order|sorted board|cheaper than|"
    r"compared to the original)\b",
    re.I,
)
_RANK = re.compile(
    r"\b(most|least|biggest|largest|smallest|longest|shortest|cheapest|dearest|priciest|"
    r"costliest|busiest|heaviest|lightest|highest|lowest|fewest|top|worst|best)\b",
    re.I,
)
_LEAST = re.compile(r"\b(least|smallest|shortest|cheapest|lightest|lowest|fewest)\b", re.I)
_COUNT = re.compile(
    r"\b(how many|number of|total|count|in all|altogether|how long is the shoot)\b", re.I
)
_WRAP = re.compile(
    r"\bwhen (?:do|will|does|would) (?:we|the shoot|shooting|principal photography|production|"
    r"filming) (?:wrap|finish|end)\b|\bwhen(?:'s| is) (?:the )?(?:wrap|last (?:shooting )?day)\b|"
    r"\bwrap date\b|\bwhat date do we wrap\b",
    re.I,
)
"""'when do we wrap?': the last day, with its date when the board has dates."""
_START = re.compile(
    r"\bwhen (?:do|will|does|would) (?:we|the shoot|shooting|principal photography|production|"
    r"filming) (?:start|begin)\b|\bwhen(?:'s| is) (?:the )?(?:start(?: date)?|first (?:shooting )?"
    r"day)\b|\bwhat(?:'s| is) (?:the|our) start date\b|\bwhat date do we start\b",
    re.I,
)
"""'when does the shoot start?': the first day, with its date when the board has dates."""
_OVER_DAYS = re.compile(
    r"\b(held|on hold|holds?|works?|working)\b[^.?;]*?\b(more than|over|at least|longer than)\s+"
    r"(\d+)\s+(?:\w+\s+)?days?\b",
    re.I,
)
"""'is anyone held more than 3 days?', 'who works over 5 days': everyone above a count."""
_SCRIPT_LENGTH = re.compile(
    r"\bhow long is the (?:script|screenplay)\b|\b(?:script|screenplay)(?:'s)? length\b|"
    r"\bpage count\b|\blength of the (?:script|screenplay)\b",
    re.I,
)
_MEASURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("holds", re.compile(r"\bhold", re.I)),
    (
        "cast_days",
        re.compile(r"\b(?:cast|actors?'?|performers?'?|talent|work|man|person)[- ]days\b", re.I),
    ),
    ("moves", re.compile(r"\b(company )?moves?\b", re.I)),
    ("nights", re.compile(r"\bnights?\b|\bnight (?:shoots?|days?|work)\b", re.I)),
    ("exteriors", re.compile(r"\bexteriors?\b|\bext\b", re.I)),
    ("pages", re.compile(r"\bpages?\b|\beighths\b", re.I)),
    ("scenes", re.compile(r"\bscenes?\b|\bstrips\b", re.I)),
    (
        "cast",
        re.compile(r"\b(cast|actors?|characters?|speaking parts?|roles?|performers?)\b", re.I),
    ),
    ("sets", re.compile(r"\bsets\b|\bhow many set\b", re.I)),
    ("locations", re.compile(r"\b(locations?|sites?|set|places?)\b", re.I)),
    ("budget", re.compile(r"\b(budget|cost|costs|money|spend|dollars)\b", re.I)),
    ("days", re.compile(r"\b(days?|shoot|shooting|weeks?|long)\b", re.I)),
)
_BUDGET = re.compile(
    r"\b(budget|total cost|how much (?:does|will|would) (?:it|the (?:film|movie|shoot|show))|"
    r"what does it cost|bottom line|top ?sheet)\b",
    re.I,
)
_AVERAGE = re.compile(
    r"\bhow many (?:pages|scenes|eighths|moves|company moves)\b[^?.;]*\b(?:a|each) (?:shooting )?"
    r"day\b|"
    r"\b(averages?|on average|mean|typical(?:ly)?|per (?:shooting )?day|a day on average|"
    r"(?:cost|spend|budget|price) (?:per|a) page|per page)\b",
    re.I,
)
_AVERAGE_MEASURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("page_cost", re.compile(r"\b(?:per|a|each) page\b", re.I)),
    ("moves", re.compile(r"\bmoves?\b", re.I)),
    ("pages", re.compile(r"\bpages?\b|\beighths\b", re.I)),
    ("scenes", re.compile(r"\bscenes?\b|\bstrips\b", re.I)),
    ("minutes", re.compile(r"\b(minutes|hours|how long)\b", re.I)),
    ("budget", re.compile(r"\b(budget|total|all[- ]in)\b", re.I)),
)
_NTH = {
    "first": 0,
    "opening": 0,
    "second": 1,
    "2nd": 1,
    "third": 2,
    "3rd": 2,
    "last": -1,
    "final": -1,
}
_NTH_NIGHT = re.compile(
    r"\b(first|opening|second|2nd|third|3rd|last|final)\s+(?:day\s+of\s+nights?|nights?"
    r"(?:\s+(?:day|shoot))?)\b(?!\s+(?:scenes?|exteriors?|interiors?))",
    re.I,
)
"""'the first day of nights', 'the last night': the n-th day with night work."""
_NIGHT_CAST = re.compile(
    r"\bwho(?:'s| is| are)?\s+(?:works?|working|shoots?|shooting|on|called)\s+(?:the\s+|at\s+|"
    r"on\s+)?nights?\b",
    re.I,
)
"""'who works the nights?', 'who's on nights?': the cast in night work."""
_WHO_FIRST = re.compile(
    r"\bwho(?:'s| is)?\s+(?:the\s+)?(?:(?P<verb>finish(?:es)?|wraps?|(?:is\s+)?done|"
    r"(?:is\s+)?released|starts?|begins?|comes?\s+in|(?:is\s+)?in)\s+(?P<when>first|last|"
    r"earliest|latest)|(?P<when2>first|last)\s+to\s+(?P<verb2>finish|wrap|be done|be released|"
    r"start|begin|come in))\b",
    re.I,
)
"""'who finishes first?', 'who wraps last?', 'who's the first to start?': the DOOD's ends."""
_PER_DAY = re.compile(r"\b(?:per|a|each) (?:shooting )?day\b", re.I)
_WHATS = re.compile(r"\bwhat(?:'s|s| is| are| was| were)\b", re.I)
_MONEY_ONLY = {"contingency", "insurance", "legal", "accounting", "catering", "editorial"}
"""Accounts whose name asks for money alone ("what's our contingency?"); "locations" or
"cast" after "what are" ask for a list."""
_HOLD_COST = re.compile(
    r"\b(holds?|hold days?|holding)\b.*\b(cost|costs|costing|spend|pay|paying|money|worth)\b|"
    r"\b(cost|costs|spend|pay|paying|money)\b.*\b(holds?|hold days?|holding)\b",
    re.I,
)
_CAST_LIST = re.compile(
    r"\b(who(?:'s| is| are)? in the cast|list the cast|the cast list|whole cast|all the (?:cast|"
    r"actors)|who are the actors|cast members?)\b",
    re.I,
)


_R_ACCOUNT = re.compile(
    r"\b(accounts?|departments?|line items?|spend(?:ing)? category|costs? the most|"
    r"biggest costs?|biggest expense|largest expense)\b",
    re.I,
)
_R_ACCOUNT_ONLY = re.compile(r"\b(accounts?|departments?|line items?)\b", re.I)
_R_HOLD = re.compile(r"\bhold|\bheld\b", re.I)
_R_PLACE = re.compile(r"\b(locations?|sites?|places?|sets?)\b", re.I)
_R_WHO = re.compile(r"\b(actors?|actress|cast|who|performers?|talent)\b", re.I)
_R_MONEY = re.compile(
    r"\b(expensive|costs?|paid|pricie?st|dearest|costliest|money|cheapest)\b", re.I
)
_R_DAY = re.compile(r"\bdays?\b", re.I)
_R_BUSY = re.compile(r"\b(busiest|heaviest|lightest|pages|most scenes|fewest|quietest)\b", re.I)
_R_MOVES = re.compile(r"\b(?:company\s+)?moves?\b", re.I)
_R_HOURS = re.compile(r"\b(longest|shortest|hours?|minutes)\b", re.I)
"""'the longest day' is the one with the most hours (shooting and moves), as an AD means it."""


def _rank(slots: Slots) -> Query | None:
    ranked = _ranking(slots)
    count = ranking_count(slots.text)
    return ranked.model_copy(update={"top": count}) if ranked and count else ranked


def _ranking(slots: Slots) -> Query | None:
    text = slots.text
    least = bool(_LEAST.search(text))
    if _R_HOLD.search(text):
        return Query(kind="rank", measure="hold", least=least)
    if _R_WHO.search(text) and not _R_DAY.search(text.replace("work days", "")):
        measure = (
            "cast_cost"
            if _R_MONEY.search(text)
            else "cast_scenes"
            if re.search(r"\bscenes?\b", text, re.I)
            else "work"
        )
        return Query(kind="rank", measure=measure, least=least)
    if _R_WHO.search(text) and re.search(r"\bmost (?:work )?days\b|\bworks? the most\b", text):
        return Query(kind="rank", measure="work", least=least)
    if _R_PLACE.search(text):
        return Query(kind="rank", measure="location", least=least)
    if _R_DAY.search(text) and not _R_ACCOUNT_ONLY.search(text):
        measure = (
            "moves"
            if _R_MOVES.search(text)
            else "minutes"
            if _R_HOURS.search(text)
            else "pages"
            if _R_BUSY.search(text)
            else "day_cost"
        )
        return Query(kind="rank", measure=measure, least=least)
    if _R_ACCOUNT.search(text) and not slots.cast:
        return Query(kind="rank", measure="account", least=least)
    return None


def _count(slots: Slots) -> Query | None:
    if slots.lighting and slots.int_ext:
        # "how many night exteriors?" counts those scenes, not the nights.
        return _query(kind="scenes", lighting=slots.lighting, int_ext=slots.int_ext)
    for measure, pattern in _MEASURES:
        if pattern.search(slots.text):
            if (measure == "scenes" and slots.lighting) or (measure == "scenes" and slots.int_ext):
                return _query(kind="scenes", lighting=slots.lighting, int_ext=slots.int_ext)
            return (
                Query(kind="account")
                if measure == "budget"
                else Query(kind="total", measure=measure)
            )
    return None


_LISTING = re.compile(r"\b(scenes?|shoots?|which|what|any|list|exteriors?|interiors?)\b", re.I)


_MONEY_WORDS = re.compile(
    r"\b(how much|cost|costs|costing|spend|spent|spending|budget|pay|paying)\b", re.I
)


def _query(**fields: object) -> Query:
    """A query from slot values (checked by the model, so a bad aspect fails loudly)."""
    return Query.model_validate(fields)


def _aspect(slots: Slots, allowed: tuple[str, ...]) -> str:
    return next((a for a in slots.aspects if a in allowed), "all")


_CAST_ON_DAY = re.compile(
    r"^\s*(?:is|are|does|do|will|was)\b[^?]*\b(?:work(?:s|ing)?|on hold|held|called|needed|"
    r"on set|shoot(?:s|ing)?|free|off|in|on)\b",
    re.I,
)
"""A yes/no question about one person on one day."""
_HELD = re.compile(r"\b(?:on hold|held|holding)\b", re.I)
_FREE = re.compile(r"\b(?:free|off|not (?:working|needed|called))\b", re.I)


def _subject(slots: Slots) -> Query | None:
    if slots.scene:
        aspect = _aspect(slots, ("cast", "locations", "elements", "days"))
        return _query(kind="scene", scene=slots.scene, aspect=aspect)
    if slots.cast and (slots.day is not None or slots.when) and _CAST_ON_DAY.search(slots.text):
        # "is MAYA working on day 10?", "does ORSON work day 3?": that person on that day.
        held = re.search(r"\b(?:on hold|held|holding)\b", slots.text, re.I)
        free = re.search(
            r"\b(?:free|off|not (?:working|needed|called)|available)\b", slots.text, re.I
        )
        aspect = "held_on_day" if held else "free_on_day" if free else "on_day"
        return _query(
            kind="cast", cast=slots.cast[0], day=slots.day, aspect=aspect, when=slots.when
        )
    if slots.category and slots.day is not None:
        # "how many extras do we need on day 5?": that day's scenes with the category.
        return Query(kind="category", category=slots.category, day=slots.day)
    if slots.day is not None or slots.last_day or slots.when:
        aspect = _aspect(slots, _ASPECTS["day"])
        day = slots.day if slots.day is not None else None if slots.when else -1
        return _query(kind="day", day=day, aspect=aspect, when=slots.when)
    if slots.cast:
        aspect = _aspect(slots, ("free", "holds", "start", "finish", "cost", "scenes", "days"))
        return _query(kind="cast", cast=slots.cast[0], aspect=aspect)
    if slots.category:
        return Query(kind="category", category=slots.category)
    if (slots.lighting or slots.int_ext) and _LISTING.search(slots.text):
        return _query(kind="scenes", lighting=slots.lighting, int_ext=slots.int_ext)
    return None


def _average(slots: Slots) -> Query | None:
    """ "the average cost per day", "how many pages a day on average", "catering per day"."""
    if rate := cast_rate_query(slots):
        return rate
    if slots.day is not None or slots.scene or slots.cast:
        return None
    money = _MONEY_WORDS.search(slots.text) or slots.account in _MONEY_ONLY
    if slots.account and money and _PER_DAY.search(slots.text):
        return Query(kind="average", measure="account", account=slots.account)
    if not _AVERAGE.search(slots.text):
        return None
    measure = next((m for m, p in _AVERAGE_MEASURES if p.search(slots.text)), "day_cost")
    return Query(kind="average", measure=measure)


def _night_query(slots: Slots) -> Query | None:
    """'the first day of nights', 'who is on the last night?', 'who works the nights?'."""
    text = slots.text
    if match := _NTH_NIGHT.search(text):
        day = _NTH[match.group(1).lower()]
        if re.match(r"\s*who\b", text, re.I):
            return Query(kind="day", day=day, lighting="NIGHT", aspect="cast")
        return Query(kind="day", day=day, lighting="NIGHT")
    if _NIGHT_CAST.search(text):
        return Query(kind="cast", lighting="NIGHT")
    return None


def clause_query(slots: Slots) -> Query | None:
    """The query one clause asks, or None when it asks nothing the plan holds."""
    text = slots.text
    if early := overtime_query(slots) or producer_query(slots):
        return early
    if nights := span_nights_query(slots):
        return nights
    if night := _night_query(slots) or night_runs_query(slots) or span_query(slots):
        return night
    if who := _WHO_FIRST.search(text):
        verb, when = (
            who.group("verb") or who.group("verb2"),
            who.group("when") or who.group("when2"),
        )
        measure = "start" if re.search(r"start|begin|come|\bin\b", verb, re.I) else "finish"
        return Query(kind="rank", measure=measure, least=when.lower() in {"first", "earliest"})
    if _HOLD_COST.search(text) and not (slots.day is not None or slots.scene):
        return Query(kind="hold_cost", cast=slots.cast[0] if slots.cast else None)
    if averaged := _average(slots):
        return averaged
    if (_WRAP.search(text) or _START.search(text)) and not (slots.cast or slots.location):
        return Query(kind="day", day=-1 if _WRAP.search(text) else 0, aspect="date")
    if (over := _OVER_DAYS.search(text)) and not (slots.scene or slots.day is not None):
        measure = "work" if over.group(1).lower().startswith("work") else "hold"
        least = over.group(2).lower().startswith("at least")
        return Query(kind="rank", measure=measure, over=int(over.group(3)) - int(least))
    if board := board_query(slots):
        return board
    if _VERSIONS.search(text) and not slots.subject:
        return Query(kind="versions")
    if _SAVINGS.search(text) and not (slots.day is not None or slots.scene or slots.cast):
        return Query(kind="savings")
    if (
        _RANK.search(text)
        and not (slots.scene or slots.day is not None)
        and (ranked := _rank(slots))
        and (not slots.cast or ranked.measure in {"day_cost", "pages"})
    ):
        return ranked
    if _COUNT.search(text) and not slots.subject and (counted := _count(slots)):
        if counted.measure == "cast" and slots.account and _MONEY_WORDS.search(text):
            # "the cast's total cost" is the cast account, not a head count.
            return Query(kind="account", account=slots.account)
        return counted
    if _SCRIPT_LENGTH.search(text) and not slots.subject:
        return Query(kind="total", measure="pages")
    if _CAST_LIST.search(text) and not (slots.scene or slots.day is not None or slots.cast):
        return Query(kind="cast")
    money = _MONEY_WORDS.search(text)
    money_only = slots.account in _MONEY_ONLY and _WHATS.search(text)
    if (
        slots.account
        and (money or money_only)
        and not (slots.day is not None or slots.scene or slots.cast)
    ):
        return Query(kind="account", account=slots.account)
    if subject := _subject(slots):
        return subject
    if slots.account and re.search(
        r"\b(cost|costs|spend|spent|how much|budget|amount|total|line|account|paying|pay)\b",
        text,
        re.I,
    ):
        return Query(kind="account", account=slots.account)
    if _BUDGET.search(text):
        return Query(kind="account")
    if slots.location and _LOCATION_COST.search(text):
        return Query(kind="location", location=slots.location, aspect="cost")
    if slots.location and (
        re.search(r"\b(when|which|what|scenes?|days?|how many|shoot|shooting|are we)\b", text, re.I)
        or (_AND_THE.match(text) and len(text.split()) <= 5)
    ):
        # "and the police station?" with nothing before it to follow: what is shot there.
        return Query(kind="location", location=slots.location)
    return None


_AND_THE = re.compile(r"^\s*(?:and|also|or)\b", re.I)


_LOCATION_COST = re.compile(
    r"\b(?:cost|costs|costing|spend|spending|spent|how much|pay|paying|budget for)\b", re.I
)
"""'how much does the bell house cost us?': the site's own budget lines."""
