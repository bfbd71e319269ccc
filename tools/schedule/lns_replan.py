"""Re-plans at feature scale: repair the previous board where the change broke it, then improve
it a few days at a time, paying the stability cost for every strip that moves.

A what-if ("Maya is unavailable the first week") leaves most of the previous board valid. The
monolithic CP-SAT model, hinted with a board it must repair, found nothing within a 30 s limit
on the generated 150-scene feature; here only the strips the change touches are freed first
(those on days they may no longer start, and every strip of a day that breaks the day's rules),
with more of their neighbouring days while no board comes out. Frozen days keep their strips
and nothing joins them. Each step runs on deterministic time, seeded, as in `lns`.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping, Sequence

from tools.schedule.costing import cost_of, day_minutes, day_moves, occupancy
from tools.schedule.cpsat_run import run_cpsat
from tools.schedule.crew_rest import crew_breaks
from tools.schedule.prepare import PreparedProblem

__all__ = ["day_broken", "replan"]

_STEP_WORK = 1.0
_REPAIR_TRIES = 4


def day_broken(prep: PreparedProblem, strips: list[int], d: int, starts: Sequence[int]) -> bool:
    """Day `d` breaks a day rule: pages, minutes with moves, the moves cap, day/night."""
    options = prep.problem.options
    shoot, moves = day_minutes(prep, strips, [s for s in strips if starts[s] == d])
    eighths = sum(prep.problem.strips[s].eighths for s in strips if not prep.whole[s])
    company, _ = day_moves(prep, strips)
    return (
        eighths > options.capacity_eighths
        or (options.day_minutes is not None and shoot + moves > options.day_minutes + 1e-6)
        or (options.max_company_moves is not None and company > options.max_company_moves)
        or (not options.allow_split_days and len({prep.night[s] for s in strips}) > 1)
    )


def _to_free(prep: PreparedProblem, starts: Sequence[int], frozen: set[int]) -> set[int]:
    """Strips the change broke: on a day they may no longer start, on a day breaking a rule
    (turnaround and the crew's rest after nights: both days), or either side of an order
    ("scene 7 before scene 1") the board does not keep."""
    days = occupancy(prep, starts)
    broken = {d for d, strips in enumerate(days) if day_broken(prep, strips, d, starts)}
    if prep.turnaround_rule:
        for d in range(len(days) - 1):
            if prep.turnaround_breaks(days[d], days[d + 1]):
                broken |= {d, d + 1}
        for d in crew_breaks(prep, days):
            broken |= {d, d + 1}
    out_of_order: set[int] = set()
    for first, then in prep.problem.options.precedences:
        a, c = prep.index[first], prep.index[then]
        if starts[a] + prep.length[a] - 1 > starts[c]:
            out_of_order |= {a, c}
    return {
        s
        for s in range(len(prep.ids))
        if starts[s] not in frozen
        and (s in out_of_order or starts[s] in broken or starts[s] not in prep.allowed_starts(s))
    }


def _on_days(prep: PreparedProblem, board: Sequence[int], days: set[int]) -> set[int]:
    return {s for s in range(len(prep.ids)) if board[s] in days}


def _step(
    prep: PreparedProblem, board: Sequence[int], free: set[int], ctx: dict, deadline: float
) -> list[int] | None:
    fixed = {s: board[s] for s in range(len(prep.ids)) if s not in free}
    outcome = run_cpsat(
        prep, deadline=deadline, hint=board, fixed=fixed, work=_STEP_WORK, step=True, **ctx
    )
    return outcome.starts


def _repair(
    prep: PreparedProblem, board: list[int], free: set[int], ctx: dict, deadline: float
) -> list[int] | None:
    """Free the broken strips, then their neighbouring days too while no board comes out."""
    frozen = set(ctx["frozen_days"])
    for _ in range(_REPAIR_TRIES):
        found = _step(prep, board, free, ctx, deadline)
        if found is not None:
            return found
        near = {board[s] + k for s in free for k in (-1, 1)} - frozen
        free = free | _on_days(prep, board, near)
    return None


def replan(
    prep: PreparedProblem,
    before: Mapping[int, int],
    *,
    frozen: set[int],
    move_cost: float,
    deadline: float,
    budget: float,
) -> list[int] | None:
    """A board for the changed problem near `before` (start day per strip), or None when the
    repair found none. Strips new to the plan start wherever the repair puts them."""
    rng = random.Random(prep.problem.options.seed)
    ctx = dict(frozen_days=sorted(frozen), previous=dict(before), move_cost=move_cost)
    board = [before.get(s, 0) for s in range(len(prep.ids))]
    free = {s for s in range(len(prep.ids)) if s not in before} | _to_free(prep, board, frozen)
    if free:
        repaired = _repair(prep, board, free, ctx, deadline)
        if repaired is None:
            return None
        board = repaired
    previous = {prep.ids[s]: d for s, d in before.items()}
    best = cost_of(prep, board, previous=previous, move_cost=move_cost).total
    used = sorted(set(board) - frozen)
    spent = _STEP_WORK * _REPAIR_TRIES
    while used and spent + _STEP_WORK <= budget and time.perf_counter() + 0.5 < deadline:
        days = set(rng.sample(used, min(len(used), rng.choice((2, 3)))))
        found = _step(prep, board, _on_days(prep, board, days), ctx, deadline)
        spent += _STEP_WORK
        if found is None:
            continue
        cost = cost_of(prep, found, previous=previous, move_cost=move_cost).total
        if cost < best - 1e-6:
            board, best = found, cost
    return board
