"""Production reports against a plan: checks, frozen shot days, partial scenes, re-planning."""

from __future__ import annotations

import time

import pytest

from tests.builders import scene
from tools.plan import Plan, PlanInputs, make_plan
from tools.progress import (
    DayReport,
    PartialScene,
    PickUp,
    planned_scenes,
    progress,
    replan_rest,
    resolve_days,
    scene_eighths,
)
from tools.script import Script

PLACES = ["HOUSE", "DINER", "OFFICE", "MAIN STREET"]
CASTS = [["MAYA", "JO"], ["SAM"], ["MAYA", "SAM"], ["JO", "LEE"]]


@pytest.fixture(scope="module")
def plan() -> Plan:
    scenes = [
        scene(i, PLACES[i % 4], CASTS[i % 4], 6 + (i % 5) * 2, ext=PLACES[i % 4] == "MAIN STREET")
        for i in range(16)
    ]
    script = Script(title="Shoot", format="fountain", scenes=scenes, content_hash="shoot-v1")
    return make_plan(script, PlanInputs(time_limit_s=4.0, pages_per_day=4.0))


def _days(plan: Plan) -> dict[str, int]:
    return {sid: day.index for day in plan.schedule.days for sid in day.strips}


def test_reports_are_checked_against_the_plan(plan: Plan) -> None:
    scenes = scene_eighths(plan)
    planned = {0: planned_scenes(plan, 0, scenes)}
    cases = [
        (DayReport(day=0, complete=["99"]), "scene 99 is not on the plan"),
        (DayReport(day=0, partial=[PartialScene(scene="1", eighths=6)]), "is not part of it"),
        (DayReport(day=0, complete=["1"], not_shot=["1"]), "both finished and not"),
        (DayReport(day=1, complete=["1"]), "no report for day 1"),
    ]
    for report, message in cases:
        with pytest.raises(ValueError, match=message):
            resolve_days([report], scenes=scenes, planned=planned)
    first = DayReport(day=0, complete=["1"])
    with pytest.raises(ValueError, match="already finished on an earlier day"):
        resolve_days([first, DayReport(day=1, complete=["1"])], scenes=scenes, planned=planned)


def test_partial_eighths_follow_what_is_left(plan: Plan) -> None:
    scenes = scene_eighths(plan)  # scene 3 has 10/8
    reports = [
        DayReport(day=0, partial=[PartialScene(scene="3", fraction=0.5)]),
        DayReport(day=1, partial=[PartialScene(scene="3", fraction=0.5)]),
        DayReport(day=2, complete=["3"]),
    ]
    days = resolve_days(reports, scenes=scenes, planned={})
    assert [d.shot[0].eighths for d in days] == [5, 2, 3]
    assert [d.shot[0].finished for d in days] == [False, False, True]
    assert sum(d.shot[0].eighths for d in days) == scenes["3"]


def test_unmentioned_planned_scenes_count_as_not_shot(plan: Plan) -> None:
    scenes = scene_eighths(plan)
    planned = planned_scenes(plan, 0, scenes)
    days = resolve_days(
        [DayReport(day=0, complete=planned[:1])], scenes=scenes, planned={0: planned}
    )
    assert days[0].assumed == planned[1:]
    assert days[0].not_shot == planned[1:]


def test_shot_days_freeze_and_unshot_work_goes_back_on_the_board(plan: Plan) -> None:
    scenes = scene_eighths(plan)
    day0 = planned_scenes(plan, 0, scenes)
    outside = next(s for s in scenes if s not in day0)
    report = DayReport(
        day=0,
        complete=[day0[0], outside],
        partial=[PartialScene(scene=day0[1], eighths=2)],
        not_shot=day0[2:],
        pickups=[PickUp(scene=day0[0], eighths=1)],
        overtime_hours=1.5,
    )
    result = progress(plan, plan, [report], planned={0: day0}, time_limit_s=5)
    board = result.plan.schedule
    frozen = board.days[0]
    assert frozen.frozen and not any(day.frozen for day in board.days[1:])
    assert sorted(frozen.strips) == sorted(
        [day0[0], outside, day0[1], f"{day0[0]} (pick-up, day 1)"]
    )
    assert frozen.eighths == scenes[day0[0]] + scenes[outside] + 2 + 1
    placed = {m.scene: m.new_day for m in result.rest.placed}
    assert f"{day0[1]} (rest)" in placed and all(s in placed for s in day0[2:])
    strips = {s.id: s for s in result.plan.problem.strips}
    assert strips[f"{day0[1]} (rest)"].eighths == scenes[day0[1]] - 2
    assert result.days[0].added == [outside]
    # Every eighth of the script is on the board exactly once (pick-ups are extra).
    total = sum(s.eighths for s in strips.values() if "pick-up" not in s.id)
    assert total == sum(scenes.values())
    assert result.plan.inputs.frozen_days == [0]


def test_a_second_evening_keeps_the_first_evening_frozen_and_moves_few_strips(plan: Plan) -> None:
    scenes = scene_eighths(plan)
    day0 = planned_scenes(plan, 0, scenes)
    first = DayReport(day=0, all_planned=True)
    one = progress(plan, plan, [first], planned={0: day0}, time_limit_s=5)
    assert one.rest.moved == [] and one.rest.placed == []
    assert _days(one.plan) == _days(plan)
    day1 = planned_scenes(one.plan, 1, scenes)
    second = DayReport(day=1, complete=day1[1:], not_shot=day1[:1])
    two = progress(plan, one.plan, [first, second], planned={0: day0, 1: day1}, time_limit_s=5)
    after = _days(two.plan)
    assert [after[s] for s in day0] == [0] * len(day0)
    assert [after[s] for s in day1[1:]] == [1] * len(day1[1:])
    assert after[day1[0]] >= 2
    assert len(two.rest.moved) <= 4
    assert two.plan.schedule.days[0].frozen and two.plan.schedule.days[1].frozen


def test_a_rained_out_day_stays_on_the_calendar(plan: Plan) -> None:
    scenes = scene_eighths(plan)
    day0 = planned_scenes(plan, 0, scenes)
    result = progress(
        plan,
        plan,
        [DayReport(day=0, not_shot=day0, weather_hours=12)],
        planned={0: day0},
        time_limit_s=5,
    )
    assert result.plan.schedule.days[0].strips == ["day 1 (nothing shot)"]
    assert len(result.plan.schedule.days) == len(plan.schedule.days) + 1
    assert result.forecast.forecast_days == result.forecast.approved_days + 1
    assert result.forecast.variance > 0
    assert "1 more than the approved" in " ".join(result.text)
    # Nothing of the day's board was shot: the pace is half, and the rollouts, every day
    # leaving all its work undone, double the days left (capped there).
    left = result.forecast.forecast_days - 1
    assert result.forecast.pace == 1 and result.forecast.allowance > 0
    assert (result.forecast.extra_days, result.forecast.rollouts) == (left, 1)
    # The answer says what the forecast assumes of the days left.
    assert (
        f"It assumes the {left} days left on the re-plan go as the shot day went, in turn "
        "(1 of 1 left booked work undone)" in " ".join(result.text)
    )
    assert f"about {left:.1f} more days" in " ".join(result.text)


def test_the_repaired_board_places_every_strip_within_the_day_rules() -> None:
    from tools.progress.repair import repaired_board
    from tools.schedule import ScheduleOptions, ScheduleProblem, ScheduleResult, ShootDay, Strip
    from tools.schedule.model import CastMember

    strips = [
        Strip(id="1", eighths=20),
        Strip(id="2", eighths=10),
        Strip(id="3", eighths=8, lighting="NIGHT"),
        Strip(id="4", eighths=12, cast=["MAYA"]),
        Strip(id="5", eighths=4, cast=["MAYA"]),
    ]
    problem = ScheduleProblem(
        strips=strips,
        cast=[CastMember(name="MAYA", unavailable_days=[1])],
        options=ScheduleOptions(capacity_eighths=32),
    )
    previous = ScheduleResult(
        status="feasible",
        days=[ShootDay(index=0, strips=["1"], frozen=True), ShootDay(index=1, strips=["2"])],
    )
    board = repaired_board(problem, previous, frozen=1)
    days = {d.index: d.strips for d in board.days}
    # 3 is a night scene (not with 2's day work); MAYA cannot work day 2 (index 1). The night
    # ends the board: a Wednesday night before Thursday's morning call breaks the crew's rest.
    assert days == {0: ["1"], 1: ["2"], 2: ["4", "5"], 3: ["3"]}


def test_the_repaired_board_keeps_the_moves_cap_and_the_days_minutes_with_moves() -> None:
    # The 150-scene feature's first evening put the rest of a courthouse scene on a day at
    # the motel and the bus depot: two company moves, 13 h 45 of a 12-hour day.
    from tools.progress.repair import repaired_board
    from tools.schedule import ScheduleOptions, ScheduleProblem, ScheduleResult, ShootDay, Strip

    strips = [
        Strip(id="1", eighths=8, main_location="COURT"),
        Strip(id="2", eighths=14, main_location="MOTEL"),
        Strip(id="3", eighths=11, main_location="DEPOT"),
        Strip(id="4", eighths=5, main_location="COURT"),
        Strip(id="5", eighths=12, main_location="MOTEL"),
    ]
    rules = ScheduleOptions(
        capacity_eighths=40,
        day_minutes=720,
        company_move_minutes=75,
        max_company_moves=1,
        minutes_per_eighth=22.5,
    )
    problem = ScheduleProblem(strips=strips, options=rules)
    previous = ScheduleResult(
        status="feasible",
        days=[
            ShootDay(index=0, strips=["1"], frozen=True),
            ShootDay(index=1, strips=["2", "3"]),
            ShootDay(index=2, strips=["5"]),
        ],
    )
    board = repaired_board(problem, previous, frozen=1)
    days = {d.index: d.strips for d in board.days}
    # Day 2 is at two sites already (one move, 25 eighths: 562.5 + 75 minutes): the court
    # would be a second move. Day 3 (the motel, 270 minutes) takes it: one move, 5 eighths,
    # 270 + 112.5 + 75 = 457.5 minutes.
    assert days == {0: ["1"], 1: ["2", "3"], 2: ["5", "4"]}
    tight = problem.model_copy(update={"options": rules.model_copy(update={"day_minutes": 420.0})})
    days = {d.index: d.strips for d in repaired_board(tight, previous, frozen=1).days}
    # A 7-hour day: 457.5 minutes do not fit day 3, so the rest is a day of its own.
    assert days == {0: ["1"], 1: ["2", "3"], 2: ["5"], 3: ["4"]}


@pytest.mark.parametrize(
    ("site", "expected"),
    [
        ("HOUSE", {0: ["1"], 1: ["2", "6"]}),  # fits day 2 at its site: the last day goes
        ("DINER", {0: ["1"], 1: ["2"], 2: ["6"]}),  # another site: a move, so the day stays
    ],
)
def test_the_repaired_board_folds_a_last_day_into_room_at_its_site(
    site: str, expected: dict[int, list[str]]
) -> None:
    from tools.progress.repair import repaired_board
    from tools.schedule import ScheduleOptions, ScheduleProblem, ScheduleResult, ShootDay, Strip

    strips = [
        Strip(id="1", eighths=20, main_location="HOUSE"),
        Strip(id="2", eighths=10, main_location="HOUSE"),
        Strip(id="6", eighths=4, main_location=site),
    ]
    problem = ScheduleProblem(strips=strips, options=ScheduleOptions(capacity_eighths=32))
    previous = ScheduleResult(
        status="feasible",
        days=[
            ShootDay(index=0, strips=["1"], frozen=True),
            ShootDay(index=1, strips=["2"]),
            ShootDay(index=2, strips=["6"]),
        ],
    )
    board = repaired_board(problem, previous, frozen=1)
    assert {d.index: d.strips for d in board.days} == expected


@pytest.mark.parametrize(
    ("strip", "scene"),
    [
        ("18", "18"),
        ("18 (rest)", "18"),
        ("18 (day 5)", "18"),
        ("22 (pick-up, day 4)", "22"),
        ("12 (2)", "12 (2)"),
        ("12 (2) (rest)", "12 (2)"),
    ],
)
def test_board_suffixes_come_off_but_a_repeated_numbers_own_suffix_stays(
    strip: str, scene: str
) -> None:
    from tools.progress import scene_of

    assert scene_of(strip) == scene


def test_a_pick_up_elsewhere_past_the_move_cap_still_re_plans() -> None:
    scenes = [scene(i, PLACES[i % 4], CASTS[i % 4], 6 + (i % 5) * 2) for i in range(12)]
    script = Script(title="Moves", format="fountain", scenes=scenes, content_hash="moves-v1")
    plan = make_plan(script, PlanInputs(time_limit_s=4.0, max_company_moves=0))
    eighths = scene_eighths(plan)
    site = {s.id: s.main_location for s in plan.problem.strips}
    day0, day1 = planned_scenes(plan, 0, eighths), planned_scenes(plan, 1, eighths)
    assert {site[s] for s in day0} != {site[s] for s in day1}, "the plan's days 1 and 2 differ"
    first = DayReport(day=0, all_planned=True)
    one = progress(plan, plan, [first], planned={0: day0}, time_limit_s=4)
    # Day 2 also picks up a scene of day 1, at its site: a company move the cap forbids.
    second = DayReport(day=1, all_planned=True, pickups=[PickUp(scene=day0[0])])
    two = progress(plan, one.plan, [first, second], planned={0: day0, 1: day1}, time_limit_s=4)
    pick = f"{day0[0]} (pick-up, day 2)"
    assert pick in two.plan.schedule.days[1].strips and two.plan.schedule.days[1].frozen
    # Only the solver saw the day eased: the board and the budget keep the real site.
    real = {s.id: s.main_location for s in two.plan.problem.strips}
    assert real[pick] == site[day0[0]]


def test_a_full_day_with_a_set_move_and_a_pick_up_elsewhere_is_eased_to_fit() -> None:
    from tools import schedule
    from tools.progress import progress_board
    from tools.schedule import ScheduleOptions, ScheduleProblem, ScheduleResult, ShootDay, Strip

    def strip(sid: str, site: str, int_ext: str, eighths: int) -> Strip:
        return Strip(id=sid, main_location=site, location=site, int_ext=int_ext, eighths=eighths)

    problem = ScheduleProblem(
        strips=[
            strip("1", "HOUSE", "INT", 16),
            strip("2", "HOUSE", "EXT", 15),
            strip("3", "DINER", "INT", 8),
            strip("4", "HOUSE", "INT", 8),
        ],
        options=ScheduleOptions(
            time_limit_s=3,
            day_minutes=720,
            company_move_minutes=75,
            set_move_minutes=15,
            max_company_moves=1,
        ),
    )
    eighths = {s.id: s.eighths for s in problem.strips}
    reports = [
        DayReport(day=0, complete=["3"]),
        # 32 eighths (720 minutes) + an INT/EXT set move + a move to the diner: 810 > 720.
        DayReport(day=1, complete=["1", "2"], pickups=[PickUp(scene="3")]),
    ]
    days = resolve_days(reports, scenes=eighths, planned={0: ["3"], 1: ["1", "2"]})
    last = ScheduleResult(
        status="feasible",
        days=[
            ShootDay(index=0, strips=["3"]),
            ShootDay(index=1, strips=["1", "2"]),
            ShootDay(index=2, strips=["4"]),
        ],
    )
    board = progress_board(problem, days, last)
    solved = schedule.optimize(
        board.solve_problem, previous=board.previous, frozen_days=board.frozen
    )
    assert solved.status != "infeasible" and [d.strips for d in solved.days][2] == ["4"]
    real = {s.id: s for s in board.problem.strips}["3 (pick-up, day 2)"]
    assert (real.main_location, real.int_ext) == ("DINER", "INT")


def test_a_turnaround_the_shoot_broke_between_shot_days_does_not_refuse_the_re_plan() -> None:
    from tools import schedule
    from tools.progress import Portion, ResolvedDay, progress_board
    from tools.schedule import ScheduleOptions, ScheduleProblem, ScheduleResult, ShootDay, Strip

    def strip(sid: str, site: str, lighting: str, cast: list[str]) -> Strip:
        return Strip(id=sid, main_location=site, lighting=lighting, cast=cast, eighths=4)

    problem = ScheduleProblem(
        strips=[
            strip("1", "HOUSE", "NIGHT", ["ORSON"]),
            strip("2", "HOUSE", "DAY", ["ORSON"]),
            strip("3", "DINER", "DAY", ["ORSON"]),
        ],
        options=ScheduleOptions(capacity_eighths=8, time_limit_s=5),
    )
    last = ScheduleResult(
        status="feasible",
        days=[ShootDay(index=i, strips=[sid]) for i, sid in enumerate(["1", "2", "3"])],
    )
    # ORSON shot a night scene, then a day scene the next day: the rule broken, on the set.
    shot = [
        ResolvedDay(day=0, planned=["1"], shot=[Portion(scene="1", eighths=4, finished=True)]),
        ResolvedDay(day=1, planned=["2"], shot=[Portion(scene="2", eighths=4, finished=True)]),
    ]
    board = progress_board(problem, shot, last)
    lights = {s.id: s.lighting for s in board.solve_problem.strips}
    assert (lights["1"], lights["2"]) == ("DAY", "DAY")  # the real board keeps the night
    assert {s.id: s.lighting for s in board.problem.strips}["1"] == "NIGHT"
    result = schedule.optimize(
        board.solve_problem, previous=board.previous, frozen_days=board.frozen
    )
    assert result.days and [d.strips for d in result.days] == [["1"], ["2"], ["3"]]


def test_the_solver_gets_the_evening_less_the_costings_share_even_when_late(plan: Plan) -> None:
    scenes = scene_eighths(plan)
    day0 = planned_scenes(plan, 0, scenes)
    report = DayReport(day=0, complete=day0[1:], not_shot=day0[:1])
    days = resolve_days([report], scenes=scenes, planned={0: day0})
    on_time = progress(plan, plan, [report], planned={0: day0}, time_limit_s=8)
    # At least a second is kept back for costing the board and the forecast after the solve.
    assert 0 < on_time.rest.limit_s <= 8 - 1.2
    late, rest = replan_rest(plan, plan, days, time_limit_s=8, deadline=time.perf_counter() - 1)
    # An evening already past its deadline still gets a board, from the solver's least time.
    assert rest.limit_s == 1.0 and late.schedule.days
    assert sorted(_days(late)) == sorted(_days(on_time.plan))
