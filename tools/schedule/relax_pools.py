"""Pricing for the days' LP (`relax_days`): the day of least reduced cost, proven.

With at most one company move a day, every day draws on the strips of one site or of two
(with two moves, of three), so the pricing splits into one small problem per site and per
pair (and triple) of sites, each solved exactly
by the compiled enumeration of `relax_price` (CP-SAT for a pool too big for its bitmasks). A
pool whose quick floor (`quick_floor`) already shows it holds no improving day is skipped
with that floor. The least of the pools' floors is at most every day's reduced cost.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Sequence

from ortools.sat.python import cp_model

from tools.schedule.prepare import PreparedProblem
from tools.schedule.relax_price import MAX_NODES, best_day

__all__ = ["price_pools", "quick_floor", "site_pools"]

_EPS = 1e-6
_WORK = 0.5
"""Deterministic seconds of CP-SAT on a pool too big for the compiled pricing."""
_COLUMNS_PER_ROUND = 20
"""Most improving days one CP-SAT pricing solve keeps."""

Column = tuple[int, ...]
_MOST_MOVES = 2
"""Company moves a day the pools cover: with 23 sites, 2,047 pools (3 moves: 10,902)."""


def site_pools(prep: PreparedProblem, strips: Sequence[int]) -> list[tuple[list[int], int]] | None:
    """With at most two company moves a day, the strips each column may draw on, with the
    moves a day of them makes: those of one site (0), of two (1) or of three (2); strips
    without a site join every pool. None when the cap is higher (too many pools)."""
    cap = prep.problem.options.max_company_moves
    if cap is None or cap > _MOST_MOVES:
        return None
    by_site: dict[str, list[int]] = {}
    loose = [s for s in strips if not prep.location[s]]
    for s in strips:
        if prep.location[s]:
            by_site.setdefault(prep.location[s], []).append(s)
    names = sorted(by_site)
    # A day of strips without a site only: priced in a pool of its own.
    out = [(loose, 0)] if loose else []
    for moves in range(cap + 1):
        out += [
            ([s for a in visit for s in by_site[a]] + loose, moves)
            for visit in itertools.combinations(names, moves + 1)
        ]
    return out


def quick_floor(
    prep: PreparedProblem, pool: list[int], prices: dict[int, float], moves: int
) -> float:
    """A lower bound on the reduced cost of any day drawing on `pool` (every site of it, so
    `moves` company moves): each cast member's rate shared over their strips in the pool, so
    no day pays less for its cast than its strips' shares, then the best fractional fill of
    the day's minutes (eighths when the day is not in minutes)."""
    options, costs = prep.problem.options, prep.problem.costs
    count: dict[int, int] = {}
    for s in pool:
        for a in prep.cast_of[s]:
            count[a] = count.get(a, 0) + 1
    value = {s: prices[s] - sum(prep.rates[a] / count[a] for a in prep.cast_of[s]) for s in pool}
    if options.day_minutes is not None:
        room = options.day_minutes - options.company_move_minutes * moves
        size = {s: prep.minutes[s] for s in pool}
    else:
        room = float(options.capacity_eighths)
        size = {s: float(prep.problem.strips[s].eighths) for s in pool}
    gain = 0.0
    for s in sorted(
        (s for s in pool if value[s] > 0), key=lambda s: -value[s] / max(size[s], 1e-9)
    ):
        take = min(1.0, room / size[s]) if size[s] > 0 else 1.0
        gain += take * value[s]
        room -= take * size[s]
        if room <= 1e-9:
            break
    return costs.crew_day + costs.company_move * moves - gain


def price_pools(
    prep: PreparedProblem,
    strips: Sequence[int],
    night: bool,
    prices: dict[int, float],
    deadline: float,
    max_nodes: int = MAX_NODES,
) -> tuple[list[Column], float | None, int]:
    """Improving days (one per pool at most, CP-SAT pools a few), a proven lower bound on
    every day's reduced cost (None when a CP-SAT pool found nothing at all), and the work
    done in search nodes (a CP-SAT pool counts as `MAX_NODES`). Each pool's search stops at
    `max_nodes` (its floor then the weaker root bound)."""
    pools = site_pools(prep, strips) or []
    found: list[Column] = []
    floors = sorted(
        (quick_floor(prep, pool, prices, moves), i) for i, (pool, moves) in enumerate(pools)
    )
    proven, work = 0.0, 0
    for quick, i in floors:
        if quick >= -_EPS:
            # The rest keep their quick floors: a proof of at most this one's.
            return list(dict.fromkeys(found)), min(proven, quick), work
        pool, moves = pools[i]
        exact = best_day(prep, pool, prices, moves=moves, night=night, max_nodes=max_nodes)
        if exact is not None:
            bound, columns, work = exact.floor, [exact.day], work + exact.nodes
            columns = columns if exact.value < -_EPS else []
        else:
            columns, maybe = _price_cpsat(prep, pool, night, prices, deadline)
            work += MAX_NODES
            if maybe is None:
                return found, None, work
            bound = maybe
        found += columns
        proven = min(proven, max(bound, quick))
    return list(dict.fromkeys(found)), proven, work


class _Collect(cp_model.CpSolverSolutionCallback):
    """Keeps every improving column the pricing solve passes through."""

    def __init__(self, xs: dict[int, cp_model.IntVar], limit: int, rounding: float) -> None:
        super().__init__()
        self._xs, self._limit, self._rounding = xs, limit, rounding
        self.found: list[Column] = []

    def on_solution_callback(self) -> None:
        # Below the rounding of the integer objective, a column may not improve at all.
        if self.objective_value < -self._rounding:
            self.found.append(tuple(s for s, x in self._xs.items() if self.value(x)))
            if len(self.found) >= self._limit:
                self.stop_search()


def _pricing(
    prep: PreparedProblem, pool: Sequence[int], night: bool, prices: dict[int, float]
) -> tuple[cp_model.CpModel, dict[int, cp_model.IntVar]]:
    """The cheapest-reduced-cost day as a CP-SAT model (money in whole units rounded so
    its bound stays below the true reduced cost; minutes in tenths as the main model)."""
    m, options, costs = cp_model.CpModel(), prep.problem.options, prep.problem.costs
    split = options.allow_split_days
    xs = {s: m.new_bool_var(f"x{s}") for s in pool}
    m.add(sum(xs.values()) >= 1)
    located = [s for s in pool if prep.location[s]]
    sites = {loc: m.new_bool_var(f"y{loc}") for loc in sorted({prep.location[s] for s in located})}
    sets = {key: m.new_bool_var(f"z{key}") for key in sorted({prep.sets[s] for s in located})}
    cast = {a: m.new_bool_var(f"w{a}") for a in sorted({a for s in xs for a in prep.cast_of[s]})}
    anywhere = m.new_bool_var("u")
    for s, x in xs.items():
        for a in prep.cast_of[s]:
            m.add_implication(x, cast[a])
        if prep.location[s]:
            m.add_implication(x, sites[prep.location[s]])
            m.add_implication(x, sets[prep.sets[s]])
            m.add_implication(x, anywhere)
    m.add(sum(sites.values()) >= anywhere)
    company = sum(sites.values()) - anywhere
    set_moves = sum(sets.values()) - sum(sites.values())
    strips = prep.problem.strips
    m.add(sum(strips[s].eighths * x for s, x in xs.items()) <= options.capacity_eighths)
    if options.max_scenes_per_day is not None:
        m.add(sum(xs.values()) <= options.max_scenes_per_day)
    if options.max_company_moves is not None:
        m.add(company <= options.max_company_moves)
    if options.capacity_minutes is not None:
        m.add(
            sum(round(prep.minutes[s]) * x for s, x in xs.items())
            <= round(options.capacity_minutes)
        )
    if options.day_minutes is not None:
        length = sum(round(prep.minutes[s] * 10) * x for s, x in xs.items())
        length += round(options.company_move_minutes * 10) * company
        if not split:
            length += round(options.set_move_minutes * 10) * set_moves
        m.add(length <= round(options.day_minutes * 10))
    night_days = 1 if night and costs.night_premium_day > 0 else 0
    objective = math.floor(costs.crew_day) + math.floor(costs.company_move) * company
    if not split:
        objective += math.floor(costs.set_move) * set_moves
    objective += math.floor(costs.night_premium_day) * night_days
    objective += sum(math.floor(prep.rates[a]) * w for a, w in cast.items())
    objective -= sum(math.ceil(prices[s]) * x for s, x in xs.items())
    m.minimize(objective)
    return m, xs


def _price_cpsat(
    prep: PreparedProblem,
    pool: Sequence[int],
    night: bool,
    prices: dict[int, float],
    deadline: float,
) -> tuple[list[Column], float | None]:
    """Improving days of one pool by CP-SAT, and a proven lower bound on their reduced cost."""
    model, xs = _pricing(prep, pool, night, prices)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = prep.problem.options.seed
    solver.parameters.max_deterministic_time = _WORK
    solver.parameters.max_time_in_seconds = max(0.05, deadline - time.perf_counter())
    collect = _Collect(xs, _COLUMNS_PER_ROUND, rounding=len(xs) + len(prep.rates) + 4.0)
    status = solver.solve(model, collect)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return [], None
    # The integer objective's bound is at most the true reduced cost of every column.
    return list(dict.fromkeys(collect.found)), solver.best_objective_bound
