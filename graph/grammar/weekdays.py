"""Availability by weekday: "MAYA can only work Mondays", "JONAH can't work Fridays".

The board's days become weekdays through its five-day weeks, day 1 a Monday (the calendar
`tools.schedule.calendar_dates` uses when no start date is set), so "only Mondays" makes
every other shooting day unavailable to that cast member. Weekends are not shooting days on a
five-day week: "only weekends" is read as no day at all, which the planner then reports.
"""

from __future__ import annotations

import re

from graph.grammar.model import Change
from graph.intent_patterns import WEEK_DAYS

__all__ = ["HORIZON_WEEKS", "describe_weekdays", "weekday_changes"]

SIX_DAY_WEEK = 6
SATURDAY, SUNDAY = 5, 6
HORIZON_WEEKS = 40
"""Weeks of shooting days the unavailable days are listed for (longer than any board)."""

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORD = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?|weekends?|weekdays?"
_LIST = rf"(?:on\s+)?(?:{_DAY_WORD})(?:\s*(?:,|and|or|&)\s*(?:on\s+)?(?:{_DAY_WORD}))*"
_ONLY = re.compile(
    rf"\b(?:can|could|will)\s+only\s+(?:work|shoot|do|come in|be\s+(?:here|there|available))\s+"
    rf"(?P<a>{_LIST})\b|\bonly\s+(?:available|free|works?)\s+(?P<b>{_LIST})\b"
    rf"|\b(?:available|free)\s+only\s+(?P<c>{_LIST})\b",
    re.I,
)
_NOT = re.compile(
    rf"\b(?:can(?:'|no)?t|cannot|won't|doesn't|does not|isn't|is not|never)\s+"
    rf"(?:work|shoot|come in|available|be\s+(?:here|there|available))?\s*(?P<a>{_LIST})\b"
    rf"|\b(?:unavailable|not available|off)\s+(?P<b>{_LIST})\b",
    re.I,
)


def _weekdays(words: str) -> set[int]:
    """Weekday numbers (0 Monday) named in a list of day words."""
    found: set[int] = set()
    for word in re.findall(r"[a-z]+", words.lower()):
        if word.startswith("weekend"):
            found |= {5, 6}
        elif word.startswith("weekday"):
            found |= {0, 1, 2, 3, 4}
        else:
            found |= {i for i, name in enumerate(_DAYS) if word[:3] == name[:3]}
    return found


def _names(weekdays: list[int]) -> str:
    """Weekdays as people say them: [4] -> "Fridays", [0, 3] -> "Mondays and Thursdays"."""
    names = [_DAYS[d].capitalize() + "s" for d in sorted(set(weekdays))]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def describe_weekdays(actor: str, missed: list[int]) -> str:
    """ "MAYA available only on Mondays" or "MAYA unavailable on Fridays", whichever is shorter."""
    # Saturday is said only when it alone of the weekend is missed ("can't work Saturdays",
    # which matters on six-day weeks); "only Mondays" misses the whole weekend.
    week = SIX_DAY_WEEK if SATURDAY in missed and SUNDAY not in missed else WEEK_DAYS
    off = [d for d in range(week) if d in missed]
    on = [d for d in range(week) if d not in missed]
    if not on:
        return f"{actor} unavailable Monday to Friday"
    if len(on) < len(off):
        return f"{actor} available only on {_names(on)}"
    return f"{actor} unavailable on {_names(off)}"


def _unavailable(weekdays: set[int], *, only: bool) -> list[int]:
    """0-based shooting days someone misses: those off the weekdays (`only`), or on them."""
    return [d for d in range(HORIZON_WEEKS * WEEK_DAYS) if ((d % WEEK_DAYS) in weekdays) != only]


def weekday_changes(text: str, names: list[str]) -> list[Change]:
    """The unavailable days of "only Mondays" / "not Fridays" for the first named cast member."""
    if not names:
        return []
    if match := _ONLY.search(text):
        days = _weekdays(match.group("a") or match.group("b") or match.group("c") or "")
        if days:
            missed = sorted(set(range(7)) - days)
            return [
                Change(
                    kind="unavailable",
                    actor=names[0],
                    days=_unavailable(days, only=True),
                    weekdays=missed,
                )
            ]
    if match := _NOT.search(text):
        days = _weekdays(match.group("a") or match.group("b") or "")
        if days:
            return [
                Change(
                    kind="unavailable",
                    actor=names[0],
                    days=_unavailable(days, only=False),
                    weekdays=sorted(days),
                )
            ]
    return []
