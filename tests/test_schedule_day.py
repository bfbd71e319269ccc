"""The day in minutes: shooting plus moves fit the day, and the moves cap holds, on random inputs.

Checked on every board the product makes: CP-SAT's, the sorted board and script order.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tools import schedule
from tools.schedule import ScheduleCosts, ScheduleOptions, ScheduleProblem, ScheduleResult, Strip
from tools.schedule.prepare import prepare
from tools.schedule.relax import relaxation_bound

SITES = ["HOUSE", "HOSPITAL", "DINER", "HARBOR", "CAR"]
SETS = ["A", "B", "C"]
CAST = ["ANA", "BEN", "CY", "DEE"]


@st.composite
def problems(draw: st.DrawFn) -> ScheduleProblem:
    n = draw(st.integers(min_value=1, max_value=14))
    strips = [
        Strip(
            id=str(i + 1),
            location=f"{site} {room}",
            main_location=site,
            set=room,
            int_ext=draw(st.sampled_from(["INT", "EXT"])),
            lighting=draw(st.sampled_from(["DAY", "DAY", "NIGHT"])),
            eighths=draw(st.integers(min_value=1, max_value=24)),
            cast=draw(st.lists(st.sampled_from(CAST), max_size=3, unique=True)),
        )
        for i in range(n)
        for site, room in [(draw(st.sampled_from(SITES)), draw(st.sampled_from(SETS)))]
    ]
    options = ScheduleOptions(
        capacity_eighths=32,
        day_minutes=draw(st.sampled_from([600.0, 720.0])),
        company_move_minutes=draw(st.sampled_from([45.0, 75.0, 120.0])),
        set_move_minutes=15.0,
        max_company_moves=draw(st.integers(min_value=0, max_value=2)),
        time_limit_s=1.5,
        workers=1,
    )
    costs = ScheduleCosts(crew_day=10_000, company_move=3_500, set_move=250)
    return ScheduleProblem(strips=strips, costs=costs, options=options)


def _assert_day_rules(problem: ScheduleProblem, result: ScheduleResult) -> None:
    options = problem.options
    assert options.day_minutes is not None and options.max_company_moves is not None
    scheduled = [sid for day in result.days for sid in day.strips]
    assert sorted(scheduled, key=int) == [s.id for s in problem.strips]
    by_id = {s.id: s for s in problem.strips}
    for day in result.days:
        assert day.company_moves <= options.max_company_moves
        # Moves as the AD counts them: changes of site, then of set, in shooting order.
        order = [by_id[sid] for sid in day.strips]
        pairs = list(itertools.pairwise(order))
        sites = sum(a.main_location != b.main_location for a, b in pairs)
        places = [
            (a.main_location, a.int_ext, a.set, b.main_location, b.int_ext, b.set) for a, b in pairs
        ]
        sets = sum(p[:3] != p[3:] for p in places) - sites
        assert day.company_moves == sites and day.set_moves == sets
        moves = sites * options.company_move_minutes + sets * options.set_move_minutes
        shoot = sum(by_id[sid].eighths * options.minutes_per_eighth for sid in day.strips)
        assert abs(day.move_minutes - moves) < 1e-6 and abs(day.shoot_minutes - shoot) < 1e-6
        assert shoot + moves <= options.day_minutes + 1e-6
    # Turnaround is a rule: nobody from a night is called for a day scene the next morning.
    for day, after in itertools.pairwise(result.days):
        night = {a for sid in day.strips if by_id[sid].lighting == "NIGHT" for a in by_id[sid].cast}
        calls = [by_id[sid] for sid in after.strips if by_id[sid].lighting == "DAY"]
        assert not night & {a for strip in calls for a in strip.cast}, day.index


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_baselines_keep_the_day_rules(problem: ScheduleProblem) -> None:
    _assert_day_rules(problem, schedule.baseline(problem))
    _assert_day_rules(problem, schedule.sorted_board(problem))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_optimizer_keeps_the_day_rules(problem: ScheduleProblem) -> None:
    result = schedule.optimize(problem)
    assert result.status in ("optimal", "feasible")
    _assert_day_rules(problem, result)
    # Never dearer than the sorted board it was seeded with.
    assert result.cost.total <= schedule.sorted_board(problem).cost.total + 1e-6
    # The relaxation is a proven bound: never above a proven optimum.
    if result.status == "optimal":
        prep = prepare(problem, horizon=max(1, len(result.days)))
        assert relaxation_bound(prep) <= result.cost.total + 1e-6


def test_a_move_takes_time_out_of_the_day() -> None:
    """Two 3-page scenes at two sites cannot share a 12-hour day once a move costs 75 min."""
    strips = [
        Strip(id="1", main_location="HOUSE", eighths=16),
        Strip(id="2", main_location="DINER", eighths=16),
    ]
    free = ScheduleProblem(strips=strips, costs=ScheduleCosts(crew_day=1000))
    assert len(schedule.optimize(free).days) == 1
    ruled = free.model_copy(
        update={"options": ScheduleOptions(day_minutes=720, company_move_minutes=75)}
    )
    result = schedule.optimize(ruled)
    assert len(result.days) == 2
    assert [d.company_moves for d in result.days] == [0, 0]


def test_the_moves_cap_is_settable() -> None:
    strips = [Strip(id=str(i), main_location=f"SITE {i}", eighths=4) for i in range(1, 4)]
    base = dict(day_minutes=720, company_move_minutes=60)
    one = ScheduleProblem(
        strips=strips,
        costs=ScheduleCosts(crew_day=10_000),
        options=ScheduleOptions(max_company_moves=1, **base),
    )
    two = one.model_copy(update={"options": ScheduleOptions(max_company_moves=2, **base)})
    assert len(schedule.optimize(one).days) == 2
    assert len(schedule.optimize(two).days) == 1
