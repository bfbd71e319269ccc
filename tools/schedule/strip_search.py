"""A fast local search over strips with the board's full cost: holds and revisits included.

CP-SAT neighbourhoods re-solve a few days at a time, about one a second; most of a feature
board's excess is in holds and site revisits, which depend on the order of every day. This
search (`strip_anneal`, compiled) tries hundreds of thousands of small moves (a strip to
another day, two strips swapped, a site-visit moved, days moved or swapped, a day emptied)
costed in full each time, and keeps the best board under every hard rule: eighths, scenes and
minutes (with move minutes) per day, the moves cap, no split day, turnaround and the crew's
rest after nights, pins and cast
availability. The work is counted in iterations, seeded by the options' seed, so the same
input gives the same board; the wall-clock deadline is only a safety net.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from tools.schedule import strip_kernels as K
from tools.schedule.costing import cost_of, occupancy
from tools.schedule.crew_rest import day_numbers, rest_days
from tools.schedule.prepare import PreparedProblem
from tools.schedule.strip_anneal import anneal, fill, seed
from tools.schedule.strip_kernels import actor_hold, board_cost, site_revisits, slot_fits

__all__ = ["COMPILE_SECONDS", "applies", "is_ready", "search", "warm_up"]

COMPILE_SECONDS = 25.0
"""Seconds the search's first compile may take (measured: 12 s idle, 23 s at load 5); once
compiled, numba's disk cache loads it in about a second."""

_CHUNK = 20_000
"""Iterations between two looks at the clock (and reports of an improving board)."""
_T0, _T1 = 2.0, 0.01
"""The annealing's first and last temperatures, as shares of the dearest cast day rate (or
of the crew day when the cast is unpaid): early on a hold day is easily paid to move on."""
_BIG = 1e18

Progress = Callable[[list[int]], None]


def applies(prep: PreparedProblem) -> bool:
    """True when the search models every rule of the problem: single-day strips, no split
    days, no precedences, no fixed number of days."""
    options = prep.problem.options
    return (
        bool(prep.ids)
        and all(length == 1 for length in prep.length)
        and not options.allow_split_days
        and not options.precedences
        and options.fixed_days is None
    )


def _csr(rows: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    ptr = np.zeros(len(rows) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(r) for r in rows])
    flat = [x for r in rows for x in r]
    return ptr, np.array(flat, dtype=np.int64)


def _params(prep: PreparedProblem) -> np.ndarray:
    options, costs = prep.problem.options, prep.problem.costs
    par = np.zeros(K.P_SIZE)
    par[K.P_CREW], par[K.P_NIGHT] = costs.crew_day, costs.night_premium_day
    par[K.P_MOVE], par[K.P_SETMOVE] = costs.company_move, costs.set_move
    par[K.P_STUNT], par[K.P_STORY] = prep.penalty("stunt_spread"), prep.penalty("story_order")
    par[K.P_TURN], par[K.P_TURNRULE] = prep.penalty("turnaround"), float(prep.turnaround_rule)
    par[K.P_CAP8] = options.capacity_eighths
    par[K.P_SCENES] = options.max_scenes_per_day or _BIG
    par[K.P_CAPMIN] = options.capacity_minutes if options.capacity_minutes is not None else _BIG
    par[K.P_DAYMIN] = options.day_minutes or _BIG
    par[K.P_MOVEMIN], par[K.P_SETMIN] = options.company_move_minutes, options.set_move_minutes
    moves = options.max_company_moves
    par[K.P_MOVES] = moves if moves is not None else _BIG
    par[K.P_SPAN] = float(costs.cast_pay == "span")
    par[K.P_DROP] = options.drop_min_gap if options.drop_min_gap is not None else _BIG
    par[K.P_HORIZON] = prep.horizon
    par[K.P_MAXDROP] = options.max_drops if options.max_drops is not None else _BIG
    # Each shooting day's calendar day, after the named parameters (the drop rule's gaps).
    # (A board past the horizon costs `inf`, but is costed: one day a strip at most.)
    days = max(prep.horizon, len(prep.ids)) + 1
    return np.concatenate((par, np.asarray(day_numbers(options, days), dtype=float)))


def _data(prep: PreparedProblem) -> tuple:
    """The problem as arrays, in `anneal`'s argument order (after the board's)."""
    n = len(prep.ids)
    sites = {x: i for i, x in enumerate(sorted({x for x in prep.location if x}))}
    sets = {x: i for i, x in enumerate(sorted(set(prep.sets)))}
    cast_ptr, cast_idx = _csr(prep.cast_of)
    related = [
        [
            t
            for t in range(n)
            if t != s
            and (
                (prep.location[s] and prep.location[t] == prep.location[s])
                or set(prep.cast_of[s]) & set(prep.cast_of[t])
            )
        ]
        for s in range(n)
    ]
    rel_ptr, rel_idx = _csr(related)
    allowed = np.zeros((n, prep.horizon + 1), dtype=np.bool_)
    for s in range(n):
        allowed[s, prep.allowed_starts(s)] = True
    ints = lambda xs: np.array(xs, dtype=np.int64)  # noqa: E731
    return (
        cast_ptr,
        cast_idx,
        ints([sites[x] if x else -1 for x in prep.location]),
        ints([sets[x] for x in prep.sets]),
        ints([strip.eighths for strip in prep.problem.strips]),
        np.array(prep.minutes, dtype=np.float64),
        ints(prep.night),
        ints(prep.stunt),
        ints(prep.whole),
        np.array(prep.rates, dtype=np.float64),
        np.array([prep.setup_cost(x) for x in sites], dtype=np.float64),
        allowed,
        rel_ptr,
        rel_idx,
        _params(prep),
        np.array(rest_days(prep.problem.options, len(prep.ids) + prep.horizon + 1), np.bool_),
    )


def _state(prep: PreparedProblem, data: tuple, starts: Sequence[int]) -> tuple:
    """The board in slots: day k at slot 2k + 1, an empty slot between every two days (and
    after the last ones), so a day can open or move anywhere."""
    days = [day for day in occupancy(prep, starts) if day]
    # Slots for every day of `starts` even past the horizon (such a board costs `inf`).
    n_slots = 2 * max(prep.horizon, len(days)) + 1
    n_sites, n_sets = int(data[2].max(initial=-1)) + 1, int(data[3].max(initial=0)) + 1
    cnt = np.zeros((n_slots, 7), dtype=np.int64)
    fl = np.zeros((n_slots, 2))
    c_cast = np.zeros((n_slots, len(prep.cast_names)), dtype=np.int64)
    c_site = np.zeros((n_slots, max(1, n_sites)), dtype=np.int64)
    c_set = np.zeros((n_slots, n_sets), dtype=np.int64)
    pos = np.zeros(len(prep.ids), dtype=np.int64)
    for k, day in enumerate(days):
        pos[day] = 2 * k + 1
    fill(data, (pos, cnt, fl, c_cast, c_site, c_set))
    rates, setup, par = data[9], data[10], data[14]
    hold = np.array([actor_hold(a, cnt, c_cast, rates, par) for a in range(c_cast.shape[1])])
    rev = np.array([site_revisits(x, cnt, c_site, setup) for x in range(len(setup))])
    return pos, cnt, fl, c_cast, c_site, c_set, hold, rev


def _starts(pos: np.ndarray) -> list[int]:
    rank = {slot: k for k, slot in enumerate(sorted(set(pos.tolist())))}
    return [rank[int(p)] for p in pos]


def _cost(data: tuple, state: tuple) -> float:
    pos, cnt, fl, c_cast, c_site = state[:5]
    if not all(slot_fits(d, cnt, fl, data[14]) for d in range(cnt.shape[0])):
        return math.inf
    return float(
        board_cost(pos, cnt, fl, c_cast, c_site, data[9], data[10], data[11], data[14], data[15])
    )


def search(
    prep: PreparedProblem,
    starts: Sequence[int],
    *,
    iterations: int,
    deadline: float,
    progress: Progress | None = None,
) -> list[int]:
    """A board no dearer than `starts` after `iterations` moves (or when the wall-clock
    `deadline`, a `time.perf_counter` instant, passes); `starts` itself when it breaks a rule
    the search checks, or the problem has one it does not model (`applies`)."""
    if not applies(prep) or iterations <= 0:
        return list(starts)
    data = _data(prep)
    state = _state(prep, data, starts)
    cur = _cost(data, state)
    if not math.isfinite(cur):
        return list(starts)
    pos = state[0]
    best, best_cost = pos.copy(), cur
    scale = max(prep.rates, default=0.0) or prep.problem.costs.crew_day or 1.0
    seed(prep.problem.options.seed)
    done = 0
    while done < iterations and time.perf_counter() < deadline:
        chunk = min(_CHUNK, iterations - done)
        before = best_cost
        cur, best_cost = anneal(
            chunk, done, iterations, _T0 * scale, _T1 * scale, cur, best_cost, best, data, state
        )
        done += chunk
        if progress is not None and best_cost < before - 1e-6:
            progress(_starts(best))
    out = _starts(best)
    return out if cost_of(prep, out).total < cost_of(prep, starts).total - 1e-6 else list(starts)


def is_ready() -> bool:
    """True when the search is compiled in this process or in numba's disk cache."""
    if anneal.signatures:
        return True
    try:
        # numba's cache index (private, hence the guard): present once any process compiled it.
        cache: Any = getattr(anneal, "_cache")  # noqa: B009
        return os.path.exists(cache._cache_file._index_path)
    except AttributeError:
        return False


def warm_up() -> None:
    """Compile (or load from numba's disk cache) the search once, on a two-strip problem."""
    from tools.schedule.model import ScheduleProblem, Strip
    from tools.schedule.prepare import prepare

    problem = ScheduleProblem(strips=[Strip(id="1", cast=["A"]), Strip(id="2", cast=["A"])])
    prep = prepare(problem, horizon=2)
    search(prep, [0, 1], iterations=10, deadline=math.inf)
