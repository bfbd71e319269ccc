"""Large neighbourhood search for feature-length boards: re-solve a few days at a time.

A monolithic CP-SAT model of a 150-300 scene feature does not close in a minute. Starting
from a feasible board (the sorted board), each step frees the strips of a small neighbourhood
(two or three days, or one site's strips with their days) and lets CP-SAT re-place them with
everything else fixed; a better board is kept. Neighbourhoods come from a seeded generator
and every sub-solve runs on deterministic time, so the same input gives the same board.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence

from tools.schedule.costing import cost_of
from tools.schedule.cpsat_run import run_cpsat
from tools.schedule.prepare import PreparedProblem

__all__ = ["Progress", "improve"]

Progress = Callable[[list[int], float], None]
"""Called with each improving board (start day per strip) and its objective."""

_STEP_WORK = 1.5
"""Deterministic seconds of CP-SAT per neighbourhood."""


def _neighbourhood(prep: PreparedProblem, starts: Sequence[int], rng: random.Random) -> set[int]:
    """Strips to free: those of 2-3 days (often neighbours), or one site's strips."""
    used = sorted(set(starts))
    if rng.random() < 0.35:
        site = prep.location[rng.randrange(len(prep.ids))]
        days = {starts[s] for s in range(len(prep.ids)) if prep.location[s] == site}
        days |= set(rng.sample(used, min(1, len(used))))
    else:
        first = rng.choice(used)
        days = {first, *rng.sample(used, min(len(used), rng.choice((1, 2))))}
    return {s for s in range(len(prep.ids)) if starts[s] in days}


def _total(prep: PreparedProblem, starts: Sequence[int]) -> float:
    return cost_of(prep, starts).total


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
    best, best_cost = list(starts), _total(prep, starts)
    spent = 0.0
    while spent + _STEP_WORK <= budget and time.perf_counter() + 0.5 < deadline:
        free = _neighbourhood(prep, best, rng)
        fixed = {s: best[s] for s in range(len(prep.ids)) if s not in free}
        outcome = run_cpsat(
            prep,
            # Only the whole search's deadline cuts a step: a wall-clock cut inside a step
            # would make the board depend on the machine's load.
            deadline=deadline,
            hint=best,
            fixed=fixed,
            work=_STEP_WORK,
        )
        spent += _STEP_WORK
        if outcome.starts is None:
            continue
        cost = _total(prep, outcome.starts)
        if cost < best_cost - 1e-6:
            best, best_cost = outcome.starts, cost
            if progress is not None:
                progress(best, best_cost)
    return best
