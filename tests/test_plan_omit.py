"""Scenes cut from the shoot ("what if we cut scene 12?"): not scheduled and not budgeted, the
cast left with no scene off the board; the script keeps them. In the chat the cut takes the
scene out of the pins that named it, and the answer says what it saves."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.providers import ModelSet
from tests.test_graph import assistant, provider, turn
from tests.test_plan import small_script
from tools.plan import PlanInputs, make_plan
from tools.progress import DayReport, day_rules, planned_scenes, progress, scene_eighths


def test_a_cut_scene_is_off_the_board_and_out_of_the_budget() -> None:
    script = small_script()
    full = make_plan(script, PlanInputs(time_limit_s=5))
    numbers = [s.number for s in script.scenes]
    cut = make_plan(script, PlanInputs(time_limit_s=5, omitted=[numbers[1], numbers[7]]))
    planned = {sid for day in cut.schedule.days for sid in day.strips}
    assert planned == set(numbers) - {numbers[1], numbers[7]}
    assert {s.id for s in cut.problem.strips} == planned
    assert cut.budget is not None and full.budget is not None
    assert cut.budget.likely < full.budget.likely
    # The baselines plan the same scenes, so the savings compare like with like.
    assert cut.baseline is not None
    assert {sid for d in cut.baseline.schedule.days for sid in d.strips} == planned
    with pytest.raises(ValueError, match="cannot cut scene '99': the script has no such scene"):
        make_plan(script, PlanInputs(time_limit_s=5, omitted=["99"]))


def test_cast_left_with_no_scene_leave_the_board() -> None:
    script = small_script()
    numbers = [s.number for s in script.scenes]
    # SAM is in scenes 2, 4, 7 and 8 (0-based): cut them all.
    sam = [numbers[i] for i in (2, 4, 7, 8)]
    plan = make_plan(script, PlanInputs(time_limit_s=5, omitted=sam))
    assert "SAM" not in {member.name for member in plan.problem.cast}
    assert plan.dood is not None and "SAM" not in {row.name for row in plan.dood.rows}


SCRIPT = """Title: Cuts

INT. HOUSE - DAY

Anna pours coffee.

ANNA
Morning.

EXT. PIER - DAY

Ben waits.

BEN
Late.

INT. HOUSE - NIGHT

Anna alone.

ANNA
Quiet.
"""


async def test_cutting_a_scene_in_the_chat(tmp_path: Path) -> None:
    path = tmp_path / "cuts.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    uploads = [{"name": path.name, "path": str(path)}]
    async with assistant(tmp_path, ModelSet(local=provider("fake", replies=["Done."]))) as a:
        await turn(a, "", uploads)
        await turn(a, "pin scene 2 to day 1")
        cut = await turn(a, "what if we cut scene two?")
        assert cut.version == 3 and "scene 2 cut" in cut.answer
        current = await a.context.plans.current("t1")
        assert current is not None and current.inputs["omitted"] == ["2"]
        assert "2" not in current.inputs["pinned"]  # the pin named a scene no longer planned
        strips = {sid for day in current.plan["schedule"]["days"] for sid in day["strips"]}
        assert strips == {"1", "3"}
        assert "Budget:" in cut.answer and "-$" in cut.answer
        back = await turn(a, "put scene 2 back")
        assert back.version == 4 and "Back on the board: scene 2" in back.answer
        current = await a.context.plans.current("t1")
        assert current is not None and current.inputs["omitted"] == []
        strips = {sid for day in current.plan["schedule"]["days"] for sid in day["strips"]}
        assert strips == {"1", "2", "3"}


def test_a_scene_cut_mid_shoot_leaves_the_rest_of_the_board() -> None:
    script = small_script()
    plan = make_plan(script, PlanInputs(time_limit_s=4))
    scenes = scene_eighths(plan)
    day0 = planned_scenes(plan, 0, scenes)
    later = [s for d in plan.schedule.days[1:] for s in d.strips]
    inputs = plan.inputs.model_copy(update={"omitted": [later[-1]]})
    result = progress(
        plan, plan, [DayReport(day=0, complete=day0)], planned={0: day0}, time_limit_s=5,
        inputs=inputs, rules=day_rules(script, inputs),
    )  # fmt: skip
    strips = {s for d in result.plan.schedule.days for s in d.strips}
    assert strips == set(scenes) - {later[-1]}
    first = result.plan.schedule.days[0]
    assert first.frozen and set(first.strips) == set(day0)
    assert result.plan.budget is not None and plan.budget is not None
    assert result.plan.budget.likely < plan.budget.likely
