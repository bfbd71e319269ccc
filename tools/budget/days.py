"""What the budget needs to know about each shooting day, read once from a stripboard."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tools.schedule.calendar import shooting_weekdays
from tools.schedule.model import ScheduleProblem, ScheduleResult, Strip
from tools.sites.kinds import location_kind

__all__ = [
    "RELOCATED",
    "DayFacts",
    "day_facts",
    "days_text",
    "location_kind",
    "main_location",
    "strip_kind",
    "visit_blocks",
]

#: Strip flag set on a scene moved to a stage or backlot by the stunt-relocation analysis.
RELOCATED = "relocated"


SATURDAY = 5
"""The sixth day of a Monday-to-Saturday week."""


def main_location(strip: Strip) -> str:
    """The location a strip is grouped, moved and paid by."""
    return strip.main_location or strip.location or "UNKNOWN LOCATION"


def strip_kind(strip: Strip) -> str:
    """The kind a strip's site is paid as: the one its site was given (a user's correction
    included), else read from the name."""
    return strip.site_kind or location_kind(main_location(strip))


@dataclass(frozen=True, slots=True)
class DayFacts:
    """One shooting day as the budget sees it."""

    index: int
    strips: tuple[Strip, ...]
    eighths: int
    conditions: frozenset[str]
    """"always", "night", "exterior" and every strip flag present that day."""
    locations: tuple[str, ...]
    """Main locations in the order visited."""
    moves: int
    """Company moves within the day: changes of main location between consecutive strips."""


def _facts(index: int, strips: list[Strip], *, sixth: bool = False) -> DayFacts:
    conditions = {"always", "sixth_day"} if sixth else {"always"}
    visited: list[str] = []
    for strip in strips:
        conditions.update(strip.flags)
        if strip.lighting == "NIGHT":
            conditions.add("night")
        if strip.int_ext and "EXT" in strip.int_ext:
            conditions.add("exterior")
        where = main_location(strip)
        if not visited or visited[-1] != where:
            visited.append(where)
    return DayFacts(
        index=index,
        strips=tuple(strips),
        eighths=sum(strip.eighths for strip in strips),
        conditions=frozenset(conditions),
        locations=tuple(dict.fromkeys(visited)),
        moves=max(0, len(visited) - 1),
    )


def day_facts(problem: ScheduleProblem, result: ScheduleResult) -> list[DayFacts]:
    """Per day of `result`, its strips (looked up in `problem`), conditions and moves."""
    by_id = {strip.id: strip for strip in problem.strips}
    options = problem.options
    # On six-day weeks the sixth day of each week (a Saturday) is paid at a premium.
    weekdays = (
        shooting_weekdays(options.start_date, len(result.days), work_days_per_week=6)
        if options.work_days_per_week == 6
        else []
    )
    facts = []
    for position, day in enumerate(result.days):
        missing = [sid for sid in day.strips if sid not in by_id]
        if missing:
            raise ValueError(f"day {position + 1} lists scene {missing[0]!r}, not in the problem")
        sixth = bool(weekdays) and weekdays[position] == SATURDAY
        facts.append(_facts(position, [by_id[sid] for sid in day.strips], sixth=sixth))
    return facts


def visit_blocks(facts: list[DayFacts]) -> dict[str, list[list[int]]]:
    """Per main location, its runs of consecutive shooting days (each run is one set-up)."""
    blocks: dict[str, list[list[int]]] = {}
    for day in facts:
        for where in day.locations:
            runs = blocks.setdefault(where, [])
            if runs and runs[-1][-1] == day.index - 1:
                runs[-1].append(day.index)
            else:
                runs.append([day.index])
    return blocks


def days_text(days: Iterable[int]) -> str:
    """0-based day indexes as 1-based ranges: [0, 1, 2, 5] -> "days 1-3, 6"."""
    ordered = sorted(set(days))
    if not ordered:
        return "no days"
    parts: list[str] = []
    start = prev = ordered[0]
    for day in [*ordered[1:], None]:
        if day is not None and day == prev + 1:
            prev = day
            continue
        parts.append(f"{start + 1}" if start == prev else f"{start + 1}-{prev + 1}")
        if day is not None:
            start = prev = day
    return ("day " if len(ordered) == 1 else "days ") + ", ".join(parts)
