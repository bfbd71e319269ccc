"""The progress hook of the intent parser: production reports and shoot-progress questions.

`progress_fields` runs before every other rule: a message that reads as a day's report
(`tools.progress.parse_report`) or asks "are we on schedule?" / "what's our cost to
complete?" becomes a `progress` request. Kept apart from the grammar so it stays one call.
"""

from __future__ import annotations

import re
from typing import Any

from tools.progress import parse_report
from tools.progress.numbers import digits

__all__ = ["progress_fields"]

_SCHEDULE = re.compile(
    r"\b(on schedule|behind schedule|ahead of schedule|are we (?:behind|ahead|on track)|"
    r"how far behind|on track)\b",
    re.I,
)
_COST = re.compile(
    r"\b(cost to complete|estimate to complete|etc|at completion|eac|hot costs?|cost report|"
    r"forecast(?! for (?:next|this|the) (?:week|weekend|days?|month)|ed)|over budget|under budget|"
    r"where are we on (?:the )?budget)\b",
    re.I,
)
_WEATHER = re.compile(r"\b(weather|rain|snow|storm|sunny|temperature|box office)\b", re.I)
_DAY_ACTUAL = re.compile(
    r"\b(?:what|how much)\s+did\s+day\s+(\d+)\s+(?:actually\s+|really\s+)?cost\b"
    r"|\bovertime\s+(?:on|for)\s+day\s+(\d+)\b"
    r"|\bday\s+(\d+)(?:'s)?\s+(?:overtime|hot costs?|actuals?|actual cost)\b",
    re.I,
)
"""'what did day 1 cost us in overtime?': a shot day's actual cost, from its report."""
_PAST = re.compile(r"\b(?:was|were|did|had|went|spent|ran|actual(?:ly)?|so far)\b", re.I)
_OVERTIME_QUOTE = re.compile(r"\b(?:would|will|does|do|is|cost|costs|price|if)\b", re.I)
"""'what does overtime on day 12 cost?' prices hours not yet worked (a question of the plan);
'what was the overtime on day 3?' asks for the shot day's actual."""
_HOT_SO_FAR = re.compile(
    r"\b(?:overtime|hot costs?|extra background)\b[^?.;]*\b(?:so far|to date|paid|spent|"
    r"have we (?:had|done|run|gone)|did we (?:have|do|run|go)|on this shoot|in total)\b"
    r"|\b(?:how much|how many hours of|what)\s+overtime\s+(?:have|did|has)\b",
    re.I,
)
"""'how much overtime have we paid so far?': the hot costs the reports added, to date."""
_REPORTS = re.compile(
    r"\b(production reports?|shoot progress|progress(?: so far| report)?)\b", re.I
)


def progress_fields(text: str) -> dict[str, Any] | None:
    """The fields of a `progress` Request for `text`, or None when it is about something else.

    A report that does not add up (a 30-hour overtime) is still a progress request; it carries
    the problem in `error` so the node can say it in words.
    """
    try:
        report = parse_report(text)
    except ValueError as exc:
        return {"kind": "progress", "ask": "report", "error": str(exc)}
    if report is not None:
        return {"kind": "progress", "ask": "report", "report": report.model_dump(mode="json")}
    day = _DAY_ACTUAL.search(digits(text))
    if _HOT_SO_FAR.search(text) and not day:
        return {"kind": "progress", "ask": "hot"}
    if day and (day.group(1) or _PAST.search(text) or not _OVERTIME_QUOTE.search(text)):
        number = next(int(g) for g in day.groups() if g)
        return {"kind": "progress", "ask": "day", "day": number}
    if _SCHEDULE.search(text):
        return {"kind": "progress", "ask": "schedule"}
    if _COST.search(text) and not _WEATHER.search(text):
        return {"kind": "progress", "ask": "cost"}
    if _REPORTS.search(text):
        return {"kind": "progress", "ask": "status"}
    return None
