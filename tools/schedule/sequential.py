"""The sequencing path of `optimize` (talent and movie shoot scheduling, and their kin).

When the exact DP fits the time budget, its order is returned directly as proven optimal (method
"exact-dp", bound = cost): the DP enumerates every set of strips, so handing its answer to
CP-SAT would only spend time re-proving it. Otherwise a greedy order improved by local search,
then by exact re-solves of windows of it (`window`), is the hint and the fallback answer, CP-SAT
gets the remaining time to improve it, and the bound is the best of CP-SAT's and the relaxed
DPs' (`bounds`), never above the cost of a known schedule. The acting cost and other order-free
costs (crew days, night premium) are the same in every order, so the bounds shift by the same
constant.
"""

from __future__ import annotations

import time

from tools.schedule.bounds import lower_bound
from tools.schedule.costing import result_from_starts
from tools.schedule.cpsat_run import run_cpsat
from tools.schedule.exact import exact_plan, solve_exact
from tools.schedule.model import ScheduleResult
from tools.schedule.ordering import greedy_order, improve_order
from tools.schedule.prepare import PreparedProblem
from tools.schedule.sequence import sequencing, starts_of
from tools.schedule.window import polish

__all__ = ["solve_sequential"]

_LOCAL_SHARE = 0.4
_POLISH_SHARE = 0.2
"""Most of the limit the window polishing may take (movie100 converges in about 10 s)."""
_BOUND_SHARE = 0.3
_DECODE_MARGIN = 0.6


def _oriented(prep: PreparedProblem, order: list[int], *, reversible: bool) -> list[int]:
    """Start days of `order`, turned to satisfy the CP-SAT model's symmetry breaking."""
    strips = prep.problem.strips
    key = [strips[s].model_dump_json(exclude={"id"}) for s in range(len(prep.ids))]
    named = {prep.index[x] for pair in prep.problem.options.precedences for x in pair}
    starts = starts_of(prep, order)
    for candidate in (order, order[::-1]) if reversible else (order,):
        placed = list(candidate)
        slots: dict[str, list[int]] = {}
        for position, s in enumerate(candidate):
            if s not in named:
                slots.setdefault(key[s], []).append(position)
        for positions in slots.values():
            for position, s in zip(positions, sorted(candidate[p] for p in positions), strict=True):
                placed[position] = s
        starts = starts_of(prep, placed)
        if len(starts) < 2 or starts[0] <= starts[-1]:
            return starts
    return starts


def _exact(prep: PreparedProblem, seconds: float) -> list[int] | None:
    seq = sequencing(prep)
    try:
        plan = exact_plan(seq)
    except ValueError:
        return None
    if plan.solve_seconds() > seconds:
        return None
    return solve_exact(seq, plan)


def _searched(prep: PreparedProblem, *, deadline: float, reversible: bool) -> ScheduleResult | None:
    """Local search, relaxed-DP bound, then CP-SAT from that hint: the best of them, bounded."""
    limit = prep.problem.options.time_limit_s
    seq = sequencing(prep)
    order, cost = improve_order(
        seq, greedy_order(seq), deadline=time.perf_counter() + _LOCAL_SHARE * limit
    )
    if cost == float("inf"):
        return None
    order, cost = polish(seq, order, deadline=time.perf_counter() + _POLISH_SHARE * limit)
    floor = lower_bound(seq, deadline=time.perf_counter() + _BOUND_SHARE * limit)
    best = result_from_starts(
        prep, starts_of(prep, order), status="feasible", method="local-search"
    )
    constant = best.cost.total - cost
    outcome = run_cpsat(
        prep,
        deadline=deadline - _DECODE_MARGIN,
        hint=_oriented(prep, order, reversible=reversible),
        reversible=reversible,
    )
    if outcome.starts is not None:
        found = result_from_starts(prep, outcome.starts, status="feasible", method="cp-sat")
        if found.cost.total < best.cost.total - 1e-9:
            best = found
    bound = max(floor + constant, outcome.bound if outcome.bound is not None else 0.0)
    best.bound = min(bound, best.cost.total)
    if best.bound >= best.cost.total - 1e-6:
        best.status = "optimal"
    return best


def solve_sequential(
    prep: PreparedProblem, *, started: float, reversible: bool
) -> ScheduleResult | None:
    """The sequencing answer, or None when precedences leave no order at all."""
    deadline = started + prep.problem.options.time_limit_s
    order = _exact(prep, seconds=0.8 * (deadline - time.perf_counter()))
    if order is not None:
        result = result_from_starts(
            prep, starts_of(prep, order), status="optimal", method="exact-dp"
        )
        result.bound = result.cost.total
    else:
        found = _searched(prep, deadline=deadline, reversible=reversible)
        if found is None:
            return None
        result = found
    result.seconds = time.perf_counter() - started
    return result
