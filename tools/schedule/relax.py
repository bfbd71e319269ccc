"""A proven lower bound on the objective from a day-packing relaxation.

Relaxed: strips split freely across days, cast holds and penalties cost nothing, the order
of days does not matter. Kept: a day is all day scenes or all night scenes (without split
days), a day visits at most `max_company_moves + 1` sites, each extra site on a day costs its
move minutes, and a site's scenes of one lighting need at least ceil(minutes / day) visits.
So no board is cheaper than: crew days x the fewest days + night premium x the fewest night
days + each cast member's fewest work days x their rate + the fewest company moves x its cost.
"""

from __future__ import annotations

import math
from collections import defaultdict

from tools.schedule.prepare import PreparedProblem

__all__ = ["fewest_days", "relaxation_bound"]


def fewest_days(minutes: float, visits: int, day: float, move: float, cap: int | None) -> int:
    """Fewest days holding `minutes` of shooting over `visits` site-visits.

    A day with k sites spends (k - 1) moves; the cheapest way to fit the visits into D days
    spreads the extra sites over them, each at `move` minutes, at most `cap` a day.
    """
    if minutes <= 0 and visits <= 0:
        return 0
    per_day = (cap + 1) if cap is not None else visits
    days = max(1, math.ceil(visits / max(1, per_day)))
    while days * day - move * max(0, visits - days) < minutes - 1e-6:
        days += 1
    return days


def _group_days(prep: PreparedProblem, night: bool | None) -> tuple[int, int]:
    """(fewest days, fewest site-visits) for the strips of one lighting (None: all)."""
    options = prep.problem.options
    day = options.day_minutes or options.capacity_eighths * options.minutes_per_eighth
    by_site: dict[str, float] = defaultdict(float)
    whole = 0
    for s in range(len(prep.ids)):
        if night is not None and prep.night[s] != night:
            continue
        if prep.whole[s]:
            whole += prep.length[s]
        else:
            by_site[prep.location[s]] += prep.minutes[s]
    visits = sum(max(1, math.ceil(m / day - 1e-9)) for m in by_site.values())
    move = options.company_move_minutes
    days = fewest_days(sum(by_site.values()), visits, day, move, options.max_company_moves)
    return whole + days, visits + whole


def relaxation_bound(prep: PreparedProblem) -> float:
    """The lower bound (see the module docstring), in the objective's money."""
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
    cast = 0.0
    day_length = problem.options.day_minutes or math.inf
    for a, rate in enumerate(prep.rates):
        mine = [s for s in range(len(prep.ids)) if a in prep.cast_of[s]]
        lengths = sum(prep.length[s] for s in mine if prep.whole[s])
        minutes = sum(prep.minutes[s] for s in mine if not prep.whole[s])
        cast += rate * (lengths + max(1 if minutes else 0, math.ceil(minutes / day_length - 1e-9)))
    return days_and_moves + costs.night_premium_day * nights + cast
