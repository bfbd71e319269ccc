"""The baselines (script order, the sorted board) and the heuristic that seeds the solver.

Both baselines pack strips into days under the same day rules as the plan: capacity, the
day's minutes with move time, the moves cap; the sorted board also keeps day and night apart.
Both keep the cast's turnaround and the crew's rest after nights (`crew_rest`) as an AD does
by hand. In script order a day scene that would open a morning the day after a night waits
for the first later day it may join (a night's day, as a split day that begins in the
afternoon, or a day after the week's day off), as one the cast's turnaround keeps off does.
The sorted board keeps its packed order but for a run of days ending at night, which waits
until it ends just before the week's day off (or the board's end), the morning days going on
before it. Where neither keeps the cast's turnaround too, the crew gets a day off (an empty
day) after the night instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tools.schedule.baseline_rest import rest_fits, rested
from tools.schedule.costing import day_moves, result_from_starts
from tools.schedule.model import ScheduleProblem, ScheduleResult
from tools.schedule.prepare import PreparedProblem, prepare, strip_minutes

__all__ = ["baseline", "first_fit", "heuristic_starts", "sorted_board", "sorted_order"]


@dataclass
class _Day:
    eighths: int = 0
    minutes: float = 0.0
    count: int = 0
    whole: bool = False
    lighting: set[bool] = field(default_factory=set)
    placed: list[int] = field(default_factory=list)


def _moves_fit(prep: PreparedProblem, day: _Day, s: int) -> bool:
    """The day's moves cap and its minutes (shooting plus moves) with strip `s` added."""
    options = prep.problem.options
    company, set_moves = day_moves(prep, [*day.placed, s])
    if options.max_company_moves is not None and company > options.max_company_moves:
        return False
    if options.day_minutes is None:
        return True
    moves = company * options.company_move_minutes + set_moves * options.set_move_minutes
    return day.minutes + prep.minutes[s] + moves <= options.day_minutes + 1e-9


def _fits(prep: PreparedProblem, day: _Day, s: int, *, rules: bool) -> bool:
    options = prep.problem.options
    if day.whole:
        return False
    if prep.whole[s]:
        return day.count == 0
    if not _moves_fit(prep, day, s):
        return False
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


def _turnaround_fits(prep: PreparedProblem, board: list[_Day], s: int, start: int) -> bool:
    """Strip `s` from day `start` keeps turnaround with the days before and after it."""
    if not prep.turnaround_rule:
        return True
    end = start + prep.length[s]
    before = board[start - 1].placed if 0 < start <= len(board) else []
    after = board[end].placed if end < len(board) else []
    return not (prep.turnaround_breaks(before, [s]) or prep.turnaround_breaks([s], after))


def _start_day(
    prep: PreparedProblem, board: list[_Day], s: int, days, rules: bool, crew: bool = False
) -> int | None:
    """The first of `days` where strip `s` fits every day it occupies and keeps turnaround
    (and with `crew`, the crew's rest)."""
    for d in days:
        if (
            all(
                d + k >= len(board) or _fits(prep, board[d + k], s, rules=rules)
                for k in range(prep.length[s])
            )
            and _turnaround_fits(prep, board, s, d)
            and (not crew or rest_fits(prep, [day.placed for day in board], s, d))
        ):
            return d
    return None


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
        day.placed.append(s)


def first_fit(prep: PreparedProblem, order: Sequence[int], *, rules: bool = True) -> list[int]:
    """Start days from placing strips in `order` on the first day with room.

    With `rules`, pins, cast availability and the day/night rule are respected where possible;
    without, it is the plain capacity packing of the baseline (never going back a day). Both
    keep turnaround when it is a rule: in script order a strip the rule keeps off the next
    day waits for the first later day it may join.
    """
    board: list[_Day] = []
    starts = [0] * len(prep.ids)
    floor = 0
    waiting: list[int] = []
    for s in order:
        allowed = prep.allowed_starts(s) if rules else []
        days = allowed or range(floor, len(board) + 1)
        start = _start_day(prep, board, s, days, rules, crew=not rules)
        if start is None and not rules:
            waiting.append(s)
            continue
        start = len(board) if start is None else start
        _place(prep, board, s, start)
        starts[s] = start
        if not rules:
            floor = start
            waiting = _place_waiting(prep, board, starts, waiting, range(floor, len(board)))
    for s in _place_waiting(prep, board, starts, waiting, range(len(board) + 1)):
        # Only day scenes wait (on a night the day before): a new first day keeps the rule.
        board.insert(0, _Day())
        starts = [d + 1 for d in starts]
        _place(prep, board, s, 0)
        starts[s] = 0
    return rested(prep, starts)


def _place_waiting(
    prep: PreparedProblem, board: list[_Day], starts: list[int], waiting: list[int], days
) -> list[int]:
    """Place each waiting strip on the first of `days` it may join; return those left."""
    left = []
    for s in waiting:
        start = _start_day(prep, board, s, days, False, crew=True)
        if start is None:
            left.append(s)
        else:
            _place(prep, board, s, start)
            starts[s] = start
    return left


def boarded_first(prep: PreparedProblem) -> set[int]:
    """Strips an AD boards before the sort: pinned, or with cast who have days they cannot
    work (a stop date, a week away)."""
    pinned = set(prep.problem.options.pinned)
    return {
        s
        for s in range(len(prep.ids))
        if prep.ids[s] in pinned or any(prep.unavailable[a] for a in prep.cast_of[s])
    }


def sorted_order(prep: PreparedProblem) -> list[int]:
    """The AD's first sort: pinned strips, then strips of cast with days they cannot work
    (boarded first, as an AD boards a stop date, while every day still has room), then by
    site, INT/EXT, day/night, set and cast.

    Sites come in order of first appearance in the script, so the board follows the story
    where it costs nothing.
    """
    pinned = set(prep.problem.options.pinned)
    first_seen: dict[str, int] = {}
    for s in range(len(prep.ids)):
        first_seen.setdefault(prep.location[s], s)
    strips = prep.problem.strips
    first = boarded_first(prep)

    def key(s: int) -> tuple:
        inside = strips[s].int_ext or ""
        return (
            prep.ids[s] not in pinned,
            s not in first,
            first_seen[prep.location[s]],
            inside,
            prep.night[s],
            prep.sets[s],
            tuple(prep.cast_of[s]),
            s,
        )

    return sorted(range(len(prep.ids)), key=key)


def heuristic_starts(prep: PreparedProblem) -> list[int]:
    """A good first schedule (the sorted board): strips in `sorted_order`, first fit."""
    return first_fit(prep, sorted_order(prep))


def sorted_board(problem: ScheduleProblem) -> ScheduleResult:
    """The board an AD makes first by hand: sorted by site, INT/EXT, day/night, cast, packed
    by the day's minutes under the same rules as the plan (a baseline beside script order)."""
    prep = prepare(problem, horizon=max(1, 2 * sum(strip.days for strip in problem.strips)))
    starts = first_fit(prep, sorted_order(prep))
    return result_from_starts(prep, starts, status="feasible", method="sorted-board")


def baseline(problem: ScheduleProblem) -> ScheduleResult:
    """Script order packed into days by capacity, no clustering: what every saving beats."""
    prep = prepare(problem, horizon=max(1, sum(strip.days for strip in problem.strips)))
    starts = first_fit(prep, range(len(prep.ids)), rules=False)
    return result_from_starts(prep, starts, status="feasible", method="baseline")
