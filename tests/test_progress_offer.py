"""When the evening's re-plan adds a day only because of the moves cap, the answer offers the
board with one more company move, priced; asked for ("allow 2 moves a day"), the re-plan of
the rest gives that board."""

from __future__ import annotations

import pytest

from bench.scriptgen import GenOptions
from tests.generated import generated_script
from tools.plan import Plan, PlanInputs, make_plan
from tools.progress import (
    DayReport,
    PartialScene,
    day_rules,
    planned_scenes,
    progress,
    scene_eighths,
)
from tools.script import Script


@pytest.fixture(scope="module")
def shoot() -> tuple[Script, Plan]:
    script = generated_script(GenOptions(scenes=40, pages=30, sites=True, seed=3), "g40.fountain")
    return script, make_plan(script, PlanInputs(time_limit_s=10.0))


def test_a_day_added_by_the_moves_cap_is_offered_back_with_a_second_move(
    shoot: tuple[Script, Plan],
) -> None:
    script, plan = shoot
    scenes = scene_eighths(plan)
    day0 = planned_scenes(plan, 0, scenes)
    last = day0[-1]
    site = next(s.main_location for s in plan.problem.strips if s.id == last)
    later = plan.schedule.days[1:]
    # The board this test is about: the last scene of day 1 is at a site no later day visits,
    # and every later day by daylight already takes its one company move.
    assert all(site not in day.sites for day in later)
    assert all(day.company_moves == 1 for day in later if day.lighting == "DAY")
    report = DayReport(day=0, complete=day0[:-1], partial=[PartialScene(scene=last, left=2)])
    evening = progress(plan, plan, [report], planned={0: day0}, time_limit_s=10.0)
    rest, offer = evening.rest, evening.rest.second_move
    assert rest.days_after == len(plan.schedule.days) + 1, "2/8 page became a day of its own"
    assert offer is not None and offer.moves == 2
    assert offer.days == len(plan.schedule.days) and offer.budget < rest.budget_after
    assert offer.move_days and all(d > 0 for d in offer.move_days), "on days not yet shot"
    said = next(line for line in evening.text if line.startswith("Allowing 2 company moves"))
    assert f"keep the shoot at {offer.days} days" in said and '"allow 2 moves a day"' in said
    # Taken up: the rest re-planned under two moves a day gives the board that was offered.
    inputs = plan.inputs.model_copy(update={"max_company_moves": 2})
    taken = progress(
        plan,
        evening.plan,
        [report],
        planned={0: day0},
        time_limit_s=15.0,
        inputs=inputs,
        rules=day_rules(script, inputs),
    )
    assert taken.rest.days_after == offer.days
    assert taken.rest.budget_after <= offer.budget
    assert max(day.company_moves for day in taken.plan.schedule.days) <= 2


def test_no_offer_when_the_re_plan_adds_no_day(shoot: tuple[Script, Plan]) -> None:
    _, plan = shoot
    scenes = scene_eighths(plan)
    day0 = planned_scenes(plan, 0, scenes)
    evening = progress(
        plan, plan, [DayReport(day=0, complete=day0)], planned={0: day0}, time_limit_s=10.0
    )
    assert evening.rest.days_after == len(plan.schedule.days)
    assert evening.rest.second_move is None
    assert not any(line.startswith("Allowing") for line in evening.text)
