"""What-if changes the first parser (`graph.intent_patterns`) does not read: relative
changes ("two fewer days", "a page more a day"), weeks, availability windows ("only
available for the first three weeks", "not until day 10", "from the 14th") and rates
("JONAH costs $20,000 a day", "10% cheaper cast"). Numbers arrive as digits."""

from __future__ import annotations

import re

from graph.grammar.dates import start_date_changes
from graph.grammar.lexicon import Lexicon
from graph.grammar.model import LAST_DAY, Change
from graph.grammar.numbers import ORDINALS
from graph.grammar.omits import omit_changes
from graph.grammar.order import order_changes
from graph.grammar.rates import rate_changes
from graph.grammar.weekdays import weekday_changes
from graph.grammar.wrap import wrap_changes
from graph.intent_patterns import WEEK_DAYS, parse_days

__all__ = ["extra_changes"]

_NUM = r"(\d+(?:\.\d+)?)"
_ORD = "|".join(ORDINALS)
_FEWER_DAYS = re.compile(
    rf"\b{_NUM}\s+(fewer|less|more|extra|additional|shorter|longer)\s+(?:shooting\s+)?(days?|"
    rf"weeks?)\b"
    rf"|\b(add(?:ed|ing)?|cut(?:ting)?|lose|losing|lost|drop(?:ped|ping)?|remov(?:e|ed|ing)|"
    rf"shav(?:e|ed|ing)(?: off)?|trim(?:med|ming)?|sav(?:e|ed|ing)|gain(?:ed|ing)?)\s+{_NUM}\s+"
    rf"(?:more\s+|extra\s+)?(?:shooting\s+)?(days?|weeks?)\b"
    rf"|\b(?:(?:a|one)\s+)?(days?|weeks?)\s+(shorter|longer|fewer|less|more)\b"
    rf"|\b{_NUM}\s+(days?|weeks?)\s+(shorter|longer|fewer|less|more)\b",
    re.I,
)
_WEEKS = re.compile(rf"\b(?:in|over|within)\s+{_NUM}\s+weeks?\b|\b{_NUM}[- ]week\s+shoot\b", re.I)
_MORE_PAGES = re.compile(
    rf"\b{_NUM}\s+(more|fewer|less|extra)\s+pages?\s+(?:a|per|each)\s+day\b"
    rf"|\b(?:a|{_NUM})\s+pages?\s+(more|less|fewer)\s+(?:a|per|each)\s+day\b",
    re.I,
)
_AVAILABLE = re.compile(
    rf"\bonly\s+(?:available|free|around|here|with us|booked)\s+(?:for\s+|during\s+|"
    rf"in\s+)?(?:the\s+)?({_ORD}|first)\s+{_NUM}?\s*(days?|weeks?)"
    rf"|\b(?:only\s+)?(?:available|free)\s+(?:for\s+|"
    rf"during\s+)(?:the\s+)?first\s+{_NUM}\s+(days?|weeks?)",
    re.I,
)
_FOR_SPAN = re.compile(
    rf"\bonly\s+(?:available|free|around|here|with\s+us|booked|have\s+\w+(?:\s+\w+)?|"
    rf"got\s+\w+(?:\s+\w+)?)\s+for\s+(?:the\s+)?{_NUM}\s+(days?|weeks?)\b"
    rf"|\b(?:available|free|around|here|with\s+us|booked)\s+for\s+only\s+{_NUM}\s+(days?|weeks?)\b"
    rf"|\bonly\s+(?:has|have|gets?|got)\s+{_NUM}\s+(days?|weeks?)\b",
    re.I,
)
"""'only available for two weeks', 'we only have ORSON for 10 days': from the first day."""
_FROM = re.compile(
    r"\b(?:(?:not|isn'?t|aren'?t|won'?t\s+be)\s+(?:available\s+|free\s+|here\s+)?(?:until|till|"
    r"before)|(?:only\s+)?(?:available|"
    r"free|here|starts?|arrives?|joins?)\s+(?:from|after|on)|can'?t\s+(?:start|work|"
    r"come)\s+(?:until|before|till)|from)\s+"
    rf"(?:day\s+(\d+)|the\s+(\d+)(?:st|nd|rd|th)|the\s+({_ORD})\s+day|(\d+)(?:st|nd|rd|th))",
    re.I,
)
_UNTIL = re.compile(
    r"\b(?:(?:only\s+)?(?:available|free|here)\s+(?:until|till|through|to|up to)|leaves?\s+after|"
    r"must\s+(?:wrap|finish)\s+by|gone\s+after|done\s+by|wraps?\s+by)\s+"
    r"(?:day\s+(\d+)|the\s+(\d+)(?:st|nd|rd|th))",
    re.I,
)
_WEEK_DAYS = re.compile(
    r"\b(?P<n>[5-7])[- ]day\s+(?:shooting\s+|work(?:ing)?\s+)?weeks?\b"
    r"|\b(?P<m>[5-7])\s+(?:shooting\s+|work(?:ing)?\s+)?days?\s+(?:a|per|each|every)\s+week\b"
    r"|\b(?<!\bdo\s)(?<!\bwill\s)(?:we|let'?s|and|to)\s+(?:also\s+)?(?:shoot|work)\s+(?:on\s+)?"
    r"saturdays\b"
    r"|\bshoot(?:ing)?\s+(?:on\s+)?saturdays\s+(?:too|as\s+well)\b",
    re.I,
)
"""'six-day weeks', 'shoot 6 days a week', 'what if we shoot Saturdays': shooting days a week
(not a number of days);
'do we shoot on Saturdays?' asks about the calendar."""
_WEEK_CHOICE = re.compile(
    r"\b(?P<a>[5-7])[- ]day\s+(?:shooting\s+|work(?:ing)?\s+)?weeks?\s+(?:versus|vs\.?|or|"
    r"against|compared\s+(?:to|with)|instead\s+of)\s+(?P<b>[5-7])(?:[- ]day)?\b",
    re.I,
)
"""'five-day weeks versus six', '6-day weeks or 5': two weeks to choose between."""
_NEGATED_FROM = re.compile(
    r"\b(?:can(?:'|no)?t|cannot|won'?t|isn'?t|aren'?t|not|unavailable|out|gone|away|off)\b"
    r"(?:\s+(?:be\s+)?(?:work(?:ing)?|shoot(?:ing)?|here|there|available|free|around|with\s+us|"
    r"come\s+in))?\s+(?P<prep>from|after|starting(?:\s+on|\s+from)?)\s+"
    rf"(?:day\s+(\d+)|the\s+(\d+)(?:st|nd|rd|th)|the\s+({_ORD})\s+day|(\d+)(?:st|nd|rd|th))",
    re.I,
)
"""'can't work from the 14th', 'is out from day 10', 'not available after day 9': the last
day available is the one before the day named (or the day named, after 'after'); 'not until
day 10' is `_FROM`'s."""
_NOT_UNTIL = re.compile(r"\b(?:until|till|before)\b", re.I)
_WINDOW = re.compile(
    r"\b(?:only\s+)?available\s+(?:on\s+)?days?\s+(\d+)\s*(?:-|–|to|through|thru)\s*(\d+)\b", re.I
)


def _relative_days(text: str) -> list[Change]:
    match = _FEWER_DAYS.search(text)
    if not match:
        return []
    g = match.groups()
    if g[0]:
        n, word, unit = float(g[0]), g[1].lower(), g[2].lower()
    elif g[3]:
        n, word, unit = float(g[4]), g[3].lower(), g[5].lower()
    elif g[6]:
        n, unit, word = 1.0, g[6].lower(), g[7].lower()
    else:
        n, unit, word = float(g[8]), g[9].lower(), g[10].lower()
    if unit.startswith("week"):
        n *= WEEK_DAYS
    down = word in {"fewer", "less", "shorter"} or bool(
        re.match(r"(cut|los|lost|drop|remov|shav|trim|sav)", word)
    )
    return [Change(kind="days", value=-n if down else n, relative=True)]


_ONE_MORE = re.compile(
    r"\b(add(?:ed|ing)?|cut(?:ting)?|lose|losing|lost|drop(?:ped|ping)?|remov(?:e|ed|ing)|"
    r"shav(?:e|ed|ing)(?: off)?|trim(?:med|ming)?|sav(?:e|ed|ing)|gain(?:ed|ing)?)\s+"
    r"(?:a|an|one|another)\s+(day|week)\b"
    r"|\b(?:an?|one|another)\s+(extra|additional|more)\s+(day|week)\b|\bextra\s+(day|week)\b",
    re.I,
)
_LOSE = re.compile(
    r"\b(?:lose|losing|lost|without|no)\s+(?P<name>[A-Za-z][\w.' -]*?)\s+"
    r"(?P<rest>(?:for|on|during|in)\b[^.;?]*)",
    re.I,
)


def _one_more(text: str) -> list[Change]:
    """'drop a day', 'an extra week': one day or week, relative."""
    match = _ONE_MORE.search(text)
    if not match:
        return []
    verb = (match.group(1) or "").lower()
    unit = (match.group(2) or match.group(4) or match.group(5) or "day").lower()
    n = float(WEEK_DAYS if unit == "week" else 1)
    down = bool(re.match(r"(cut|los|lost|drop|remov|shav|trim|sav)", verb))
    return [Change(kind="days", value=-n if down else n, relative=True)]


def _losing(text: str, names: list[str]) -> list[Change]:
    """'if we lose MAYA for week two': the cast member is unavailable those days."""
    match = _LOSE.search(text)
    if not match or not names:
        return []
    days = parse_days(match.group("rest"))
    return [Change(kind="unavailable", actor=names[0], days=days)] if days else []


_OUT = re.compile(
    r"\b(?:can(?:'|no)?t|cannot|won'?t|isn'?t|is\s+not|unavailable|not\s+available|out|away|"
    r"off|sick|lose|losing|lost|without)\b(?P<rest>[^;.?]*)",
    re.I,
)


_BOUNDED = re.compile(r"\b(?:until|till|before|after|from|starting|onwards?)\b", re.I)


def _named_out(text: str, names: list[str]) -> list[Change]:
    """'what if our star can't work days 1 to 3', 'the lead is out the first week': days a cast
    member the lexicon found (also as "the lead") cannot work."""
    if not names:
        return []
    for match in _OUT.finditer(text):
        if _BOUNDED.search(match.group("rest")):
            continue  # "not available until day 10" is a window, read by `_availability`
        if days := parse_days(match.group("rest")):
            return [Change(kind="unavailable", actor=names[0], days=days)]
    return []


def _weeks(text: str) -> list[Change]:
    if match := _WEEKS.search(text):
        weeks = float(match.group(1) or match.group(2))
        return [Change(kind="days", value=weeks * WEEK_DAYS)]
    return []


def _relative_pages(text: str) -> list[Change]:
    match = _MORE_PAGES.search(text)
    if not match:
        return []
    n = float(match.group(1) or match.group(3) or 1.0)
    word = (match.group(2) or match.group(4)).lower()
    return [
        Change(kind="pages_per_day", value=n if word in {"more", "extra"} else -n, relative=True)
    ]


def _day_of(groups: tuple[str | None, ...]) -> int | None:
    for value in groups:
        if value:
            return (int(value) if value.isdigit() else ORDINALS.get(value.lower(), 1)) - 1
    return None


def _availability(text: str, names: list[str]) -> list[Change]:
    if not names:
        return []
    actor = names[0]
    if match := _WINDOW.search(text):
        return [
            Change(
                kind="available",
                actor=actor,
                from_day=int(match.group(1)) - 1,
                to_day=int(match.group(2)) - 1,
            )
        ]
    if match := _AVAILABLE.search(text):
        g = match.groups()
        if g[0]:
            count = float(g[1]) if g[1] else float(ORDINALS.get(g[0].lower(), 1))
            unit = g[2]
        else:
            count, unit = float(g[3]), g[4]
        days = int(count * (WEEK_DAYS if unit.lower().startswith("week") else 1))
        return [Change(kind="available", actor=actor, to_day=days - 1)]
    if match := _FOR_SPAN.search(text):
        count_text, unit = [g for g in match.groups() if g]
        days = int(float(count_text) * (WEEK_DAYS if unit.lower().startswith("week") else 1))
        return [Change(kind="available", actor=actor, to_day=max(0, days - 1))]
    if (gone := _NEGATED_FROM.search(text)) and not _NOT_UNTIL.search(text):
        last = _day_of(gone.groups()[1:])
        if last is not None:
            after = gone.group("prep").lower() == "after"
            dated = _of_month(gone.groups()[1:])
            return [
                Change(
                    kind="available",
                    actor=actor,
                    to_day=last if after else last - 1,
                    to_of_month=dated,
                    to_before=dated is not None and not after,
                )
            ]
    start_match = _FROM.search(text)
    start = _day_of(start_match.groups()) if start_match else None
    rest = text[: start_match.start()] + text[start_match.end() :] if start_match else text
    until = _UNTIL.search(rest)
    end = _day_of(until.groups()) if until else None
    if start is not None or end is not None:
        return [
            Change(
                kind="available",
                actor=actor,
                from_day=start,
                to_day=end,
                from_of_month=_of_month(start_match.groups()) if start_match else None,
                to_of_month=_of_month(until.groups()) if until else None,
            )
        ]
    return []


def _of_month(groups: tuple[str | None, ...]) -> int | None:
    """The day of the month when a day was said as a date ("the 14th", "14th"), not "day 14"
    or "the fourth day": the groups are (day N, the Nth, the ORD day[, Nth])."""
    for index in (1, 3):
        if index < len(groups) and groups[index]:
            return int(groups[index] or 0)
    return None


_SCENE_ON = re.compile(
    r"\bscene\s+(\d+[A-Z]{0,2})\s+(?:could\s+|can\s+)?(?:happen|be shot|go|move|shoot|land|be)\s+"
    r"(?:on|to)\s+(?:day\s+(\d+)|the\s+(last|final|first)\s+day)"
    r"|\b(?:put|pin|move|schedule|shoot|lock|slot)\s+scene\s+(\d+[A-Z]{0,2})\s+(?:on|to|for|onto|in)\s+"
    r"the\s+(last|final|first)\s+(?:shooting\s+)?day",
    re.I,
)


def _scene_on_day(text: str) -> list[Change]:
    """'could scene 4 be shot on the last day': a pin (LAST_DAY until applied)."""
    match = _SCENE_ON.search(text)
    if not match:
        return []
    if match.group(4):  # "put scene 12 on the last day"
        word, scene = match.group(5).lower(), match.group(4)
        return [Change(kind="pin", scene=scene.upper(), days=[0 if word == "first" else LAST_DAY])]
    word = (match.group(3) or "").lower()
    day = int(match.group(2)) - 1 if match.group(2) else 0 if word == "first" else LAST_DAY
    return [Change(kind="pin", scene=match.group(1).upper(), days=[day])]


def extra_changes(text: str, lexicon: Lexicon, names: list[str]) -> list[Change]:
    """The changes of the kinds above a message asks for (digits already normalized)."""
    changes = wrap_changes(text, names) or _relative_days(text) or _weeks(text) or _one_more(text)
    changes += order_changes(text)
    changes += omit_changes(text)
    changes += _losing(text, names) or _named_out(text, names)
    changes += _relative_pages(text)
    if not re.search(r"\bscene\s+\w+\s+(?:to|on|for|onto)\s+day\s+\d", text, re.I):
        changes += _scene_on_day(text)
    changes += _availability(text, names) or weekday_changes(text, names)
    changes += rate_changes(text, names)
    if not any(c.kind == "available" for c in changes):
        # "MAYA can start on the 14th" is her availability, not the shoot's start date.
        changes += start_date_changes(text)
    if choice := _WEEK_CHOICE.search(text):
        a, b = float(choice.group("a")), float(choice.group("b"))
        changes.append(Change(kind="week_days", value=b, other=a if a != b else None))
    elif match := _WEEK_DAYS.search(text):
        n = match.group("n") or match.group("m") or 6
        changes.append(Change(kind="week_days", value=float(n)))
    return changes
