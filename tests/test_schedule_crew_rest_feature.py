"""The generated 150-scene feature: its plan and both baselines keep the crew's rest after
nights, and a re-plan with the days up to a night frozen keeps it after them."""

from __future__ import annotations

import pytest

from bench.scriptfmt import to_fountain
from bench.scriptgen import GenOptions, generate
from tests.test_schedule_crew_rest_boards import assert_crew_rest
from tools.parsing import read_script
from tools.plan import Plan, PlanInputs, make_plan
from tools.schedule import optimize


@pytest.fixture(scope="module")
def plan() -> Plan:
    gen = generate(GenOptions(scenes=150, pages=120, sites=True))
    script = read_script(to_fountain(gen.title_page, gen.blocks()).encode(), filename="f.fountain")
    return make_plan(script, PlanInputs(time_limit_s=10.0))


def test_the_features_boards_keep_the_crews_rest(plan: Plan) -> None:
    lights = [day.lighting for day in plan.schedule.days]
    assert "NIGHT" in lights and "DAY" in lights
    assert plan.schedule.method == "lns"
    assert_crew_rest(plan.problem, plan.schedule)
    assert plan.sorted_board is not None
    assert_crew_rest(plan.problem, plan.sorted_board.schedule, compact=False)
    assert_crew_rest(plan.problem, plan.baseline.schedule, compact=False)


def test_a_replan_after_a_frozen_night_keeps_the_crews_rest(plan: Plan) -> None:
    days = plan.schedule.days
    # Freeze up to the first night that is not a week's last day: what follows it is decided.
    inside = [d for d in days[:-1] if (d.index + 1) % 5]
    night = next(d.index for d in inside if d.lighting != "DAY")
    frozen = list(range(night + 1))
    problem = plan.problem.model_copy(
        update={"options": plan.problem.options.model_copy(update={"time_limit_s": 10.0})}
    )
    again = optimize(problem, previous=plan.schedule, move_cost=3_500.0, frozen_days=frozen)
    assert again.status in ("optimal", "feasible"), again.diagnosis
    assert [d.strips for d in again.days[: night + 1]] == [d.strips for d in days[: night + 1]]
    assert again.days[night].lighting != "DAY"
    assert_crew_rest(problem, again)
