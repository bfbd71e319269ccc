"""Department scaling: crew per department per day sized to the day's needs, as a small MIP.

For each department, choose a core crew `c` paid every shooting day and day players `y_d`
hired for day `d` only at the rate card's premium, such that `c + y_d >= need_d` every day:

    minimise  sum_dept rate x (days x c + (1 + premium) x sum_d y_d)

The flat crew (`c = max need`, no day players) is always feasible, so the scaled crew never
costs more. Solved with OR-Tools' linear solver (SCIP, else CBC); the constraint matrix is an
interval matrix, so GLOP's vertex solution is integral too and serves as the last fallback.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from ortools.linear_solver import pywraplp

from tools.budget.crew import CrewPlan, DeptPlan

__all__ = ["SOLVERS", "scale_crew"]

SOLVERS = ("SCIP", "CBC", "GLOP")


def _solver() -> pywraplp.Solver:
    for name in SOLVERS:
        solver = pywraplp.Solver.CreateSolver(name)
        if solver is not None:
            return solver
    raise RuntimeError("OR-Tools ships none of the linear solvers " + ", ".join(SOLVERS))


def _scale_one(need: Sequence[int], rate: Decimal, premium: Decimal) -> tuple[int, list[int]]:
    """Core crew and day players for one department; ties keep the larger core crew."""
    days, top = len(need), max(need, default=0)
    if top == 0 or days == 0:
        return 0, [0] * days
    solver = _solver()
    core = solver.IntVar(0, top, "core")
    extra = [solver.IntVar(0, top, f"extra_{d}") for d in range(days)]
    for d, n in enumerate(need):
        solver.Add(core + extra[d] >= n)
    # Cents per person-day keep the objective integral; a tiny bonus on core breaks ties.
    unit = int(rate * 100)
    day_player = int(rate * (1 + premium) * 100)
    objective = (unit * days * 1000 - 1) * core
    objective += sum(day_player * 1000 * y for y in extra)
    solver.Minimize(objective)
    status = solver.Solve()
    if status != pywraplp.Solver.OPTIMAL:
        raise RuntimeError(f"department scaling did not solve (status {status})")
    chosen = round(core.solution_value())
    return chosen, [max(0, n - chosen) for n in need]


def scale_crew(
    needs: Mapping[str, Sequence[int]], rates: Mapping[str, Decimal], *, premium: Decimal
) -> CrewPlan:
    """The cheapest core-plus-day-players crew covering every department's daily need."""
    departments = []
    for name, need in needs.items():
        if name not in rates:
            raise ValueError(f"department {name!r} has no day rate")
        if any(n < 0 for n in need):
            raise ValueError(f"department {name!r} has a negative need")
        core, players = _scale_one(need, rates[name], premium)
        departments.append(
            DeptPlan(
                department=name, rate=rates[name], core=core, day_players=players, need=list(need)
            )
        )
    return CrewPlan(method="scaled", premium=premium, departments=departments)
