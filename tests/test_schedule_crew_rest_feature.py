"""The generated 150-scene feature: its plan and both baselines keep the crew's rest after
nights, and a re-plan with the days up to a night frozen keeps it after them."""

from __future__ import annotations

import pytest

from bench.scriptgen import GenOptions
from tests.generated import generated_script
from tests.test_schedule_crew_rest_boards import assert_crew_rest
from tools.plan import Plan, PlanInputs, make_plan
from tools.schedule import optimize
from tools.script import Script


@pytest.fixture(scope="module")
def script() -> Script:
    return generated_script(GenOptions(scenes=150, pages=120, sites=True), "f.fountain")


@pytest.fixture(scope="module")
def plan(script: Script) -> Plan:
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


def test_a_stop_date_that_pulls_nights_forward_is_replanned(script: Script, plan: Plan) -> None:
    """'MAYA is only available for the first three weeks': her night scenes, boarded among the
    nights that end the shoot, must come into the first 15 days. The previous board's repair
    cannot reach that; the re-plan is a board that keeps her days and every rule (it was
    'no schedule found')."""
    inputs = PlanInputs(time_limit_s=20.0, unavailable={"MAYA": list(range(15, 120))})
    again = make_plan(script, inputs, previous=plan)
    result = again.schedule
    assert result.status in ("optimal", "feasible"), result.diagnosis
    maya = {s.id for s in again.problem.strips if "MAYA" in s.cast}
    nights = {s.id for s in again.problem.strips if s.lighting == "NIGHT"}
    assert maya & nights  # the case the test is about
    placed = {sid: day.index for day in result.days for sid in day.strips}
    assert set(placed) == {s.id for s in again.problem.strips}
    assert max(placed[sid] for sid in maya) <= 14
    assert_crew_rest(again.problem, result)
    assert again.sorted_board is not None
    sorted_days = {sid: d.index for d in again.sorted_board.schedule.days for sid in d.strips}
    assert max(sorted_days[sid] for sid in maya) <= 14  # the AD boards the stop date first
