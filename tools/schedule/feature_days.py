"""A feature-scale plan to a set number of days ("can we do it in 35 days?", "what if we had
45 days?"): a board of the plan's own day count, resized a day at a time, then improved.

One CP-SAT model of the whole board finds nothing at that size within a chat's limit, and
answers only "no schedule in time". A board one day shorter is mostly the board: the lightest
day of a lighting with days to spare against its floor (`relax.fewest_shooting_days`) is taken
out and its strips go back into the days that shoot at their sites (first by hand, then by
CP-SAT over those days and, when that is not room enough, their neighbours: a re-plan's repair,
as `lns_replan`). A longer board splits its fullest day in two at a change of set. Either can
move a run of nights off its week's end, so the days are re-boarded for the crew's rest
(`crew_rest.crew_order`). Then `lns_replan` improves the board, priced for stability against
the board it came from. Fewer days than the floor are refused at once, with the floor said;
a shorter board not found in time is said with the board the search started from. Measured on
the generated 150-scene feature (38 days free): 40 and 42 days are planned; 36 and 37 were not
found (the days are about 95% full, so a day out needs fewer moves across most of the board,
more than a neighbourhood can find); 35 is below the floor of 36.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from tools.schedule.baseline import sorted_board
from tools.schedule.costing import occupancy, result_from_starts
from tools.schedule.cpsat_run import run_cpsat
from tools.schedule.crew_rest import crew_breaks, crew_order
from tools.schedule.feature import Progress, by_lns, lns_start
from tools.schedule.lns_replan import day_broken, replan
from tools.schedule.model import ScheduleResult
from tools.schedule.prepare import PreparedProblem, default_horizon, prepare
from tools.schedule.relax import fewest_shooting_days, relaxation_bound

__all__ = ["by_days", "resize"]

_STEP_WORK = 1.0
"""Deterministic seconds of one CP-SAT repair step."""
_FREE_SHARE = 0.45
"""Share of the time limit the free plan gets when there is no previous board to start from."""
_SHARE = 0.92
"""Share of the time limit the whole search may use (as `feature`'s: the budget follows)."""
_WIDEN = 3
"""Times a repair step frees the neighbouring days too when it found no board."""


def _covered(prep: PreparedProblem, board: Mapping[int, int]) -> list[int]:
    """The days the board's strips occupy (a multi-day strip covers all of its days)."""
    return sorted({d + k for s, d in board.items() for k in range(prep.length[s])})


def _n_days(prep: PreparedProblem, board: Mapping[int, int]) -> int:
    return len(_covered(prep, board))


def _compact(prep: PreparedProblem, board: Mapping[int, int]) -> dict[int, int]:
    """The board with its empty days closed up, days kept in order."""
    index = {d: i for i, d in enumerate(_covered(prep, board))}
    return {s: index[d] for s, d in board.items()}


def _minutes(prep: PreparedProblem, strips: list[int]) -> float:
    return sum(prep.minutes[s] for s in strips)


def _split(prep: PreparedProblem, board: dict[int, int]) -> dict[int, int] | None:
    """The fullest day (of more than one strip) cut in two at the set change nearest its middle;
    the later days move one day on. None when no day has two strips."""
    days = occupancy(prep, [board[s] for s in range(len(prep.ids))])
    candidates = [d for d, strips in enumerate(days) if len(strips) > 1]
    if not candidates:
        return None
    d = max(candidates, key=lambda k: (_minutes(prep, days[k]), -k))
    strips = days[d]
    half = _minutes(prep, strips) / 2

    def cut_cost(k: int) -> tuple[bool, float]:
        # Prefer a cut between two sets (no move inside either half), then the middle.
        same_set = prep.sets[strips[k - 1]] == prep.sets[strips[k]]
        return same_set, abs(_minutes(prep, strips[:k]) - half)

    cut = min(range(1, len(strips)), key=cut_cost)
    later = set(strips[cut:])
    return {s: day + (day > d or (day == d and s in later)) for s, day in board.items()}


def _absorbers(prep: PreparedProblem, board: dict[int, int], loose: set[int]) -> set[int]:
    """Strips on the days that shoot at the sites (and lighting) of the `loose` strips."""
    sites = {(prep.location[s], prep.night[s]) for s in loose}
    days = {d for s, d in board.items() if (prep.location[s], prep.night[s]) in sites}
    return {s for s, d in board.items() if d in days}


def _sized(prep: PreparedProblem, days: int) -> PreparedProblem:
    """The problem fixed at `days` days (its horizon too)."""
    problem = prep.problem
    options = problem.options.model_copy(update={"fixed_days": days})
    return prepare(problem.model_copy(update={"options": options}), horizon=days)


def _fits(prep: PreparedProblem, days: list[list[int]], s: int, d: int) -> bool:
    """Strip `s` may join day `d`: it may start then, and the day and its neighbours keep
    every day rule (pages, minutes with moves, the moves cap, day/night, turnaround)."""
    if d not in prep.allowed_starts(s):
        return False
    day = [*days[d], s]
    if day_broken(prep, day, d, [d] * len(prep.ids)):
        return False
    if not prep.turnaround_rule:
        return True
    before = bool(d) and prep.turnaround_breaks(days[d - 1], day)
    after = d + 1 < len(days) and prep.turnaround_breaks(day, days[d + 1])
    return not (before or after or crew_breaks(prep, [*days[:d], day, *days[d + 1 :]]))


def _rested(prep: PreparedProblem, board: dict[int, int]) -> dict[int, int] | None:
    """The board's days (some strips may be off it) re-ordered as an AD would when a resize
    left a morning call after a night (`crew_rest.crew_order`); None when no order keeps the
    rules."""
    days: list[list[int]] = [[] for _ in range(_n_days(prep, board))]
    for s, d in sorted(board.items()):
        for k in range(prep.length[s]):
            days[d + k].append(s)
    if not prep.turnaround_rule or not crew_breaks(prep, days):
        return board
    order = crew_order(prep, days)
    if order is None:
        return None
    position = {d: i for i, d in enumerate(order)}
    return {s: position[d] for s, d in board.items()}


def _absorb(prep: PreparedProblem, kept: dict[int, int], loose: set[int]) -> dict[int, int] | None:
    """The `loose` strips placed into the kept days, largest first, each on the first day
    that shoots at its site and lighting and keeps the rules (then any such day); None when
    one does not fit anywhere."""
    if any(prep.length[s] > 1 for s in loose):
        return None  # a multi-day strip needs its run of days: CP-SAT's repair places it
    n_days = _n_days(prep, kept)
    days: list[list[int]] = [[] for _ in range(n_days)]
    for s, d in kept.items():
        for k in range(prep.length[s]):
            days[d + k].append(s)
    out = dict(kept)
    for s in sorted(loose, key=lambda t: (-prep.minutes[t], t)):
        home = [
            d for d in range(n_days) if any(prep.location[t] == prep.location[s] for t in days[d])
        ]
        others = [d for d in range(n_days) if d not in home]
        day = next((d for d in home + others if _fits(prep, days, s, d)), None)
        if day is None:
            return None
        days[day].append(s)
        out[s] = day
    return out


def _spare(prep: PreparedProblem, days: list[list[int]]) -> list[int]:
    """Days whose lighting (day, or night work) has more days on the board than its floor:
    only those can go (at the floor, the work of that lighting fills every one)."""
    floor_day, floor_night = fewest_shooting_days(prep)
    night = [any(prep.night[s] for s in strips) for strips in days]
    if prep.problem.options.allow_split_days:
        return list(range(len(days))) if len(days) > floor_day else []
    extra_day = night.count(False) > floor_day
    extra_night = night.count(True) > floor_night
    return [d for d, n in enumerate(night) if (extra_night if n else extra_day)]


def _without(
    prep: PreparedProblem, board: dict[int, int], days: list[list[int]], d: int
) -> tuple[set[int], dict[int, int]]:
    """Day `d`'s strips, and the board without them, its days closed up and re-boarded for
    the crew's rest (a day out moves the later nights a day earlier, off their week's end)."""
    loose = set(days[d])
    kept = _compact(prep, {s: day for s, day in board.items() if s not in loose})
    return loose, _rested(prep, kept) or kept


def _shrink(prep: PreparedProblem, board: dict[int, int], deadline: float) -> dict[int, int] | None:
    """The board a day shorter: a day of a lighting with days to spare against its floor
    (`fewest_shooting_days`) taken out, its strips re-placed among the others: by hand into
    the first such day (lightest first) whose strips all find room, else the lightest's by
    CP-SAT over the days at its sites, widening to every day of its lighting."""
    days = occupancy(prep, [board[s] for s in range(len(prep.ids))])
    spare = _spare(prep, days)
    if not spare:
        return None
    prep = _sized(prep, len(days) - 1)
    # Lightest first, a multi-day strip's days last (they would take their run with them).
    spare.sort(
        key=lambda k: (any(prep.length[s] > 1 for s in days[k]), _minutes(prep, days[k]), -k)
    )
    for d in spare:
        loose, kept = _without(prep, board, days, d)
        placed = _absorb(prep, kept, loose)
        if placed is not None:
            return placed
    loose, kept = _without(prep, board, days, spare[0])
    hint = {**kept, **{s: min(spare[0], len(days) - 2) for s in loose}}
    lighting = {prep.night[s] for s in loose}
    frees = [loose | _absorbers(prep, hint, loose)]
    for _ in range(_WIDEN - 1):
        near = {hint[s] + k for s in frees[-1] for k in (-1, 1)}
        frees.append(frees[-1] | {s for s, day in hint.items() if day in near})
    frees.append({s for s in hint if prep.night[s] in lighting})
    for attempt, free in enumerate(frees):
        if time.perf_counter() + 0.5 > deadline:
            return None
        fixed = {s: day for s, day in hint.items() if s not in free}
        outcome = run_cpsat(
            prep,
            deadline=deadline,
            hint=[hint[s] for s in range(len(prep.ids))],
            fixed=fixed,
            work=_STEP_WORK * 2**attempt,  # a wider neighbourhood gets more search
            step=True,
        )
        if outcome.starts is not None:
            return _compact(prep, dict(enumerate(outcome.starts)))
    return None


def resize(
    prep: PreparedProblem, board: Mapping[int, int], days: int, *, deadline: float
) -> dict[int, int] | None:
    """`board` (start day per strip, every strip placed) made exactly `days` days long, or None
    when a shorter board was not found before `deadline`."""
    start = _compact(prep, board)
    out = _rested(_sized(prep, _n_days(prep, start)), start)
    while out is not None and _n_days(prep, out) != days:
        out = _shrink(prep, out, deadline) if _n_days(prep, out) > days else _split(prep, out)
    return _rested(prep, out) if out is not None else None


def _free_board(prep: PreparedProblem, limit: float) -> dict[int, int] | None:
    """The plan without a set number of days, in `limit` seconds (start day per strip)."""
    problem = prep.problem
    options = problem.options.model_copy(update={"fixed_days": None, "time_limit_s": limit})
    unfixed = problem.model_copy(update={"options": options})
    # As `optimize` plans it: the sorted board (its start) fits the horizon, a day to spare.
    horizon = max(default_horizon(unfixed), len(sorted_board(unfixed).days) + 1)
    free = prepare(unfixed, horizon=horizon)
    start = lns_start(free)
    if start is None:
        return None
    found = by_lns(free, start, time.perf_counter(), None)
    starts: dict[str, int] = {}
    for day in found.days:
        for sid in day.strips:
            starts.setdefault(sid, day.index)
    if set(starts) != set(prep.ids):
        return None
    return {prep.index[sid]: d for sid, d in starts.items()}


def _floor_words(prep: PreparedProblem) -> tuple[int, str]:
    """The fewest days any board can have, and that said with the day's rules."""
    options = prep.problem.options
    day, night = fewest_shooting_days(prep)
    words = f"no board can have fewer than {day + night} days"
    if night:
        words += f" ({day} for the day scenes and {night} for the nights)"
    rules = f"{options.day_minutes / 60:g}-hour days" if options.day_minutes else "the pages a day"
    if options.max_company_moves is not None:
        moves = options.max_company_moves
        rules += f", at most {moves} company move{'s' if moves != 1 else ''} a day"
    return day + night, f"{words} under {rules}"


def _not_found(
    prep: PreparedProblem, start: tuple[str, int] | None, started: float
) -> ScheduleResult:
    """No board of the asked length: the board the search started from (whose, and its
    days) when there was one, and the floor."""
    options = prep.problem.options
    words = _floor_words(prep)[1]
    if start is None:
        sentence = f"No {options.fixed_days}-day board exists: {words}."
    else:
        whose, days = start
        sentence = (
            f"No {options.fixed_days}-day board was found in the {options.time_limit_s:g} s "
            f"time limit, starting from {whose} {days} days; {words}."
        )
    sentence += " Longer days or more moves a day would leave room."
    return ScheduleResult(
        status="infeasible" if start is None else "unknown",
        seconds=time.perf_counter() - started,
        diagnosis=[sentence],
    )


def by_days(
    prep: PreparedProblem,
    before: Mapping[int, int],
    *,
    move_cost: float,
    started: float,
    progress: Progress | None = None,
) -> ScheduleResult | None:
    """A feature-scale board of exactly `fixed_days` days: from `before` (the previous plan's
    starts) when it places every strip, else from the free plan; None when none was found."""
    options = prep.problem.options
    deadline = started + options.time_limit_s * _SHARE - 0.5
    if (options.fixed_days or 0) < _floor_words(prep)[0]:
        return _not_found(prep, None, started)
    board: Mapping[int, int] | None = before
    whose = "the current plan's"
    if len(before) != len(prep.ids):
        board, whose = _free_board(prep, options.time_limit_s * _FREE_SHARE), "the free plan's"
    if board is None:
        return None
    start = (whose, _n_days(prep, board))
    sized = resize(prep, board, options.fixed_days or 0, deadline=deadline)
    if sized is None:
        return _not_found(prep, start, started)
    left = max(0.0, deadline - time.perf_counter())
    improved = replan(
        prep, sized, frozen=set(), move_cost=move_cost, deadline=deadline, budget=0.3 * left
    )
    if improved is None:
        # The resized board stands when the improvement finds nothing, if a pin or a cast
        # window did not keep it from its day (a split moves the later days on).
        improved = [sized[s] for s in range(len(prep.ids))]
        if any(d not in prep.allowed_starts(s) for s, d in enumerate(improved)):
            return _not_found(prep, start, started)
    starts = improved
    previous = {prep.ids[s]: d for s, d in before.items()}
    found = result_from_starts(
        prep, starts, status="feasible", method="lns", previous=previous, move_cost=move_cost
    )
    # Stability costs nothing in the relaxation, so its bound stays a bound.
    days = [day for day in occupancy(prep, starts) if day]
    bound = relaxation_bound(prep, deadline=started + options.time_limit_s * _SHARE, seeds=days)
    found.bound = min(bound, found.cost.total)
    found.seconds = time.perf_counter() - started
    if progress is not None:
        progress(found)
    return found
