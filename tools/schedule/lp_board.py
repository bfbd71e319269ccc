"""A board from the days' LP (`relax_days`): the strips partitioned into the days column
generation made, then those days put in order.

The LP's days are the cheap ones by what a day costs (crew, night, moves, the cast working
it); the cheapest exact partition of the strips into them (CP-SAT, singletons always there)
is a board whose days are close to the LP's bound. What the LP leaves out is the days'
order, which `dayorder` then chooses for holds, revisits and turnaround (day lighting first,
nights after, so the first order keeps the turnaround rule and the crew's rest: the nights
end the board; the reordering moves a night block only to end before a week's day off). On
the generated 150-scene feature this board is about 10% below the one large neighbourhood
search reached from the sorted board, so the search starts from it. Deterministic: one
CP-SAT worker on a deterministic time limit, the wall clock only a safety net.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence

from ortools.sat.python import cp_model

from tools.schedule.crew_rest import crew_breaks
from tools.schedule.dayorder import reorder_days
from tools.schedule.prepare import PreparedProblem
from tools.schedule.relax_days import DaysLp, column_cost, column_fits

__all__ = ["lp_board"]

_PASSES = 2
"""Sweeps of the day reordering of the partition."""
_KEEP = 0.25
"""Reduced cost, in crew days, above which a generated day is left out of the partition."""


def _plain(prep: PreparedProblem) -> bool:
    """True when the days' order alone carries the rules a partition leaves out."""
    options = prep.problem.options
    return (
        options.fixed_days is None
        and not options.pinned
        and not options.precedences
        and not any(prep.unavailable)
        and not any(prep.whole)
    )


def _partition(
    prep: PreparedProblem,
    strips: Sequence[int],
    columns: Sequence[tuple[int, ...]],
    prices: dict[int, float],
    deadline: float,
    work: float,
) -> list[tuple[int, ...]] | None:
    """The cheapest days among `columns` that shoot each strip once; None if none found.
    Days far from the LP's choice (reduced cost over `_KEEP` crew days) are left out, all but
    the one-strip days that keep a partition possible."""
    keep = _KEEP * prep.problem.costs.crew_day
    days = [
        c
        for c in columns
        if column_fits(prep, c)
        and (len(c) == 1 or column_cost(prep, c) - sum(prices.get(s, 0.0) for s in c) <= keep)
    ]
    model = cp_model.CpModel()
    use = [model.new_bool_var(f"day{j}") for j in range(len(days))]
    for s in strips:
        model.add_exactly_one([use[j] for j, day in enumerate(days) if s in day])
    model.minimize(sum(round(column_cost(prep, day)) * y for y, day in zip(use, days, strict=True)))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = prep.problem.options.seed
    solver.parameters.max_deterministic_time = work
    solver.parameters.max_time_in_seconds = max(0.1, deadline - time.perf_counter())
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return [day for y, day in zip(use, days, strict=True) if solver.value(y)]


def lp_board(
    prep: PreparedProblem, lp: DaysLp, *, deadline: float, work: float
) -> list[int] | None:
    """A start day per strip: the LP's days partitioned (`work` deterministic seconds of
    CP-SAT for each lighting) and ordered; None when the problem has rules a partition cannot
    see (pins, windows, precedences, multi-day strips, fixed days), or no partition keeps
    them."""
    if not _plain(prep):
        return None
    days: list[tuple[int, ...]] = []
    for night, columns in sorted(lp.columns.items()):
        strips = [s for s in range(len(prep.ids)) if prep.night[s] == night]
        chosen = _partition(prep, strips, columns, lp.prices, deadline, work)
        if chosen is None:
            return None
        days += chosen
    if len(days) > prep.horizon or sum(len(day) for day in days) != len(prep.ids):
        return None
    if prep.turnaround_rule and (
        any(prep.turnaround_breaks(list(a), list(b)) for a, b in itertools.pairwise(days))
        or crew_breaks(prep, days)
    ):
        return None
    starts = [0] * len(prep.ids)
    for d, day in enumerate(days):
        for s in day:
            starts[s] = d
    # A light ordering to judge it by: the search reorders its start fully.
    return reorder_days(prep, starts, deadline=deadline, passes=_PASSES)
