"""A proven lower bound on the objective from a day-packing relaxation.

Relaxed: strips split freely across days, cast holds and penalties cost nothing, the order
of days does not matter. Kept: a day is all day scenes or all night scenes (without split
days), a day visits at most `max_company_moves + 1` sites, each extra site on a day costs its
move minutes, and a site's scenes of one lighting need at least ceil(minutes / day) visits.
So no board is cheaper than: crew days x the fewest days + night premium x the fewest night
days + the fewest company moves x its cost + what the cast costs at least (`relax_cast`: each
one's fewest work days from their own strips' minutes, sites and lighting, and holds from a
talent-scheduling relaxation), these being separate sums of the objective.

Under the product's day rules (at most one company move a day, or two) the days' LP
(`relax_days`) bounds the crew, night, move and cast work-day parts together, where this
closed form bounds each alone; the larger of the two is the bound.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Sequence

from tools.schedule.prepare import PreparedProblem
from tools.schedule.relax_cast import cast_bound, fewest_days, strip_sizes
from tools.schedule.relax_days import days_lp_bound
from tools.schedule.relax_price import is_loaded

__all__ = ["fewest_days", "fewest_shooting_days", "relaxation_bound"]

_CAST_SECONDS = 3.0
"""Most seconds the cast's talent-scheduling bound may take when no deadline is given."""
_COMPILE_SECONDS = 8.0
"""Time the days' LP needs left to compile its pricing first (not yet loaded in the process)."""
_LP_SECONDS = 10.0
"""Most seconds the days' LP may take when no deadline is given (a 150-scene feature's
converges in about 2 s on an idle machine)."""


def _group_days(prep: PreparedProblem, night: bool | None) -> tuple[int, int]:
    """(fewest days, fewest site-visits) for the strips of one lighting (None: all)."""
    options = prep.problem.options
    # Minutes against the day's minutes with the day rules on, else eighths against the pages
    # a day holds (moves then take no time).
    sizes, day, move = strip_sizes(prep)
    by_site: dict[str, float] = defaultdict(float)
    whole = 0
    for s in range(len(prep.ids)):
        if night is not None and prep.night[s] != night:
            continue
        if prep.whole[s]:
            whole += prep.length[s]
        else:
            by_site[prep.location[s]] += sizes[s]
    visits = sum(max(1, math.ceil(m / day - 1e-9)) for m in by_site.values())
    days = fewest_days(sum(by_site.values()), visits, day, move, options.max_company_moves)
    return whole + days, visits + whole


def fewest_shooting_days(prep: PreparedProblem) -> tuple[int, int]:
    """(day, night) shooting days no board can go below: each lighting's work in the day's
    minutes (or pages) at its sites under the moves cap (split days: all in the first)."""
    if prep.problem.options.allow_split_days:
        return _group_days(prep, None)[0], 0
    return _group_days(prep, False)[0], _group_days(prep, True)[0]


def relaxation_bound(
    prep: PreparedProblem,
    *,
    deadline: float | None = None,
    days_lp: bool = True,
    seeds: Sequence[Sequence[int]] = (),
) -> float:
    """The lower bound (see the module docstring), in the objective's money; the cast's part
    (`relax_cast`) and the days' LP stop at `deadline` (a `time.perf_counter` instant).
    `days_lp` off keeps the quick closed form; `seeds` are days (strip indexes per day) that
    fit, to start the LP from (a board's)."""
    started = time.perf_counter()
    closed = _closed_form(prep, deadline if deadline is not None else started + _CAST_SECONDS)
    if not days_lp:
        return closed
    seconds = (deadline - time.perf_counter()) if deadline is not None else _LP_SECONDS
    if not is_loaded() and seconds < _COMPILE_SECONDS:
        # Compiling the LP's pricing (about 6 s cold) would overrun the caller's limit.
        return closed
    lp = days_lp_bound(prep, seconds=max(0.0, seconds), seeds=seeds) if seconds > 0 else None
    return max(closed, lp) if lp is not None else closed


def _closed_form(prep: PreparedProblem, deadline: float) -> float:
    problem, costs = prep.problem, prep.problem.costs
    if problem.options.allow_split_days:
        groups = [_group_days(prep, None)]
        nights = 1 if any(prep.night) else 0
    else:
        groups = [_group_days(prep, False), _group_days(prep, True)]
        nights = groups[1][0]
    days_and_moves = 0.0
    for fewest, visits in groups:
        # Each day beyond the fewest saves at most one move: take the cheaper side.
        options = [
            costs.crew_day * d + costs.company_move * max(0, visits - d)
            for d in range(fewest, max(fewest, visits) + 1)
        ]
        days_and_moves += min(options)
    fixed = problem.options.fixed_days
    if fixed is not None:
        days_and_moves = max(days_and_moves, costs.crew_day * fixed)
    cast = cast_bound(prep, deadline=deadline)
    return days_and_moves + costs.night_premium_day * nights + cast
