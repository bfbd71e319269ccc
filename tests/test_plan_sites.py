"""Plans of generated features with site structure: the day rules hold, the sorted board is
never cheaper than the plan, and `plan --json` carries sites, moves, minutes and baselines."""

from __future__ import annotations

import pytest

from bench.scriptgen import GenOptions
from greenlight.cli.plan import plan_json
from tests.generated import generated_script
from tools.plan import PlanInputs, make_plan
from tools.schedule import ScheduleResult
from tools.script import Script


def _feature(seed: int, scenes: int) -> Script:
    return generated_script(
        GenOptions(seed=seed, scenes=scenes, pages=scenes * 4 // 5, sites=True), "f.fountain"
    )


@pytest.mark.parametrize("seed", [1, 2])
def test_the_sorted_board_is_never_cheaper_than_the_plan(seed: int) -> None:
    script = _feature(seed, 64)
    boards: list[ScheduleResult] = []
    plan = make_plan(script, PlanInputs(time_limit_s=6.0, seed=seed), progress=boards.append)
    assert plan.sorted_board is not None and plan.budget is not None
    assert plan.summary.likely <= plan.sorted_board.budget.likely
    assert plan.summary.likely < plan.baseline.budget.likely
    assert boards and boards[0].method == "lns"  # the sorted board streamed first
    assert [b.cost.total for b in boards] == sorted((b.cost.total for b in boards), reverse=True)
    options = plan.problem.options
    for board in (plan.schedule, plan.sorted_board.schedule, plan.baseline.schedule):
        assert all(d.day_minutes <= (options.day_minutes or 0) + 1e-6 for d in board.days)
        assert all(d.company_moves <= (options.max_company_moves or 0) for d in board.days)
    assert plan.schedule.bound is not None and plan.schedule.bound <= plan.schedule.cost.total


def test_plan_json_carries_sites_moves_minutes_and_both_baselines() -> None:
    script = _feature(3, 24)
    plan = make_plan(script, PlanInputs(time_limit_s=4.0))
    out = plan_json(script, plan)
    scene = out["breakdown"]["scenes"][0]
    assert scene["site"] and scene["set"] and scene["site_reason"]
    day = out["schedule"]["days"][0]
    for key in ("sites", "company_moves", "set_moves", "shoot_minutes", "move_minutes"):
        assert key in day
    assert day["day_minutes"] == day["shoot_minutes"] + day["move_minutes"]
    assert "gap" in out["schedule"]
    for name in ("script_order", "sorted_board"):
        assert out["baselines"][name]["days"] > 0 and out["baselines"][name]["likely"] > 0
    assert any("sorted board" in line for line in plan.summary.text)
    assert any("attributed against" in line for line in plan.summary.text)
