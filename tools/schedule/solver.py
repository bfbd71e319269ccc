"""`optimize`: the cheapest schedule CP-SAT can find and prove, with re-plan stability.

The same path serves the product and the published benchmarks: prepare the problem, seed a
hint (heuristic, the previous version, or the exact sequencer), build the CP-SAT model, solve
with pinned parameters, decode, and cost the answer with `costing.cost_of`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from ortools.sat.python import cp_model

from tools.schedule.baseline import heuristic_starts
from tools.schedule.costing import result_from_starts
from tools.schedule.cpsat import SCALE, Built, add_hard_rules, new_built
from tools.schedule.cpsat_costs import add_costs
from tools.schedule.diagnose import diagnose, precedence_cycle
from tools.schedule.model import ScheduleProblem, ScheduleResult
from tools.schedule.prepare import PreparedProblem, default_horizon, prepare
from tools.schedule.sequence import is_sequential, order_cost, solve_sequence

__all__ = ["optimize"]

_STATUS = {
    cp_model.OPTIMAL: "optimal",
    cp_model.FEASIBLE: "feasible",
    cp_model.INFEASIBLE: "infeasible",
    cp_model.MODEL_INVALID: "infeasible",
}


def _previous_starts(prep: PreparedProblem, previous: ScheduleResult | None) -> dict[int, int]:
    out: dict[int, int] = {}
    for day in previous.days if previous else []:
        for sid in day.strips:
            if sid in prep.index:
                out.setdefault(prep.index[sid], day.index)
    return out


def _frozen(
    prep: PreparedProblem, previous: ScheduleResult | None, frozen_days: Sequence[int]
) -> tuple[set[int], dict[int, int]]:
    days = set(frozen_days) | {d.index for d in (previous.days if previous else []) if d.frozen}
    fixed = {s: d for s, d in _previous_starts(prep, previous).items() if d in days}
    return days, fixed


def _starts_from_order(prep: PreparedProblem, order: Sequence[int]) -> list[int]:
    starts, day = [0] * len(prep.ids), 0
    for s in order:
        starts[s] = day
        day += prep.length[s]
    return starts


def _oriented(prep: PreparedProblem, order: list[int], *, reversible: bool) -> list[int]:
    """Start days of `order`, turned to satisfy the model's symmetry breaking."""
    for candidate in (order, order[::-1]) if reversible else (order,):
        slots: dict[str, list[int]] = {}
        for position, s in enumerate(candidate):
            slots.setdefault(_twin_key(prep, s), []).append(position)
        placed = list(candidate)
        for key, positions in slots.items():
            members = sorted(s for s in candidate if _twin_key(prep, s) == key)
            for position, s in zip(positions, members, strict=True):
                placed[position] = s
        starts = _starts_from_order(prep, placed)
        if len(starts) < 2 or starts[0] <= starts[-1]:
            return starts
    return starts


def _twin_key(prep: PreparedProblem, s: int) -> str:
    options = prep.problem.options
    named = set(options.pinned) | {x for pair in options.precedences for x in pair}
    if prep.ids[s] in named:
        return f"id:{prep.ids[s]}"
    return prep.problem.strips[s].model_dump_json(exclude={"id"})


def _days_interchangeable(prep: PreparedProblem, previous: ScheduleResult | None) -> bool:
    """True when permuting whole days never changes the cost or breaks a rule."""
    problem, costs = prep.problem, prep.problem.costs
    return (
        _reversible(prep, previous)
        or (
            previous is None
            and not problem.options.pinned
            and not problem.options.precedences
            and not any(prep.unavailable)
        )
    ) and (
        costs.cast_pay == "worked"
        and costs.company_move >= 0
        and not any(prep.setup_cost(loc) > 0 for loc in prep.location if loc)
        and not any(prep.length[s] > 1 for s in range(len(prep.ids)))
        and prep.penalty("turnaround") <= 0
        and prep.penalty("story_order") <= 0
    )


def _reversible(prep: PreparedProblem, previous: ScheduleResult | None) -> bool:
    problem = prep.problem
    return (
        previous is None
        and problem.options.fixed_days is not None
        and not problem.options.pinned
        and not problem.options.precedences
        and not any(prep.unavailable)
        and prep.penalty("turnaround") <= 0
        and prep.penalty("story_order") <= 0
    )


def _exact_sequence(prep: PreparedProblem, seconds: float) -> tuple[float, list[int]] | None:
    """The sequencer's proven optimum in cents of the whole objective, with its order."""
    seed = heuristic_starts(prep)
    greedy = sorted(range(len(prep.ids)), key=lambda s: seed[s])
    found = solve_sequence(prep, upper=(order_cost(prep, greedy), greedy), seconds=seconds)
    if found is None:
        return None
    _, order = found
    return found[0], order


def _solve(b: Built, hint: Sequence[int] | None, floor: int | None) -> cp_model.CpSolver:
    options = b.prep.problem.options
    for (s, d), var in b.x.items():
        if hint is not None:
            b.model.add_hint(var, hint[s] == d)
    if floor is not None:
        b.model.add(b.objective() >= floor)
    b.model.minimize(b.objective())
    solver = cp_model.CpSolver()
    params = solver.parameters
    # Deterministic time and interleaved workers make the same input give the same answer;
    # the wall-clock limit still caps the run on a loaded machine.
    params.max_deterministic_time = options.time_limit_s
    params.max_time_in_seconds = options.time_limit_s
    params.interleave_search = True
    params.num_workers = options.workers
    params.random_seed = options.seed
    return solver


def optimize(
    problem: ScheduleProblem,
    *,
    previous: ScheduleResult | None = None,
    move_cost: float = 0.0,
    frozen_days: Sequence[int] = (),
    horizon: int | None = None,
) -> ScheduleResult:
    """The cheapest schedule found within `problem.options.time_limit_s`, with status and bound.

    Infeasible problems come back with `status="infeasible"` and a plain-words `diagnosis`.
    With `previous`, each strip whose start day changes costs `move_cost`; strips on frozen
    days (`frozen_days` or days marked frozen in `previous`) stay, and nothing joins them.
    """
    started = time.perf_counter()
    prep = prepare(problem, horizon=horizon or _horizon(problem, previous))
    if precedence_cycle(problem.options.precedences):
        return ScheduleResult(status="infeasible", diagnosis=diagnose(prep))
    frozen, fixed = _frozen(prep, previous, frozen_days)
    before = _previous_starts(prep, previous)
    b = new_built(prep)
    nights = add_hard_rules(
        b,
        frozen_days=sorted(frozen),
        fixed=fixed,
        reversible=_reversible(prep, previous),
        relabel=_days_interchangeable(prep, previous),
    )
    add_costs(b, nights, previous=before, move_cost=move_cost)
    hint, floor = _hint_and_floor(prep, b, previous, before)
    solver = _solve(b, hint, floor)
    status = solver.solve(b.model)
    name = _STATUS.get(status, "unknown")
    if name not in ("optimal", "feasible"):
        return ScheduleResult(
            status="infeasible" if name == "infeasible" else "unknown",
            seconds=time.perf_counter() - started,
            diagnosis=diagnose(
                prep, frozen_days=frozen, fixed=fixed, timed_out=name != "infeasible"
            ),
        )
    starts = [
        next(d for (t, d), v in b.x.items() if t == s and solver.boolean_value(v))
        for s in range(len(prep.ids))
    ]
    result = result_from_starts(
        prep,
        starts,
        status=name,
        method="cp-sat" if floor is None else "cp-sat+sequence-dp",
        previous={prep.ids[s]: d for s, d in before.items()},
        move_cost=move_cost,
    )
    bound = solver.best_objective_bound / SCALE
    if name == "feasible" and floor is not None and solver.objective_value <= floor:
        result.status = "optimal"
    result.bound = min(bound, result.cost.total) if result.status == "optimal" else bound
    result.seconds = time.perf_counter() - started
    return result


def _horizon(problem: ScheduleProblem, previous: ScheduleResult | None) -> int:
    days = default_horizon(problem)
    if (
        previous is not None
        and problem.options.fixed_days is None
        and problem.options.max_days is None
    ):
        days = max(days, len(previous.days) + 1)
    return days


def _hint_and_floor(
    prep: PreparedProblem, b: Built, previous: ScheduleResult | None, before: dict[int, int]
) -> tuple[list[int] | None, int | None]:
    if previous is not None:
        fallback = heuristic_starts(prep)
        return [before.get(s, fallback[s]) for s in range(len(prep.ids))], None
    if not is_sequential(prep):
        return heuristic_starts(prep), None
    found = _exact_sequence(prep, seconds=prep.problem.options.time_limit_s / 3)
    if found is None:
        return heuristic_starts(prep), None
    starts = _oriented(prep, found[1], reversible=_reversible(prep, previous))
    cost = result_from_starts(prep, starts, status="feasible", method="sequence").cost.total
    # The sequencer proved no order is cheaper, so the model may start from that floor.
    return starts, round(cost * SCALE)
