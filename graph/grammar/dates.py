"""The shoot's start date: "we start shooting on March 1st", "start date is 2027-03-01",
"principal photography begins Monday 1 March 2027", "day 1 is the 3rd of May".

A date without a year is the next one on or after today. A date that does not exist
("February 30") still becomes a change, without its date, so the what-if answers in words.
"""

from __future__ import annotations

import re
from datetime import date

from graph.grammar.model import Change
from graph.grammar.numbers import ORDINALS
from tools.schedule.calendar import next_day_of_month

__all__ = ["start_date_changes"]

_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"  # noqa: E501
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?"
_ORDINAL = "|".join(sorted(ORDINALS, key=len, reverse=True))
_DAY = rf"(?P<day>(?:twenty|thirty|20|30)[- ](?:{_ORDINAL})|\d{{1,2}}(?:st|nd|rd|th)?|{_ORDINAL})\b"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_WHEN = (
    rf"(?P<when>(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})|{_WEEKDAY}(?:the\s+)?"
    rf"(?:{_MONTH}\.?\s+{_DAY}|{_DAY.replace('day>', 'day2>')}\s+(?:of\s+)?"
    rf"{_MONTH.replace('month>', 'month2>')}){_YEAR}|the\s+{_DAY.replace('day>', 'day3>')})"
)
_WHO = (
    r"(?:we|you|they|the\s+shoot|shooting|filming|principal(?:\s+photography)?|photography|"
    r"production|the\s+(?:first\s+)?(?:shooting\s+)?day|day\s+(?:1|one))"
)
_STARTS = (
    r"(?:(?:will|would|could|should|can)\s+)?(?:starts?|begins?|rolls?|kicks?\s+off|is|was|were|"
    r"start(?:ing)?\s+(?:shooting|filming))"
)
_NAMED = (
    r"(?:start(?:ing)?|begin(?:ning)?|first\s+(?:shooting\s+)?day)(?:\s+date)?\s*(?:is|of|=|:)?"
)
_START = re.compile(
    rf"\b(?:{_WHO}\s+{_STARTS}|{_NAMED})(?:\s+(?:shooting|filming|principal\s+photography))?"
    rf"\s*(?:on\s+|at\s+)?(?:is\s+)?{_WHEN}",
    re.I,
)


def _month(word: str) -> int:
    return next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(word.lower()[:3]))


def _day_number(said: str) -> int:
    """13 for "13", "13th" or "thirteenth"; 21 for "twenty-first" (or "20-first", as the
    numbers in words arrive)."""
    tens, _, unit = said.lower().replace(" ", "-").rpartition("-")
    if not unit[0].isalpha():
        return int(re.sub(r"\D", "", said))
    return {"twenty": 20, "thirty": 30, "20": 20, "30": 30, "": 0}[tens] + ORDINALS[unit]


def _next_of_month(day: int, today: date) -> str | None:
    """The next date on or after today that is the `day`th of its month ("the 14th")."""
    try:
        return next_day_of_month(day, today).isoformat()
    except ValueError:
        return None


def _resolve(match: re.Match[str], today: date) -> str | None:
    """The ISO date a match names, or None when it is not a calendar date."""
    if match.group("iso"):
        try:
            return date.fromisoformat(match.group("iso")).isoformat()
        except ValueError:
            return None
    if match.group("day3"):
        return _next_of_month(_day_number(match.group("day3")), today)
    month = _month(match.group("month") or match.group("month2"))
    day = _day_number(match.group("day") or match.group("day2"))
    year = int(match.group("year")) if match.group("year") else None
    try:
        if year is not None:
            return date(year, month, day).isoformat()
        found = date(today.year, month, day)
        # Without a year, the next such date: a shoot is planned ahead, not in the past.
        return (found if found >= today else date(today.year + 1, month, day)).isoformat()
    except ValueError:
        return None


_SHIFT = re.compile(
    r"\b(?:start(?:ing)?|begin(?:ning)?|(?:push|move|delay|bring)(?:ing)?\s+(?:the\s+)?start"
    r"(?:\s+date)?(?:\s+(?:back|forward|up))?)\s+(?:by\s+)?(?P<n>a|an|one|\d+)\s+"
    r"(?P<unit>days?|weeks?)(?:\s+(?P<way>later|earlier|sooner|back|forward))?",
    re.I,
)
"""'start a week later', 'push the start back two weeks', 'start 3 days earlier'."""


def _shift(match: re.Match[str]) -> Change | None:
    """The start date moved by some days (weeks are seven calendar days)."""
    said = match.group(0).lower()
    way = (match.group("way") or "").lower()
    later = way in {"later", "back"} or bool(re.search(r"\b(?:push|delay)|\bback\b", said))
    earlier = way in {"earlier", "sooner", "forward"} or bool(
        re.search(r"\b(?:forward|up|bring)\b", said)
    )
    if later == earlier:
        return None  # "start two weeks" says no direction
    n = 1 if match.group("n").lower() in {"a", "an", "one"} else int(match.group("n"))
    days = n * (7 if match.group("unit").lower().startswith("week") else 1)
    return Change(kind="start_date", value=-days if earlier else days, relative=True)


def start_date_changes(text: str, *, today: date | None = None) -> list[Change]:
    """The start-date change a message asks for ("we start shooting on March 1st", "start a
    week later")."""
    if (moved := _SHIFT.search(text)) and (change := _shift(moved)):
        return [change]
    match = _START.search(text)
    if match is None:
        return []
    when = _resolve(match, today or date.today())
    return [Change(kind="start_date", date=when, hint=match.group("when"))]
