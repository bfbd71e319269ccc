"""A proven lower bound from the days' own costs: the LP of a set-covering model of the days,
by column generation, priced exactly with CP-SAT.

Relaxed: the order of days (so holds, revisits and turnaround), pins, windows and
precedences. Kept: each day is one column: a set of strips of one lighting (without split
days) that fits the day (eighths, scenes, shooting plus move minutes, the moves cap), costing
crew + night premium + company and set moves + the day rate of every cast member working it.
Any board pays at least the sum of its days' column costs, so it costs at least the covering
LP's optimum. Whole-day strips fill their days alone: their days are a constant.

The bound does not need the LP solved to the end. For any strip prices pi >= 0 and a number
K of days no optimal board exceeds, cost >= sum(pi) + K * min(0, r), where r is at most every
column's reduced cost (cost - its strips' pi): CP-SAT's proven objective bound on the pricing
problem gives such an r. Every solve runs on deterministic limits, so the bound repeats.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from ortools.linear_solver import pywraplp

from tools.schedule.prepare import PreparedProblem
from tools.schedule.relax_pools import price_pools, site_pools
from tools.schedule.relax_price import MAX_NODES

__all__ = ["WORK", "DaysLp", "applies", "column_cost", "column_fits", "days_lp", "days_lp_bound"]

_EPS = 1e-6
_TOLERANCE = 1.0
"""Least reduced cost (in money) above which the LP counts as solved to its end."""
_QUICK_NODES = 20_000
"""Search nodes a pool's pricing visits while days are still being found."""
WORK = 100_000_000
"""Search nodes each lighting's pricing may spend (a few seconds on this machine): the
150-scene features converge well within it, so the bound and the days depend on the data
alone."""


@dataclass
class _Group:
    """The strips of one lighting (or of both with split days) and their generated days."""

    strips: list[int]
    night: bool
    columns: list[tuple[int, ...]] = field(default_factory=list)


def column_fits(prep: PreparedProblem, strips: Sequence[int]) -> bool:
    """True when the strips can share one day under its rules (lighting aside)."""
    options, problem = prep.problem.options, prep.problem
    if not strips or any(prep.whole[s] for s in strips):
        return False
    if sum(problem.strips[s].eighths for s in strips) > options.capacity_eighths:
        return False
    if options.max_scenes_per_day is not None and len(strips) > options.max_scenes_per_day:
        return False
    sites, sets = _visits(prep, strips)
    if options.max_company_moves is not None and sites - 1 > options.max_company_moves:
        return False
    shoot = sum(prep.minutes[s] for s in strips)
    if options.capacity_minutes is not None and shoot > options.capacity_minutes + 0.5:
        return False
    if options.day_minutes is None:
        return True
    moves = options.company_move_minutes * max(0, sites - 1)
    if not options.allow_split_days:
        moves += options.set_move_minutes * max(0, sets - sites)
    return shoot + moves <= options.day_minutes + 1e-6


def _visits(prep: PreparedProblem, strips: Sequence[int]) -> tuple[int, int]:
    placed = [s for s in strips if prep.location[s]]
    return len({prep.location[s] for s in placed}), len({prep.sets[s] for s in placed})


def column_cost(prep: PreparedProblem, strips: Sequence[int]) -> float:
    """What a day of these strips costs at least: crew, night, moves and the cast's day rates.

    With split days the shooting order may add moves and set moves: counted at their least.
    """
    costs = prep.problem.costs
    sites, sets = _visits(prep, strips)
    cast = {a for s in strips for a in prep.cast_of[s]}
    out = costs.crew_day + costs.company_move * max(0, sites - 1)
    if not prep.problem.options.allow_split_days:
        out += costs.set_move * max(0, sets - sites)
    if any(prep.night[s] for s in strips):
        out += costs.night_premium_day
    return out + sum(prep.rates[a] for a in cast)


class _Master:
    """The covering LP of one group, kept between rounds: new days are added as columns and
    GLOP re-solves from its last basis."""

    def __init__(self, prep: PreparedProblem, group: _Group) -> None:
        self._prep = prep
        self._lp = pywraplp.Solver.CreateSolver("GLOP")
        self._rows = {s: self._lp.Constraint(1.0, self._lp.infinity()) for s in group.strips}
        self._lp.Objective().SetMinimization()
        self.columns: set[tuple[int, ...]] = set()
        for column in group.columns:
            self.add(column)

    def add(self, column: tuple[int, ...]) -> None:
        """One more day (strip indexes) the LP may use."""
        if column in self.columns:
            return
        self.columns.add(column)
        y = self._lp.NumVar(0.0, self._lp.infinity(), "")
        for s in column:
            self._rows[s].SetCoefficient(y, 1.0)
        self._lp.Objective().SetCoefficient(y, column_cost(self._prep, column))

    def prices(self) -> dict[int, float]:
        """Each strip's price (its row's dual) at the LP's optimum."""
        if self._lp.Solve() != pywraplp.Solver.OPTIMAL:
            raise RuntimeError("the covering LP of the days did not solve")
        return {s: max(0.0, row.dual_value()) for s, row in self._rows.items()}


def _groups(prep: PreparedProblem, seeds: Sequence[Sequence[int]]) -> list[_Group]:
    """The lighting groups, each seeded with one-strip days and the given boards' days."""
    normal = [s for s in range(len(prep.ids)) if not prep.whole[s]]
    groups = [_Group([s for s in normal if prep.night[s] == n], n) for n in (False, True)]
    groups = [g for g in groups if g.strips]
    for group in groups:
        members = set(group.strips)
        candidates: list[tuple[int, ...]] = [(s,) for s in group.strips]
        for day in seeds:
            part = tuple(sorted(s for s in day if s in members))
            if part and column_fits(prep, part):
                candidates.append(part)
        group.columns = list(dict.fromkeys(candidates))
    return groups


def _group_bound(
    prep: PreparedProblem, group: _Group, most_days: int, deadline: float, work: int
) -> tuple[float, list[tuple[int, ...]], dict[int, float], bool]:
    """Column generation on one group until it converges or its pricing spends `work`
    search nodes: the Lagrangian bound from its last prices, the days generated, and
    whether it converged."""
    master = _Master(prep, group)
    floor: float | None = None
    prices: dict[int, float] = {}
    spent, cap = 0, _QUICK_NODES
    while True:
        prices = master.prices()
        found, floor, nodes = price_pools(prep, group.strips, group.night, prices, deadline, cap)
        spent += nodes
        fresh = [c for c in found if c not in master.columns]
        if spent >= work or time.perf_counter() >= deadline or floor is None:
            break
        if not fresh and cap == MAX_NODES:
            break
        # Short searches while they find days; the full one to prove none is left.
        cap = _QUICK_NODES if fresh else MAX_NODES
        for column in fresh:
            master.add(column)
    columns = sorted(master.columns)
    if floor is None:
        return 0.0, columns, prices, False
    done = not fresh and cap == MAX_NODES and floor >= -_TOLERANCE
    # The prices and the floor belong together: the bound holds wherever the loop stopped.
    return sum(prices.values()) + most_days * min(0.0, floor), columns, prices, done


def applies(prep: PreparedProblem) -> bool:
    """True for the day rules this bound prices exactly: at most two company moves a day, each
    day of one lighting, no separate cap on shooting minutes."""
    options = prep.problem.options
    return (
        options.max_company_moves is not None
        and options.max_company_moves <= 2
        and not options.allow_split_days
        and options.capacity_minutes is None
    )


@dataclass(frozen=True)
class DaysLp:
    """The bound and, per lighting (True: night), the days column generation made."""

    bound: float
    converged: bool
    """True when every lighting's LP was solved to its end (no improving day left)."""
    columns: dict[bool, list[tuple[int, ...]]]
    prices: dict[int, float]
    """Each strip's last price (LP dual): a day's cost less its strips' prices is its reduced
    cost, how far from the LP's choice it is."""


def days_lp(
    prep: PreparedProblem,
    *,
    seconds: float,
    seeds: Sequence[Sequence[int]] = (),
    work: int = WORK,
) -> DaysLp | None:
    """The days' LP (see the module docstring); None unless it `applies`. `seeds` are days
    (strip indexes) to start the LP from; each lighting's pricing stops after `work` search
    nodes (deterministic), `seconds` is the wall-clock safety net."""
    if not applies(prep) or site_pools(prep, []) is None:
        return None
    costs = prep.problem.costs
    deadline = time.perf_counter() + seconds
    total = 0.0
    for s in range(len(prep.ids)):
        if prep.whole[s]:
            day = costs.crew_day + sum(prep.rates[a] for a in prep.cast_of[s])
            day += costs.night_premium_day if prep.night[s] else 0.0
            total += prep.length[s] * day
    # No board has more days than the horizon: the count the last prices are charged for.
    most = max(0, prep.horizon - sum(prep.length[s] for s in range(len(prep.ids)) if prep.whole[s]))
    columns: dict[bool, list[tuple[int, ...]]] = {}
    prices: dict[int, float] = {}
    converged = True
    groups = _groups(prep, seeds)
    for i, group in enumerate(groups):
        share = (deadline - time.perf_counter()) / (len(groups) - i)
        value, made, priced, done = _group_bound(
            prep, group, most, time.perf_counter() + share, work
        )
        converged = converged and done
        total += value
        columns[group.night] = made
        prices.update(priced)
    return DaysLp(total, converged, columns, prices)


def days_lp_bound(
    prep: PreparedProblem, *, seconds: float, seeds: Sequence[Sequence[int]] = ()
) -> float | None:
    """No board costs less than this (`days_lp`'s bound); None unless it `applies`."""
    found = days_lp(prep, seconds=seconds, seeds=seeds)
    return found.bound if found is not None else None
