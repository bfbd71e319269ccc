"""One CP-SAT run: build the model, hint it, solve within the time budget, decode.

Parameters are pinned (workers, seed) and the workers interleave under a deterministic time
limit, so the same input gives the same schedule; the wall-clock limit still caps a run on a
loaded machine. Measured trade-off: on the generated 150-scene feature the default parallel
portfolio under a wall-clock limit ends 14% cheaper in the same 30 s (gap 51% against 58%),
but its answer changes from run to run whenever the limit cuts the search, which a re-plan
and the "same input, same schedule" promise cannot accept.

Interleaving has one fatal case (OR-Tools 9.15): a full-problem subsolver that proves the model
infeasible while loading it (max_lp's root LP, max_lp_sym's symmetry) is handed its next chunk
anyway, and that chunk aborts the process (`Check failed: heuristics.fixed_search != nullptr`,
exit 134): a fixed-days model with fewer days than the pages need did it. So a one-worker screen
(no chunks, so no abort) runs first and asks only for a first solution: infeasible ends there
with the proof, a schedule found lets the interleaved search start on a model known feasible,
and an unanswered screen leaves the rest of the budget to one worker.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from tools.schedule.cpsat import SCALE, Built, add_hard_rules, new_built
from tools.schedule.cpsat_costs import add_costs
from tools.schedule.cpsat_day import add_day_rules
from tools.schedule.prepare import PreparedProblem, day_rules_on

__all__ = ["CpOutcome", "run_cpsat"]

_STATUS = {
    cp_model.OPTIMAL: "optimal",
    cp_model.FEASIBLE: "feasible",
    cp_model.INFEASIBLE: "infeasible",
    cp_model.MODEL_INVALID: "infeasible",
}


@dataclass(frozen=True)
class CpOutcome:
    """What CP-SAT found: status name, start day per strip (when any), and its bound."""

    status: str
    starts: list[int] | None
    bound: float | None


_SCREEN_SHARE = 0.2
"""Most of the remaining budget the feasibility screen may use (it usually needs milliseconds:
the hint is a schedule, or the root propagation proves there is none)."""


def _parameters(
    solver: cp_model.CpSolver,
    prep: PreparedProblem,
    deadline: float,
    *,
    workers: int,
    share: float = 1.0,
    work: float | None = None,
) -> None:
    params = solver.parameters
    # Building the model took part of the budget; the solve gets what is left.
    params.max_time_in_seconds = max(0.05, (deadline - time.perf_counter()) * share)
    params.max_deterministic_time = (work * share if work else None) or params.max_time_in_seconds
    # Interleaving is what makes several workers deterministic; one worker needs none, and
    # only a model known to be feasible may be interleaved (see the module docstring).
    params.interleave_search = workers > 1
    params.num_workers = workers
    params.random_seed = prep.problem.options.seed


def _screen(
    b: Built, prep: PreparedProblem, deadline: float, work: float | None
) -> tuple[str, cp_model.CpSolver]:
    """One worker, stopping at the first schedule: is the model feasible at all?"""
    solver = cp_model.CpSolver()
    _parameters(solver, prep, deadline, workers=1, share=_SCREEN_SHARE, work=work)
    solver.parameters.stop_after_first_solution = True
    return _STATUS.get(solver.solve(b.model), "unknown"), solver


def _solve(
    b: Built, prep: PreparedProblem, deadline: float, work: float | None
) -> tuple[str, cp_model.CpSolver]:
    """The screen, then the interleaved workers on a model known feasible (or one worker)."""
    status, solver = _screen(b, prep, deadline, work)
    if status in ("feasible", "unknown"):
        workers = prep.problem.options.workers if status == "feasible" else 1
        solver = cp_model.CpSolver()
        _parameters(solver, prep, deadline, workers=workers, work=work)
        status = _STATUS.get(solver.solve(b.model), "unknown")
    return status, solver


def _step(
    b: Built, prep: PreparedProblem, deadline: float, work: float | None
) -> tuple[str, cp_model.CpSolver]:
    """A neighbourhood step: one worker (deterministic without interleaving, so no screen is
    needed) and no LP relaxation: measured on the generated 150-scene feature, a step ends 3%
    cheaper in half the wall time without it (the LP is slow there, and its bound unused)."""
    solver = cp_model.CpSolver()
    _parameters(solver, prep, deadline, workers=1, work=work)
    solver.parameters.linearization_level = 0
    return _STATUS.get(solver.solve(b.model), "unknown"), solver


def _decode(b: Built, solver: cp_model.CpSolver) -> list[int]:
    starts = [0] * len(b.prep.ids)
    for (s, d), var in b.x.items():
        if solver.boolean_value(var):
            starts[s] = d
    return starts


def run_cpsat(
    prep: PreparedProblem,
    *,
    deadline: float,
    hint: Sequence[int] | None = None,
    frozen_days: Sequence[int] = (),
    fixed: Mapping[int, int] | None = None,
    previous: Mapping[int, int] | None = None,
    move_cost: float = 0.0,
    reversible: bool = False,
    relabel: bool = False,
    work: float | None = None,
    prefix: bool = True,
    step: bool = False,
) -> CpOutcome:
    """Solve the full model, stopping at `deadline` (a `time.perf_counter` instant) or after
    `work` deterministic seconds, whichever comes first. Without `prefix`, days may be left
    empty anywhere (the caller closes the gaps); `step` solves a neighbourhood of a feasible
    board (hinted) with one worker."""
    b = new_built(prep)
    nights = add_hard_rules(
        b,
        frozen_days=frozen_days,
        fixed=fixed,
        reversible=reversible,
        relabel=relabel,
        prefix=prefix,
    )
    if day_rules_on(prep.problem):
        add_day_rules(b)
    add_costs(b, nights, previous=previous, move_cost=move_cost)
    if hint is not None:
        for (s, d), var in b.x.items():
            b.model.add_hint(var, hint[s] == d)
    b.model.minimize(b.objective())
    status, solver = _step(b, prep, deadline, work) if step else _solve(b, prep, deadline, work)
    if status not in ("optimal", "feasible"):
        return CpOutcome(status=status, starts=None, bound=None)
    return CpOutcome(
        status=status, starts=_decode(b, solver), bound=solver.best_objective_bound / SCALE
    )
