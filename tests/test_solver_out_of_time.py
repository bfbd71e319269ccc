"""A solve that runs out of time before CP-SAT's first board keeps the sorted board.

On a loaded machine with a short limit the monolithic model can stop with no board at all;
the sorted board it was hinted with keeps every rule, so the user gets that, unimproved,
instead of "I could not plan that" (a CI run on a slow machine met exactly this). With time,
the solver beats the sorted board on both of its paths."""

from __future__ import annotations

import pytest

from tests.generated import generated_problem
from tools import schedule
from tools.schedule import ScheduleProblem
from tools.schedule.feature import LNS_MIN_STRIPS


def _problem(limit: float, scenes: int = 18) -> ScheduleProblem:
    return generated_problem(scenes, seed=3, limit=limit)


def test_no_time_for_a_first_board_keeps_the_sorted_board_and_its_rules() -> None:
    problem = _problem(0.01)
    assert len(problem.strips) < LNS_MIN_STRIPS, "the monolithic model's path"
    result = schedule.optimize(problem)
    assert result.status == "feasible" and result.method == "sorted-board"
    assert result.bound is None, "nothing is proved"
    assert result.cost.total <= schedule.sorted_board(problem).cost.total + 1e-6
    placed = [sid for day in result.days for sid in day.strips]
    assert sorted(placed) == sorted(strip.id for strip in problem.strips)
    options = problem.options
    assert options.day_minutes is not None and options.max_company_moves is not None
    for day in result.days:
        assert day.strips, "no empty day is priced"
        assert day.shoot_minutes + day.move_minutes <= options.day_minutes + 1e-6
        assert day.company_moves <= options.max_company_moves
        assert day.lighting in {"DAY", "NIGHT"}, "a split day only when asked"


@pytest.mark.parametrize(("scenes", "method"), [(14, "cp-sat"), (40, "lns")])
def test_with_time_the_solver_improves_on_the_sorted_board(scenes: int, method: str) -> None:
    # A short script's model closes; from LNS_MIN_STRIPS the sorted board is searched from.
    problem = _problem(10.0, scenes)
    result = schedule.optimize(problem)
    assert result.method == method and result.status in {"feasible", "optimal"}
    assert result.cost.total < 0.95 * schedule.sorted_board(problem).cost.total
    if scenes < LNS_MIN_STRIPS:
        assert result.status == "optimal"
