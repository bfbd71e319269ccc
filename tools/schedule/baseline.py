"""The baseline (script order packed by capacity) and the heuristic that seeds the solver."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tools.schedule.costing import result_from_starts
from tools.schedule.model import ScheduleProblem, ScheduleResult
from tools.schedule.prepare import PreparedProblem, prepare, strip_minutes

__all__ = ["baseline", "first_fit", "heuristic_starts"]


@dataclass
class _Day:
    eighths: int = 0
    minutes: float = 0.0
    count: int = 0
    whole: bool = False
    lighting: set[bool] = field(default_factory=set)


def _fits(prep: PreparedProblem, day: _Day, s: int, *, rules: bool) -> bool:
    options = prep.problem.options
    if day.whole:
        return False
    if prep.whole[s]:
        return day.count == 0
    strip = prep.problem.strips[s]
    minutes = strip_minutes(strip, options.minutes_per_eighth)
    if day.eighths + strip.eighths > options.capacity_eighths:
        return False
    if options.capacity_minutes is not None and day.minutes + minutes > options.capacity_minutes:
        return False
    if options.max_scenes_per_day is not None and day.count >= options.max_scenes_per_day:
        return False
    split = not options.allow_split_days and bool(day.lighting - {prep.night[s]})
    return not (rules and split)


def _place(prep: PreparedProblem, board: list[_Day], s: int, start: int) -> None:
    while len(board) < start + prep.length[s]:
        board.append(_Day())
    strip = prep.problem.strips[s]
    for d in range(start, start + prep.length[s]):
        day = board[d]
        day.count += 1
        day.whole = day.whole or prep.whole[s]
        day.eighths += strip.eighths
        day.minutes += strip_minutes(strip, prep.problem.options.minutes_per_eighth)
        day.lighting.add(prep.night[s])


def first_fit(prep: PreparedProblem, order: Sequence[int], *, rules: bool = True) -> list[int]:
    """Start days from placing strips in `order` on the first day with room.

    With `rules`, pins, cast availability and the day/night rule are respected where possible;
    without, it is the plain capacity packing of the baseline (never going back a day).
    """
    board: list[_Day] = []
    starts = [0] * len(prep.ids)
    floor = 0
    for s in order:
        allowed = prep.allowed_starts(s) if rules else []
        candidates = allowed or range(floor, len(board) + prep.length[s] + 1)
        start = next(
            (
                d
                for d in candidates
                if all(
                    d + k >= len(board) or _fits(prep, board[d + k], s, rules=rules)
                    for k in range(prep.length[s])
                )
            ),
            len(board),
        )
        _place(prep, board, s, start)
        starts[s] = start
        if not rules:
            floor = start
    return starts


def heuristic_starts(prep: PreparedProblem) -> list[int]:
    """A good first schedule: pinned strips first, then blocks by location, lighting and cast."""
    pinned = set(prep.problem.options.pinned)

    def key(s: int) -> tuple:
        cast = tuple(prep.cast_of[s])
        return (prep.ids[s] not in pinned, prep.location[s], prep.night[s], cast, s)

    return first_fit(prep, sorted(range(len(prep.ids)), key=key))


def baseline(problem: ScheduleProblem) -> ScheduleResult:
    """Script order packed into days by capacity, no clustering: what every saving beats."""
    prep = prepare(problem, horizon=max(1, sum(strip.days for strip in problem.strips)))
    starts = first_fit(prep, range(len(prep.ids)), rules=False)
    return result_from_starts(prep, starts, status="feasible", method="baseline")
