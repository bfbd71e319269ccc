"""A proven lower bound on what the cast costs: work days from sites and nights, holds from
talent scheduling.

Work days: a cast member's day holds their strips of one lighting (without split days) at no
more than `max_company_moves + 1` sites, each extra site taking its move minutes out of the
day, so `relax.fewest_days` over their own strips bounds their work days.

Holds (cast paid from first to last day, no drop/pick-up rule): whatever the board, all the
strips shot from a cast member's first strip to their last fall on the days they are paid
for, so paid days >= those strips' minutes / the day's minutes. The cheapest order of the
strips under that pay is a talent-scheduling problem (durations = minutes); a lower bound on
it is a lower bound on the cast's pay. It is taken over a partition of the cast into small
groups: each group's optimum (the others' strips cost nothing and go outside its spans; strips
with the same cast of the group merge) is solved exactly by `exact.solve_exact`, and the sum
over groups is no more than the optimum over all (each group's minimum is at most its share of
any one order). Each group is paid at least the larger of its exact value and its work days.
With the drop/pick-up rule a gap can be unpaid and any strips may fill it, so then only the
work days count.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict

import numpy as np

from tools.schedule.exact import exact_plan, solve_exact
from tools.schedule.prepare import PreparedProblem
from tools.schedule.sequence import Sequencing, order_cost

__all__ = ["cast_bound", "fewest_days", "strip_sizes", "work_days"]

_MAX_GROUPS = 18
"""Merged strips one exact DP may have (2^18 sets: about 0.2 s)."""
_GROUP_SECONDS = 0.5
"""Most estimated seconds of one group's exact DP (`ExactPlan.estimated_seconds`)."""
TENTHS = 10


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


def strip_sizes(prep: PreparedProblem) -> tuple[list[float], float, float]:
    """(per-strip size, a day's size, a company move's size): minutes when the day is in
    minutes, else eighths against the pages a day holds."""
    options = prep.problem.options
    if options.day_minutes is not None:
        return list(prep.minutes), options.day_minutes, options.company_move_minutes
    sizes = [float(strip.eighths) for strip in prep.problem.strips]
    return sizes, float(options.capacity_eighths), 0.0


def work_days(prep: PreparedProblem, a: int) -> int:
    """Fewest days cast member `a` can work: their strips' minutes and sites, by lighting."""
    options = prep.problem.options
    sizes, day, move = strip_sizes(prep)
    mine = [s for s in range(len(prep.ids)) if a in prep.cast_of[s]]
    split = options.allow_split_days
    by_light: dict[bool, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for s in mine:
        if not prep.whole[s]:
            by_light[False if split else prep.night[s]][prep.location[s]] += sizes[s]
    days = sum(prep.length[s] for s in mine if prep.whole[s])
    for sites in by_light.values():
        visits = sum(max(1, math.ceil(m / day - 1e-9)) for m in sites.values())
        days += fewest_days(sum(sites.values()), visits, day, move, options.max_company_moves)
    return days


def _partition(prep: PreparedProblem, cast: np.ndarray, paid: list[int]) -> list[list[int]]:
    """Groups of cast members who share strips, each small enough for the exact DP."""
    weight = {a: prep.rates[a] * int(cast[:, a].sum()) for a in paid}
    left = sorted(paid, key=lambda a: (-weight[a], a))
    groups: list[list[int]] = []
    while left:
        group = [left.pop(0)]
        while left:
            together = cast[:, group].any(axis=1)
            ranked = sorted(left, key=lambda a: (-int((cast[:, a] & together).sum()), a))
            pick = next((a for a in ranked if _patterns(cast, [*group, a]) <= _MAX_GROUPS), None)
            if pick is None:
                break
            group.append(pick)
            left.remove(pick)
        groups.append(group)
    return groups


def _patterns(cast: np.ndarray, group: list[int]) -> int:
    rows = cast[:, group]
    return len({row.tobytes() for row in rows if row.any()})


def _group_value(prep: PreparedProblem, cast: np.ndarray, group: list[int]) -> float:
    """The exact talent optimum of `group` alone (durations: strip sizes, pay per unit)."""
    mask = np.zeros(cast.shape[1], dtype=bool)
    mask[group] = True
    sizes, day, _ = strip_sizes(prep)
    # Sizes rounded down and a whole-day strip as a full day keep the value a lower bound.
    durations = [
        day * prep.length[s] * TENTHS if prep.whole[s] else math.floor(sizes[s] * TENTHS)
        for s in range(len(prep.ids))
    ]
    seq = Sequencing(
        days=np.array(durations, dtype=np.int64),
        cast=cast & mask[None, :],
        rates=np.where(mask, np.asarray(prep.rates) / (day * TENTHS), 0.0),
        loc=np.zeros(len(prep.ids), dtype=np.int64),
        setup=np.zeros(1),
        before=(),
    )
    plan = exact_plan(seq)
    if plan.estimated_seconds() > _GROUP_SECONDS:
        return 0.0
    order = solve_exact(seq, plan)
    return 0.0 if order is None else order_cost(seq, order)


def cast_bound(prep: PreparedProblem, *, deadline: float) -> float:
    """No board pays its cast less than this (see the module docstring)."""
    paid = [a for a, rate in enumerate(prep.rates) if rate > 0]
    floor = {a: prep.rates[a] * work_days(prep, a) for a in paid}
    total = sum(floor.values())
    costs, options = prep.problem.costs, prep.problem.options
    if costs.cast_pay != "span" or options.drop_min_gap is not None:
        return total
    cast = np.zeros((len(prep.ids), len(prep.cast_names)), dtype=bool)
    for s, members in enumerate(prep.cast_of):
        cast[s, members] = True
    # The groups are chosen by the data alone and each DP is capped by its size, so the bound
    # repeats; the deadline only stops the DPs on a machine too loaded to finish them.
    for group in _partition(prep, cast, paid):
        if time.perf_counter() >= deadline:
            break
        value = _group_value(prep, cast, group)
        total += max(0.0, value - sum(floor[a] for a in group))
    return total
