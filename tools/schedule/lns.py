"""Large neighbourhood search for feature-length boards: re-solve a few days at a time.

A monolithic CP-SAT model of a 150-300 scene feature does not close in a minute. Starting
from a feasible board (the sorted board), each step frees the strips of a small neighbourhood
and lets CP-SAT re-place them with everything else fixed; a better board is kept. The
neighbourhoods: two or three days; one site's strips with their days; one actor's work days
(aimed at holds: their strips can gather); the thinnest day with two others (a day that
empties saves a crew day: the sub-model may leave any day empty, and the gap is closed).
Between steps the days themselves are reordered (`dayorder`), which is where most holds go.
Neighbourhoods come from a seeded generator and every sub-solve runs on deterministic time,
so the same input gives the same board.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence

from tools.schedule.costing import cost_of, occupancy
from tools.schedule.cpsat_run import run_cpsat
from tools.schedule.dayorder import PASSES, reorder_days
from tools.schedule.prepare import PreparedProblem

__all__ = ["Progress", "improve"]

Progress = Callable[[list[int], float], None]
"""Called with each improving board (start day per strip) and its objective."""

_STEP_WORK = 1.0
"""Deterministic seconds of CP-SAT per neighbourhood."""
_REORDER_EVERY = 4
"""Sub-solves between two reorderings of the days."""
_STEP_PASSES = 2
"""Sweeps of a reordering between steps (the first and the last one get `PASSES`)."""


def _actor_days(prep: PreparedProblem, starts: Sequence[int], rng: random.Random) -> set[int]:
    """The work days of one actor, drawn by what their holds cost."""
    spans = []
    for a, rate in enumerate(prep.rates):
        days = {starts[s] for s in range(len(prep.ids)) if a in prep.cast_of[s]}
        spans.append(rate * (max(days) - min(days) + 1 - len(days)) if days else 0.0)
    if not any(spans):
        return set()
    actor = rng.choices(range(len(spans)), weights=spans)[0]
    return {starts[s] for s in range(len(prep.ids)) if actor in prep.cast_of[s]}


def _thinnest(prep: PreparedProblem, starts: Sequence[int]) -> int:
    minutes: dict[int, float] = {}
    for s, d in enumerate(starts):
        minutes[d] = minutes.get(d, 0.0) + prep.minutes[s]
    return min(minutes, key=lambda d: (minutes[d], d))


def _neighbourhood(prep: PreparedProblem, starts: Sequence[int], rng: random.Random) -> set[int]:
    """Strips to free (see the module docstring for the kinds)."""
    used = sorted(set(starts))
    kind = rng.random()
    if kind < 0.25:
        site = prep.location[rng.randrange(len(prep.ids))]
        days = {starts[s] for s in range(len(prep.ids)) if prep.location[s] == site}
    elif kind < 0.5:
        days = _actor_days(prep, starts, rng)
    elif kind < 0.65:
        days = {_thinnest(prep, starts)}
    else:
        days = {rng.choice(used)}
    if len(days) > 8:
        days = set(rng.sample(sorted(days), 8))
    days |= set(rng.sample(used, min(len(used), rng.choice((1, 2)))))
    return {s for s in range(len(prep.ids)) if starts[s] in days}


def _total(prep: PreparedProblem, starts: Sequence[int]) -> float:
    return cost_of(prep, starts).total


def _compact(
    prep: PreparedProblem, starts: list[int], deadline: float, passes: int = PASSES
) -> list[int] | None:
    """The board with its days reordered and gaps closed; None when a gap cannot close."""
    out = reorder_days(prep, starts, deadline=deadline, passes=passes)
    return None if any(not day for day in occupancy(prep, out)) else out


def improve(
    prep: PreparedProblem,
    starts: list[int],
    *,
    deadline: float,
    budget: float,
    progress: Progress | None = None,
) -> list[int]:
    """A board no dearer than `starts`: neighbourhoods re-solved until `budget` deterministic
    seconds are spent (or the wall-clock `deadline`, a `time.perf_counter` instant, passes)."""
    rng = random.Random(prep.problem.options.seed)
    best = _compact(prep, list(starts), deadline) or list(starts)
    best_cost = _total(prep, best)
    if progress is not None and best_cost < _total(prep, starts) - 1e-6:
        progress(best, best_cost)
    spent, found = 0.0, 0
    while spent + _STEP_WORK <= budget and time.perf_counter() + 0.5 < deadline:
        free = _neighbourhood(prep, best, rng)
        fixed = {s: best[s] for s in range(len(prep.ids)) if s not in free}
        # Only the whole search's deadline cuts a step: a wall-clock cut inside a step would
        # make the board depend on the machine's load.
        outcome = run_cpsat(
            prep,
            deadline=deadline,
            hint=best,
            fixed=fixed,
            work=_STEP_WORK,
            prefix=False,
            step=True,
        )
        spent += _STEP_WORK
        if outcome.starts is None:
            continue
        found += 1
        board: list[int] | None = outcome.starts
        if found % _REORDER_EVERY == 0 or any(not day for day in occupancy(prep, outcome.starts)):
            board = _compact(prep, outcome.starts, deadline, passes=_STEP_PASSES)
        cost = _total(prep, board) if board is not None else best_cost
        if board is not None and cost < best_cost - 1e-6:
            best, best_cost = board, cost
            if progress is not None:
                progress(best, best_cost)
    final = _compact(prep, best, deadline)
    if final is not None and _total(prep, final) < best_cost - 1e-6:
        best = final
        if progress is not None:
            progress(best, _total(prep, best))
    return best
