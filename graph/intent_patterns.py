"""The patterns behind the intent parser: what-if changes, budget caps, versions, categories.

Kept apart from `intents.py` so each rule family reads on its own. Shooting days in messages
are 1-based; a "week" is five shooting days (the planner's default five-day week).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph.intents import Change

__all__ = [
    "CATEGORY_WORDS",
    "WEEKLY_CAP",
    "WEEK_DAYS",
    "parse_budget_cap",
    "parse_changes",
    "parse_days",
    "parse_versions",
]

WEEK_DAYS = 5

CATEGORY_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("animals", re.compile(r"\b(animals?|horses?|dogs?|cats?|birds?|wrangl\w*)\b", re.I)),
    ("stunts", re.compile(r"\b(stunts?|fights?|chases?|falls?)\b", re.I)),
    ("vehicles", re.compile(r"\b(vehicles?|cars?|trucks?|picture cars?)\b", re.I)),
    ("extras", re.compile(r"\b(extras|crowds?|background)\b", re.I)),
    ("vfx", re.compile(r"\b(vfx|visual effects?|cgi)\b", re.I)),
    ("sfx", re.compile(r"\b(sfx|special effects?|fire|explosions?|rain)\b", re.I)),
    ("weapons", re.compile(r"\b(weapons?|guns?|knives|knife)\b", re.I)),
    ("minors", re.compile(r"\b(minors?|kids?|child(?:ren)?)\b", re.I)),
)

_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "one": 0, "two": 1, "three": 2}
_WEEK = re.compile(r"\b(?:(first|second|third|fourth) week|week (\d+|one|two|three))\b", re.I)
_DAY_RANGE = re.compile(r"\bdays?\s+(\d+)\s*(?:-|–|to|through|thru)\s*(\d+)\b", re.I)
_FIRST_DAYS = re.compile(r"\bfirst\s+(\d+)\s+(?:shooting\s+)?(days|weeks)\b", re.I)
"""'the first 3 days', 'the first 2 weeks' (numbers already digits)."""
_DAY_LIST = re.compile(r"\bdays?\s+(\d+(?:\s*(?:,|and|&)\s*\d+)*)", re.I)
_SHOOT_DAYS = re.compile(
    r"(?P<neg>(?<![\w-])-\s?|\bminus\s)?\b(\d{1,3})(?:\s+shooting)?[\s-]+days?\b(?!\s*\d)"
    r"(?!\s+(?:a|per|each|every|of\s+the)\s+week)"
    r"(?<!hour days)|\b(\d{1,3})[- ]day shoot\b",
    re.I,
)
_HOURS = re.compile(r"\d+[- ]hour", re.I)
WEEKLY_CAP = re.compile(
    r"\b(?:only|just|at most|max(?:imum)?|no more than|up to)\b[^.?;]*\b(?:\d+|one|two|three|"
    r"four|five)\s+days?\s+(?:a|per|each|every)\s+week\b",
    re.I,
)
"""'Orson can only work three days a week': a weekly cap the planner has no rule for."""
_OVER = re.compile(
    r"\b(?:held|holds?|hold days|works?|worked|working|on hold)\b[^.?;]*\b(?:(?:more|less|fewer|"
    r"longer)\s+than|at\s+least|over)\s*$",
    re.I,
)
"""'is anyone held more than 3 days?': a question about holds, not a 3-day shoot."""
_DAY_HOURS = re.compile(
    r"\b(\d{1,2}(?:\.\d+)?)[- ]hours?(?:\s+shooting)?[\s-]+days?\b"
    r"|\b(\d{1,2}(?:\.\d+)?)\s*hours?\s*(?:a|per|each)\s*day\b",
    re.I,
)
_PAGES = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*pages?\s*(?:a|per|each)\s*day\b"
    r"|\bpages? (?:a|per) day\s*(?:(?:to|of|at|[:=])\s*)?(\d+(?:\.\d+)?)",
    re.I,
)
_UNAVAILABLE = re.compile(
    r"\b([A-Z][A-Za-z'-]+)(?:\s+is|'s)?\s+(?:unavailable|not available|out|away|can'?t (?:work|do)"
    r"|cannot work|is off)\b(?P<rest>[^;.]*)",
)
_PIN = re.compile(r"\b(?:pin|lock|move|put|shoot)\b", re.I)
_SCENE_DAY = re.compile(r"\bscene\s+(\w+)\s+(?:to|on|for|onto)\s+day\s+(\d+)", re.I)
_STAGE = re.compile(r"\b(?:stage|backlot)\b", re.I)
_STAGE_SCENES = re.compile(
    r"\bscenes?\s+(\d+[A-Z]{0,2}(?:\s*(?:,|and|&)\s*\d+[A-Z]{0,2})*)\b", re.I
)
_STUNT_HINT = re.compile(r"\b(?:the\s+)?([a-z]+)\s+(?:stunts?|scenes?|fight|sequence)\b", re.I)
_MONEY = re.compile(
    r"(?:[$€£]\s*(\d[\d,]*(?:\.\d+)?)\s*(k|m|mm|million|thousand)?\b)"
    r"|(?:\b(\d[\d,]*(?:\.\d+)?)\s*(k|m|million|thousand)\b)",
    re.I,
)
_CAP_CONTEXT = re.compile(r"\b(budget|cap|have|under|only|cut|limit|max(?:imum)?|ceiling)\b", re.I)
_VERSIONS = re.compile(
    r"\b(?:versions?\s*|v)(\d+)((?:\s*(?:,|and|&|or|with|to|vs\.?|versus)\s*(?:versions?\s*|v)?\d+)*)",
    re.I,
)
_NOT_HINTS = {
    "the", "a", "all", "move", "moves", "every", "that", "this", "those", "big", "stunt", "fight",
    "night", "day", "one", "two", "these", "our", "same",
}  # fmt: skip


def parse_days(fragment: str) -> list[int]:
    """0-based shooting days named in a fragment ("the first week", "days 3-5", "day 2 and 4")."""
    days: set[int] = set()
    for match in _WEEK.finditer(fragment):
        word = (match.group(1) or match.group(2)).lower()
        week = _ORDINALS[word] if word in _ORDINALS else int(word) - 1
        days.update(range(week * WEEK_DAYS, (week + 1) * WEEK_DAYS))
    for match in _DAY_RANGE.finditer(fragment):
        first, last = int(match.group(1)), int(match.group(2))
        days.update(range(max(first, 1) - 1, last))
    for match in _FIRST_DAYS.finditer(fragment):
        count = int(match.group(1)) * (WEEK_DAYS if match.group(2).lower() == "weeks" else 1)
        days.update(range(count))
    if not days:
        for match in _DAY_LIST.finditer(fragment):
            days.update(int(n) - 1 for n in re.findall(r"\d+", match.group(1)) if int(n) >= 1)
    return sorted(days)


def parse_versions(text: str) -> list[int]:
    """Version numbers named in a message, in order ("compare v2 and 3" -> [2, 3])."""
    found: list[int] = []
    for match in _VERSIONS.finditer(text):
        for number in [match.group(1), *re.findall(r"\d+", match.group(2) or "")]:
            if int(number) not in found:
                found.append(int(number))
    return found


def parse_budget_cap(text: str) -> float | None:
    """A budget ceiling in the message ("we have $400k", "cap of 2.5M"), or None."""
    if not _CAP_CONTEXT.search(text):
        return None
    for match in _MONEY.finditer(text):
        number = match.group(1) or match.group(3)
        unit = (match.group(2) or match.group(4) or "").lower()
        value = float(number.replace(",", ""))
        value *= {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6}.get(unit, 1)
        if value >= 1000:
            return value
    return None


def _unavailable(text: str) -> list[Change]:
    from graph.intents import Change

    changes = []
    for match in _UNAVAILABLE.finditer(text):
        days, name = parse_days(match.group("rest")), match.group(1)
        # Without days only a name written as the script writes cast (upper case) counts, so
        # "Maya is out" stays chat while "NOBODY unavailable" gets a clear answer.
        named = days or (name.isupper() and len(name) > 1)
        if named and name.lower() not in {"i", "we", "it", "scene", "day"}:
            changes.append(Change(kind="unavailable", actor=name.upper(), days=days))
    return changes


def _stage_moves(text: str) -> list[Change]:
    from graph.intents import Change

    if not _STAGE.search(text):
        return []
    if match := _STAGE_SCENES.search(text):
        return [
            Change(kind="stage", scene=s.upper())
            for s in re.findall(r"\w+", match.group(1))
            if s.lower() not in {"and"}
        ]
    hints = [h for h in _STUNT_HINT.findall(text) if h.lower() not in _NOT_HINTS]
    if hints or re.search(r"\bstunts?\b", text, re.I):
        return [Change(kind="stage", hint=(hints[0].lower() if hints else None))]
    return []


def parse_changes(text: str) -> list[Change]:
    """Every what-if change a message asks for (days, pages per day, cast dates, pins, stage)."""
    from graph.intents import Change

    changes: list[Change] = []
    if not _HOURS.search(text) or _SHOOT_DAYS.search(_HOURS.sub("", text)):
        for match in _SHOOT_DAYS.finditer(_HOURS.sub("", text)):
            before = text[: match.start()]
            if not re.search(r"\b(?:days?|on|in week)\s*$", before, re.I) and not _OVER.search(
                before
            ):
                value = float(match.group(2) or match.group(3))
                value = -value if match.group("neg") else value
                changes.append(Change(kind="days", value=value))
                break
    if pages := _PAGES.search(text):
        changes.append(Change(kind="pages_per_day", value=float(pages.group(1) or pages.group(2))))
    elif hours := _DAY_HOURS.search(text):
        changes.append(Change(kind="hours_per_day", value=float(hours.group(1) or hours.group(2))))
    changes.extend(_unavailable(text))
    if _PIN.search(text) and not _STAGE.search(text):
        changes.extend(
            Change(kind="pin", scene=scene.upper(), days=[int(day) - 1])
            for scene, day in _SCENE_DAY.findall(text)
        )
    changes.extend(_stage_moves(text))
    return changes
