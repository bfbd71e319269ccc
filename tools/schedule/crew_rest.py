"""The crew's rest after nights, a hard rule of every board (with the cast's turnaround).

The model, as a 1st AD reads a board:
- a day ENDS AT NIGHT when it has any night work: a NIGHT day, or a SPLIT day (it runs from
  the afternoon into the night);
- a day BEGINS IN THE MORNING when its first work is day work: a DAY day. A SPLIT day begins
  in the afternoon, a NIGHT day in the evening; a day with no work begins nothing;
- a day that ends at night may not be followed, on the NEXT CALENDAR DAY, by a day that begins
  in the morning (the crew wrapped at dawn). Night -> split, split -> night, day -> night are
  fine; night -> day and split -> day are not.
- a day off between them resets the crew: the weekend of a `work_days_per_week` week, a
  calendar day off (`days_off`), or an empty day of the board. Without a start date weeks run
  from day 0: shooting days i and i + 1 are in one week unless (i + 1) % work_days_per_week
  == 0. With `start_date` the product's calendar (`calendar.calendar_dates`) says whether a
  day off lies between two shooting days.

`ScheduleOptions.turnaround = False` lifts this rule together with the cast's; the crew's
rest then has no price (the priced `turnaround` soft penalty counts cast members only, as it
always has), so a what-if "without turnaround" shows what the rule costs.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tools.schedule.calendar import calendar_dates
from tools.schedule.prepare import prepare

if TYPE_CHECKING:
    from tools.schedule.model import ScheduleOptions, ScheduleProblem
    from tools.schedule.prepare import PreparedProblem

__all__ = [
    "begins_in_morning",
    "crew_breaks",
    "crew_order",
    "day_numbers",
    "ends_at_night",
    "pinned_rest_reasons",
    "rest_after",
    "rest_days",
    "rested_days",
]


@functools.lru_cache(maxsize=256)
def _rest(start: str | None, week: int, off: tuple[str, ...], n: int) -> tuple[bool, ...]:
    if start is None:
        return tuple((d + 1) % week == 0 for d in range(n))
    dates = calendar_dates(start, n + 1, work_days_per_week=week, days_off=off)
    return tuple((dates[d + 1] - dates[d]).days > 1 for d in range(n))


@functools.lru_cache(maxsize=256)
def _numbers(start: str | None, week: int, off: tuple[str, ...], n: int) -> tuple[int, ...]:
    if start is None:
        return tuple(7 * (d // week) + d % week for d in range(n))
    dates = calendar_dates(start, n, work_days_per_week=week, days_off=off)
    return tuple((day - dates[0]).days for day in dates)


def day_numbers(options: ScheduleOptions, n: int) -> tuple[int, ...]:
    """Per shooting day 0..n-1: its calendar day counted from day 0 (weekends and days off
    between count), as the drop/pick-up rule counts a gap."""
    size = max(64, -(-n // 64) * 64)
    return _numbers(options.start_date, options.work_days_per_week, tuple(options.days_off), size)[
        :n
    ]


def rest_days(options: ScheduleOptions, n: int) -> tuple[bool, ...]:
    """Per shooting day 0..n-1: True when a day off lies between it and the next one."""
    size = max(64, -(-n // 64) * 64)  # a few sizes, so the cache is hit
    return _rest(options.start_date, options.work_days_per_week, tuple(options.days_off), size)[:n]


def rest_after(options: ScheduleOptions, d: int) -> bool:
    """True when a day off lies between shooting day `d` and shooting day `d + 1`."""
    return rest_days(options, d + 1)[d]


def ends_at_night(prep: PreparedProblem, strips: Sequence[int]) -> bool:
    """The day has night work (a NIGHT or a SPLIT day)."""
    return any(prep.night[s] for s in strips)


def begins_in_morning(prep: PreparedProblem, strips: Sequence[int]) -> bool:
    """The day's first work is day work: it has day scenes and no night scene (a DAY day)."""
    return bool(strips) and not any(prep.night[s] for s in strips)


def crew_breaks(prep: PreparedProblem, days: Sequence[Sequence[int]]) -> list[int]:
    """Days d (0-based, in `days`' order, one list of strips per shooting day) that end at
    night and are followed on the next calendar day by a day beginning in the morning."""
    rest = rest_days(prep.problem.options, len(days))
    return [
        d
        for d in range(len(days) - 1)
        if not rest[d] and ends_at_night(prep, days[d]) and begins_in_morning(prep, days[d + 1])
    ]


def _units(prep: PreparedProblem, days: Sequence[Sequence[int]]) -> list[list[int]]:
    """Runs of day indexes a multi-day strip ties together (they move as one)."""
    units: list[list[int]] = []
    for d, strips in enumerate(days):
        tied = d > 0 and bool(set(strips) & set(days[d - 1]))
        if tied:
            units[-1].append(d)
        else:
            units.append([d])
    return units


def crew_order(
    prep: PreparedProblem, days: Sequence[Sequence[int]], *, keep: int = 0
) -> list[int] | None:
    """An order of `days` (indexes) that keeps the crew's rest, as an AD re-boards by hand:
    days beginning in the morning keep their order, and a run of days ending at night waits
    until it can end just before a day off (a Friday night), or else the board's end. None
    when both orders break the cast's turnaround, a pin or a cast window. The first `keep`
    days (shot, frozen) stay where they are."""
    units = _units(prep, days)
    if any(u[0] < keep <= u[-1] for u in units):
        return None  # a multi-day strip runs on from the kept days: nothing may move
    units = [u for u in units if u[0] >= keep]
    for weekly in (True, False):
        out = _reboard(prep, days, units, list(range(keep)), weekly=weekly)
        board = [days[d] for d in out]
        if not crew_breaks(prep, board) and _order_keeps(prep, board):
            return out
    return None


def _reboard(
    prep: PreparedProblem,
    days: Sequence[Sequence[int]],
    units: list[list[int]],
    out: list[int],
    *,
    weekly: bool,
) -> list[int]:
    """After `out`, the morning units in order, the night-ending ones held: with `weekly`,
    put in before a morning unit when they then end just before a day off (and the cast's
    turnaround holds); else (and those still held) at the board's end."""
    options = prep.problem.options
    nights = [u for u in units if ends_at_night(prep, days[u[-1]])]
    # A kept night (the last shot day) is carried on by nights up to its week's day off.
    while out and nights and ends_at_night(prep, days[out[-1]]):
        if rest_after(options, len(out) - 1):
            break
        unit = nights.pop(0)
        out += unit
        units = [u for u in units if u is not unit]
    held: list[list[int]] = []
    for unit in units:
        if ends_at_night(prep, days[unit[-1]]):
            held.append(unit)
            continue
        size = sum(len(u) for u in held)
        if (
            weekly
            and held
            and rest_after(options, len(out) + size - 1)
            and not prep.turnaround_breaks(list(days[held[-1][-1]]), list(days[unit[0]]))
        ):
            out += [d for u in held for d in u]
            held = []
        out += unit
    return out + [d for u in held for d in u]


def _order_keeps(prep: PreparedProblem, board: Sequence[Sequence[int]]) -> bool:
    """The board keeps the cast's turnaround (a rule here), pins and cast windows."""
    for d, strips in enumerate(board):
        if d and prep.turnaround_breaks(list(board[d - 1]), list(strips)):
            return False
        for s in strips:
            first = next(k for k, day in enumerate(board) if s in day)
            if first not in prep.allowed_starts(s):
                return False
    return True


def pinned_rest_reasons(prep: PreparedProblem) -> list[str]:
    """Plain sentences for pins that call the crew in the morning after a night (`diagnose`)."""
    if not prep.turnaround_rule or prep.problem.options.allow_split_days:
        return []  # with split days a night scene can join the morning day: it may be met
    by_day: dict[int, list[int]] = {}
    for sid, day in prep.problem.options.pinned.items():
        by_day.setdefault(day, []).append(prep.index[sid])
    options, out = prep.problem.options, []
    for day, strips in sorted(by_day.items()):
        after = by_day.get(day + 1, [])
        if rest_after(options, day) or not ends_at_night(prep, strips):
            continue
        if any(not prep.night[s] for s in after):
            out.append(
                f"Day {day + 1} has pinned night work and day {day + 2}, the next calendar "
                "day, has pinned day scenes, but the crew's rest after a night is a rule: move "
                "a pin, put a day off between them, or lift the turnaround rule."
            )
            continue
        end = next(d for d in range(day, day + 8) if rest_after(options, d))
        nights = sum(1 for s in range(len(prep.ids)) if prep.night[s])
        if nights - len({s for s in strips if prep.night[s]}) < end - day:
            out.append(
                f"Day {day + 1} has pinned night work, and the crew may not be called in the "
                f"morning after a night: the days after it up to day {end + 1} (the week's "
                "last before its day off) would have to be nights too, and there are not "
                "enough night scenes: pin the night on a week's last day, or lift the "
                "turnaround rule."
            )
    return out


def rested_days(problem: ScheduleProblem, days: list[list[str]], keep: int) -> list[list[str]]:
    """A board (scene ids per day) with its days after the first `keep` re-ordered to keep the
    crew's rest (`crew_order`) when it breaks it and the rule is on; else `days` as it is."""
    prep = prepare(problem, horizon=max(1, len(days)))
    index = [[prep.index[sid] for sid in day if sid in prep.index] for day in days]
    if not prep.turnaround_rule or not crew_breaks(prep, index):
        return days
    order = crew_order(prep, index, keep=keep)
    return days if order is None else [days[d] for d in order]
