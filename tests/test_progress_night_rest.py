"""A night the company shot early in a week, with too few nights left to stay on them until the
week's day off: the evening's report is still taken, and the answer says whose rest it is.

Found in the chat on `national-stupidity.fdx`: "Day 2 wrapped: shot 5, 6 and 7" (night scenes
at the house) was refused ("the remaining days cannot be scheduled"), so the AD could not file
the day at all."""

from __future__ import annotations

import pytest

from tests.builders import scene
from tools import schedule
from tools.plan import Plan, PlanInputs, make_plan
from tools.progress import (
    DayReport,
    planned_scenes,
    progress,
    progress_board,
    resolve_days,
    scene_eighths,
)
from tools.progress.replan import night_rest_note
from tools.progress.text import progress_text
from tools.script import Script


@pytest.fixture(scope="module")
def plan() -> Plan:
    """Twelve day scenes at three places and one short night scene."""
    places = ["HOUSE", "DINER", "OFFICE"]
    scenes = [scene(i, places[i % 3], ["MAYA", "SAM"], 8) for i in range(12)]
    scenes.append(scene(12, "HOUSE", ["MAYA"], 3, night=True))
    script = Script(title="Nights", format="fountain", scenes=scenes, content_hash="nights-v1")
    return make_plan(script, PlanInputs(time_limit_s=4.0, pages_per_day=3.0))


def test_a_night_shot_on_a_tuesday_is_taken_and_the_rest_starts_from_a_morning_call(
    plan: Plan,
) -> None:
    scenes = scene_eighths(plan)
    assert scenes["13"] == 3
    planned = {d: planned_scenes(plan, d, scenes) for d in (0, 1)}
    assert "13" not in planned[0] + planned[1]  # the night was not booked for those days
    reports = [
        DayReport(day=0, complete=planned[0]),
        DayReport(day=1, complete=["13"], not_shot=planned[1]),  # the company went to nights
    ]
    days = resolve_days(reports, scenes=scenes, planned=planned)
    # As the rule reads it, the crew must stay on nights until Friday and no night is left.
    strict = progress_board(plan.problem, days, plan.schedule)
    assert strict.solve_problem.strips[-1].lighting == "DAY"  # what is left is day work
    tight = schedule.optimize(
        strict.solve_problem, previous=strict.previous, frozen_days=strict.frozen
    )
    assert tight.status == "infeasible"

    evening = progress(plan, plan, reports, planned=planned, time_limit_s=8)
    assert evening.rest.relaxed == night_rest_note(2)
    board = evening.plan.schedule.days
    assert [d.index for d in board if d.frozen] == [0, 1]
    assert board[1].strips == ["13"]  # the night stays as it was shot
    left = {sid for d in board[2:] for sid in d.strips}
    assert left == set(scenes) - set(planned[0]) - {"13"}  # every other scene is boarded
    text = "\n".join(progress_text(evening))
    assert "Note: day 2 wrapped at night" in text and "day 3 is planned from a morning call" in text
