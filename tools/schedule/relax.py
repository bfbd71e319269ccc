"""A proven lower bound on the objective from a day-packing relaxation.

Relaxed: strips split freely across days, cast holds and penalties cost nothing, the order
of days does not matter. Kept: a day is all day scenes or all night scenes (without split
days), a day visits at most `max_company_moves + 1` sites, each extra site on a day costs its
move minutes, and a site's scenes of one lighting need at least ceil(minutes / day) visits.
So no board is cheaper than: crew days x the fewest days + night premium x the fewest night
days + the fewest company moves x its cost + what the cast costs at least (`relax_cast`: each
one's fewest work days from their own strips' minutes, sites and lighting, and holds from a
talent-scheduling relaxation), these being separate sums of the objective.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict

from tools.schedule.prepare import PreparedProblem
from tools.schedule.relax_cast import cast_bound, fewest_days, strip_sizes

__all__ = ["fewest_days", "relaxation_bound"]

_CAST_SECONDS = 3.0
"""Most seconds the cast's talent-scheduling bound may take when no deadline is given."""


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


def relaxation_bound(prep: PreparedProblem, *, deadline: float | None = None) -> float:
    """The lower bound (see the module docstring), in the objective's money; the cast's part
    (`relax_cast`) stops its exact DPs at `deadline` (a `time.perf_counter` instant)."""
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
    started = time.perf_counter()
    cast = cast_bound(prep, deadline=deadline if deadline is not None else started + _CAST_SECONDS)
    return days_and_moves + costs.night_premium_day * nights + cast
