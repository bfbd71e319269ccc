"""A feature-scale re-plan keeps an order the previous board breaks.

"Scene 7 must be shot before scene 1" asked after the plan: the repair of the previous board
(`lns_replan`) frees both scenes of a broken order, as it frees strips on a day the change
broke, so the order holds on the new board (it once came back unchanged, order broken)."""

from __future__ import annotations

from tests.generated import generated_problem
from tools import schedule
from tools.schedule import ScheduleProblem, ScheduleResult
from tools.schedule.feature import REPLAN_LNS_MIN_STRIPS


def _problem(scenes: int) -> ScheduleProblem:
    return generated_problem(scenes, seed=5, limit=20.0)


def _day(result: ScheduleResult, sid: str) -> int:
    return next(i for i, day in enumerate(result.days) if sid in day.strips)


def test_a_re_plan_at_feature_scale_keeps_an_order_the_previous_board_broke() -> None:
    problem = _problem(REPLAN_LNS_MIN_STRIPS + 4)
    first = schedule.optimize(problem)
    assert first.status in {"feasible", "optimal"} and first.days
    late, early = first.days[-1].strips[0], first.days[0].strips[0]
    assert _day(first, late) > _day(first, early)
    asked = problem.model_copy(
        update={"options": problem.options.model_copy(update={"precedences": [(late, early)]})}
    )
    again = schedule.optimize(asked, previous=first, move_cost=500.0)
    assert again.status in {"feasible", "optimal"}, again.diagnosis
    assert _day(again, late) <= _day(again, early)
    placed = sorted(sid for day in again.days for sid in day.strips)
    assert placed == sorted(strip.id for strip in problem.strips)
